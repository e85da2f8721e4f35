package org.timescales.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the engine's own tables lack for a county's volume, added once its schema exists (Flyway runs
 * before the engine, so these cannot be migrations). Found and measured by the benchmark
 * (docs/benchmark.md). Idempotent, and harmless if another node races it: the engine works without.
 * <ul>
 * <li>Indexes on the due dates Timescales lives by: the job executor acquires due timers by
 * {@code ACT_RU_JOB.DUEDATE_} (jobExecutorAcquireByDueDate), every work queue is ordered by
 * {@code ACT_RU_TASK.DUE_DATE_}; the engine indexes neither.</li>
 * <li>Indexes on what the engine reads as each task and execution ends: a task's sub-tasks; on H2, an
 * execution's own variables (found by the year's replay, whose every step grew dearer with the open
 * caseload).</li>
 * <li>PostgreSQL: statistics on the permission bits the authorization checks test
 * ({@code PERMS_ & 2 = 2}). Without them the planner guesses a few matching authorizations where a
 * team has one per open task, joins them by a nested loop over every pair, and a Tasklist count of a
 * team's 10,000 tasks took 8 s (20 s with plain statistics); with them it probes the index and takes a
 * quarter of a second. PostgreSQL's autovacuum (on by default) keeps them current.</li>
 * </ul>
 */
@Component
class EngineQueryTuning extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(EngineQueryTuning.class);

	static final List<String> INDEXES = List.of(
			"create index if not exists TS_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)",
			"create index if not exists TS_IDX_TASK_DUE_DATE on ACT_RU_TASK (DUE_DATE_)",
			// every completed or deleted task looks for its sub-tasks: a scan of every open task without it
			"create index if not exists TS_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)");

	// an execution's own variables (EXECUTION_ID_ = ? and TASK_ID_ is null), read as each execution ends:
	// H2 took the engine's TASK_ID_ index for "is null" and read every process variable of every open case,
	// a cost growing with the caseload (issue 17's year). PostgreSQL's schema has ACT_IDX_VAR_EXE, which its
	// planner uses: there a second index would only cost every variable write
	static final List<String> H2 = List.of(
			"create index if not exists TS_IDX_VARIABLE_EXECUTION on ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)");

	// READ, READ_TASK, READ_INSTANCE, READ_HISTORY: the bits the task, process and history checks test.
	// Built by the next (auto)analyze; no ANALYZE here: on a new, empty table it would record 0 rows
	// and, where autovacuum is off, leave every plan believing it (seen: point lookups turned to scans)
	static final List<String> POSTGRESQL = List.of(
			"create statistics if not exists ts_auth_perms on (perms_ & 2), (perms_ & 64), (perms_ & 512), "
					+ "(perms_ & 4096) from act_ru_authorization");

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		DataSource dataSource = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getDataSource();
		List<String> statements = new ArrayList<>(INDEXES);
		try (Connection connection = dataSource.getConnection()) {
			String database = connection.getMetaData().getDatabaseProductName();
			if ("PostgreSQL".equals(database)) {
				statements.addAll(POSTGRESQL);
			}
			else if ("H2".equals(database)) {
				statements.addAll(H2);
			}
		}
		catch (SQLException ex) {
			log.warn("Could not read the database's name: {}", ex.getMessage());
		}
		for (String sql : statements) {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute(sql);
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
			}
			catch (SQLException ex) {
				log.warn("Could not tune the engine's tables ({}): {}", sql, ex.getMessage());
			}
		}
	}

}
