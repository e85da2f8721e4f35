package org.timescales.proceedings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.calendar.Interval;
import org.timescales.calendar.IntervalUnit;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.clock.ClockChanges;
import org.timescales.clock.Clocks;
import org.timescales.lookedafter.LookedAfterService;
import org.timescales.lookedafter.LookedAfterVariables;
import org.timescales.refusal.FieldError;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.refusal.NotFoundException;
import org.timescales.rules.Rules;
import org.timescales.security.CaseAccess;

import static org.timescales.proceedings.CareProceedingsVariables.*;

/**
 * Care or supervision proceedings as BPMN calls them ({@code ${careProceedings...}}) and as a manager starts
 * them without pre-proceedings: the dates on the court's forms checked (a refusal names the field), the
 * court's extensions moved onto the 26-week clock, and a care or placement order handed on to the
 * looked-after process.
 */
@Component("careProceedings")
public class CareProceedings {

	static final Set<String> HEARING_TYPES = Set.of("CMH", "IRH", "FINAL", "OTHER");

	/** The SSDA903 legal status each order that makes a child looked after gives: C2 full care order, E1 placement order. */
	static final Map<String, String> LEGAL_STATUS_OF_ORDER = Map.of("CARE", "C2", "PLACEMENT", "E1");

	static final Set<String> FINAL_ORDERS = Set.of("CARE", "SUPERVISION", "PLACEMENT", "CHILD_ARRANGEMENTS",
			"SPECIAL_GUARDIANSHIP", "NO_ORDER", "WITHDRAWN");

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final CaseRepository cases;

	private final CaseAccess access;

	private final Clocks clocks;

	private final ClockChanges changes;

	private final Rules rules;

	private final LookedAfterService lookedAfter;

	private final Clock clock;

