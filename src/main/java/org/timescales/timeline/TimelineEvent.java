package org.timescales.timeline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a case's timeline: when, who ("system" when no person did it), what (a short type such
 * as PROCESS_STARTED, TASK_COMPLETED, FIELD_CHANGED, CLOCK_STOPPED), in plain words, and where it
 * belongs: the process instance, the clock (id, rule, due date) it relates to, and for a field change
 * the value before and after.
 */
public record TimelineEvent(Instant at, String who, String what, String description, String processInstanceId,
		Long clockId, String ruleId, LocalDate dueDate, String oldValue, String newValue) {

	static TimelineEvent of(Instant at, String who, String what, String description, String processInstanceId) {
		return new TimelineEvent(at, who, what, description, processInstanceId, null, null, null, null, null);
	}

	TimelineEvent withClock(Long clockId, String ruleId, LocalDate dueDate) {
		return new TimelineEvent(at, who, what, description, processInstanceId, clockId, ruleId, dueDate, oldValue,
				newValue);
	}

	TimelineEvent withValues(String oldValue, String newValue) {
		return new TimelineEvent(at, who, what, description, processInstanceId, clockId, ruleId, dueDate, oldValue,
				newValue);
	}

}
