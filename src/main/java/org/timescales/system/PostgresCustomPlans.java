package org.timescales.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.postgresql.PGStatement;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's authorization-checked reads are planned for their own values every time.
 * The driver names a statement after its fifth run and PostgreSQL may then switch to a generic plan made
 * without the values; for an authorization check ({@code PERMS_ & ? = ?}) that plan cannot use the
 * permission-bit statistics ({@link EngineQueryTuning}), and a Tasklist count of a team's 10,000 tasks
 * took 9.6 s instead of 0.33 s (benchmark, EXPLAIN ANALYZE of the same prepared statement both ways).
 * Such a statement is sent unnamed (the driver's prepare threshold 0 for it alone), which PostgreSQL plans
 * with the bound values.
 * <p>
 * Only those: every other statement keeps the driver's and the server's cached plans. Until issue 17
 * every statement of the session was planned anew ({@code plan_cache_mode=force_custom_plan}), the
 * server's own foreign-key checks at every inserted row included: the year's replay at 3% took 188 s,
 * and takes 164 s with only these statements unnamed (docs/benchmark.md).
 */
@Component
class PostgresCustomPlans extends AbstractProcessEnginePlugin {

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new AuthorizationChecksUnnamed());
	}

	/**
	 * Whether the statement reads with an authorization check: those are the plans that need the values.
	 * Asked at every statement the engine prepares, so it copies nothing; the engine's mappings name the
	 * table in capitals ({@code ${prefix}ACT_RU_AUTHORIZATION}) and write {@code select} in either case.
	 */
	static boolean checksAuthorizations(String sql) {
		if (!sql.contains("ACT_RU_AUTHORIZATION")) {
			return false;
		}
		int start = 0;
		while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
			start++;
		}
		return sql.regionMatches(true, start, "select", 0, 6);
	}

	@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = { Connection.class, Integer.class }))
	static final class AuthorizationChecksUnnamed implements Interceptor {

		@Override
		public Object intercept(Invocation invocation) throws Throwable {
			Statement statement = (Statement) invocation.proceed();
			if (checksAuthorizations(((StatementHandler) invocation.getTarget()).getBoundSql().getSql())) {
				unnamed(statement);
			}
			return statement;
		}

		private static void unnamed(Statement statement) throws SQLException {
			if (statement.isWrapperFor(PGStatement.class)) {
				statement.unwrap(PGStatement.class).setPrepareThreshold(0);
			}
		}

	}

}
