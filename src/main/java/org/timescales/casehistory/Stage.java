package org.timescales.casehistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.timescales.calendar.London;
import org.timescales.clock.ClockRecord;
import org.timescales.clock.ClockStatus;

import static org.timescales.lookedafter.LookedAfterVariables.BECAME_LOOKED_AFTER_DATE;
import static org.timescales.lookedafter.LookedAfterVariables.LEFT_CARE_DATE;
import static org.timescales.lookedafter.LookedAfterVariables.LEGAL_STATUS;
import static org.timescales.pathway.PathwayVariables.CATEGORY_OF_ABUSE;
import static org.timescales.pathway.PathwayVariables.CIN_CLOSURE_DATE;
import static org.timescales.pathway.PathwayVariables.CIN_CLOSURE_REASON;
import static org.timescales.pathway.PathwayVariables.CIN_PLAN_END_DATE;
import static org.timescales.pathway.PathwayVariables.CIN_PLAN_START_DATE;
import static org.timescales.pathway.PathwayVariables.CPP_END_DATE;
import static org.timescales.pathway.PathwayVariables.CPP_START_DATE;
import static org.timescales.pathway.PathwayVariables.ICPC_DATE;
import static org.timescales.pathway.PathwayVariables.ICPC_NOT_REQUIRED;
import static org.timescales.pathway.PathwayVariables.LATEST_CATEGORY_OF_ABUSE;
import static org.timescales.pathway.PathwayVariables.NUMBER_OF_PREVIOUS_PLANS;
import static org.timescales.pathway.PathwayVariables.PLAN_REQUIRED;
import static org.timescales.pathway.PathwayVariables.S47_COMPLETED_DATE;
import static org.timescales.pathway.PathwayVariables.S47_OUTCOME;
import static org.timescales.pathway.PathwayVariables.S47_START_DATE;
import static org.timescales.pathway.PathwayVariables.STRATEGY_DISCUSSION_AT;
import static org.timescales.referral.ReferralVariables.ASSESSMENT_AUTHORISED_DATE;
import static org.timescales.referral.ReferralVariables.ASSESSMENT_FACTORS;
import static org.timescales.referral.ReferralVariables.ASSESSMENT_OUTCOME;
import static org.timescales.referral.ReferralVariables.ASSESSMENT_START_DATE;
import static org.timescales.referral.ReferralVariables.PRIMARY_NEED_CODE;
import static org.timescales.referral.ReferralVariables.REFERRAL_DECISION;
import static org.timescales.referral.ReferralVariables.REFERRAL_DECISION_DATE;
import static org.timescales.referral.ReferralVariables.REFERRAL_RECEIVED_AT;
import static org.timescales.referral.ReferralVariables.REFERRAL_SOURCE;

/**
 * One stage of a case: a casework process started under its case reference (the referral, a section
 * 47 enquiry, a plan, pre-proceedings, care proceedings, a period in care), what it recorded, read as what it means, and its clocks.
 * Dates are London dates, as recorded on the forms and as corrected; {@code null} when not (yet)
 * recorded. A stage answers only for the variables of its own process: a referral has no
 * {@link #cppStartDate()}.
 */
public final class Stage {

	private final String id;

	private final String process;

	private final Instant startedAt;

	private final Instant endedAt;

	private final Map<String, Object> variables;

	private final List<ClockRecord> clocks;

	Stage(String id, String process, Instant startedAt, Instant endedAt, Map<String, Object> variables,
			List<ClockRecord> clocks) {
		this.id = id;
		this.process = process;
		this.startedAt = startedAt;
		this.endedAt = endedAt;
		// a variable may hold null: Map.copyOf would refuse it
		this.variables = Collections.unmodifiableMap(new HashMap<>(variables));
		this.clocks = List.copyOf(clocks);
	}

	/** The process instance id. */
	public String id() {
		return id;
	}

	/** The process key: {@code referral}, {@code section47}, {@code childProtectionPlan}, … */
	public String process() {
		return process;
	}

	public boolean is(String processKey) {
		return process.equals(processKey);
	}

	/** When the engine started the process (not an event date: those are the accessors below). */
	public Instant startedAt() {
		return startedAt;
	}

	/** When the process ended; null while it runs (its work is still open). */
	public Instant endedAt() {
		return endedAt;
	}

	// ---- the referral (referral.bpmn)

	public Instant referralReceivedAt() {
		return instant(REFERRAL_RECEIVED_AT);
	}

