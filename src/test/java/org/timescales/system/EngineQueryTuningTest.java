package org.timescales.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

@TimescalesTest
class EngineQueryTuningTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Test
	void theDueDateColumnsOfJobsAndTasksAreIndexed() throws Exception {
		assertThat(indexedColumns("ACT_RU_JOB")).contains("DUEDATE_");
		assertThat(indexedColumns("ACT_RU_TASK")).contains("DUE_DATE_");
	}

	@Test
	void whatTheEngineReadsAsATaskOrExecutionEndsIsIndexed() throws Exception {
		assertThat(indexedColumns("ACT_RU_TASK")).contains("PARENT_TASK_ID_");
		assertThat(indexedColumns("ACT_RU_VARIABLE")).contains("EXECUTION_ID_", "TASK_ID_");
		try (Connection c = dataSource.getConnection()) {
			if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
				return; // PostgreSQL's planner uses the engine's own ACT_IDX_VAR_EXE; ours is H2's alone
			}
		}
		// the engine's query for an execution's own variables: H2 chose ACT_IDX_VARIABLE_TASK_ID for
		// "TASK_ID_ is null", a scan of every process variable of every open case
		String plan = jdbc.sql("explain select * from ACT_RU_VARIABLE where EXECUTION_ID_ = 'x' and TASK_ID_ is null")
			.query(String.class)
			.single();
		assertThat(plan).contains("TS_IDX_VARIABLE_EXECUTION: EXECUTION_ID_ = 'x'");
	}

	@Test
	void onPostgreSqlThePermissionBitsHaveStatistics() throws Exception {
		try (Connection c = dataSource.getConnection()) {
			if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
				return; // H2 has no extended statistics; .ci/run runs this suite on PostgreSQL too
			}
		}
		assertThat(jdbc.sql("select count(*) from pg_statistic_ext where stxname = 'ts_auth_perms'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * PostgresCustomPlans: run ten times in one transaction (one connection), the engine's task count with an
	 * authorization check is still sent unnamed, so PostgreSQL plans it with the permission bits' values; the
	 * same count without a check is prepared as the driver does after five runs, and the session keeps
	 * PostgreSQL's default plan cache mode, under which the server's foreign-key checks keep their plans.
	 */
	@Test
	void onPostgreSqlTheEnginesAuthorizationChecksArePlannedWithTheirValues() throws Exception {
		try (Connection c = dataSource.getConnection()) {
			if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
				return; // H2 has no plan cache of this kind; .ci/run runs this suite on PostgreSQL too
			}
		}
		List<String> named = transactions.execute(status -> {
			identityService.setAuthentication("worker.north", List.of("practitioner", "north"));
			try {
				for (int run = 0; run < 10; run++) {
					taskService.createTaskQuery().taskCandidateGroup("north").count();
				}
			}
			finally {
				identityService.clearAuthentication();
			}
			for (int run = 0; run < 10; run++) {
				taskService.createTaskQuery().taskCandidateGroup("north").count();
			}
			return jdbc.sql("select upper(statement) from pg_prepared_statements where not from_sql")
				.query(String.class)
				.list();
		});
		// (the pooled connection may hold other statements the server keeps, such as the grants' inserts)
		assertThat(named).as("statements the server kept a plan for")
			.anyMatch(sql -> sql.contains("FROM ACT_RU_TASK") && !sql.contains("ACT_RU_AUTHORIZATION"))
			.noneMatch(sql -> sql.strip().startsWith("SELECT") && sql.contains("FROM ACT_RU_TASK")
					&& sql.contains("ACT_RU_AUTHORIZATION"));
		assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
	}

	/** Upper-cased columns of the table's indexes (H2 keeps names upper-case, PostgreSQL lower-case). */
	private List<String> indexedColumns(String table) throws Exception {
		List<String> columns = new ArrayList<>();
		try (Connection c = dataSource.getConnection()) {
			DatabaseMetaData meta = c.getMetaData();
			for (String name : List.of(table, table.toLowerCase())) {
				try (ResultSet rs = meta.getIndexInfo(null, null, name, false, false)) {
					while (rs.next()) {
						if (rs.getString("COLUMN_NAME") != null) {
							columns.add(rs.getString("COLUMN_NAME").toUpperCase());
						}
					}
				}
			}
		}
		return columns;
	}

}
