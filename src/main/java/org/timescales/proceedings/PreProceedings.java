package org.timescales.proceedings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.timescales.calendar.London;
import org.timescales.clock.Clocks;
import org.timescales.pathway.Pathway;
import org.timescales.team.Teams;

import static org.timescales.proceedings.PreProceedingsVariables.*;

/**
 * Pre-proceedings as BPMN calls it ({@code ${preProceedings...}}): the referral to a legal planning meeting
 * (from a plan review or the API), the checks on each task's form, the family group decision-making duty as
 * a gate on the decision to apply to court (Children Act 1989 s.31ZA, in force from
 * {@code timescales.law.fgdm-offer-from}), and the hand-over to care proceedings by the start message
 * {@code CareProceedingsStarted}, as the pathway hands over (pathway/Pathway).
 * <p>
 * Refusals are {@link BadUserRequestException}s whose message is {@code "field: sentence"}, so Tasklist and
 * /engine-rest answer 400 with the sentence (no apostrophes in it: Tasklist shows it as it stands).
 */
@Component("preProceedings")
public class PreProceedings {

	private static final String SECTION = "Children Act 1989 s.31ZA";

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final Clocks clocks;

	private final Pathway pathway;

	private final Teams teams;

	private final Clock clock;

	private final LocalDate fgdmOfferFrom;

	PreProceedings(RuntimeService runtimeService, IdentityService identityService, Clocks clocks, Pathway pathway,
			Teams teams, Clock clock, @Value("${timescales.law.fgdm-offer-from}") String fgdmOfferFrom) {
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.clocks = clocks;
		this.pathway = pathway;
		this.teams = teams;
		this.clock = clock;
		this.fgdmOfferFrom = LocalDate.parse(fgdmOfferFrom.strip());
	}

	/** The day Children Act 1989 s.31ZA applies from (configured: a date set by regulations). */
	public LocalDate fgdmOfferFrom() {
		return fgdmOfferFrom;
	}