	/** The CIN census referral source code (1A … 10). */
	public String referralSource() {
		return text(REFERRAL_SOURCE);
	}

	/** NFA, EARLY_HELP, ASSESSMENT or STRATEGY_DISCUSSION. */
	public String referralDecision() {
		return text(REFERRAL_DECISION);
	}

	public LocalDate referralDecisionDate() {
		return date(REFERRAL_DECISION_DATE);
	}

	public LocalDate assessmentStartDate() {
		return date(ASSESSMENT_START_DATE);
	}

	public LocalDate assessmentAuthorisedDate() {
		return date(ASSESSMENT_AUTHORISED_DATE);
	}

	public String assessmentOutcome() {
		return text(ASSESSMENT_OUTCOME);
	}

	/** The primary need the assessment found (N1 … N9); null before the assessment is completed. */
	public String primaryNeedCode() {
		return text(PRIMARY_NEED_CODE);
	}

	/** The factors identified at assessment, as the census's codes; empty before it is completed. */
	public List<String> assessmentFactors() {
		String factors = text(ASSESSMENT_FACTORS);
		return factors == null || factors.isBlank() ? List.of() : List.of(factors.split(","));
	}

	// ---- the section 47 enquiry (section47.bpmn)

	public Instant strategyDiscussionAt() {
		return instant(STRATEGY_DISCUSSION_AT);
	}

	public LocalDate s47StartDate() {
		return date(S47_START_DATE);
	}

	public LocalDate s47CompletedDate() {
		return date(S47_COMPLETED_DATE);
	}

	public String s47Outcome() {
		return text(S47_OUTCOME);
	}

	/** The date of the initial child protection conference. */
	public LocalDate icpcDate() {
		return date(ICPC_DATE);
	}

	/** The enquiry ended without a conference. */
	public boolean icpcNotRequired() {
		return Boolean.TRUE.equals(variables.get(ICPC_NOT_REQUIRED));
	}

	/** Whether the initial conference decided on a protection plan; {@code null} before it decided. */
	public Boolean planRequired() {
		Object plan = variables.get(PLAN_REQUIRED);
		return plan == null ? null : "yes".equals(String.valueOf(plan)) || Boolean.TRUE.equals(plan);
	}

	// ---- the plans (childInNeedPlan.bpmn, childProtectionPlan.bpmn)

	public LocalDate cinPlanStartDate() {
		return date(CIN_PLAN_START_DATE);
	}

	public LocalDate cinPlanEndDate() {
		return date(CIN_PLAN_END_DATE);
	}

	public LocalDate cppStartDate() {
		return date(CPP_START_DATE);
	}

	public LocalDate cppEndDate() {
		return date(CPP_END_DATE);
	}

	/** NEGLECT, PHYSICAL, SEXUAL or EMOTIONAL, as the initial conference recorded it. */
	public String categoryOfAbuse() {
		return text(CATEGORY_OF_ABUSE);
	}

	/** The category a review moved the plan to; {@code null} while it has not changed. */
	public String latestCategoryOfAbuse() {
		return text(LATEST_CATEGORY_OF_ABUSE);
	}

	/** The child's protection plans before this one; 0 when not recorded. */
	public long numberOfPreviousPlans() {
		Object previous = variables.get(NUMBER_OF_PREVIOUS_PLANS);
		if (previous == null) {
			return 0;
		}
		return previous instanceof Number number ? number.longValue() : Long.parseLong(previous.toString());
	}

	// ---- the way to court (preProceedings.bpmn, careProceedings.bpmn), by the variables those processes
	// record (the proceedings module's contract)

	/** The decision to enter pre-proceedings (the legal planning meeting): census PPStartDate. */
	public LocalDate ppStartDate() {
		return date("ppStartDate");
	}

	/** The letter before proceedings sent: census LBPSentDate. */
	public LocalDate lbpSentDate() {
		return date("lbpSentDate");
	}

	/** Whether the letter offered a family group decision-making meeting; {@code null} before it was sent. */
	public Boolean fgdmOffered() {
		return flag("fgdmOffered");
	}

	/** HELD, DECLINED, NOT_IN_BEST_INTERESTS or NOT_OFFERED_BEFORE_DUTY; {@code null} while not known. */
	public String fgdmOutcome() {
		return text("fgdmOutcome");
	}

	/** The day the family group decision-making meeting was held (outcome HELD). */
	public LocalDate fgdmHeldDate() {
		return date("fgdmHeldDate");
	}

