package org.timescales.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.timescales.calendar.Deadline;
import org.timescales.calendar.Deadlines;
import org.timescales.calendar.Interval;
import org.timescales.calendar.London;
import org.timescales.rules.Rule;
import org.timescales.rules.Rules;

/**
 * The clocks of a process instance, as BPMN sees them ({@code ${clocks.dueAt(execution, 'assessment')}}).
 * A process instance has at most one open clock per rule. It is opened the first time any of its dates
 * is asked for: its start is the event recorded in the rule's {@code started-by} variable (when it
 * really happened, never when someone clicked), its dates come from the working calendar. Once it
 * stops, the next ask opens the next one (the next visit, the next review). Ledger rows are written
 * in the engine's transaction.
 */
@Component("clocks")
public class Clocks {

	/** The process key of a clock's watcher: machinery under the case's business key, never a stage of it. */
	public static final String WATCH_PROCESS = ClockWatches.PROCESS_KEY;

	private final ClockLedger ledger;

	private final Rules rules;

	private final Deadlines deadlines;

	private final Clock clock;

	private final Map<String, DeadlinePolicy> policies;

	private final ClockWatches watches;

	Clocks(ClockLedger ledger, Rules rules, Deadlines deadlines, Clock clock, Map<String, DeadlinePolicy> policies,
			ClockWatches watches) {
		this.ledger = ledger;
		this.watches = watches;
		this.rules = rules;
		this.deadlines = deadlines;
		this.clock = clock;
		this.policies = Map.copyOf(policies);
		for (String ruleId : rules.ids()) {
			String policy = rules.get(ruleId).deadlinePolicy();
			if (policy != null && !this.policies.containsKey(policy)) {
				throw new IllegalStateException(
						"timescales.rules." + ruleId + ".deadline-policy: no DeadlinePolicy bean named " + policy);
			}
		}
	}

	/**
	 * Declares that the activity answers to the rule: a start listener on each statutory task or
	 * sub-process ({@code ${clocks.watch(execution, 'assessment')}}). Opens the clock and starts its
	 * watcher, which reminds before the deadline and escalates after it until the clock stops. An
	 * escalation names the activity ("Decide on referral").
	 */
	public void watch(DelegateExecution execution, String ruleId) {
		watches.start(openClock(execution, ruleId), execution.getCurrentActivityName());
	}

	/** The deadline: a task's due date. */
	public Date dueAt(DelegateExecution execution, String ruleId) {
		return Date.from(openClock(execution, ruleId).dueAt());
	}

	/** The watcher's "overdue" timer: the clock's deadline, as the ledger now has it. */
	public Date deadlineOf(long clockId) {
		return Date.from(find(clockId).dueAt());
	}

	/** The watcher's "due soon" timer: when whoever holds the work is reminded. */
	public Date reminderOf(long clockId) {
		return Date.from(find(clockId).reminderAt());
	}

	/** The watcher's "still overdue" timer: when work still open past its deadline goes to the service manager. */
	public Date secondTierOf(long clockId) {
		return Date.from(find(clockId).secondTierAt());
	}

	/**
	 * The reminder timer of process versions deployed before the watcher (their instances still run,
	 * with their own boundary timers); new versions declare {@link #watch}.
	 */
	public Date reminderAt(DelegateExecution execution, String ruleId) {
		return Date.from(openClock(execution, ruleId).reminderAt());
	}

	/** The second-tier timer of process versions deployed before the watcher (see {@link #reminderAt}). */
	public Date secondTierAt(DelegateExecution execution, String ruleId) {
		return Date.from(openClock(execution, ruleId).secondTierAt());
	}

	/** The ledger id of the open clock. */
	public long idOf(DelegateExecution execution, String ruleId) {
		return openClock(execution, ruleId).id();
	}

	/**
	 * Stops the open clock at the date (or date-time) the work was really done, read from the named
	 * variable (a form field). A date-only value stops the clock at the start of that day (or when the
	 * clock started, if that was later the same day): done on the due date is on time. A date in the future or before the clock started is refused, naming the field.
	 */
	public void stop(VariableScope scope, String ruleId, String variableName) {
		String processInstanceId = processInstanceId(scope);
		ClockRecord record = ledger.findOpen(processInstanceId, ruleId)
			.orElseThrow(() -> new ProcessEngineException("No open clock '" + ruleId + "' to stop"));
		Instant stoppedAt = checkedEventTime(variableName, scope.getVariable(variableName), record);
		ledger.stop(record.id(), stoppedAt, variableName, outcome(stoppedAt, record.dueAt()), null);
		watches.end(record.id());
	}

	/**
	 * Stops the open clock of work the law wants done before the event that starts the clock, and allows
	 * after it only where that was not practicable (a care plan before the first placement, a placement
	 * plan before the placement: CPPCR regs 4 and 9). A date before the clock started is on time, and stops
	 * it as met at its start; otherwise as {@link #stop}.
	 */
	public void stopDoneInAdvance(VariableScope scope, String ruleId, String variableName) {
		ClockRecord record = ledger.findOpen(processInstanceId(scope), ruleId)
			.orElseThrow(() -> new ProcessEngineException("No open clock '" + ruleId + "' to stop"));
		Instant stoppedAt = checkedEventTime(variableName, scope.getVariable(variableName), record, true);
		ledger.stop(record.id(), stoppedAt, variableName, outcome(stoppedAt, record.dueAt()), null);
		watches.end(record.id());
	}

