package org.timescales.lookedafter;

/** The childLookedAfter and careLeaver processes' variables; form field keys are the same names. */
public final class LookedAfterVariables {

	public static final String PROCESS_KEY = "childLookedAfter";

	public static final String BECAME_LOOKED_AFTER = "ChildBecameLookedAfter";

	public static final String PLACEMENT_CHANGED = "PlacementChanged";

	public static final String CHILD_LEFT_CARE = "ChildLeftCare";

	public static final String CARE_LEAVER_STARTED = "CareLeaverStarted";

	public static final String RETURN_HOME_INTERVIEW = "returnHomeInterview";

	public static final String BECAME_LOOKED_AFTER_DATE = "becameLookedAfterDate";

	public static final String PLACEMENT_START_DATE = "placementStartDate";

	public static final String PLACEMENT_UNTIL_18 = "placementUntil18";

	public static final String LEGAL_STATUS = "legalStatus";

	public static final String DATE_OF_BIRTH = "dateOfBirth";

	public static final String LEFT_CARE_DATE = "leftCareDate";

	public static final String LEFT_CARE_REASON = "leftCareReason";

	/** The first placement's start: the care plan's clock (placementStartDate moves on with each placement). */
	public static final String FIRST_PLACEMENT_START_DATE = "firstPlacementStartDate";

	/** The day a child looked after below school age reached it, set when the timer fires. */
	public static final String REACHED_SCHOOL_AGE_DATE = "reachedSchoolAgeDate";

	/** The day the child became an eligible child (CPPCR reg 40), set when the timer fires. */
	public static final String BECAME_ELIGIBLE_DATE = "becameEligibleDate";

	public static final String PATHWAY_PLAN_DATE = "pathwayPlanDate";

	public static final String PATHWAY_PLAN_REVIEW_DATE = "pathwayPlanReviewDate";

	public static final String MISSING_FROM = "missingFrom";

	public static final String RETURNED_AT = "returnedAt";

	private LookedAfterVariables() {
	}

}
