package org.timescales.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Which version of a process is the latest, remembered for a few seconds. Every start by key (a referral, each
 * clock's watcher, each escalation) asks the engine's {@link ProcessDefinitionManager} for the latest
 * version, and it asks the database every time: the deployment cache caches a version once found, not which
 * is the latest. A process key's latest version changes only when a deployment adds one: this node's own
 * deployments forget what was remembered at once; another node's (a rolling upgrade) are seen within
 * {@link #REMEMBERED}. Replaced as the engine allows, through a custom session factory (docs/benchmark.md
 * measures what it bought).
 */
@Component
class LatestProcessDefinitions extends AbstractProcessEnginePlugin {

	/** How long a key's latest version is taken as known. */
	static final Duration REMEMBERED = Duration.ofSeconds(10);

	private record Latest(ProcessDefinitionEntity definition, Instant until) {
	}

	/** Real time, not the engine clock: the tests and the year replay move that by months. */
	private final Clock clock = Clock.systemUTC();

	private final Map<String, Latest> latest = new ConcurrentHashMap<>();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineManagers.replace(configuration, ProcessDefinitionManager.class, Remembering::new);
	}

	/** Forgets every key's latest version (a deployment here, or a definition deleted). */
	void forget() {
		latest.clear();
	}

	/** The engine's manager, but for remembering the latest version of each key. */
	class Remembering extends ProcessDefinitionManager {

		@Override
		public ProcessDefinitionEntity findLatestDefinitionByKey(String key) {
			Instant now = clock.instant();
			Latest known = latest.get(key);
			if (known != null && now.isBefore(known.until())) {
				return known.definition();
			}
			ProcessDefinitionEntity found = super.findLatestDefinitionByKey(key);
			if (found != null) {
				latest.put(key, new Latest(found, now.plus(REMEMBERED)));
			}
			return found;
		}

		@Override
		public void insertProcessDefinition(ProcessDefinitionEntity definition) {
			forget();
			super.insertProcessDefinition(definition);
		}

		@Override
		public void deleteProcessDefinition(ProcessDefinition definition, String processDefinitionId,
				boolean cascadeToHistory, boolean cascadeToInstances, boolean skipCustomListeners, boolean skipIoMappings) {
			forget();
			super.deleteProcessDefinition(definition, processDefinitionId, cascadeToHistory, cascadeToInstances,
					skipCustomListeners, skipIoMappings);
		}

	}

}
