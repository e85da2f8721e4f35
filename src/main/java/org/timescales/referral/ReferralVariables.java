package org.timescales.referral;

/** The referral process's variables; form field keys are the same names. */
public final class ReferralVariables {

	public static final String PROCESS_KEY = "referral";

	public static final String CASE_REF = "caseRef";

	public static final String TEAM = "team";

	public static final String REFERRAL_ID = "referralId";

	public static final String REFERRAL_SOURCE = "referralSource";

	public static final String REFERRAL_RECEIVED_AT = "referralReceivedAt";

	public static final String REFERRAL_DECISION = "referralDecision";

	public static final String REFERRAL_DECISION_DATE = "referralDecisionDate";

	public static final String DECISION_RATIONALE = "decisionRationale";

	public static final String ASSESSMENT_START_DATE = "assessmentStartDate";

	public static final String ASSESSMENT_OUTCOME = "assessmentOutcome";

	public static final String ASSESSMENT_SUMMARY = "assessmentSummary";

	/** The child's primary need as the assessment found it: a census code, N1 to N9 ({@link AssessmentCodes}). */
	public static final String PRIMARY_NEED_CODE = "primaryNeedCode";

	/**
	 * The child's disabilities as the assessment form shows and takes them (census codes, "NONE" for
	 * none); what counts is recorded on the child's case (casefile.ChildDetails).
	 */
	public static final String CHILD_DISABILITIES = "childDisabilities";

	/** The factors identified at assessment: census codes joined by commas ("3B,4B"; "21" for none). */
	public static final String ASSESSMENT_FACTORS = "assessmentFactors";

	public static final String ASSESSMENT_AUTHORISED = "assessmentAuthorised";

	public static final String ASSESSMENT_AUTHORISED_DATE = "assessmentAuthorisedDate";

	public static final String MANAGER_COMMENTS = "managerComments";

	private ReferralVariables() {
	}

}
