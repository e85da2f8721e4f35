package org.timescales.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** The failures TwoNodeClusterTest met when it cut the database off, told from those that are not an outage. */
class DatabaseUnavailableTest {

	@Test
	void aBrokenConnectionUnderTheEnginesFailedRollbackIsAnOutage() {
		// as logged by a node whose connection was cut mid-query: the engine wraps the rollback's failure,
		// which hides the I/O error that started it
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new org.apache.ibatis.exceptions.PersistenceException(
				new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));
		assertThat(DatabaseUnavailable.causedBy(new ProcessEnginePersistenceException(
				"An exception occurred in the persistence layer.", rollback))).isTrue();
	}

	@Test
	void noConnectionFromThePoolIsAnOutage() {
		assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("Could not open JDBC Connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
	}

	@Test
	void aRefusedWriteIsNot() {
		assertThat(DatabaseUnavailable.causedBy(new DuplicateKeyException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC commit failed"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("no clock"))).isFalse();
	}

}