	/** The first effective pre-proceedings meeting: census InitialPPMeetingDate. */
	public LocalDate initialPpMeetingDate() {
		return date("initialPpMeetingDate");
	}

	/** STEP_DOWN, ISSUE or CONTINUE; {@code null} before the pre-proceedings reached one. */
	public String ppOutcome() {
		return text("ppOutcome");
	}

	/** The day the outcome was decided: census StepDecisionDate. */
	public LocalDate ppOutcomeDate() {
		return date("ppOutcomeDate");
	}

	/** The day the court issued the care proceedings' application: census CourtAppDate. */
	public LocalDate applicationIssuedDate() {
		return date("applicationIssuedDate");
	}

	/** Whether care proceedings followed pre-proceedings ({@code false}: an urgent application); {@code null} when not said. */
	public Boolean fromPreProceedings() {
		return flag("fromPreProceedings");
	}

	// ---- a period in care (childLookedAfter.bpmn)

	public LocalDate becameLookedAfterDate() {
		return date(BECAME_LOOKED_AFTER_DATE);
	}

	public LocalDate leftCareDate() {
		return date(LEFT_CARE_DATE);
	}

	/** The SSDA903 legal status code (C2, V2, …). */
	public String legalStatus() {
		return text(LEGAL_STATUS);
	}

	// ---- the end of the child in need episode, whichever stage closed it

	public LocalDate cinClosureDate() {
		return date(CIN_CLOSURE_DATE);
	}

	/** NFA, NO_ENQUIRY, EARLY_HELP or PLAN_ENDED. */
	public String cinClosureReason() {
		return text(CIN_CLOSURE_REASON);
	}

	// ---- the stage's clocks (the clock ledger)

	/** Every clock of this stage, in the order they started. */
	public List<ClockRecord> clocks() {
		return clocks;
	}

	/** The most recent clock of a rule (its highest occurrence), open or stopped. */
	public Optional<ClockRecord> latestClock(String ruleId) {
		return clocks.stream()
			.filter(c -> c.ruleId().equals(ruleId))
			.max(Comparator.comparingInt(ClockRecord::sequenceNo));
	}

	/** The London dates on which the rule's clocks stopped with the work done, in time or late; oldest first. */
	public List<LocalDate> metOn(String ruleId) {
		return clocks.stream()
			.filter(c -> c.ruleId().equals(ruleId) && c.stoppedAt() != null
					&& (c.outcome() == ClockStatus.MET || c.outcome() == ClockStatus.MET_LATE))
			.map(c -> London.dateOf(c.stoppedAt()))
			.sorted()
			.toList();
	}

	@Override
	public String toString() {
		return process + " " + id;
	}

	private Instant instant(String name) {
		return London.toInstant(variables.get(name));
	}

	private LocalDate date(String name) {
		Instant at = instant(name);
		return at == null ? null : London.dateOf(at);
	}

	private String text(String name) {
		Object value = variables.get(name);
		return value == null ? null : value.toString();
	}

	/** A Boolean, or a form's "true"/"yes" and "false"/"no"; {@code null} when not recorded. */
	private Boolean flag(String name) {
		Object value = variables.get(name);
		if (value == null || value instanceof Boolean) {
			return (Boolean) value;
		}
		String text = value.toString();
		return "true".equalsIgnoreCase(text) || "yes".equalsIgnoreCase(text) ? Boolean.TRUE
				: "false".equalsIgnoreCase(text) || "no".equalsIgnoreCase(text) ? Boolean.FALSE : null;
	}

	// ---- added for Annex A (annexa): what a visit and a missing episode recorded

	/**
	 * Whether the child was seen alone at the stage's latest visit (the visit forms' {@code seenAlone},
	 * yes or no); {@code null} when no visit recorded it.
	 */
	public Boolean seenAlone() {
		return yesNo("seenAlone");
	}

	/** When the child went missing (returnHomeInterview.bpmn). */
	public Instant missingFrom() {
		return instant(org.timescales.lookedafter.LookedAfterVariables.MISSING_FROM);
	}

	/** Whether the child accepted the return home interview offered ({@code rhiAccepted}); {@code null} before the offer. */
	public Boolean returnHomeInterviewAccepted() {
		return yesNo("rhiAccepted");
	}

	private Boolean yesNo(String name) {
		Object value = variables.get(name);
		return value == null ? null : "yes".equals(String.valueOf(value)) || Boolean.TRUE.equals(value);
	}

}
