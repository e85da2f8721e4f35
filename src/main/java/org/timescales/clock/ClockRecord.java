package org.timescales.clock;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the clock ledger. */
public record ClockRecord(long id, String caseRef, String processInstanceId, String ruleId, String label,
		String team, Instant startedAt, LocalDate dueDate, Instant dueAt, Instant reminderAt, Instant secondTierAt,
		Instant remindedAt, Instant stoppedAt, ClockStatus outcome) {

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
