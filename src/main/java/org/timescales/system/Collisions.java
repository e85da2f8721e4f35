package org.timescales.system;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Tells a collision — the same case changed by someone else (a deadline's timer run by the job
 * executor, another person) between this request reading it and saving it — from every other failure.
 * The engine saves with optimistic locking, so the loser of such a race gets an
 * {@link OptimisticLockingException} and its whole transaction is rolled back: nothing of it was
 * written, and doing it again is safe. A database deadlock is the same kind of race, and so is a
 * foreign key of the engine's runtime tables broken on flush: on PostgreSQL, ending a process (a child
 * leaving care) while a timer of it adds an execution fails that way, not with the engine's lock.
 */
public final class Collisions {

	/** Tries in all, the first included: a collision twice in a row is rare, three times means a busy case. */
	public static final int ATTEMPTS = 3;

	/** What the person is told when the tries are used up; the same whichever surface they used. */
	public static final String MESSAGE = "The case was being updated at the same moment (a deadline's timer or "
			+ "another person): nothing was saved. Try again.";

	/** Seconds a client should wait before trying again (the Retry-After header). */
	public static final String RETRY_AFTER_SECONDS = "2";

	/** SQL states of a transaction the database aborted for a concurrent one: serialization failure, deadlock. */
	private static final java.util.Set<String> ABORTED_FOR_ANOTHER = java.util.Set.of("40001", "40P01");

	private Collisions() {
	}

	/** Whether the failure, or anything that caused it, is a collision with a concurrent change. */
	public static boolean causedBy(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof OptimisticLockingException) {
				return true;
			}
			if (t instanceof SQLException sql && (abortedForAnother(sql) || abortedForAnother(sql.getNextException()))) {
				return true;
			}
		}
		return false;
	}

	private static boolean abortedForAnother(SQLException sql) {
		if (sql == null || sql.getSQLState() == null) {
			return false;
		}
		if (ABORTED_FOR_ANOTHER.contains(sql.getSQLState())) {
			return true;
		}
		// 23503 (PostgreSQL), 23506 (H2): a foreign key; only the engine's runtime rows race like this
		return (sql.getSQLState().equals("23503") || sql.getSQLState().equals("23506")) && sql.getMessage() != null
				&& sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("act_ru_");
	}

	/**
	 * Waits before try {@code attempt + 1}: long enough for the other transaction to have committed,
	 * jittered so that two requests that collided do not collide again in step.
	 */
	static void pause(int attempt) {
		try {
			Thread.sleep(25L * attempt + ThreadLocalRandom.current().nextLong(50));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
