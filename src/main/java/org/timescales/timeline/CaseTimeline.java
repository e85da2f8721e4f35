package org.timescales.timeline;

import org.timescales.casefile.Allocation;
import org.timescales.casefile.Holdings;
import org.timescales.casefile.Transfer;
import org.timescales.security.AsSystem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.timescales.system.SqlTimes.instant;

/**
 * Everything that happened to a case, in time order: its processes, tasks and form field changes from
 * the engine's history (read with no engine authorization: the caller has already decided who may see
 * the case), and its clocks, escalations, corrections and record views from our own tables.
 */
@Component
public class CaseTimeline {

	static final String SYSTEM = "system";

	/** Same-instant events in the order they happen: a task's fields are saved before it completes, etc. */
	private static final List<String> ORDER = List.of("PROCESS_STARTED", "FIELD_CHANGED", "CORRECTION",
			"TASK_COMPLETED", "TASK_DELETED", "CLOCK_EXTENDED", "CLOCK_STOPPED", "CLOCK_CANCELLED", "CLOCK_OPENED",
			"ESCALATION_RAISED", "ESCALATION_ACKNOWLEDGED", "TRANSFERRED", "ALLOCATED", "TASK_CREATED", "TASK_ASSIGNED",
			"PROCESS_ENDED",
			"RECORD_VIEWED");

	private static final java.time.format.DateTimeFormatter LONDON = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm 'UK time'")
		.withZone(java.time.ZoneId.of("Europe/London"));

	private final HistoryService history;

	private final AsSystem asSystem;

	private final JdbcClient jdbc;

	private final Holdings holdings;

	CaseTimeline(HistoryService history, AsSystem asSystem, JdbcClient jdbc, Holdings holdings) {
		this.history = history;
		this.asSystem = asSystem;
		this.jdbc = jdbc;
		this.holdings = holdings;
	}

	/** The case's events, oldest first; empty for a case with no history. */
	public List<TimelineEvent> of(String caseRef) {
		List<ClockRow> clocks = clocks(caseRef);
		List<TimelineEvent> events = new ArrayList<>();
		Recorded recorded = new Recorded();
		asSystem.run(() -> engineEvents(caseRef, clocks, recorded, events));
		clockEvents(clocks, recorded, events);
		escalationEvents(caseRef, events);
		correctionEvents(caseRef, events);
		holdingEvents(caseRef, events);
		viewEvents(caseRef, events);
		// one form's fields are saved in the same instant, in no meaningful order: by field name
		events.sort(Comparator.comparing(TimelineEvent::at)
			.thenComparing(e -> rank(e.what()))
			.thenComparing(e -> "FIELD_CHANGED".equals(e.what()) ? e.description().split(" ", 2)[0] : ""));
		return List.copyOf(events);
	}

	private static int rank(String what) {
		int rank = ORDER.indexOf(what);
		return rank < 0 ? ORDER.size() : rank;
	}

	// --- the engine's history

