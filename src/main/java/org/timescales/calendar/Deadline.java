package org.timescales.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When something is due: the London date (what the statutory returns record) and the
 * instant a timer fires (the end of that date, or the exact time for hour rules).
 */
public record Deadline(LocalDate dueDate, Instant dueAt) {

	public Deadline {
		Objects.requireNonNull(dueDate, "dueDate");
		Objects.requireNonNull(dueAt, "dueAt");
	}

}