	/** Stops the open clock because its work is no longer needed, with the reason. */
	public void cancel(DelegateExecution execution, String ruleId, String reason) {
		ledger.findOpen(execution.getProcessInstanceId(), ruleId).ifPresent(record -> cancelled(record, reason));
	}

	/** Stops every open clock of the process instance (a plan ended), with the reason. */
	public void cancelAll(String processInstanceId, String reason) {
		ledger.forProcessInstance(processInstanceId)
			.stream()
			.filter(ClockRecord::isOpen)
			.forEach(record -> cancelled(record, reason));
	}

	private void cancelled(ClockRecord record, String reason) {
		ledger.stop(record.id(), clock.instant(), null, ClockStatus.CANCELLED, reason);
		watches.end(record.id());
	}

	private ClockRecord find(long clockId) {
		return ledger.find(clockId).orElseThrow(() -> new ProcessEngineException("No clock " + clockId));
	}

	/** A transfer: the case's running clocks go on, unchanged, for the team that now holds it. */
	public void transfer(String caseRef, String team) {
		ledger.moveOpen(caseRef, team);
	}

	public void reminded(ClockRecord record) {
		ledger.reminded(record.id(), clock.instant());
	}

	/** The open clock of a rule in this process instance, opening it if needed. */
	public ClockRecord openClock(DelegateExecution execution, String ruleId) {
		String processInstanceId = execution.getProcessInstanceId();
		return ledger.findOpen(processInstanceId, ruleId).orElseGet(() -> {
			Rule rule = rules.get(ruleId);
			Map<String, Object> variables = execution.getVariables();
			String startedBy = latestStart(rule, variables);
			if (startedBy == null) {
				throw new ProcessEngineException(
						"Clock '" + ruleId + "' starts at " + rule.startedBy() + ", none of which is set");
			}
			Instant startedAt = London.toInstant(variables.get(startedBy));
			int sequenceNo = ledger.count(processInstanceId, ruleId) + 1;
			Schedule schedule = schedule(rule, sequenceNo, startedBy, startedAt, variables);
			ledger.open(execution.getProcessBusinessKey(), processInstanceId, ruleId, rule.label(),
					(String) execution.getVariable("team"), sequenceNo, startedBy, startedAt, schedule.deadline(),
					schedule.reminderAt(), schedule.secondTierAt());
			return ledger.findOpen(processInstanceId, ruleId).orElseThrow();
		});
	}

	/** Of the rule's start variables that are set, the one with the latest date (ties: the first listed). */
	static String latestStart(Rule rule, Map<String, Object> variables) {
		String latest = null;
		Instant latestAt = null;
		for (String name : rule.startVariables()) {
			Instant at = London.toInstant(variables.get(name));
			if (at != null && (latestAt == null || at.isAfter(latestAt))) {
				latest = name;
				latestAt = at;
			}
		}
		return latest;
	}

	/** A clock's dates: its deadline, the reminder before it and the second tier after it. */
	record Schedule(Deadline deadline, Instant reminderAt, Instant secondTierAt) {
	}

	Schedule schedule(Rule rule, int sequenceNo, String startedBy, Instant startedAt, Map<String, Object> variables) {
		boolean fromAnchor = startedBy.equals(rule.anchorVariable());
		Interval interval = rule.intervalFor(sequenceNo, fromAnchor);
		Deadline deadline = rule.deadlinePolicy() != null
				? policies.get(rule.deadlinePolicy()).deadline(rule, startedAt, fromAnchor, variables)
				: rule.beginningWithTheDay() ? deadlines.dueBeginningWith(startedAt, interval)
						: deadlines.due(startedAt, interval);
		return schedule(rule, deadline);
	}

	Schedule schedule(Rule rule, Deadline deadline) {
		return new Schedule(deadline, deadlines.before(deadline, rule.reminderBefore()),
				deadlines.after(deadline, rule.secondTierAfter()));
	}

	static ClockStatus outcome(Instant stoppedAt, Instant dueAt) {
		return stoppedAt.isBefore(dueAt) ? ClockStatus.MET : ClockStatus.MET_LATE;
	}

	/**
	 * An event's date as recorded on a form or a correction, checked: a valid date, not in the future,
	 * not before the event that started the clock. Messages name the field.
	 */
	Instant checkedEventTime(String field, Object value, ClockRecord record) {
		return checkedEventTime(field, value, record, false);
	}

	private Instant checkedEventTime(String field, Object value, ClockRecord record, boolean mayPrecedeStart) {
		Instant at;
		try {
			at = London.toInstant(value);
		}
		catch (IllegalArgumentException ex) {
			throw new BadUserRequestException(field + ": '" + value + "' is not a valid date");
		}
		if (at == null) {
			throw new BadUserRequestException(field + ": a date is required (" + record.label() + ")");
		}
		LocalDate day = London.dateOf(at);
		if (day.isAfter(LocalDate.now(clock.withZone(London.ZONE)))) {
			throw new BadUserRequestException(field + ": " + day + " is in the future");
		}
		if (day.isBefore(London.dateOf(record.startedAt())) && !mayPrecedeStart) {
			throw new BadUserRequestException(field + ": " + day + " is before " + rules.get(record.ruleId()).startsAt()
					.toLowerCase(java.util.Locale.UK) + " (" + London.dateOf(record.startedAt()) + ")");
		}
		// a date without a time, on the day the clock started, means "that day, after it started"
		return at.isBefore(record.startedAt()) ? record.startedAt() : at;
	}

	private static String processInstanceId(VariableScope scope) {
		return scope instanceof DelegateTask task ? task.getProcessInstanceId()
				: ((DelegateExecution) scope).getProcessInstanceId();
	}

}
