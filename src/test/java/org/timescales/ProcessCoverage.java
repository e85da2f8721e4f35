package org.timescales;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Process coverage of the process tests, by camunda-process-test-coverage: its listener (registered by
 * its jar for every Spring test) writes one report per {@code *ProcessTest} class under
 * target/process-test-coverage/, and {@link ProcessCoverageReport} adds them up after the tests. Every
 * Spring test shares one context, so the engine's coverage hooks are added to that context here (both
 * registered in META-INF/spring.factories) rather than by an annotation on some test classes, which
 * would start a second context; the application run by itself (a cluster node, a restart, the
 * benchmark) never has them.
 */
public final class ProcessCoverage {

	/** The test classes whose runs are reported: one per BPMN file. */
	static final String REPORTED = "*ProcessTest";

	private ProcessCoverage() {
	}

	/** Adds the coverage configuration to every test context, the same way, so they stay one. */
	public static final class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}

	}

	private record Customizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition(Hooks.class.getName(),
					new RootBeanDefinition(Hooks.class));
		}

	}

	/**
	 * The library's engine hooks, its settings, and no collector until a reported class runs. Registered by
	 * the customizer above only: not a {@code @Configuration}, which the application's component scan would
	 * pick up from the test classpath wherever it runs (the benchmark ran with the coverage listener on
	 * every element, about a tenth of a referral's time).
	 */
	@Import(ProcessEngineCoverageConfiguration.class)
	static class Hooks {

		// the library's default is conditional on this one, but is registered first (it is imported)
		@Bean
		@Primary
		ProcessEngineCoverageProperties processCoverageProperties() {
			return ProcessEngineCoverageProperties.builder()
				.addInclusionPatternForTestClasses(REPORTED)
				.handleTestMethodCoverage(false)
				.build();
		}

		@Bean
		ProcessEnginePlugin processCoverageIdle() {
			return new AbstractProcessEnginePlugin() {
				@Override
				public void postProcessEngineBuild(ProcessEngine engine) {
					idle(engine);
				}
			};
		}

	}

	/**
	 * After each test class, nothing is collected until the next reported class sets its own collector:
	 * the library's listener refuses to run otherwise, and the events of other tests are nobody's.
	 */
	public static final class Idle implements TestExecutionListener, Ordered {

		@Override
		public void afterTestClass(TestContext testContext) {
			if (testContext.hasApplicationContext()) {
				testContext.getApplicationContext()
					.getBeanProvider(ProcessEngine.class)
					.ifAvailable(ProcessCoverage::idle);
			}
		}

		// after-class callbacks run last-ordered first: the library's report is written before this
		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE - 1;
		}

	}

	private static final Collector NOBODY = event -> {
	};

	static void idle(ProcessEngine engine) {
		new ProcessEngineAdapter(engine, NOBODY).initializeListeners();
	}

}