	private void engineEvents(String caseRef, List<ClockRow> clocks, Recorded recorded, List<TimelineEvent> events) {
		List<HistoricProcessInstance> processes = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseRef)
			.orderByProcessInstanceStartTime()
			.asc()
			.list();
		for (HistoricProcessInstance process : processes) {
			String pid = process.getId();
			recorded.processStarts.put(pid, instantOf(process.getStartTime()));
			String name = process.getProcessDefinitionName() != null ? process.getProcessDefinitionName()
					: process.getProcessDefinitionKey();
			events.add(TimelineEvent.of(instantOf(process.getStartTime()), who(process.getStartUserId()),
					"PROCESS_STARTED", "Started " + name + " (" + process.getProcessDefinitionKey() + ")", pid));
			if (process.getEndTime() != null) {
				String how = process.getDeleteReason() == null ? "" : ": " + process.getDeleteReason();
				events.add(TimelineEvent.of(instantOf(process.getEndTime()), SYSTEM, "PROCESS_ENDED",
						"Ended " + name + " (" + process.getProcessDefinitionKey() + ")" + how, pid));
			}
			OperationLog log = operationLog(pid);
			taskEvents(pid, clocks, log, events);
			fieldChanges(pid, log, recorded, events);
		}
	}

	private void taskEvents(String pid, List<ClockRow> clocks, OperationLog log, List<TimelineEvent> events) {
		List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
			.processInstanceId(pid)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list();
		for (HistoricTaskInstance task : tasks) {
			Instant created = instantOf(task.getStartTime());
			ClockRow clock = clockOfTask(clocks, pid, task, created);
			List<TimelineEvent> ofTask = new ArrayList<>();
			ofTask.add(TimelineEvent.of(created, SYSTEM, "TASK_CREATED", "Task created: " + task.getName()
					+ (task.getDueDate() == null ? "" : ", due " + instantOf(task.getDueDate())), pid));
			for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
				.taskId(task.getId())
				.type(IdentityLinkType.ASSIGNEE)
				.orderByTime()
				.asc()
				.list()) {
				boolean added = "add".equals(link.getOperationType());
				ofTask.add(TimelineEvent.of(instantOf(link.getTime()), who(link.getAssignerId()), "TASK_ASSIGNED",
						added ? task.getName() + " assigned to " + link.getUserId()
								: task.getName() + " no longer assigned to " + link.getUserId(),
						pid));
			}
			if (task.getEndTime() != null) {
				boolean completed = "completed".equals(task.getDeleteReason());
				String who = who(log.taskUser(task.getId(), completed ? UserOperationLogEntry.OPERATION_TYPE_COMPLETE
						: UserOperationLogEntry.OPERATION_TYPE_DELETE));
				ofTask.add(completed
						? TimelineEvent.of(instantOf(task.getEndTime()), who, "TASK_COMPLETED",
								"Task completed: " + task.getName(), pid)
						: TimelineEvent.of(instantOf(task.getEndTime()), who, "TASK_DELETED", "Task ended without"
								+ " completion: " + task.getName() + (task.getDeleteReason() == null ? ""
										: " (" + task.getDeleteReason() + ")"),
								pid));
			}
			for (TimelineEvent event : ofTask) {
				events.add(clock == null ? event : event.withClock(clock.id, clock.ruleId, clock.dueDate));
			}
		}
	}

	/** The open clock of the task's process whose deadline is the task's due date. */
	private static ClockRow clockOfTask(List<ClockRow> clocks, String pid, HistoricTaskInstance task, Instant created) {
		if (task.getDueDate() == null) {
			return null;
		}
		Instant due = instantOf(task.getDueDate());
		return clocks.stream()
			.filter(c -> c.processInstanceId.equals(pid) && c.dueAt.equals(due))
			.filter(c -> !c.startedAt.isAfter(created) && (c.stoppedAt == null || !c.stoppedAt.isBefore(created)))
			.findFirst()
			.orElse(clocks.stream()
				.filter(c -> c.processInstanceId.equals(pid) && c.dueAt.equals(due))
				.findFirst()
				.orElse(null));
	}

	/** Each variable update of the process, with the variable's previous value as the old value. */
	private void fieldChanges(String pid, OperationLog log, Recorded recorded, List<TimelineEvent> events) {
		List<HistoricDetail> details = history.createHistoricDetailQuery()
			.processInstanceId(pid)
			.variableUpdates()
			.disableBinaryFetching()
			.orderPartiallyByOccurrence()
			.asc()
			.list();
		Map<String, String> previous = new HashMap<>();
		for (HistoricDetail detail : details) {
			HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
			String key = update.getVariableInstanceId();
			String oldValue = previous.get(key);
			String newValue = text(update);
			previous.put(key, newValue);
			recorded.updates.computeIfAbsent(pid + "/" + update.getVariableName(), k -> new ArrayList<>())
				.add(instantOf(update.getTime()));
			// a person's change (a form submitted, a date corrected); the engine's own bookkeeping is left out
			if (update.getUserOperationId() == null || log.userOf(update.getUserOperationId()) == null) {
				continue;
			}
			events.add(TimelineEvent.of(instantOf(update.getTime()), who(log.userOf(update.getUserOperationId())),
					"FIELD_CHANGED", fieldDescription(update.getVariableName(), oldValue, newValue), pid)
				.withValues(oldValue, newValue));
		}
	}

	private static String fieldDescription(String name, String oldValue, String newValue) {
		if (oldValue == null) {
			return name + " set to " + newValue;
		}
		return name + " changed from " + oldValue + " to " + newValue;
	}

	private static String text(HistoricVariableUpdate update) {
		if (update.getErrorMessage() != null) {
			return "(" + update.getTypeName() + " value not readable)";
		}
		Object value = update.getValue();
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		return value == null ? null : value.toString();
	}

	private OperationLog operationLog(String pid) {
		OperationLog log = new OperationLog();
		for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(pid).list()) {
			if (entry.getUserId() == null) {
				continue;
			}
			log.byOperation.putIfAbsent(entry.getOperationId(), entry.getUserId());
			if (entry.getTaskId() != null) {
				log.byTask.putIfAbsent(entry.getTaskId() + "/" + entry.getOperationType(), entry.getUserId());
			}
		}
		return log;
	}

	/** Who did what, from the engine's user operation log (only written for signed-in users). */
	private static final class OperationLog {

		final Map<String, String> byOperation = new HashMap<>();

		final Map<String, String> byTask = new HashMap<>();

		String userOf(String operationId) {
			return operationId == null ? null : byOperation.get(operationId);
		}

		String taskUser(String taskId, String operationType) {
			return byTask.get(taskId + "/" + operationType);
		}

	}

	/** When things were recorded in the engine: process starts, and each variable's updates in order. */
	private static final class Recorded {

		final Map<String, Instant> processStarts = new HashMap<>();

		final Map<String, List<Instant>> updates = new HashMap<>();

		/** When the variable was first recorded at or after {@code notBefore}; else {@code notBefore}. */
		Instant firstUpdate(String pid, String variable, Instant notBefore) {
			if (variable != null) {
				for (Instant at : updates.getOrDefault(pid + "/" + variable, List.of())) {
					if (!at.isBefore(notBefore)) {
						return at;
					}
				}
			}
			return notBefore;
		}

	}

	// --- our own tables

	private record ClockRow(long id, String processInstanceId, String ruleId, String label, Instant startedAt,
			LocalDate dueDate, Instant dueAt, Instant stoppedAt, String outcome, String stopReason,
			LocalDate originalDueDate, String extendedBy, Instant extendedAt, String extensionReason, String startedBy,
			String stoppedBy) {
	}

	private List<ClockRow> clocks(String caseRef) {
		return jdbc.sql("""
				select id, process_instance_id, rule_id, label, started_at, due_date, due_at, stopped_at, outcome,
				       stop_reason, original_due_date, extended_by, extended_at, extension_reason, started_by, stopped_by
				from clock where case_ref = ? order by started_at, id""")
			.param(caseRef)
			.query((rs, row) -> new ClockRow(rs.getLong("id"), rs.getString("process_instance_id"),
					rs.getString("rule_id"), rs.getString("label"), instant(rs, "started_at"),
					rs.getObject("due_date", LocalDate.class), instant(rs, "due_at"), instant(rs, "stopped_at"),
					rs.getString("outcome"), rs.getString("stop_reason"),
					rs.getObject("original_due_date", LocalDate.class), rs.getString("extended_by"),
					instant(rs, "extended_at"), rs.getString("extension_reason"), rs.getString("started_by"),
					rs.getString("stopped_by")))
			.list();
	}

	/**
	 * A clock's opening and stop are placed when they were recorded (the engine's update of the variable
	 * holding the date that started or stopped it, never before the process started), not at the
	 * event's own date, which may be back-dated: that date is in the description.
	 */
	private static void clockEvents(List<ClockRow> clocks, Recorded recorded, List<TimelineEvent> events) {
		for (ClockRow c : clocks) {
			LocalDate firstDue = c.originalDueDate != null ? c.originalDueDate : c.dueDate;
			Instant processStart = recorded.processStarts.get(c.processInstanceId);
			Instant notBefore = processStart != null && processStart.isAfter(c.startedAt) ? processStart : c.startedAt;
			Instant opened = recorded.firstUpdate(c.processInstanceId, c.startedBy, notBefore);
			events.add(TimelineEvent.of(opened, SYSTEM, "CLOCK_OPENED", "Clock opened: " + c.label + ", counting from "
					+ LONDON.format(c.startedAt) + ", due " + firstDue, c.processInstanceId)
				.withClock(c.id, c.ruleId, c.dueDate));
			if (c.extendedAt != null) {
				events.add(TimelineEvent.of(c.extendedAt, who(c.extendedBy), "CLOCK_EXTENDED",
						"Clock extended: " + c.label + " from " + c.originalDueDate + " to " + c.dueDate
								+ (c.extensionReason == null ? "" : ": " + c.extensionReason),
						c.processInstanceId)
					.withClock(c.id, c.ruleId, c.dueDate)
					.withValues(String.valueOf(c.originalDueDate), String.valueOf(c.dueDate)));
			}
			if (c.stoppedAt != null) {
				Instant stopped = recorded.firstUpdate(c.processInstanceId, c.stoppedBy,
						c.stoppedAt.isAfter(opened) ? c.stoppedAt : opened);
				String asOf = ", as of " + LONDON.format(c.stoppedAt);
				boolean cancelled = "CANCELLED".equals(c.outcome);
				String description = cancelled
						? "Clock cancelled: " + c.label + asOf + (c.stopReason == null ? "" : " (" + c.stopReason + ")")
						: "Clock stopped: " + c.label + ", " + c.outcome + asOf
								+ (c.stopReason == null ? "" : " (" + c.stopReason + ")");
				events.add(TimelineEvent.of(stopped, SYSTEM, cancelled ? "CLOCK_CANCELLED" : "CLOCK_STOPPED",
						description, c.processInstanceId)
					.withClock(c.id, c.ruleId, c.dueDate));
			}
		}
	}

	private void escalationEvents(String caseRef, List<TimelineEvent> events) {
		jdbc.sql("""
				select e.clock_id, e.tier, e.overdue_task, e.manager, e.raised_at, e.escalation_process_instance_id,
				       e.acknowledged_by, e.acknowledged_at, e.reason_for_delay, e.action_agreed, e.new_target_date,
				       c.rule_id, c.due_date, c.process_instance_id
				from escalation e join clock c on c.id = e.clock_id
				where c.case_ref = ? order by e.raised_at, e.id""")
			.param(caseRef)
			.query((rs, row) -> {
				long clockId = rs.getLong("clock_id");
				String ruleId = rs.getString("rule_id");
				LocalDate due = rs.getObject("due_date", LocalDate.class);
				String pid = rs.getString("process_instance_id");
				int tier = rs.getInt("tier");
				String task = rs.getString("overdue_task");
				events.add(TimelineEvent.of(instant(rs, "raised_at"), SYSTEM, "ESCALATION_RAISED",
						"Tier " + tier + " escalation to " + rs.getString("manager") + ": " + task + " is overdue",
						pid)
					.withClock(clockId, ruleId, due));
				Instant acknowledgedAt = instant(rs, "acknowledged_at");
				if (acknowledgedAt != null) {
					LocalDate target = rs.getObject("new_target_date", LocalDate.class);
					StringBuilder words = new StringBuilder("Tier " + tier + " escalation acknowledged. Reason for delay: "
							+ rs.getString("reason_for_delay"));
					if (rs.getString("action_agreed") != null) {
						words.append(". Action agreed: ").append(rs.getString("action_agreed"));
					}
					if (target != null) {
						words.append(". New target date: ").append(target);
					}
					events.add(TimelineEvent.of(acknowledgedAt, who(rs.getString("acknowledged_by")),
							"ESCALATION_ACKNOWLEDGED", words.toString(), pid)
						.withClock(clockId, ruleId, due));
				}
				return row;
			})
			.list();
	}

	private void correctionEvents(String caseRef, List<TimelineEvent> events) {
		jdbc.sql("""
				select process_instance_id, variable_name, old_value, new_value, reason, corrected_by, corrected_at
				from correction where case_ref = ? order by corrected_at, id""")
			.param(caseRef)
			.query((rs, row) -> events.add(TimelineEvent.of(instant(rs, "corrected_at"), who(rs.getString("corrected_by")),
					"CORRECTION",
					"Corrected " + rs.getString("variable_name") + " from " + rs.getString("old_value") + " to "
							+ rs.getString("new_value") + ": " + rs.getString("reason"),
					rs.getString("process_instance_id"))
				.withValues(rs.getString("old_value"), rs.getString("new_value"))))
			.list();
	}

	/** Who held the child: each allocation (from whom, to whom, why) and each transfer between teams. */
	private void holdingEvents(String caseRef, List<TimelineEvent> events) {
		Allocation before = null;
		for (Allocation allocation : holdings.allocationsOf(caseRef)) {
			// a reallocation ends the last allocation in the same instant as it makes this one
			String from = before != null && Allocation.REALLOCATED.equals(before.endedBecause())
					&& allocation.from().equals(before.to()) ? before.worker() : null;
			String supervised = allocation.supervisor() == null ? "" : ", supervised by " + allocation.supervisor();
			events.add(TimelineEvent.of(allocation.from(), who(allocation.by()), "ALLOCATED",
					(from != null ? "Reallocated from " + from + " to " : "Allocated to ") + allocation.worker()
							+ supervised + " in team " + allocation.team() + ": " + allocation.reason(),
					null)
				.withValues(from, allocation.worker()));
			before = allocation;
		}
		for (Transfer transfer : holdings.transfersOf(caseRef)) {
			events.add(TimelineEvent.of(transfer.at(), who(transfer.by()), "TRANSFERRED",
					"Transferred from team " + transfer.fromTeam() + " to team " + transfer.toTeam()
							+ ", arriving unallocated: " + transfer.reason(),
					null)
				.withValues(transfer.fromTeam(), transfer.toTeam()));
		}
	}

	private void viewEvents(String caseRef, List<TimelineEvent> events) {
		jdbc.sql("select viewed_by, viewed_at, what from record_view where case_ref = ? order by viewed_at, id")
			.param(caseRef)
			.query((rs, row) -> events.add(TimelineEvent.of(instant(rs, "viewed_at"), who(rs.getString("viewed_by")),
					"RECORD_VIEWED", viewed(rs.getString("what")), null)))
			.list();
	}

	private static String viewed(String what) {
		return "refused".equals(what) ? "Asked to see the case record and was refused"
				: "Viewed the case record (" + what + ")";
	}

	private static String who(String userId) {
		return userId == null || userId.isBlank() ? SYSTEM : userId;
	}

	private static Instant instantOf(Date date) {
		return date == null ? null : date.toInstant();
	}

}
