package org.timescales.lookedafter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.referral.ReferralRequest;

/**
 * What the looked-after process tests share (childLookedAfter, returnHomeInterview, careLeaver): a
 * child of a given age looked after from a given day, and tasks completed with their date field.
 */
abstract class LookedAfterTestSupport extends ProcessTestSupport {

	@Autowired
	LookedAfterService lookedAfter;

	/** Looked after (care order) from Tuesday 1 December 2026, placed that day. */
	String lookedAfterFrom1December(String caseRef, String dateOfBirth) {
		clockAt("2026-12-01T12:00:00Z");
		child(caseRef, dateOfBirth, "2026-12-01T09:00:00");
		return lookedAfter.becomeLookedAfter(caseRef, "2026-12-01", "2026-12-01", "C2", null).processInstanceId();
	}

	String lookedAfterFrom4January(String caseRef, String dateOfBirth) {
		clockAt("2027-01-04T12:00:00Z");
		child(caseRef, dateOfBirth, "2027-01-04T09:00:00");
		return lookedAfter.becomeLookedAfter(caseRef, "2027-01-04", "2027-01-04", "C1", null).processInstanceId();
	}

	void child(String caseRef, String dateOfBirth, String referredAt) {
		referrals.receive(new ReferralRequest("REF-" + caseRef,
				new ReferralRequest.Child(caseRef, "Test", "Child", dateOfBirth, "F", null, null, null, null,
						java.util.List.of("NONE")), referredAt, "6", "north"));
	}

	/** Completes a task with its date field on that day, at 17:00. */
	void complete(String pid, String taskKey, String date, Map<String, Object> more) {
		clockAt(LocalDate.parse(date).atTime(17, 0).toInstant(ZoneOffset.UTC));
		Map<String, Object> variables = new HashMap<>(more);
		variables.put(DATE_FIELDS.get(taskKey), date);
		complete(pid, taskKey, variables);
	}

	private static final Map<String, String> DATE_FIELDS = Map.ofEntries(
			Map.entry("UserTask_HoldLookedAfterReview", "claReviewDate"),
			Map.entry("UserTask_VisitLookedAfterChild", "claVisitDate"),
			Map.entry("UserTask_InitialHealthAssessment", "healthAssessmentDate"),
			Map.entry("UserTask_ReviewHealthAssessment", "rhaDate"),
			Map.entry("UserTask_PersonalEducationPlan", "pepDate"),
			Map.entry("UserTask_ReviewPersonalEducationPlan", "pepReviewDate"),
			Map.entry("UserTask_DentalCheck", "dentalCheckDate"),
			Map.entry("UserTask_PreparePathwayPlan", "pathwayPlanDate"),
			Map.entry("UserTask_ReviewPathwayPlan", "pathwayPlanReviewDate"),
			Map.entry("UserTask_PrepareCarePlan", "carePlanDate"),
			Map.entry("UserTask_PreparePlacementPlan", "placementPlanDate"));

	Instant due(String pid, String taskKey) {
		return task(pid, taskKey).getDueDate().toInstant();
	}

}
