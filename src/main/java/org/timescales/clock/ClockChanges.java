package org.timescales.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.timescales.calendar.Deadline;
import org.timescales.calendar.Deadlines;
import org.timescales.calendar.Interval;
import org.timescales.calendar.London;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.refusal.NotFoundException;
import org.timescales.rules.Rule;
import org.timescales.rules.Rules;

import static org.timescales.system.SqlTimes.utc;

/**
 * Changes to clocks after they opened: a corrected event date, or an extension a manager agreed.
 * Either way every dependent deadline is recomputed in one transaction — the ledger, the open tasks'
 * due dates and the engine's timers — so a deadline moved into the past escalates at once.
 */
@Service
public class ClockChanges {

	/** Dates a process derives from another one (pathway.recordDate): corrected together. */
	private static final Map<String, List<String>> DERIVED = Map.of("strategyDiscussionAt", List.of("s47StartDate"));

	private final ClockLedger ledger;

	private final Clocks clocks;

	private final Rules rules;

	private final Deadlines deadlines;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ClockWatches watches;

	private final ApplicationEventPublisher events;

	ClockChanges(ClockLedger ledger, Clocks clocks, Rules rules, Deadlines deadlines, RuntimeService runtimeService,
			TaskService taskService, ManagementService managementService, JdbcClient jdbc, Clock clock,
			ClockWatches watches, ApplicationEventPublisher events) {
		this.ledger = ledger;
		this.watches = watches;
		this.events = events;
		this.clocks = clocks;
		this.rules = rules;
		this.deadlines = deadlines;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What a correction changed: the clocks as they now stand. */
	public record Corrected(String processInstanceId, String variable, String oldValue, String newValue,
			List<ClockRecord> clocks) {
	}

	/**
	 * Corrects a recorded event date of one of the case's running processes. {@code processInstanceId}
	 * may be null when only one running process of the case holds the variable.
	 */
	@Transactional
	public Corrected correct(String caseRef, String processInstanceId, String variable, String value, String reason,
			String user) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequestException("reason", "is required: say why the date is corrected");
		}
		String pid = processInstanceId != null ? processInstanceId : onlyInstanceHolding(caseRef, variable);
		ProcessInstance instance = runtimeService.createProcessInstanceQuery()
			.processInstanceId(pid)
			.processInstanceBusinessKey(caseRef)
			.singleResult();
		if (instance == null) {
			throw new InvalidRequestException("processInstanceId", "is not a running process of case " + caseRef);
		}
		Object oldValue = runtimeService.getVariable(pid, variable);
		List<ClockRecord> startedByIt = latestPerRule(pid, variable, true);
		List<ClockRecord> stoppedByIt = latestPerRule(pid, variable, false);
		if (oldValue == null || (startedByIt.isEmpty() && stoppedByIt.isEmpty())) {
			throw new InvalidRequestException("variable",
					"'" + variable + "' is not a recorded event date that a clock of this process depends on");
		}
		Instant at = checkedNewValue(value, startedByIt, stoppedByIt);

