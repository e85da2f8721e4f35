package org.timescales.escalation;

import java.time.Instant;
import java.time.LocalDate;

/** An escalation raised on a clock, and the manager's acknowledgement once reviewed. */
public record EscalationRecord(long id, long clockId, int tier, String overdueTask, String manager, Instant raisedAt,
		String escalationProcessInstanceId, String acknowledgedBy, Instant acknowledgedAt, String reasonForDelay,
		String actionAgreed, LocalDate newTargetDate) {
}
