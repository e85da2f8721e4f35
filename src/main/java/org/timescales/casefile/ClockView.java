package org.timescales.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.timescales.clock.ClockRecord;
import org.timescales.clock.ClockStatus;
import org.timescales.escalation.EscalationRecord;

/** A clock as the API shows it: the deadline as a date and as the instant it ends, and where it stands. */
public record ClockView(long clockId, String ruleId, String label, int occurrence, String processInstanceId,
		Instant startedAt, LocalDate dueDate, Instant dueAt, Instant stoppedAt, ClockStatus status, String stopReason,
		Extension extension, List<EscalationView> escalations) {

	/** A manager's extension: the due date before it, who agreed it, when and why. */
	public record Extension(LocalDate originalDueDate, String extendedBy, Instant extendedAt, String reason) {
	}

	public record EscalationView(int tier, String overdueTask, String manager, Instant raisedAt, String acknowledgedBy,
			Instant acknowledgedAt, String reasonForDelay, String actionAgreed, LocalDate newTargetDate) {

		static EscalationView of(EscalationRecord e) {
			return new EscalationView(e.tier(), e.overdueTask(), e.manager(), e.raisedAt(), e.acknowledgedBy(),
					e.acknowledgedAt(), e.reasonForDelay(), e.actionAgreed(), e.newTargetDate());
		}

	}

	public static ClockView of(ClockRecord clock, List<EscalationRecord> escalations, Clock now) {
		Extension extension = clock.extendedAt() == null ? null
				: new Extension(clock.originalDueDate(), clock.extendedBy(), clock.extendedAt(), clock.extensionReason());
		return new ClockView(clock.id(), clock.ruleId(), clock.label(), clock.sequenceNo(), clock.processInstanceId(),
				clock.startedAt(), clock.dueDate(), clock.dueAt(), clock.stoppedAt(), clock.statusAt(now.instant()),
				clock.stopReason(), extension, escalations.stream().map(EscalationView::of).toList());
	}

}