		Map<Instant, Instant> movedDueAt = new HashMap<>();
		Map<String, Object> variables = new HashMap<>(runtimeService.getVariables(pid));
		variables.put(variable, Date.from(at));
		for (ClockRecord record : startedByIt) {
			Rule rule = rules.get(record.ruleId());
			Clocks.Schedule schedule = clocks.schedule(rule, record.sequenceNo(), variable, at, variables);
			ledger.reschedule(record.id(), at, schedule.deadline(), schedule.reminderAt(), schedule.secondTierAt());
			movedDueAt.put(record.dueAt(), schedule.deadline().dueAt());
			if (!record.isOpen()) {
				ledger.restop(record.id(), record.stoppedAt(), Clocks.outcome(record.stoppedAt(), schedule.deadline().dueAt()));
			}
		}
		for (ClockRecord record : stoppedByIt) {
			ClockRecord current = ledger.find(record.id()).orElseThrow();
			Instant stoppedAt = at.isBefore(current.startedAt()) ? current.startedAt() : at;
			ledger.restop(current.id(), stoppedAt, Clocks.outcome(stoppedAt, current.dueAt()));
		}
		Object newValue = oldValue instanceof Date ? Date.from(at) : value.strip();
		runtimeService.setVariable(pid, variable, newValue);
		for (String derived : DERIVED.getOrDefault(variable, List.of())) {
			if (runtimeService.getVariable(pid, derived) != null) {
				runtimeService.setVariable(pid, derived, London.dateOf(at).toString());
			}
		}
		String old = display(oldValue);
		jdbc.sql("""
				insert into correction (case_ref, process_instance_id, variable_name, old_value, new_value, reason,
				                        corrected_by, corrected_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseRef, pid, variable, old, display(newValue), reason.strip(), user, utc(clock.instant()))
			.update();
		taskService.createComment(null, pid,
				"Correction by " + user + ": " + variable + " " + old + " -> " + display(newValue) + ". " + reason.strip());
		resync(pid, movedDueAt, startedByIt);
		events.publishEvent(new EventDateCorrected(caseRef, pid, variable, London.toInstant(oldValue), at));
		return new Corrected(pid, variable, old, display(newValue), ledger.forProcessInstance(pid));
	}

	/** Extends an open clock whose rule allows it, to a new due date, with the manager's reason. */
	@Transactional
	public ClockRecord extend(String caseRef, long clockId, String newDueDate, String reason, String user) {
		ClockRecord record = ledger.find(clockId)
			.filter(c -> c.caseRef().equals(caseRef))
			.orElseThrow(() -> new NotFoundException("No clock " + clockId + " on case " + caseRef));
		Rule rule = rules.get(record.ruleId());
		if (rule.extendableTo() == null && rule.extendableBy() == null) {
			throw new InvalidRequestException("clockId",
					"'" + rule.label() + "' cannot be extended: its timescale is fixed (" + rule.source() + ")");
		}
		if (!record.isOpen()) {
			throw new InvalidRequestException("clockId", "the clock has stopped; only an open clock can be extended");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidRequestException("reason", "is required: record why the extension was agreed");
		}
		LocalDate to;
		try {
			to = LocalDate.parse(newDueDate == null ? "" : newDueDate.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidRequestException("newDueDate", "must be a date, YYYY-MM-DD");
		}
		if (!to.isAfter(record.dueDate())) {
			throw new InvalidRequestException("newDueDate", "must be after the current due date " + record.dueDate());
		}
		if (rule.extendableBy() != null) {
			// each extension on its own, from the due date it extends; as many as granted (a court's)
			LocalDate latest = deadlines.due(London.toInstant(record.dueDate()), rule.extendableBy()).dueDate();
			if (to.isAfter(latest)) {
				throw new InvalidRequestException("newDueDate", "is beyond the longest extension allowed at a time ("
						+ rule.extendableBy() + " after the current due date " + record.dueDate() + ": " + latest + ")");
			}
		}
		else {
			LocalDate latest = deadlines.due(record.startedAt(), rule.extendableTo()).dueDate();
			if (to.isAfter(latest)) {
				throw new InvalidRequestException("newDueDate", "is beyond the longest extension allowed ("
						+ rule.extendableTo() + " from " + London.dateOf(record.startedAt()) + ": " + latest + ")");
			}
		}
		Clocks.Schedule schedule = clocks.schedule(rule, new Deadline(to, London.endOfDay(to)));
		ledger.extend(clockId, schedule.deadline(), schedule.reminderAt(), schedule.secondTierAt(), user,
				clock.instant(), reason.strip());
		resync(record.processInstanceId(), Map.of(record.dueAt(), schedule.deadline().dueAt()), List.of(record));
		return ledger.find(clockId).orElseThrow();
	}

	/**
	 * Extends an open clock by {@code by} from its current due date (a court extending proceedings by so many
	 * weeks), with the reason; checked against the rule as {@link #extend} checks a new due date.
	 */
	@Transactional
	public ClockRecord extendBy(String caseRef, long clockId, Interval by, String reason, String user) {
		ClockRecord record = ledger.find(clockId)
			.filter(c -> c.caseRef().equals(caseRef))
			.orElseThrow(() -> new NotFoundException("No clock " + clockId + " on case " + caseRef));
		LocalDate to = deadlines.due(London.toInstant(record.dueDate()), by).dueDate();
		return extend(caseRef, clockId, to.toString(), reason, user);
	}

	/**
	 * Moves open tasks' due dates and re-evaluates against the ledger every timer of the process (those of
	 * versions that carry their own) and of the moved clocks' watchers.
	 */
	private void resync(String processInstanceId, Map<Instant, Instant> movedDueAt, List<ClockRecord> movedClocks) {
		for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
			Instant moved = task.getDueDate() == null ? null : movedDueAt.get(task.getDueDate().toInstant());
			if (moved != null) {
				task.setDueDate(Date.from(moved));
				taskService.saveTask(task);
			}
		}
		for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
			managementService.recalculateJobDuedate(job.getId(), false);
		}
		for (ClockRecord clock : movedClocks) {
			for (Job job : watches.timers(clock.id())) {
				managementService.recalculateJobDuedate(job.getId(), false);
			}
		}
	}

	private Instant checkedNewValue(String value, List<ClockRecord> startedByIt, List<ClockRecord> stoppedByIt) {
		Instant at;
		try {
			at = London.toInstant(value == null ? null : value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("value", "'" + value + "' is not a date or date-time");
		}
		if (at == null) {
			throw new InvalidRequestException("value", "is required");
		}
		try {
			for (ClockRecord stopped : stoppedByIt) {
				clocks.checkedEventTime("value", value.strip(), stopped);
			}
			if (London.dateOf(at).isAfter(LocalDate.now(clock.withZone(London.ZONE)))) {
				throw new BadUserRequestException("value: " + London.dateOf(at) + " is in the future");
			}
		}
		catch (BadUserRequestException ex) {
			throw new InvalidRequestException("value", ex.getMessage().replaceFirst("^value: ", ""));
		}
		return at;
	}

	/**
	 * The clocks that depend on the variable's current value: per rule, the latest clock if that variable
	 * started it (earlier ones started from values since replaced), and the latest clock it stopped.
	 */
	private List<ClockRecord> latestPerRule(String pid, String variable, boolean started) {
		Map<String, ClockRecord> latest = new LinkedHashMap<>();
		for (ClockRecord record : ledger.forProcessInstance(pid)) {
			boolean matches = variable.equals(started ? record.startedBy() : record.stoppedBy());
			ClockRecord known = latest.get(record.ruleId());
			if (started ? (known == null || record.sequenceNo() > known.sequenceNo())
					: matches && (known == null || record.sequenceNo() > known.sequenceNo())) {
				latest.put(record.ruleId(), record);
			}
		}
		if (started) {
			latest.values().removeIf(record -> !variable.equals(record.startedBy()));
		}
		return List.copyOf(latest.values());
	}

	private String onlyInstanceHolding(String caseRef, String variable) {
		List<String> holding = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseRef)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.filter(id -> runtimeService.getVariable(id, variable) != null)
			.toList();
		if (holding.size() != 1) {
			throw new InvalidRequestException("processInstanceId", holding.isEmpty()
					? "no running process of case " + caseRef + " holds '" + variable + "'"
					: "several running processes of case " + caseRef + " hold '" + variable + "': name one");
		}
		return holding.get(0);
	}

	private static String display(Object value) {
		return value instanceof Date date ? date.toInstant().toString() : String.valueOf(value);
	}

}
