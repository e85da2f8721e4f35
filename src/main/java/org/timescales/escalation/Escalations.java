package org.timescales.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.timescales.calendar.Deadlines;
import org.timescales.calendar.London;
import org.timescales.calendar.WorkingCalendar;
import org.timescales.clock.ClockLedger;
import org.timescales.clock.ClockRecord;
import org.timescales.clock.Clocks;
import org.timescales.notification.MailOutbox;
import org.timescales.notification.MailTemplates.Mail;
import org.timescales.rules.TimescalesProperties;
import org.timescales.team.Teams;

import static org.timescales.escalation.EscalationVariables.*;

/**
 * What happens when a clock nears or passes its deadline, as BPMN calls it: reminders to the worker,
 * escalations to managers (a review task and a mail, written in the engine's transaction through the
 * outbox) and the manager's acknowledgement.
 */
@Component("escalations")
public class Escalations {

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	/** A manager mailed about a case and rule this recently hears of a repeat in the morning digest instead. */
	static final int REPEAT_WITHIN_WORKING_DAYS = 10;

	private final Clocks clocks;

	private final ClockLedger clockLedger;

	private final EscalationLedger escalationLedger;

	private final Teams teams;

	private final MailOutbox outbox;

	private final EscalationMails mails;

	private final Deadlines deadlines;

	private final TimescalesProperties properties;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final WorkingCalendar calendar;

	private final Clock clock;

