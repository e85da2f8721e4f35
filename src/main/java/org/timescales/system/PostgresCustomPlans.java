package org.timescales.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, every statement we and the engine send is planned for its own parameter values: the
 * driver sends each as an unnamed statement ({@code prepareThreshold=0}), which PostgreSQL plans with the
 * values bound. By default the driver names a statement after its fifth run and PostgreSQL may then
 * switch to a generic plan made without the values; for the authorization checks that plan cannot use
 * the permission-bit statistics ({@link EngineQueryTuning}) and a Tasklist count of a team's 10,000
 * tasks took 9.6 s instead of 0.33 s (benchmark, EXPLAIN ANALYZE of the same prepared statement both
 * ways).
 * <p>
 * Until issue 17 this was {@code plan_cache_mode=force_custom_plan} for the whole session, which also
 * re-planned the server's own foreign-key checks at every row the engine inserts (a variable checks its
 * execution, process instance and byte array): an insert into {@code ACT_RU_VARIABLE} took 0.27 ms
 * instead of 0.09 ms (pg_stat_statements, docs/benchmark.md). Those checks keep PostgreSQL's cached plans.
 * An operator's own {@code prepareThreshold} is left as it is.
 */
@Component
class PostgresCustomPlans implements BeanPostProcessor {

	static final String PREPARE_THRESHOLD = "prepareThreshold";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:")
				&& !pool.getDataSourceProperties().containsKey(PREPARE_THRESHOLD)
				&& !pool.getJdbcUrl().contains(PREPARE_THRESHOLD + "=")) {
			pool.addDataSourceProperty(PREPARE_THRESHOLD, "0");
		}
		return bean;
	}

}
