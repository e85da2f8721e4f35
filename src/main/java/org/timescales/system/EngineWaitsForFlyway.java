package org.timescales.system;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The engine's job executor may run a delegate that writes our tables as soon as the engine is up,
 * so the engine starts only after Flyway has created them.
 */
class EngineWaitsForFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		return Set.of(ProcessEngine.class);
	}

}
