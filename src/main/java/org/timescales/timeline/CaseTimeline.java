package org.timescales.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.timescales.audit.RecordView;
import org.timescales.audit.RecordViews;
import org.timescales.casefile.Allocation;
import org.timescales.casefile.Holdings;
import org.timescales.casefile.Transfer;
import org.timescales.casehistory.CaseHistory;
import org.timescales.casehistory.FieldUpdate;
import org.timescales.casehistory.ProcessRun;
import org.timescales.casehistory.TaskRun;
import org.timescales.clock.ClockLedger;
import org.timescales.clock.ClockRecord;
import org.timescales.clock.ClockStatus;
import org.timescales.clock.Correction;
import org.timescales.clock.Corrections;
import org.timescales.escalation.EscalationLedger;
import org.timescales.escalation.EscalationRecord;


/**
 * Everything that happened to a case, in time order: its processes, tasks and form field changes as
 * {@link CaseHistory} reads them (with no engine authorization: the caller has already decided who may
 * see the case), its clocks from the clock ledger, who held it, who read it, and its escalations and
 * corrections.
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

	private final CaseHistory history;

	private final ClockLedger ledger;

	private final EscalationLedger escalations;

	private final Corrections corrections;

	private final Holdings holdings;

	private final RecordViews recordViews;

	CaseTimeline(CaseHistory history, ClockLedger ledger, EscalationLedger escalations, Corrections corrections,
			Holdings holdings, RecordViews recordViews) {
		this.history = history;
		this.ledger = ledger;
		this.escalations = escalations;
		this.corrections = corrections;
		this.holdings = holdings;
		this.recordViews = recordViews;
	}

	/** The case's events, oldest first; empty for a case with no history. */
	public List<TimelineEvent> of(String caseRef) {
		List<ClockRecord> clocks = ledger.forCase(caseRef);
		List<TimelineEvent> events = new ArrayList<>();
		Recorded recorded = new Recorded();
		engineEvents(caseRef, clocks, recorded, events);
		clockEvents(clocks, recorded, events);
		escalationEvents(caseRef, clocks, events);
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

	private void engineEvents(String caseRef, List<ClockRecord> clocks, Recorded recorded, List<TimelineEvent> events) {
		for (ProcessRun process : history.processes(caseRef)) {
			String pid = process.id();
			recorded.processStarts.put(pid, process.startedAt());
			String name = process.title() + " (" + process.process() + ")";
			events.add(TimelineEvent.of(process.startedAt(), who(process.startedBy()), "PROCESS_STARTED",
					"Started " + name, pid));
			if (process.endedAt() != null) {
				String how = process.endReason() == null ? "" : ": " + process.endReason();
				events.add(TimelineEvent.of(process.endedAt(), SYSTEM, "PROCESS_ENDED", "Ended " + name + how, pid));
			}
			taskEvents(pid, process.tasks(), clocks, events);
			fieldChanges(pid, process.updates(), recorded, events);
		}
	}

	private static void taskEvents(String pid, List<TaskRun> tasks, List<ClockRecord> clocks,
			List<TimelineEvent> events) {
		for (TaskRun task : tasks) {
			ClockRecord clock = clockOfTask(clocks, pid, task);
			List<TimelineEvent> ofTask = new ArrayList<>();
			ofTask.add(TimelineEvent.of(task.createdAt(), SYSTEM, "TASK_CREATED", "Task created: " + task.name()
					+ (task.dueAt() == null ? "" : ", due " + task.dueAt()), pid));
			for (TaskRun.Assignment link : task.assignments()) {
				ofTask.add(TimelineEvent.of(link.at(), who(link.by()), "TASK_ASSIGNED",
						link.added() ? task.name() + " assigned to " + link.assignee()
								: task.name() + " no longer assigned to " + link.assignee(),
						pid));
			}
			if (task.endedAt() != null) {
				String who = who(task.endedBy());
				ofTask.add(task.completed()
						? TimelineEvent.of(task.endedAt(), who, "TASK_COMPLETED", "Task completed: " + task.name(), pid)
						: TimelineEvent.of(task.endedAt(), who, "TASK_DELETED", "Task ended without"
								+ " completion: " + task.name() + (task.endReason() == null ? ""
										: " (" + task.endReason() + ")"),
								pid));
			}
			for (TimelineEvent event : ofTask) {
				events.add(clock == null ? event : event.withClock(clock.id(), clock.ruleId(), clock.dueDate()));
			}
		}
	}

	/** The open clock of the task's process whose deadline is the task's due date. */
	private static ClockRecord clockOfTask(List<ClockRecord> clocks, String pid, TaskRun task) {
		if (task.dueAt() == null) {
			return null;
		}
		Instant created = task.createdAt();
		Instant due = task.dueAt();
		return clocks.stream()
			.filter(c -> c.processInstanceId().equals(pid) && c.dueAt().equals(due))
			.filter(c -> !c.startedAt().isAfter(created) && (c.stoppedAt() == null || !c.stoppedAt().isBefore(created)))
			.findFirst()
			.orElse(clocks.stream()
				.filter(c -> c.processInstanceId().equals(pid) && c.dueAt().equals(due))
				.findFirst()
				.orElse(null));
	}

	/** Each variable update of the process, with the variable's previous value as the old value. */
	private static void fieldChanges(String pid, List<FieldUpdate> updates, Recorded recorded,
			List<TimelineEvent> events) {
		Map<String, String> previous = new HashMap<>();
		for (FieldUpdate update : updates) {
			String oldValue = previous.get(update.variableId());
			String newValue = update.value();
			previous.put(update.variableId(), newValue);
			recorded.updates.computeIfAbsent(pid + "/" + update.name(), k -> new ArrayList<>()).add(update.at());
			// a person's change (a form submitted, a date corrected); the engine's own bookkeeping is left out
			if (update.by() == null) {
				continue;
			}
			events.add(TimelineEvent.of(update.at(), who(update.by()), "FIELD_CHANGED",
					fieldDescription(update.name(), oldValue, newValue), pid)
				.withValues(oldValue, newValue));
		}
	}

	private static String fieldDescription(String name, String oldValue, String newValue) {
		if (oldValue == null) {
			return name + " set to " + newValue;
		}
		return name + " changed from " + oldValue + " to " + newValue;
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

	// --- the other modules' records, and our own tables

	/**
	 * A clock's opening and stop are placed when they were recorded (the engine's update of the variable
	 * holding the date that started or stopped it, never before the process started), not at the
	 * event's own date, which may be back-dated: that date is in the description.
	 */
	private static void clockEvents(List<ClockRecord> clocks, Recorded recorded, List<TimelineEvent> events) {
		for (ClockRecord c : clocks) {
			LocalDate firstDue = c.originalDueDate() != null ? c.originalDueDate() : c.dueDate();
			Instant processStart = recorded.processStarts.get(c.processInstanceId());
			Instant notBefore = processStart != null && processStart.isAfter(c.startedAt()) ? processStart
					: c.startedAt();
			Instant opened = recorded.firstUpdate(c.processInstanceId(), c.startedBy(), notBefore);
			events.add(TimelineEvent.of(opened, SYSTEM, "CLOCK_OPENED", "Clock opened: " + c.label()
					+ ", counting from " + LONDON.format(c.startedAt()) + ", due " + firstDue, c.processInstanceId())
				.withClock(c.id(), c.ruleId(), c.dueDate()));
			if (c.extendedAt() != null) {
				events.add(TimelineEvent.of(c.extendedAt(), who(c.extendedBy()), "CLOCK_EXTENDED",
						"Clock extended: " + c.label() + " from " + c.originalDueDate() + " to " + c.dueDate()
								+ (c.extensionReason() == null ? "" : ": " + c.extensionReason()),
						c.processInstanceId())
					.withClock(c.id(), c.ruleId(), c.dueDate())
					.withValues(String.valueOf(c.originalDueDate()), String.valueOf(c.dueDate())));
			}
			if (c.stoppedAt() != null) {
				Instant stopped = recorded.firstUpdate(c.processInstanceId(), c.stoppedBy(),
						c.stoppedAt().isAfter(opened) ? c.stoppedAt() : opened);
				String asOf = ", as of " + LONDON.format(c.stoppedAt());
				String reason = c.stopReason() == null ? "" : " (" + c.stopReason() + ")";
				boolean cancelled = c.outcome() == ClockStatus.CANCELLED;
				String description = cancelled ? "Clock cancelled: " + c.label() + asOf + reason
						: "Clock stopped: " + c.label() + ", " + c.outcome() + asOf + reason;
				events.add(TimelineEvent.of(stopped, SYSTEM, cancelled ? "CLOCK_CANCELLED" : "CLOCK_STOPPED",
						description, c.processInstanceId())
					.withClock(c.id(), c.ruleId(), c.dueDate()));
			}
		}
	}

	/** Each escalation raised on one of the case's clocks, and its acknowledgement, in the order raised. */
	private void escalationEvents(String caseRef, List<ClockRecord> clocks, List<TimelineEvent> events) {
		Map<Long, ClockRecord> byId = new HashMap<>();
		clocks.forEach(c -> byId.put(c.id(), c));
		for (EscalationRecord escalation : escalations.forCase(caseRef)) {
			ClockRecord clock = byId.get(escalation.clockId());
			String pid = clock.processInstanceId();
			int tier = escalation.tier();
			events.add(TimelineEvent.of(escalation.raisedAt(), SYSTEM, "ESCALATION_RAISED",
					"Tier " + tier + " escalation to " + escalation.manager() + ": " + escalation.overdueTask()
							+ " is overdue",
					pid)
				.withClock(clock.id(), clock.ruleId(), clock.dueDate()));
			if (escalation.acknowledgedAt() != null) {
				StringBuilder words = new StringBuilder(
						"Tier " + tier + " escalation acknowledged. Reason for delay: " + escalation.reasonForDelay());
				if (escalation.actionAgreed() != null) {
					words.append(". Action agreed: ").append(escalation.actionAgreed());
				}
				if (escalation.newTargetDate() != null) {
					words.append(". New target date: ").append(escalation.newTargetDate());
				}
				events.add(TimelineEvent.of(escalation.acknowledgedAt(), who(escalation.acknowledgedBy()),
						"ESCALATION_ACKNOWLEDGED", words.toString(), pid)
					.withClock(clock.id(), clock.ruleId(), clock.dueDate()));
			}
		}
	}

	private void correctionEvents(String caseRef, List<TimelineEvent> events) {
		for (Correction correction : corrections.forCase(caseRef)) {
			events.add(TimelineEvent.of(correction.correctedAt(), who(correction.correctedBy()), "CORRECTION",
					"Corrected " + correction.variableName() + " from " + correction.oldValue() + " to "
							+ correction.newValue() + ": " + correction.reason(),
					correction.processInstanceId())
				.withValues(correction.oldValue(), correction.newValue()));
		}
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
		for (RecordView view : recordViews.of(caseRef)) {
			events.add(TimelineEvent.of(view.viewedAt(), who(view.viewedBy()), "RECORD_VIEWED", viewed(view.what()),
					null));
		}
	}

	private static String viewed(String what) {
		return "refused".equals(what) ? "Asked to see the case record and was refused"
				: "Viewed the case record (" + what + ")";
	}

	private static String who(String userId) {
		return userId == null || userId.isBlank() ? SYSTEM : userId;
	}

}
