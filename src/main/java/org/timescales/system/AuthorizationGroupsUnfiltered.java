package org.timescales.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks without their table scan. Before the first check of every command the
 * engine's {@link AuthorizationManager} reads {@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}
 * — every group named by any grant, the whole table at a county's 100,000 open tasks, one grant each — only
 * to drop from the user's groups those that no grant names. Dropping them changes no answer: a group no
 * grant names matches no grant. So the user's groups go into the checks as they are, and the scan is never
 * made. Camunda lets a process engine plugin replace a session's manager through a custom session factory
 * (docs/benchmark.md measures what it bought).
 */
@Component
class AuthorizationGroupsUnfiltered extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineManagers.replace(configuration, AuthorizationManager.class, UnfilteredGroups::new);
	}

	/** The engine's authorization manager, but for the filtering of the user's groups by the grants' groups. */
	static class UnfilteredGroups extends AuthorizationManager {

		@Override
		public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
			return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
		}

	}

}