	/** Whether pre-proceedings of this case are running (one at a time for a child). */
	public boolean running(String caseRef) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(caseRef)
			.count() > 0;
	}

	/**
	 * A plan review referred the case to a legal planning meeting (childProtectionPlan, childInNeedPlan), on
	 * the review date in {@code dateVariable}: starts preProceedings. The plan runs on beside it. The review's
	 * choice is removed afterwards, so the next review starts unticked.
	 */
	public void refer(DelegateExecution execution, String dateVariable) {
		String caseRef = execution.getProcessBusinessKey();
		if (running(caseRef)) {
			throw new BadUserRequestException(REFER_TO_LEGAL_PLANNING
					+ ": pre-proceedings are already running for this child (case " + caseRef + ")");
		}
		String reason = text(execution, LEGAL_PLANNING_REASON);
		if (reason == null) {
			throw new BadUserRequestException(LEGAL_PLANNING_REASON + ": say why the case goes to a legal planning meeting");
		}
		start(caseRef, (String) execution.getVariable("team"), dateOf(execution, dateVariable), reason);
		execution.removeVariable(REFER_TO_LEGAL_PLANNING);
		execution.removeVariable(LEGAL_PLANNING_REASON);
	}

	/** Starts preProceedings for the case: its legal planning meeting falls due from {@code referredOn}. */
	String start(String caseRef, String team, LocalDate referredOn, String reason) {
		return runtimeService.createMessageCorrelation(LEGAL_PLANNING_MEETING_REQUESTED)
			.processInstanceBusinessKey(caseRef)
			.setVariables(Map.of("caseRef", caseRef, "team", team, LEGAL_PLANNING_REFERRED_DATE, referredOn.toString(),
					LEGAL_PLANNING_REASON, reason))
			.correlateStartMessage()
			.getId();
	}

	/**
	 * The legal planning meeting's decision (after its clock has stopped at the meeting's date): pre-proceedings
	 * (ppStartDate is the meeting's date), issue at once, or no further legal action. Whether s.31ZA applies is
	 * decided by that date. Issuing at once is an application without a letter before proceedings, so where the
	 * duty applies it needs the finding that a meeting is not in the best interests of the child (s.31ZA(3)),
	 * with the reason, made by the team manager or service manager completing the task: that is the sign-off.
	 */
	public void decideAtLegalPlanning(DelegateTask task) {
		LocalDate met = dateOf(task, LEGAL_PLANNING_MEETING_DATE);
		String decision = text(task, LEGAL_PLANNING_DECISION);
		if (decision == null || !java.util.Set.of(PRE_PROCEEDINGS, ISSUE_AT_ONCE, NO_FURTHER_LEGAL_ACTION).contains(decision)) {
			throw new BadUserRequestException(LEGAL_PLANNING_DECISION
					+ ": choose pre-proceedings, issue care proceedings at once, or no further legal action");
		}
		boolean dutyApplies = !met.isBefore(fgdmOfferFrom);
		task.setVariable(ISSUED_AT_ONCE, ISSUE_AT_ONCE.equals(decision));
		if (PRE_PROCEEDINGS.equals(decision)) {
			task.setVariable(PP_START_DATE, met.toString());
			task.setVariable(FGDM_DUTY_APPLIES, dutyApplies);
		}
		else if (ISSUE_AT_ONCE.equals(decision)) {
			if (text(task, ISSUE_AT_ONCE_REASON) == null) {
				throw new BadUserRequestException(ISSUE_AT_ONCE_REASON
						+ ": say why care proceedings are issued at once, without pre-proceedings");
			}
			task.setVariable(FGDM_DUTY_APPLIES, dutyApplies);
			task.setVariable(FGDM_OFFERED, false);
			if (!dutyApplies) {
				task.setVariable(FGDM_OUTCOME, NOT_OFFERED_BEFORE_DUTY);
				return;
			}
			if (text(task, FGDM_NOT_IN_BEST_INTERESTS_REASON) == null) {
				throw new BadUserRequestException(FGDM_NOT_IN_BEST_INTERESTS_REASON + ": issuing at once makes the"
						+ " application without offering a family group decision-making meeting: record why offering one"
						+ " is not in the best interests of the child (" + SECTION + "(3))");
			}
			String manager = currentUser();
			String team = (String) task.getVariable("team");
			if (manager == null || !(manager.equals(teams.managerOf(team)) || manager.equals(teams.serviceManagerOf(team)))) {
				throw new BadUserRequestException(LEGAL_PLANNING_DECISION + ": issuing at once without a family group"
						+ " decision-making meeting needs a manager sign-off that one is not in the best interests of the"
						+ " child (" + SECTION + "(3)): the team manager or service manager completes this task");
			}
			task.setVariable(FGDM_OUTCOME, NOT_IN_BEST_INTERESTS);
			task.setVariable(FGDM_SIGNED_OFF_BY, manager);
			task.setVariable(FGDM_OUTCOME_DATE, met.toString());
		}
	}

	/**
	 * The letter before proceedings (after the pp-letter clock stopped at lbpSentDate). A letter that offers no
	 * family group decision-making meeting while s.31ZA applies records why not, for a manager to sign off.
	 */
	public void recordLetter(DelegateTask task) {
		Object offered = task.getVariable(FGDM_OFFERED);
		if (!(offered instanceof Boolean)) {
			throw new BadUserRequestException(FGDM_OFFERED
					+ ": say whether the letter offers a family group decision-making meeting");
		}
		if ((Boolean) offered) {
			task.removeVariable(FGDM_OUTCOME);
		}
		else if (Boolean.TRUE.equals(task.getVariable(FGDM_DUTY_APPLIES))) {
			if (text(task, FGDM_NOT_IN_BEST_INTERESTS_REASON) == null) {
				throw new BadUserRequestException(FGDM_NOT_IN_BEST_INTERESTS_REASON + ": the letter before proceedings"
						+ " must offer a family group decision-making meeting (" + SECTION + "(1) and (6)) unless offering one"
						+ " is not in the best interests of the child: record why, for a manager to sign off");
			}
			task.setVariable(FGDM_OUTCOME, NOT_IN_BEST_INTERESTS);
		}
		else {
			task.setVariable(FGDM_OUTCOME, NOT_OFFERED_BEFORE_DUTY);
		}
	}

	/** The family answer to the offer: held (with its date), declined (with its date), or not in the best interests of the child. */
	public void recordFgdmAnswer(DelegateTask task) {
		String outcome = text(task, FGDM_OUTCOME);
		LocalDate letter = dateOf(task, LBP_SENT_DATE);
		if (HELD.equals(outcome) || DECLINED.equals(outcome)) {
			if (!Boolean.TRUE.equals(task.getVariable(FGDM_OFFERED))) {
				throw new BadUserRequestException(FGDM_OUTCOME + ": a meeting is held or declined only once it is offered:"
						+ " record that a letter before proceedings offered it");
			}
			String dateField = HELD.equals(outcome) ? FGDM_HELD_DATE : FGDM_DECLINED_DATE;
			LocalDate day = pastDate(task, dateField, LBP_SENT_DATE, letter);
			task.setVariable(FGDM_OUTCOME_DATE, day.toString());
		}
		else if (NOT_IN_BEST_INTERESTS.equals(outcome)) {
			if (text(task, FGDM_NOT_IN_BEST_INTERESTS_REASON) == null) {
				throw new BadUserRequestException(FGDM_NOT_IN_BEST_INTERESTS_REASON
						+ ": record why a meeting is not in the best interests of the child, for a manager to sign off");
			}
		}
		else {
			throw new BadUserRequestException(FGDM_OUTCOME
					+ ": choose held, declined, or not in the best interests of the child");
		}
	}

	/**
	 * The manager's sign-off of a finding that a meeting is not in the best interests of the child (s.31ZA(3)):
	 * agreed, it is recorded with who signed it off and when; not agreed, the finding is withdrawn and the
	 * worker records the family answer to an offer (in the letter or a further letter before proceedings).
	 */
	public void signOffFgdm(DelegateTask task) {
		LocalDate letter = dateOf(task, LBP_SENT_DATE);
		LocalDate signedOn = pastDate(task, FGDM_SIGN_OFF_DATE, LBP_SENT_DATE, letter);
		if (Boolean.TRUE.equals(task.getVariable(FGDM_SIGN_OFF_AGREED))) {
			String manager = currentUser();
			task.setVariable(FGDM_SIGNED_OFF_BY, manager != null ? manager : task.getAssignee());
			task.setVariable(FGDM_OUTCOME_DATE, signedOn.toString());
		}
		else {
			task.removeVariable(FGDM_OUTCOME);
			task.removeVariable(FGDM_SIGNED_OFF_BY);
		}
	}

	/**
	 * The outcome of pre-proceedings: step down, issue care proceedings, or continue (past the 16 weeks, with
	 * reasons: the pre-proceedings clock runs on). ISSUE is refused, naming the missing step, unless s.31ZA is
	 * met or did not yet apply.
	 */
	public void decideOutcome(DelegateTask task) {
		String outcome = text(task, PP_OUTCOME);
		if (outcome == null || !java.util.Set.of(STEP_DOWN, ISSUE, CONTINUE).contains(outcome)) {
			throw new BadUserRequestException(PP_OUTCOME + ": choose step down, issue care proceedings, or continue");
		}
		LocalDate decided = pastDate(task, PP_OUTCOME_DATE, INITIAL_PP_MEETING_DATE, dateOf(task, INITIAL_PP_MEETING_DATE));
		if (text(task, PP_OUTCOME_REASONS) == null) {
			throw new BadUserRequestException(PP_OUTCOME_REASONS + ": give the reasons for the decision");
		}
		if (ISSUE.equals(outcome)) {
			String missing = fgdmMissingStep(task, decided);
			if (missing != null) {
				throw new BadUserRequestException(PP_OUTCOME + ": " + missing);
			}
		}
		if (!CONTINUE.equals(outcome)) {
			clocks.stop(task, "pre-proceedings", PP_OUTCOME_DATE);
		}
	}

	/** What s.31ZA still asks before an application decided on {@code decided}, or null when nothing. */
	String fgdmMissingStep(VariableScope scope, LocalDate decided) {
		if (!Boolean.TRUE.equals(scope.getVariable(FGDM_DUTY_APPLIES))) {
			return null;
		}
		String outcome = (String) scope.getVariable(FGDM_OUTCOME);
		if (NOT_IN_BEST_INTERESTS.equals(outcome)) {
			return text(scope, FGDM_SIGNED_OFF_BY) != null ? null
					: "a manager has not signed off that a family group decision-making meeting is not in the best"
							+ " interests of the child (" + SECTION + "(3)): the decision to apply to court waits for the sign-off";
		}
		if (!Boolean.TRUE.equals(scope.getVariable(FGDM_OFFERED))) {
			return "the letter before proceedings must offer a family group decision-making meeting (" + SECTION
					+ "(1) and (6)), or a manager must sign off that offering one is not in the best interests of the"
					+ " child (" + SECTION + "(3)), before the decision to apply to court";
		}
		if (HELD.equals(outcome)) {
			LocalDate held = dateOf(scope, FGDM_HELD_DATE);
			return held.isAfter(decided) ? "the family group decision-making meeting (held " + held
					+ ") must be held before the decision to apply to court (" + SECTION + "(2))" : null;
		}
		if (DECLINED.equals(outcome)) {
			return null;
		}
		return "the family group decision-making meeting offered in the letter before proceedings must be held, declined,"
				+ " or found not in the best interests of the child with a manager sign-off (" + SECTION
				+ "(2) and (3)) before the decision to apply to court";
	}

	/** Pre-proceedings ended (step down or issue): its open work is cancelled with the reason, as a plan end does. */
	public void conclude(DelegateExecution execution) {
		pathway.cancelOpenWork(execution.getProcessInstanceId(), "Pre-proceedings ended ("
				+ execution.getVariable(PP_OUTCOME) + ") on " + dateOf(execution, PP_OUTCOME_DATE));
	}

	/** The outcome was to issue: care proceedings start, the decision to issue dated ppOutcomeDate. */
	public void issue(DelegateExecution execution) {
		handOver(execution, dateOf(execution, PP_OUTCOME_DATE), true);
	}

	/** The legal planning meeting decided to issue at once: care proceedings start without pre-proceedings. */
	public void issueAtOnce(DelegateExecution execution) {
		handOver(execution, dateOf(execution, LEGAL_PLANNING_MEETING_DATE), false);
	}

	private void handOver(DelegateExecution execution, LocalDate decisionToIssue, boolean fromPreProceedings) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("caseRef", execution.getProcessBusinessKey());
		variables.put("team", execution.getVariable("team"));
		variables.put(DECISION_TO_ISSUE_DATE, decisionToIssue.toString());
		variables.put(FROM_PRE_PROCEEDINGS, fromPreProceedings);
		runtimeService.createMessageCorrelation(CARE_PROCEEDINGS_STARTED)
			.processInstanceBusinessKey(execution.getProcessBusinessKey())
			.setVariables(variables)
			.correlateStartMessage();
	}

	private String currentUser() {
		Authentication authentication = identityService.getCurrentAuthentication();
		return authentication == null ? null : authentication.getUserId();
	}

	/** A date on the form: required, not in the future, not before {@code earliest} (the event named). */
	private LocalDate pastDate(VariableScope scope, String field, String earliestName, LocalDate earliest) {
		Instant at;
		try {
			at = London.toInstant(scope.getVariable(field));
		}
		catch (IllegalArgumentException ex) {
			throw new BadUserRequestException(field + ": '" + scope.getVariable(field) + "' is not a valid date");
		}
		if (at == null) {
			throw new BadUserRequestException(field + ": a date is required");
		}
		LocalDate day = London.dateOf(at);
		if (day.isAfter(LocalDate.now(clock.withZone(London.ZONE)))) {
			throw new BadUserRequestException(field + ": " + day + " is in the future");
		}
		if (day.isBefore(earliest)) {
			throw new BadUserRequestException(field + ": " + day + " is before " + earliestName + " (" + earliest + ")");
		}
		return day;
	}

	private static LocalDate dateOf(VariableScope scope, String variable) {
		Instant at = London.toInstant(scope.getVariable(variable));
		if (at == null) {
			throw new IllegalStateException("Variable " + variable + " is not set");
		}
		return London.dateOf(at);
	}

	private static String text(VariableScope scope, String variable) {
		Object value = scope.getVariable(variable);
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

}
