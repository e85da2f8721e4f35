package org.timescales.lookedafter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * childLookedAfter.bpmn, returnHomeInterview.bpmn and careLeaver.bpmn on the engine clock: every first
 * deadline, the recurring intervals, the 5th-birthday switch for health assessments, a placement change
 * mid-cycle, a missing episode over a bank holiday weekend, leaving care cancelling everything.
 */
@TimescalesTest
class LookedAfterProcessTest extends ProcessTestSupport {

	@Autowired
	LookedAfterService lookedAfter;

	@Test
	void becomingLookedAfterOpensEveryFirstDeadline() {
		String pid = lookedAfterFrom1December(newCaseRef("LAC"), "2016-05-01");

		// 20 working days from Tuesday 1 December 2026, skipping Christmas: Thursday 31 December
		assertThat(due(pid, "UserTask_HoldLookedAfterReview")).isEqualTo("2027-01-01T00:00:00Z");
		assertThat(due(pid, "UserTask_InitialHealthAssessment")).isEqualTo("2027-01-01T00:00:00Z");
		// a visit within a week of the placement
		assertThat(due(pid, "UserTask_VisitLookedAfterChild")).isEqualTo("2026-12-09T00:00:00Z");
		// the education plan within 10 working days: a 10-year-old is of school age
		assertThat(due(pid, "UserTask_PersonalEducationPlan")).isEqualTo("2026-12-16T00:00:00Z");
		assertThat(due(pid, "UserTask_DentalCheck")).isEqualTo("2027-12-02T00:00:00Z");
		assertThat(timerDue(pid, "cla-review", OVERDUE)).isEqualTo("2027-01-01T00:00:00Z");
		assertThat(caseClocks.ofProcessInstance(pid)).extracting(ClockView::ruleId)
			.containsExactlyInAnyOrder("cla-review", "cla-visit", "iha", "pep", "dental");
	}

