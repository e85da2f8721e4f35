package org.timescales.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Replaces one of the engine's per-command managers with our subclass of it: the engine opens a session
 * of each type from its session factories, and a custom session factory for a type wins over its own
 * (registered last). For a plugin's {@code preInit}.
 */
public final class EngineManagers {

	private EngineManagers() {
	}

	public static void replace(ProcessEngineConfigurationImpl configuration, Class<? extends Session> type,
			Supplier<? extends Session> ours) {
		List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomSessionFactories());
		factories.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return type;
			}

			@Override
			public Session openSession() {
				return ours.get();
			}

		});
		configuration.setCustomSessionFactories(factories);
	}

}
