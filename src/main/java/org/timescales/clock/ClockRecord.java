package org.timescales.clock;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the clock ledger: which rule, its n-th occurrence in the process, what started it and
 * when, its deadline (as a date and as the instant it ends), when and how it stopped, any extension.
 */
public record ClockRecord(long id, String caseRef, String processInstanceId, String ruleId, String label, String team,
		int sequenceNo, String startedBy, Instant startedAt, LocalDate dueDate, Instant dueAt, Instant reminderAt,
		Instant secondTierAt, Instant remindedAt, Instant stoppedAt, String stoppedBy, ClockStatus outcome,
		String stopReason, LocalDate originalDueDate, String extendedBy, Instant extendedAt, String extensionReason) {

	/** The status at {@code now}: a stopped clock keeps its outcome; an open one is overdue from its deadline on. */
	public ClockStatus statusAt(Instant now) {
		if (stoppedAt != null) {
			return outcome;
		}
		return now.isBefore(dueAt) ? ClockStatus.OPEN : ClockStatus.OVERDUE;
	}

	public boolean isOpen() {
		return stoppedAt == null;
	}

}
