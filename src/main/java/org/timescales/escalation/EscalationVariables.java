package org.timescales.escalation;

/** The variables of the breachEscalation process; form field keys are the same names. */
public final class EscalationVariables {

	public static final String PROCESS_KEY = "breachEscalation";

	public static final String CASE_REF = "caseRef";

	public static final String CLOCK_ID = "clockId";

	public static final String TIER = "escalationTier";

	public static final String OVERDUE_TASK = "overdueTask";

	public static final String TEAM = "team";

	public static final String ESCALATION_ID = "escalationId";

	public static final String MANAGER = "escalationManager";

	public static final String REVIEW_DUE = "escalationReviewDue";

	public static final String REASON_FOR_DELAY = "reasonForDelay";

	public static final String ACTION_AGREED = "actionAgreed";

	public static final String NEW_TARGET_DATE = "newTargetDate";

	private EscalationVariables() {
	}

}
