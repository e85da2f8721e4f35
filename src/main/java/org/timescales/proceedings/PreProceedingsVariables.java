package org.timescales.proceedings;

/**
 * The variables of {@code bpmn/preProceedings.bpmn}, as the CIN census (pre-proceedings and FGDM module) and
 * the timeliness report read them; form field keys are the same names. Dates are yyyy-MM-dd strings.
 */
public final class PreProceedingsVariables {

	public static final String PROCESS_KEY = "preProceedings";

	/** The start message: a case referred to a legal planning meeting (an API command or a plan review). */
	public static final String LEGAL_PLANNING_MEETING_REQUESTED = "LegalPlanningMeetingRequested";

	/** Thrown to start care proceedings (careProceedings.bpmn), under the same business key. */
	public static final String CARE_PROCEEDINGS_STARTED = "CareProceedingsStarted";

	public static final String LEGAL_PLANNING_REFERRED_DATE = "legalPlanningReferredDate";

	public static final String LEGAL_PLANNING_REASON = "legalPlanningReason";

	/** On a plan review's form: refer the case to a legal planning meeting. */
	public static final String REFER_TO_LEGAL_PLANNING = "referToLegalPlanning";

	public static final String LEGAL_PLANNING_MEETING_DATE = "legalPlanningMeetingDate";

	/** PRE_PROCEEDINGS, ISSUE_AT_ONCE or NO_FURTHER_LEGAL_ACTION. */
	public static final String LEGAL_PLANNING_DECISION = "legalPlanningDecision";

	public static final String PRE_PROCEEDINGS = "PRE_PROCEEDINGS";

	public static final String ISSUE_AT_ONCE = "ISSUE_AT_ONCE";

	public static final String NO_FURTHER_LEGAL_ACTION = "NO_FURTHER_LEGAL_ACTION";

	/** Census PPStartDate: the decision to enter pre-proceedings (the legal planning meeting's date). */
	public static final String PP_START_DATE = "ppStartDate";

	public static final String ISSUED_AT_ONCE = "issuedAtOnce";

	public static final String ISSUE_AT_ONCE_REASON = "issueAtOnceReason";

	/** Whether Children Act 1989 s.31ZA applied when the decision was made (timescales.law.fgdm-offer-from). */
	public static final String FGDM_DUTY_APPLIES = "fgdmDutyApplies";

	/** Census LBPSentDate. */
	public static final String LBP_SENT_DATE = "lbpSentDate";

	/** Census FGDMMeetingOffer: a family group decision-making meeting offered in a letter before proceedings. */
	public static final String FGDM_OFFERED = "fgdmOffered";

	/** HELD, DECLINED, NOT_IN_BEST_INTERESTS or NOT_OFFERED_BEFORE_DUTY. */
	public static final String FGDM_OUTCOME = "fgdmOutcome";

	public static final String HELD = "HELD";

	public static final String DECLINED = "DECLINED";

	public static final String NOT_IN_BEST_INTERESTS = "NOT_IN_BEST_INTERESTS";

	public static final String NOT_OFFERED_BEFORE_DUTY = "NOT_OFFERED_BEFORE_DUTY";

	public static final String FGDM_HELD_DATE = "fgdmHeldDate";

	public static final String FGDM_DECLINED_DATE = "fgdmDeclinedDate";

	public static final String FGDM_NOT_IN_BEST_INTERESTS_REASON = "fgdmNotInBestInterestsReason";

	/** The manager's sign-off of a finding that a meeting is not in the best interests of the child. */
	public static final String FGDM_SIGN_OFF_AGREED = "fgdmSignOffAgreed";

	public static final String FGDM_SIGN_OFF_DATE = "fgdmSignOffDate";

	public static final String FGDM_SIGNED_OFF_BY = "fgdmSignedOffBy";

	/** When the answer was settled (held, declined, signed off): stops the pp-fgdm clock. */
	public static final String FGDM_OUTCOME_DATE = "fgdmOutcomeDate";

	/** Census InitialPPMeetingDate. */
	public static final String INITIAL_PP_MEETING_DATE = "initialPpMeetingDate";

	/** Set at each review meeting; the census's count is the number of met pp-review clocks. */
	public static final String PP_REVIEW_MEETING_DATE = "ppReviewMeetingDate";

	/** STEP_DOWN, ISSUE or CONTINUE. */
	public static final String PP_OUTCOME = "ppOutcome";

	public static final String STEP_DOWN = "STEP_DOWN";

	public static final String ISSUE = "ISSUE";

	public static final String CONTINUE = "CONTINUE";

	/** Census StepDecisionDate. */
	public static final String PP_OUTCOME_DATE = "ppOutcomeDate";

	public static final String PP_OUTCOME_REASONS = "ppOutcomeReasons";

	/** Carried by CareProceedingsStarted. */
	public static final String DECISION_TO_ISSUE_DATE = "decisionToIssueDate";

	public static final String FROM_PRE_PROCEEDINGS = "fromPreProceedings";

	private PreProceedingsVariables() {
	}

}
