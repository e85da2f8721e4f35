package org.timescales.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a lost database (no connection to be had, or the one in use broken) from every other failure,
 * so that a request caught by an outage gets a 503 that says so, not a 500 or a misleading 401. The
 * request's transaction was rolled back: nothing of it was written.
 */
public final class DatabaseUnavailable {

	/** What the person is told; the same whichever surface failed. */
	public static final String MESSAGE = "The database is unavailable: nothing was saved. Try again in a minute.";

	/** Seconds a client should wait before trying again (the Retry-After header). */
	public static final String RETRY_AFTER_SECONDS = "30";

	private DatabaseUnavailable() {
	}

	/** Whether the failure, or anything that caused it, is the database being out of reach. */
	public static boolean causedBy(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			// a rollback that failed on the broken connection hides the failure that started it
			if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causedBy(rollback.getApplicationException())) {
				return true;
			}
			if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof SQLRecoverableException || t instanceof CannotCreateTransactionException
					|| t instanceof DataAccessResourceFailureException) {
				return true;
			}
			// SQL state class 08: connection exception (PostgreSQL's driver reports a lost connection so)
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

}