	@Test
	void reviewsFollowTwentyWorkingDaysThenThreeMonthsThenSixMonths() {
		String pid = lookedAfterFrom1December(newCaseRef("LACR"), "2016-05-01");
		complete(pid, "UserTask_HoldLookedAfterReview", "2026-12-21", Map.of("placementUntil18", "no"));
		complete(pid, "UserTask_HoldLookedAfterReview", "2027-03-19", Map.of("placementUntil18", "no"));

		assertThat(clocksOf(pid, "cla-review")).extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2026-12-31", ClockStatus.MET), tuple("2027-03-21", ClockStatus.MET),
					tuple("2027-09-19", ClockStatus.OPEN));
	}

	@Test
	void visitsAreSixWeeksApartThenThreeMonthsOnceThePlacementIsPermanentAndAYearOld() {
		String pid = lookedAfterFrom1December(newCaseRef("LACV"), "2016-05-01");
		complete(pid, "UserTask_VisitLookedAfterChild", "2026-12-07", Map.of("seenAlone", "yes"));
		complete(pid, "UserTask_HoldLookedAfterReview", "2026-12-21", Map.of("placementUntil18", "yes"));
		complete(pid, "UserTask_VisitLookedAfterChild", "2027-11-20", Map.of("seenAlone", "yes"));
		complete(pid, "UserTask_VisitLookedAfterChild", "2027-12-02", Map.of("seenAlone", "yes"));

		assertThat(clocksOf(pid, "cla-visit")).extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2026-12-08", ClockStatus.MET), tuple("2027-01-18", ClockStatus.MET_LATE),
					tuple("2028-01-01", ClockStatus.MET), tuple("2028-03-02", ClockStatus.OPEN));
	}

	@Test
	void aPlacementChangeMidCycleRestartsTheVisitsFromTheNewPlacementAndKeepsEveryOtherClock() {
		String caseRef = newCaseRef("LACP");
		String pid = lookedAfterFrom1December(caseRef, "2016-05-01");
		complete(pid, "UserTask_VisitLookedAfterChild", "2026-12-07", Map.of("seenAlone", "yes"));
		List<ClockView> before = caseClocks.ofProcessInstance(pid);

		clockAt("2027-01-04T12:00:00Z");
		lookedAfter.changePlacement(caseRef, "2027-01-04");

		assertThat(clocksOf(pid, "cla-visit")).extracting(c -> c.dueDate().toString(), ClockView::status,
				ClockView::stopReason)
			.containsExactly(tuple("2026-12-08", ClockStatus.MET, null),
					tuple("2027-01-18", ClockStatus.CANCELLED, "Placement changed: new placement from 2027-01-04"),
					tuple("2027-01-11", ClockStatus.OPEN, null));
		assertThat(due(pid, "UserTask_VisitLookedAfterChild")).isEqualTo("2027-01-12T00:00:00Z");
		for (String rule : List.of("cla-review", "iha", "pep", "dental")) {
			assertThat(clock(pid, rule)).usingRecursiveComparison()
				// the status is read at a later date: what matters is the clock itself did not move
				.ignoringFields("escalations", "status")
				.isEqualTo(before.stream().filter(c -> c.ruleId().equals(rule)).findFirst().orElseThrow());
		}
	}

	@Test
	void aReviewHealthAssessmentDueTheDayBeforeTheFifthBirthdayStaysSixMonthly() {
		// born 15 July 2022: the 6-month candidate, 14 July 2027, falls while the child is still 4
		String pid = lookedAfterFrom4January(newCaseRef("RHA4"), "2022-07-15");
		complete(pid, "UserTask_InitialHealthAssessment", "2027-01-14", Map.of());

		assertThat(clock(pid, "rha").dueDate()).hasToString("2027-07-14");
	}

	@Test
	void aReviewHealthAssessmentDueTheDayAfterTheFifthBirthdayIsYearly() {
		// the 6-month candidate, 16 July 2027, falls after the 5th birthday: the yearly rule applies
		String pid = lookedAfterFrom4January(newCaseRef("RHA5"), "2022-07-15");
		complete(pid, "UserTask_InitialHealthAssessment", "2027-01-16", Map.of());

		assertThat(clock(pid, "rha").dueDate()).hasToString("2028-01-16");
	}

	@Test
	void educationPlansAreReviewedByTheEndOfTheFollowingTerm() {
		String pid = lookedAfterFrom4January(newCaseRef("PEP"), "2016-05-01");
		assertThat(clock(pid, "pep").dueDate()).hasToString("2027-01-18");
		// a plan in the spring term is reviewed by the end of the summer term
		complete(pid, "UserTask_PersonalEducationPlan", "2027-01-12", Map.of());
		assertThat(clock(pid, "pep-review").dueDate()).hasToString("2027-07-21");
		// a review in the Easter holiday: by the end of the coming (summer) term
		complete(pid, "UserTask_ReviewPersonalEducationPlan", "2027-04-01", Map.of());
		assertThat(clock(pid, "pep-review").dueDate()).hasToString("2027-07-21");
		// a review in the summer term: by the end of the autumn term
		complete(pid, "UserTask_ReviewPersonalEducationPlan", "2027-05-10", Map.of());
		assertThat(clock(pid, "pep-review").dueDate()).hasToString("2027-12-17");
	}

	@Test
	void aMissingEpisodeEndingOnTheFridayOfABankHolidayWeekendIsDue72HoursLaterOnTheMonday() {
		String caseRef = newCaseRef("RHI");
		lookedAfterFrom1December(caseRef, "2016-05-01");
		clockAt("2027-05-29T09:00:00Z");
		String rhi = lookedAfter.missingEpisode(caseRef, "2027-05-27T22:00:00", "2027-05-28T18:00:00");

		// 18:00 BST on Friday 28 May = 17:00 UTC; 72 hours on is 17:00 UTC on bank holiday Monday 31 May
		assertThat(due(rhi, "UserTask_OfferReturnHomeInterview")).isEqualTo("2027-05-31T17:00:00Z");
		assertThat(timerDue(rhi, "rhi", DUE_SOON)).isEqualTo("2027-05-30T17:00:00Z");
		clockAt("2027-05-31T17:00:30Z");
		executeDueJobs();
		assertThat(reviewTasks(caseRef, "tm.north")).extracting("name")
			.contains("Review overdue: Offer return home interview for " + caseRef);
	}

	@Test
	void leavingCareCancelsEveryOpenTaskAndClockWithTheReason() {
		String caseRef = newCaseRef("LEFT");
		String pid = lookedAfterFrom1December(caseRef, "2016-05-01");
		List<String> openTasks = taskService.createTaskQuery().processInstanceId(pid).list().stream().map(t -> t.getId()).toList();

		clockAt("2027-01-08T12:00:00Z");
		lookedAfter.leaveCare(caseRef, "2027-01-08", "Returned home to parents");

		assertThat(ended(pid)).isTrue();
		assertThat(reachedEnd(pid, "EndEvent_LeftCare")).isTrue();
		assertThat(openTasks).hasSize(5);
		for (String task : openTasks) {
			assertThat(taskService.getTaskComments(task)).extracting(Comment::getFullMessage)
				.containsExactly("Cancelled: Left care on 2027-01-08: Returned home to parents");
		}
		assertThat(caseClocks.ofProcessInstance(pid)).allSatisfy(c -> {
			assertThat(c.status()).isEqualTo(ClockStatus.CANCELLED);
			assertThat(c.stopReason()).isEqualTo("Left care on 2027-01-08: Returned home to parents");
		});
		assertThat(managementService.createJobQuery().processInstanceId(pid).count()).isZero();
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("careLeaver")
			.processInstanceBusinessKey(caseRef).count()).isZero();
	}

	@Test
	void aSixteenYearOldLeavingCareOpensTheCareLeaverClocks() {
		String caseRef = newCaseRef("CL");
		clockAt("2026-06-01T12:00:00Z");
		child(caseRef, "2010-03-01", "2026-06-01T09:00:00");
		lookedAfter.becomeLookedAfter(caseRef, "2026-06-01", "2026-06-01", "V2", null);
		clockAt("2026-12-10T12:00:00Z");
		lookedAfter.leaveCare(caseRef, "2026-12-10", "Moved to supported lodgings");

		String careLeaver = instanceOf("careLeaver", caseRef);
		// within 3 months of the 16th birthday (1 March 2026): long past, so it escalates at once
		assertThat(clock(careLeaver, "pathway-plan").dueDate()).hasToString("2026-06-01");
		executeDueJobs();
		assertThat(reviewTasks(caseRef, "tm.north")).extracting("name")
			.contains("Review overdue: Prepare pathway plan for " + caseRef);
		complete(careLeaver, "UserTask_PreparePathwayPlan", "2026-12-15", Map.of());
		assertThat(clock(careLeaver, "pathway-plan").status()).isEqualTo(ClockStatus.MET_LATE);
		assertThat(clock(careLeaver, "pathway-plan-review").dueDate()).hasToString("2027-06-15");
	}

	@Test
	void aReviewConferenceCanDecideTheChildBecomesLookedAfter() {
		String caseRef = newCaseRef("CPLAC");
		clockAt("2026-12-18T17:00:00Z");
		child(caseRef, "2016-05-01", "2026-12-18T09:00:00");
		String plan = startByMessage("ChildProtectionPlanStarted", caseRef,
				Map.of("cppStartDate", "2026-12-18", "categoryOfAbuse", "NEGLECT", "numberOfPreviousPlans", 0L));

		clockAt("2027-01-12T17:00:00Z");
		complete(plan, "UserTask_HoldReviewConference", Map.of("reviewDate", "2027-01-12", "planContinues", "no",
				"nextStep", "LOOKED_AFTER", "becameLookedAfterDate", "2027-01-11", "placementStartDate", "2027-01-11",
				"legalStatus", "C1"));

		assertThat(reachedEnd(plan, "EndEvent_BecomesLookedAfter")).isTrue();
		String lac = instanceOf("childLookedAfter", caseRef);
		assertThat(runtimeService.getVariable(lac, "legalStatus")).isEqualTo("C1");
		assertThat(due(lac, "UserTask_VisitLookedAfterChild")).isEqualTo("2027-01-19T00:00:00Z");
	}

	/** Looked after (care order) from Tuesday 1 December 2026, placed that day. */
	private String lookedAfterFrom1December(String caseRef, String dateOfBirth) {
		clockAt("2026-12-01T12:00:00Z");
		child(caseRef, dateOfBirth, "2026-12-01T09:00:00");
		return lookedAfter.becomeLookedAfter(caseRef, "2026-12-01", "2026-12-01", "C2", null).processInstanceId();
	}

	private String lookedAfterFrom4January(String caseRef, String dateOfBirth) {
		clockAt("2027-01-04T12:00:00Z");
		child(caseRef, dateOfBirth, "2027-01-04T09:00:00");
		return lookedAfter.becomeLookedAfter(caseRef, "2027-01-04", "2027-01-04", "C1", null).processInstanceId();
	}

	private void child(String caseRef, String dateOfBirth, String referredAt) {
		referrals.receive(new ReferralRequest("REF-" + caseRef,
				new ReferralRequest.Child(caseRef, "Test", "Child", dateOfBirth), referredAt, "6", "north"));
	}

	/** Completes a task with its date field on that day, at 17:00. */
	private void complete(String pid, String taskKey, String date, Map<String, Object> more) {
		clockAt(LocalDate.parse(date).atTime(17, 0).toInstant(ZoneOffset.UTC));
		Map<String, Object> variables = new HashMap<>(more);
		variables.put(DATE_FIELDS.get(taskKey), date);
		complete(pid, taskKey, variables);
	}

	private static final Map<String, String> DATE_FIELDS = Map.of("UserTask_HoldLookedAfterReview", "claReviewDate",
			"UserTask_VisitLookedAfterChild", "claVisitDate", "UserTask_InitialHealthAssessment",
			"healthAssessmentDate", "UserTask_ReviewHealthAssessment", "rhaDate", "UserTask_PersonalEducationPlan",
			"pepDate", "UserTask_ReviewPersonalEducationPlan", "pepReviewDate", "UserTask_DentalCheck",
			"dentalCheckDate", "UserTask_PreparePathwayPlan", "pathwayPlanDate");

	private Instant due(String pid, String taskKey) {
		return task(pid, taskKey).getDueDate().toInstant();
	}

}