	Escalations(Clocks clocks, ClockLedger clockLedger, EscalationLedger escalationLedger, Teams teams,
			MailOutbox outbox, EscalationMails mails, Deadlines deadlines, TimescalesProperties properties,
			TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
			WorkingCalendar calendar, Clock clock) {
		this.clocks = clocks;
		this.clockLedger = clockLedger;
		this.escalationLedger = escalationLedger;
		this.teams = teams;
		this.outbox = outbox;
		this.mails = mails;
		this.deadlines = deadlines;
		this.properties = properties;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Reminds whoever holds the work that its deadline is near: each assignee of the clock's open tasks,
	 * or the team's mailbox when nobody has picked the task up. A back-dated case already past its
	 * deadline gets no reminder: the escalation speaks for it.
	 */
	public void remind(long clockId) {
		clockLedger.find(clockId).filter(ClockRecord::isOpen).filter(this::workGoesOn).ifPresent(this::remind);
	}

	/** The reminder of process versions deployed before the watcher, from their own boundary timer. */
	public void remind(DelegateExecution execution, String ruleId) {
		remind(clockLedger.findOpen(execution.getProcessInstanceId(), ruleId).orElseThrow());
	}

	private void remind(ClockRecord record) {
		if (!clock.instant().isBefore(record.dueAt())) {
			log.info("No reminder for {} on {}: already past its deadline", record.ruleId(), record.caseRef());
			return;
		}
		Set<String> recipients = new LinkedHashSet<>();
		for (Task task : taskService.createTaskQuery()
			.processInstanceId(record.processInstanceId())
			.dueDate(Date.from(record.dueAt()))
			.list()) {
			recipients.add(teams.emailOf(task.getAssignee(), record.team()));
		}
		if (recipients.isEmpty()) {
			recipients.add(teams.team(record.team()).email());
		}
		Mail mail = mails.reminder(record);
		for (String recipient : recipients) {
			outbox.queue(recipient, mail.subject(), mail.text(), mail.html(), "reminder:" + record.id());
		}
		clocks.reminded(record);
	}

	/**
	 * Starts the breach escalation for the open clock of a rule: its own process instance under the
	 * case's business key, so the manager's review outlives the task, the plan or the process that
	 * breached.
	 */
	public void escalate(long clockId, int tier, String overdueTask) {
		ClockRecord record = clockLedger.find(clockId)
			.orElseThrow(() -> new ProcessEngineException("No clock " + clockId));
		if (!record.isOpen()) {
			// stopped in a transaction that had not yet ended the watcher when its timer fired
			log.info("No escalation of {} on {}: the clock stopped at {}", record.ruleId(), record.caseRef(),
					record.stoppedAt());
			return;
		}
		if (!workGoesOn(record)) {
			return;
		}
		escalate(record, tier, overdueTask);
	}

	/**
	 * Whether the process whose work the clock times still runs. Every way the work ends stops its clock,
	 * but an administrator may delete the process itself (Cockpit): its timers then went with it, and a
	 * watcher raises nothing for it either.
	 */
	private boolean workGoesOn(ClockRecord record) {
		boolean running = runtimeService.createProcessInstanceQuery()
			.processInstanceId(record.processInstanceId())
			.count() > 0;
		if (!running) {
			log.warn("Nothing raised for {} on {}: its process {} no longer runs (deleted?) but the clock is open",
					record.ruleId(), record.caseRef(), record.processInstanceId());
		}
		return running;
	}

	/** The escalation of process versions deployed before the watcher, from their own boundary timer. */
	public void escalate(DelegateExecution execution, String ruleId, int tier, String overdueTask) {
		escalate(clocks.openClock(execution, ruleId), tier, overdueTask);
	}

	private void escalate(ClockRecord record, int tier, String overdueTask) {
		runtimeService.startProcessInstanceByKey(PROCESS_KEY, record.caseRef(),
				Map.of(CLOCK_ID, record.id(), TIER, tier, OVERDUE_TASK, overdueTask, TEAM, record.team(), CASE_REF,
						record.caseRef()));
	}

	/**
	 * Records the breach, picks the manager for the tier (1: team manager, 2: service manager), queues
	 * their mail and sets the variables the review task needs. A manager already mailed about the same
	 * case and rule within {@value #REPEAT_WITHIN_WORKING_DAYS} working days gets no second mail: the
	 * escalation is recorded as not mailed and the morning digest lists it. The review task is the same.
	 */
	public void raise(DelegateExecution execution) {
		long clockId = ((Number) execution.getVariable(CLOCK_ID)).longValue();
		int tier = ((Number) execution.getVariable(TIER)).intValue();
		String overdueTask = (String) execution.getVariable(OVERDUE_TASK);
		ClockRecord record = clockLedger.find(clockId)
			.orElseThrow(() -> new ProcessEngineException("No clock " + clockId + " to escalate"));
		String manager = tier == 1 ? teams.managerOf(record.team()) : teams.serviceManagerOf(record.team());
		Instant now = clock.instant();
		Optional<Long> existing = escalationLedger.find(clockId, tier).map(EscalationRecord::id);
		boolean repeat = escalationLedger.mailedSince(manager, record.caseRef(), record.ruleId(),
				repeatWindowStart(now), now, existing.orElse(null));
		long escalationId = existing.orElseGet(() -> escalationLedger.raise(clockId, tier, overdueTask, manager, now,
				execution.getProcessInstanceId(), !repeat));
		if (repeat) {
			log.info("Not mailing {} again about {} on {}: the morning digest lists the repeat", manager,
					record.ruleId(), record.caseRef());
		}
		else {
			Mail mail = mails.escalation(record, tier, overdueTask);
			outbox.queue(teams.emailOf(manager, record.team()), mail.subject(), mail.text(), mail.html(),
					"escalation:" + escalationId);
		}
		execution.setVariable(ESCALATION_ID, escalationId);
		execution.setVariable(MANAGER, manager);
		execution.setVariable(REVIEW_DUE,
				Date.from(deadlines.due(now, properties.escalation().reviewWithin()).dueAt()));
		log.info("Escalated {} on {} (tier {}) to {}", record.ruleId(), record.caseRef(), tier, manager);
	}

	// the start of the London day REPEAT_WITHIN_WORKING_DAYS working days before today
	private Instant repeatWindowStart(Instant now) {
		return calendar.subtractWorkingDays(London.dateOf(now), REPEAT_WITHIN_WORKING_DAYS)
			.atStartOfDay(London.ZONE)
			.toInstant();
	}

	/** Completing the review is the acknowledgement: who, when, the reason for delay and the action agreed. */
	public void acknowledge(DelegateTask task) {
		long escalationId = ((Number) task.getVariable(ESCALATION_ID)).longValue();
		var current = identityService.getCurrentAuthentication();
		String by = current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
		Object target = task.getVariable(NEW_TARGET_DATE);
		LocalDate newTargetDate = target == null || target.toString().isBlank() ? null
				: London.dateOf(London.toInstant(target));
		escalationLedger.acknowledge(escalationId, by, clock.instant(), (String) task.getVariable(REASON_FOR_DELAY),
				(String) task.getVariable(ACTION_AGREED), newTargetDate);
	}

}
