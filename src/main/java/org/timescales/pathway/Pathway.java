package org.timescales.pathway;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.timescales.calendar.London;
import org.timescales.clock.Clocks;

import static org.timescales.pathway.PathwayVariables.*;

/**
 * How a case moves along the referral-to-plan pathway, as BPMN calls it ({@code ${pathway...}}): one
 * process hands the case to the next by a start message under the same business key (the case
 * reference), carrying the team and the date that starts the next process's clocks; closures and
 * plan ends are recorded with their dates and reasons.
 */
@Component("pathway")
public class Pathway {

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final TaskService taskService;

	private final Clocks clocks;

	private final Clock clock;

	Pathway(RuntimeService runtimeService, HistoryService historyService, TaskService taskService, Clocks clocks,
			Clock clock) {
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.taskService = taskService;
		this.clocks = clocks;
		this.clock = clock;
	}

	/**
	 * Significant harm is suspected, as decided on the date in {@code decisionDateVariable}: the team
	 * must hold a strategy discussion (section47.bpmn). Its 24 hours run from now when the decision is
	 * recorded the day it is made; a back-dated decision's from the start of its day, so a late entry
	 * is late, and escalates at once.
	 */
	public void startSection47(DelegateExecution execution, String decisionDateVariable) {
		LocalDate decided = dateOf(execution, decisionDateVariable);
		Instant requestedAt = decided.equals(LocalDate.now(clock.withZone(London.ZONE))) ? clock.instant()
				: decided.atStartOfDay(London.ZONE).toInstant();
		handOver(execution, STRATEGY_DISCUSSION_NEEDED, Map.of(STRATEGY_DISCUSSION_REQUESTED_AT, Date.from(requestedAt)));
	}

	/** A child in need plan starts on the date recorded in {@code startDateVariable} (childInNeedPlan.bpmn). */
	public void startChildInNeedPlan(DelegateExecution execution, String startDateVariable) {
		handOver(execution, CHILD_IN_NEED_PLAN_STARTED,
				Map.of(CIN_PLAN_START_DATE, dateOf(execution, startDateVariable).toString()));
	}

	/** The ICPC decided on a plan: it starts on the conference's date (childProtectionPlan.bpmn). */
	public void startChildProtectionPlan(DelegateExecution execution) {
		long previousPlans = historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(CHILD_PROTECTION_PLAN)
			.processInstanceBusinessKey(execution.getProcessBusinessKey())
			.count();
		handOver(execution, CHILD_PROTECTION_PLAN_STARTED,
				Map.of(CPP_START_DATE, dateOf(execution, ICPC_DATE).toString(), CATEGORY_OF_ABUSE,
						execution.getVariable(CATEGORY_OF_ABUSE), NUMBER_OF_PREVIOUS_PLANS, previousPlans));
	}

	/** The episode closes (no further action, early help, plan ended) on the date in {@code dateVariable}. */
	public void close(DelegateExecution execution, String reason, String dateVariable) {
		execution.setVariable(CIN_CLOSURE_DATE, dateOf(execution, dateVariable).toString());
		execution.setVariable(CIN_CLOSURE_REASON, reason);
	}

	/** Records the London date of one variable's date or date-time under another name (s47StartDate). */
	public void recordDate(DelegateExecution execution, String target, String source) {
		execution.setVariable(target, dateOf(execution, source).toString());
	}

	/** A date on a form that stops no clock, checked all the same: not in the future, not before {@code notBefore}. */
	public void checkDate(DelegateTask task, String field, String notBefore) {
		LocalDate day = London.dateOf(London.toInstant(task.getVariable(field)));
		if (day.isAfter(LocalDate.now(clock.withZone(London.ZONE)))) {
			throw new BadUserRequestException(field + ": " + day + " is in the future");
		}
		LocalDate earliest = London.dateOf(London.toInstant(task.getVariable(notBefore)));
		if (day.isBefore(earliest)) {
			throw new BadUserRequestException(field + ": " + day + " is before " + notBefore + " (" + earliest + ")");
		}
	}

	/** The enquiry ended without a conference: the ICPC clock stops, and the census records ICPC not required. */
	public void icpcNotRequired(DelegateExecution execution) {
		execution.setVariable(ICPC_NOT_REQUIRED, true);
		clocks.cancel(execution, "icpc", "ICPC not required: section 47 outcome " + execution.getVariable(S47_OUTCOME));
	}

	/**
	 * A plan ends on the date in {@code fromVariable}: recorded as {@code endDateVariable}; every open
	 * task of the plan gets the reason as a comment (the task is then cancelled by the plan's end) and
	 * every open clock stops, cancelled with the reason.
	 */
	public void endPlan(DelegateExecution execution, String endDateVariable, String fromVariable, String reason) {
		LocalDate ended = dateOf(execution, fromVariable);
		execution.setVariable(endDateVariable, ended.toString());
		cancelOpenWork(execution.getProcessInstanceId(), reason + " on " + ended);
	}

	/**
	 * Before a process's open work is cancelled (a plan ends, a child leaves care): each open task gets
	 * the reason as a comment, kept in history with the task, and every open clock stops as cancelled.
	 */
	public void cancelOpenWork(String processInstanceId, String why) {
		for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
			taskService.createComment(task.getId(), processInstanceId, "Cancelled: " + why);
		}
		clocks.cancelAll(processInstanceId, why);
	}

	private void handOver(DelegateExecution execution, String message, Map<String, Object> variables) {
		runtimeService.createMessageCorrelation(message)
			.processInstanceBusinessKey(execution.getProcessBusinessKey())
			.setVariable(CASE_REF, execution.getProcessBusinessKey())
			.setVariable(TEAM, execution.getVariable(TEAM))
			.setVariables(variables)
			.correlateStartMessage();
	}

	private static LocalDate dateOf(DelegateExecution execution, String variable) {
		Instant at = London.toInstant(execution.getVariable(variable));
		if (at == null) {
			throw new IllegalStateException("Variable " + variable + " is not set");
		}
		return London.dateOf(at);
	}

}
