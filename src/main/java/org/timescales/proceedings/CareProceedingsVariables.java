package org.timescales.proceedings;

/** The careProceedings process's variables and messages; form field keys are the same names. */
public final class CareProceedingsVariables {

	public static final String PROCESS_KEY = "careProceedings";

	/** The start message: from pre-proceedings (decision to issue) or an urgent application. */
	public static final String CARE_PROCEEDINGS_STARTED = "CareProceedingsStarted";

	/** The clock from the decision to apply to the application issued (local practice). */
	public static final String APPLICATION_RULE = "care-application";

	/** The 26-week clock (Children Act 1989 s.32(1)(a)(ii)). */
	public static final String PROCEEDINGS_RULE = "care-proceedings";

	public static final String DECISION_TO_ISSUE_DATE = "decisionToIssueDate";

	public static final String FROM_PRE_PROCEEDINGS = "fromPreProceedings";

	public static final String URGENT_APPLICATION_REASON = "urgentApplicationReason";

	public static final String APPLICATION_ISSUED_DATE = "applicationIssuedDate";

	public static final String HEARING_DATE = "hearingDate";

	public static final String HEARING_TYPE = "hearingType";

	public static final String HEARING_NOTES = "hearingNotes";

	public static final String EXTENSION_ORDER_DATE = "extensionOrderDate";

	public static final String EXTENSION_WEEKS = "extensionWeeks";

	public static final String EXTENSION_REASON = "extensionReason";

	public static final String FINAL_ORDER = "finalOrder";

	public static final String FINAL_ORDER_DATE = "finalOrderDate";

	/** Where a care or placement order makes the child looked after: the placement's start, if not the order's day. */
	public static final String PLACEMENT_START_DATE = "placementStartDate";

	/** The SSDA903 legal status a care (C2) or placement (E1) order gives the child. */
	public static final String ORDER_LEGAL_STATUS = "orderLegalStatus";

	private CareProceedingsVariables() {
	}

}
