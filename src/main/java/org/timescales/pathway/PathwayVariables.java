package org.timescales.pathway;

/** Variables that carry a case from one process of the pathway to the next; form keys are the same names. */
public final class PathwayVariables {

	public static final String CASE_REF = "caseRef";

	public static final String TEAM = "team";

	public static final String STRATEGY_DISCUSSION_REQUESTED_AT = "strategyDiscussionRequestedAt";

	public static final String CIN_PLAN_START_DATE = "cinPlanStartDate";

	public static final String CIN_PLAN_END_DATE = "cinPlanEndDate";

	public static final String CPP_START_DATE = "cppStartDate";

	public static final String CPP_END_DATE = "cppEndDate";

	/** When the strategy discussion was held (section47.bpmn); the enquiry starts on its date. */
	public static final String STRATEGY_DISCUSSION_AT = "strategyDiscussionAt";

	public static final String S47_START_DATE = "s47StartDate";

	public static final String S47_COMPLETED_DATE = "s47CompletedDate";

	public static final String ICPC_DATE = "icpcDate";

	public static final String CATEGORY_OF_ABUSE = "categoryOfAbuse";

	/** The category a review conference moved the plan to, if it changed. */
	public static final String LATEST_CATEGORY_OF_ABUSE = "latestCategoryOfAbuse";

	/** The initial conference's decision: "yes" when a protection plan follows. */
	public static final String PLAN_REQUIRED = "planRequired";

	public static final String NUMBER_OF_PREVIOUS_PLANS = "numberOfPreviousPlans";

	public static final String ICPC_NOT_REQUIRED = "icpcNotRequired";

	public static final String S47_OUTCOME = "s47Outcome";

	public static final String CIN_CLOSURE_DATE = "cinClosureDate";

	public static final String CIN_CLOSURE_REASON = "cinClosureReason";

	/** Message names: how one process of the pathway starts the next. */
	public static final String STRATEGY_DISCUSSION_NEEDED = "StrategyDiscussionNeeded";

	public static final String CHILD_IN_NEED_PLAN_STARTED = "ChildInNeedPlanStarted";

	public static final String CHILD_PROTECTION_PLAN_STARTED = "ChildProtectionPlanStarted";

	/** Process keys of the pathway after the referral ({@code referral.ReferralVariables.PROCESS_KEY}). */
	public static final String SECTION_47 = "section47";

	public static final String CHILD_IN_NEED_PLAN = "childInNeedPlan";

	public static final String CHILD_PROTECTION_PLAN = "childProtectionPlan";

	private PathwayVariables() {
	}

}
