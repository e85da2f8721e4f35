package org.timescales.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables that the engine does not create, added once its schema exists
 * (Flyway runs before the engine, so they cannot be migrations). Both serve a due date, the column
 * Timescales lives by: the job executor acquires due timers by {@code ACT_RU_JOB.DUEDATE_}
 * (jobExecutorAcquireByDueDate) and every work queue is ordered by {@code ACT_RU_TASK.DUE_DATE_}.
 * Measured by the benchmark (docs/benchmark.md). Idempotent, and harmless if another node races it.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

	static final List<String> INDEXES = List.of(
			"create index if not exists TS_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)",
			"create index if not exists TS_IDX_TASK_DUE_DATE on ACT_RU_TASK (DUE_DATE_)");

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		var dataSource = ((org.camunda.bpm.engine.impl.ProcessEngineImpl) engine).getProcessEngineConfiguration()
			.getDataSource();
		for (String index : INDEXES) {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute(index);
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
			}
			catch (SQLException ex) {
				// another node creating the same index at the same moment; the engine works without it
				log.warn("Could not create index ({}): {}", index, ex.getMessage());
			}
		}
	}

}
