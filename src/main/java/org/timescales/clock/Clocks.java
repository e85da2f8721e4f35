package org.timescales.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.timescales.calendar.Deadline;
import org.timescales.calendar.Deadlines;
import org.timescales.calendar.London;
import org.timescales.rules.Rule;
import org.timescales.rules.Rules;

/**
 * The clocks of a process instance, as BPMN sees them ({@code ${clocks.dueAt(execution, 'assessment')}}).
 * A clock is opened the first time any of its dates is asked for: its start is the event recorded in
 * the rule's {@code started-by} variable (when it really happened, never when someone clicked), and
 * its dates come from the working calendar. The ledger row is written in the engine's transaction.
 */
@Component("clocks")
public class Clocks {

	private final ClockLedger ledger;

	private final Rules rules;

	private final Deadlines deadlines;

	private final Clock clock;

	Clocks(ClockLedger ledger, Rules rules, Deadlines deadlines, Clock clock) {
		this.ledger = ledger;
		this.rules = rules;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	/** The deadline: a task's due date and the "overdue" timer. */
	public Date dueAt(DelegateExecution execution, String ruleId) {
		return Date.from(openOrGet(execution, ruleId).dueAt());
	}

	/** When the worker is reminded that the deadline is near. */
	public Date reminderAt(DelegateExecution execution, String ruleId) {
		return Date.from(openOrGet(execution, ruleId).reminderAt());
	}

	/** When a task still open past its deadline goes to the service manager. */
	public Date secondTierAt(DelegateExecution execution, String ruleId) {
		return Date.from(openOrGet(execution, ruleId).secondTierAt());
	}

	/** The ledger id, handed to the escalation process. */
	public long idOf(DelegateExecution execution, String ruleId) {
		return openOrGet(execution, ruleId).id();
	}

	/**
	 * Stops the clock at the date (or date-time) the work was really done, as recorded on the form.
	 * A date-only value stops the clock at the start of that day: done on the due date is on time.
	 */
	public void stop(VariableScope scope, String ruleId, Object doneOn) {
		String processInstanceId = scope instanceof DelegateTask task ? task.getProcessInstanceId()
				: ((DelegateExecution) scope).getProcessInstanceId();
		ClockRecord record = ledger.find(processInstanceId, ruleId)
			.orElseThrow(() -> new ProcessEngineException("No open clock '" + ruleId + "' to stop"));
		if (!record.isOpen()) {
			return;
		}
		Instant stoppedAt = doneAt(ruleId, doneOn, record);
		ledger.stop(record.id(), stoppedAt,
				stoppedAt.isBefore(record.dueAt()) ? ClockStatus.MET : ClockStatus.MET_LATE);
	}

	private Instant doneAt(String ruleId, Object doneOn, ClockRecord record) {
		Instant at;
		try {
			at = London.toInstant(doneOn);
		}
		catch (IllegalArgumentException ex) {
			throw new BadUserRequestException(
					"The date recorded for '" + record.label() + "' is not a valid date: " + doneOn);
		}
		if (at == null) {
			throw new BadUserRequestException("A date is required to complete '" + record.label() + "'");
		}
		LocalDate day = London.dateOf(at);
		if (day.isAfter(LocalDate.now(clock.withZone(London.ZONE)))) {
			throw new BadUserRequestException(
					"The date recorded for '" + record.label() + "' (" + day + ") is in the future");
		}
		if (day.isBefore(London.dateOf(record.startedAt()))) {
			throw new BadUserRequestException("The date recorded for '" + record.label() + "' (" + day
					+ ") is before the clock started (" + London.dateOf(record.startedAt()) + ")");
		}
		return at;
	}

	ClockRecord openOrGet(DelegateExecution execution, String ruleId) {
		String processInstanceId = execution.getProcessInstanceId();
		return ledger.find(processInstanceId, ruleId).orElseGet(() -> {
			Rule rule = rules.get(ruleId);
			Instant startedAt = London.toInstant(execution.getVariable(rule.startedBy()));
			if (startedAt == null) {
				throw new ProcessEngineException(
						"Clock '" + ruleId + "' starts at variable '" + rule.startedBy() + "', which is not set");
			}
			Deadline deadline = deadlines.due(startedAt, rule.interval());
			Instant reminderAt = deadlines.before(deadline, rule.reminderBefore());
			Instant secondTierAt = deadlines.after(deadline, rule.secondTierAfter());
			String team = (String) execution.getVariable("team");
			ledger.open(execution.getProcessBusinessKey(), processInstanceId, ruleId, rule.label(), team, startedAt,
					deadline, reminderAt, secondTierAt);
			return ledger.find(processInstanceId, ruleId).orElseThrow();
		});
	}

	public void reminded(ClockRecord record) {
		ledger.reminded(record.id(), clock.instant());
	}

}