	CareProceedings(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
			CaseRepository cases, CaseAccess access, Clocks clocks, ClockChanges changes, Rules rules,
			LookedAfterService lookedAfter, Clock clock) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.cases = cases;
		this.access = access;
		this.clocks = clocks;
		this.changes = changes;
		this.rules = rules;
		this.lookedAfter = lookedAfter;
		this.clock = clock;
	}

	/**
	 * A manager of the team holding the case decides to apply to the court at once, without pre-proceedings
	 * (after an emergency protection order, say): the same start message pre-proceedings sends.
	 */
	@Transactional
	public String applyUrgently(String caseRef, String decisionToIssueDate, String reason, String user) {
		// in turn: two applications for one child at once cannot both start
		ChildCase child = cases.lock(caseRef).orElseThrow(() -> new NotFoundException("No case " + caseRef));
		access.requireManagerOf(child.team(), "apply to the court for care proceedings");
		List<FieldError> errors = new ArrayList<>();
		LocalDate decided = null;
		try {
			decided = LocalDate.parse(decisionToIssueDate == null ? "" : decisionToIssueDate.strip());
			if (decided.getYear() < 1900) {
				errors.add(new FieldError(DECISION_TO_ISSUE_DATE, "is not a plausible date"));
			}
			else if (decided.isAfter(today())) {
				errors.add(new FieldError(DECISION_TO_ISSUE_DATE, "is in the future"));
			}
		}
		catch (java.time.format.DateTimeParseException ex) {
			errors.add(new FieldError(DECISION_TO_ISSUE_DATE, "must be a date, YYYY-MM-DD: the day it was decided to apply"));
		}
		if (reason == null || reason.isBlank()) {
			errors.add(new FieldError("reason", "is required: why the application is made without pre-proceedings"));
		}
		else if (reason.length() > 1000) {
			errors.add(new FieldError("reason", "is longer than 1000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		if (running(caseRef)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Care proceedings are already running for case " + caseRef + ": record their hearings and orders there");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("caseRef", caseRef);
		variables.put("team", child.team());
		variables.put(DECISION_TO_ISSUE_DATE, decided.toString());
		variables.put(FROM_PRE_PROCEEDINGS, false);
		variables.put(URGENT_APPLICATION_REASON, reason.strip());
		String pid = runtimeService.createMessageCorrelation(CARE_PROCEEDINGS_STARTED)
			.processInstanceBusinessKey(caseRef)
			.setVariables(variables)
			.correlateStartMessage()
			.getId();
		taskService.createComment(null, pid, "Application to the court without pre-proceedings, decided on " + decided
				+ ", recorded by " + user + ": " + reason.strip());
		return pid;
	}

	/** The court issued the application: not in the future, not before the decision to apply, nor the child's birth. */
	public void checkApplicationIssued(DelegateTask task) {
		LocalDate issued = pastDate(task, APPLICATION_ISSUED_DATE);
		notBefore(APPLICATION_ISSUED_DATE, issued, dateOf(task, DECISION_TO_ISSUE_DATE), "the decision to apply");
		cases.findCase(task.getExecution().getProcessBusinessKey())
			.ifPresent(child -> notBefore(APPLICATION_ISSUED_DATE, issued, child.dateOfBirth(), "the date of birth"));
	}

	/** A hearing as the court listed it: a known type, on or after the day the application was issued. */
	public void checkHearing(DelegateTask task) {
		LocalDate heard = date(task, HEARING_DATE);
		notBefore(HEARING_DATE, heard, dateOf(task, APPLICATION_ISSUED_DATE), "the application was issued");
		String type = text(task, HEARING_TYPE);
		if (type == null || !HEARING_TYPES.contains(type)) {
			throw new BadUserRequestException(HEARING_TYPE + ": must be CMH, IRH, FINAL or OTHER");
		}
	}

	/**
	 * An extension the court granted: the order's date (not in the future, not before the application was
	 * issued), at most the rule's weeks at a time (s.32(8): 8), and the reason the court gave.
	 */
	public void checkExtension(DelegateTask task) {
		LocalDate ordered = pastDate(task, EXTENSION_ORDER_DATE);
		notBefore(EXTENSION_ORDER_DATE, ordered, dateOf(task, APPLICATION_ISSUED_DATE), "the application was issued");
		int weeks = weeks(task);
		Interval most = rules.get(PROCEEDINGS_RULE).extendableBy();
		if (weeks < 1 || weeks > most.amount()) {
			throw new BadUserRequestException(EXTENSION_WEEKS + ": the court extends by 1 to " + most.amount()
					+ " weeks at a time (Children Act 1989 s.32(8)); record each extension as the court ordered it");
		}
		String reason = text(task, EXTENSION_REASON);
		if (reason == null || reason.isBlank()) {
			throw new BadUserRequestException(EXTENSION_REASON + ": say why the court extended the timetable");
		}
	}

	/** Moves the 26-week clock's due date on by the weeks the court granted, kept on the clock with the order. */
	public void extend(DelegateExecution execution) {
		int weeks = weeks(execution);
		var user = identityService.getCurrentAuthentication();
		String reason = "Court order of " + dateOf(execution, EXTENSION_ORDER_DATE) + ": extended by " + weeks
				+ " weeks (Children Act 1989 s.32(5)). " + text(execution, EXTENSION_REASON).strip();
		try {
			changes.extendBy(execution.getProcessBusinessKey(), clocks.idOf(execution, PROCEEDINGS_RULE),
					new Interval(weeks, IntervalUnit.WEEKS), reason, user == null ? null : user.getUserId());
		}
		catch (InvalidRequestException ex) {
			throw new BadUserRequestException(ex.getMessage());
		}
	}

	/** The final order: a known order on a valid date; a care or placement order records the legal status it gives. */
	public void checkFinalOrder(DelegateTask task) {
		String order = text(task, FINAL_ORDER);
		if (order == null || !FINAL_ORDERS.contains(order)) {
			throw new BadUserRequestException(FINAL_ORDER + ": must be one of CARE, SUPERVISION, PLACEMENT,"
					+ " CHILD_ARRANGEMENTS, SPECIAL_GUARDIANSHIP, NO_ORDER, WITHDRAWN");
		}
		LocalDate ordered = pastDate(task, FINAL_ORDER_DATE);
		String legalStatus = LEGAL_STATUS_OF_ORDER.get(order);
		if (task.getVariable(PLACEMENT_START_DATE) != null && !"".equals(task.getVariable(PLACEMENT_START_DATE))) {
			if (legalStatus == null) {
				throw new BadUserRequestException(PLACEMENT_START_DATE + ": only a care or placement order places the child");
			}
			notBefore(PLACEMENT_START_DATE, pastDate(task, PLACEMENT_START_DATE), ordered, "the order was made");
		}
		task.getExecution().setVariable(ORDER_LEGAL_STATUS, legalStatus);
	}

	/** A care or placement order for a child not already looked after: the child becomes looked after. */
	public boolean becomesLookedAfter(DelegateExecution execution) {
		return execution.getVariable(ORDER_LEGAL_STATUS) != null && !lookedAfterNow(execution.getProcessBusinessKey());
	}

	/** Starts the looked-after process from the order's day, with the legal status the order gives. */
	public void startLookedAfter(DelegateExecution execution) {
		String ordered = dateOf(execution, FINAL_ORDER_DATE).toString();
		Object placed = execution.getVariable(PLACEMENT_START_DATE);
		try {
			lookedAfter.becomeLookedAfter(execution.getProcessBusinessKey(), ordered,
					placed == null || "".equals(placed) ? ordered : dateOf(execution, PLACEMENT_START_DATE).toString(),
					(String) execution.getVariable(ORDER_LEGAL_STATUS), null);
		}
		catch (InvalidRequestException ex) {
			throw new BadUserRequestException(ex.getMessage());
		}
	}

	private boolean running(String caseRef) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(caseRef)
			.count() > 0;
	}

	private boolean lookedAfterNow(String caseRef) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(LookedAfterVariables.PROCESS_KEY)
			.processInstanceBusinessKey(caseRef)
			.count() > 0;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(London.ZONE));
	}

	private LocalDate pastDate(VariableScope scope, String field) {
		LocalDate day = date(scope, field);
		if (day.isAfter(today())) {
			throw new BadUserRequestException(field + ": " + day + " is in the future");
		}
		return day;
	}

	private static void notBefore(String field, LocalDate day, LocalDate earliest, String what) {
		if (day.isBefore(earliest)) {
			throw new BadUserRequestException(field + ": " + day + " is before " + what + " (" + earliest + ")");
		}
	}

	/** A date a form recorded: refused naming the field when it is missing or not a date. */
	private static LocalDate date(VariableScope scope, String field) {
		Object value = scope.getVariable(field);
		try {
			if (value != null && !"".equals(value)) {
				LocalDate day = London.dateOf(London.toInstant(value));
				if (day.getYear() >= 1900) {
					return day;
				}
			}
		}
		catch (IllegalArgumentException | java.time.DateTimeException notADate) {
			// refused below
		}
		throw new BadUserRequestException(field + ": a date is required, YYYY-MM-DD");
	}

	private static LocalDate dateOf(VariableScope scope, String variable) {
		return London.dateOf(London.toInstant(scope.getVariable(variable)));
	}

	private static int weeks(VariableScope scope) {
		Object value = scope.getVariable(EXTENSION_WEEKS);
		try {
			if (value instanceof Number number && number.doubleValue() == number.intValue()) {
				return number.intValue();
			}
			if (value instanceof String text) {
				return Integer.parseInt(text.strip());
			}
		}
		catch (NumberFormatException notWhole) {
			// refused below
		}
		throw new BadUserRequestException(EXTENSION_WEEKS + ": a whole number of weeks is required");
	}

	private static String text(VariableScope scope, String variable) {
		Object value = scope.getVariable(variable);
		return value == null ? null : value.toString();
	}

}
