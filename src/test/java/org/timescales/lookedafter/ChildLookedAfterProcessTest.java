package org.timescales.lookedafter;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.Test;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * childLookedAfter.bpmn on the engine clock: every first deadline, the care plan and each placement's
 * plan (on time when made before the placement), the recurring intervals, the 5th-birthday switch for
 * health assessments, education plans for children of compulsory school age (either side of its start and
 * of the school leaving date), a placement change mid-cycle, leaving care cancelling everything, and a
 * review conference deciding the child becomes looked after. The eligible child's pathway plan:
 * EligibleChildProcessTest.
 */
@TimescalesTest
class ChildLookedAfterProcessTest extends LookedAfterTestSupport {

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
		// the care plan within 10 working days of the first placement, the placement plan within 5
		assertThat(due(pid, "UserTask_PrepareCarePlan")).isEqualTo("2026-12-16T00:00:00Z");
		assertThat(due(pid, "UserTask_PreparePlacementPlan")).isEqualTo("2026-12-09T00:00:00Z");
		assertThat(due(pid, "UserTask_DentalCheck")).isEqualTo("2027-12-02T00:00:00Z");
		assertThat(timerDue(pid, "cla-review", OVERDUE)).isEqualTo("2027-01-01T00:00:00Z");
		assertThat(caseClocks.ofProcessInstance(pid)).extracting(ClockView::ruleId)
			.containsExactlyInAnyOrder("care-plan", "placement-plan", "cla-review", "cla-visit", "iha", "pep", "dental");
		// seven strands of looked-after work side by side, the placement's plan and visits within it; the
		// pathway plan waits for the 16th birthday (1 May 2032)
		assertThat(instance(pid)).isWaitingAtExactly("SubProcess_LookedAfter", "SubProcess_Visits",
				"UserTask_PrepareCarePlan", "UserTask_PreparePlacementPlan", "UserTask_HoldLookedAfterReview",
				"UserTask_VisitLookedAfterChild", "UserTask_InitialHealthAssessment", "UserTask_PersonalEducationPlan",
				"UserTask_DentalCheck", "Timer_BecomesEligible")
			.task("UserTask_HoldLookedAfterReview")
			.hasCandidateGroup("north");
	}

	@Test
	void reviewsFollowTwentyWorkingDaysThenThreeMonthsThenSixMonths() {
		String pid = lookedAfterFrom1December(newCaseRef("LACR"), "2016-05-01");
		complete(pid, "UserTask_HoldLookedAfterReview", "2026-12-21", Map.of("placementUntil18", "no"));
		complete(pid, "UserTask_HoldLookedAfterReview", "2027-03-19", Map.of("placementUntil18", "no"));

		assertThat(clocksOf(pid, "cla-review")).extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2026-12-31", ClockStatus.MET), tuple("2027-03-21", ClockStatus.MET),
					tuple("2027-09-19", ClockStatus.OPEN));
		assertThat(instance(pid)).hasPassed("UserTask_HoldLookedAfterReview")
			.isWaitingAt("UserTask_HoldLookedAfterReview");
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
		for (String rule : List.of("care-plan", "cla-review", "iha", "pep", "dental")) {
			assertThat(clock(pid, rule)).usingRecursiveComparison()
				// the status is read at a later date: what matters is the clock itself did not move
				.ignoringFields("escalations", "status")
				.isEqualTo(before.stream().filter(c -> c.ruleId().equals(rule)).findFirst().orElseThrow());
		}
		// the old placement's visit cycle closed through the boundary event, a new one started
		assertThat(instance(pid)).hasPassed("BoundaryEvent_PlacementChanged", "ServiceTask_CloseVisitCycle")
			.isWaitingAt("SubProcess_Visits", "UserTask_VisitLookedAfterChild");
	}

	@Test
	void aReviewHealthAssessmentDueTheDayBeforeTheFifthBirthdayStaysSixMonthly() {
		// born 15 July 2022: the 6-month candidate, 14 July 2027, falls while the child is still 4
		String pid = lookedAfterFrom4January(newCaseRef("RHA4"), "2022-07-15");
		complete(pid, "UserTask_InitialHealthAssessment", "2027-01-14", Map.of());

		assertThat(clock(pid, "rha").dueDate()).hasToString("2027-07-14");
		assertThat(instance(pid)).hasPassed("UserTask_InitialHealthAssessment")
			.isWaitingAt("UserTask_ReviewHealthAssessment");
	}

	@Test
	void eachHealthAssessmentAndDentalCheckSetsTheNextFromItsDate() {
		// a 10-year-old: health assessments and dental checks are yearly
		String pid = lookedAfterFrom1December(newCaseRef("LACH"), "2016-05-01");
		complete(pid, "UserTask_InitialHealthAssessment", "2026-12-20", Map.of());
		complete(pid, "UserTask_DentalCheck", "2027-11-15", Map.of());
		complete(pid, "UserTask_ReviewHealthAssessment", "2027-11-30", Map.of());

		assertThat(clocksOf(pid, "rha")).extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2027-12-20", ClockStatus.MET), tuple("2028-11-30", ClockStatus.OPEN));
		assertThat(clocksOf(pid, "dental")).extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2027-12-01", ClockStatus.MET), tuple("2028-11-15", ClockStatus.OPEN));
		assertThat(instance(pid)).hasPassed("UserTask_ReviewHealthAssessment", "UserTask_DentalCheck")
			.isWaitingAt("UserTask_ReviewHealthAssessment", "UserTask_DentalCheck");
	}

	@Test
	void aChildBelowSchoolAgeHasNoEducationPlanUntilReachingIt() {
		// 2 years old on becoming looked after: reception from 1 September 2028
		String pid = lookedAfterFrom4January(newCaseRef("NOPEP"), "2024-06-01");

		assertThat(instance(pid)).hasPassed("Gateway_SchoolAge")
			.hasNotPassed("EndEvent_NoEducationPlan")
			.isWaitingAt("Timer_ReachesSchoolAge")
			.isNotWaitingAt("UserTask_PersonalEducationPlan");
		assertThat(caseClocks.ofProcessInstance(pid)).extracting(ClockView::ruleId).doesNotContain("pep");
		assertThat(timerOf(pid, "Timer_ReachesSchoolAge").getDuedate().toInstant()).isEqualTo("2028-08-31T23:00:00Z");
	}

	@Test
	void aFourYearOldInReceptionHasAnEducationPlanFromBecomingLookedAfter() {
		// born 31 August 2022: in reception from 1 September 2026, of compulsory school age from 31 August 2027
		String pid = lookedAfterFrom1December(newCaseRef("PEP4"), "2022-08-31");

		assertThat(clock(pid, "pep").dueDate()).hasToString("2026-12-15");
		assertThat(instance(pid)).isWaitingAt("UserTask_PersonalEducationPlan");
	}

	@Test
	void aChildBornOnFirstSeptemberGetsTheEducationPlanOnReachingSchoolAgeWhileLookedAfter() {
		// born 1 September 2022: a year group younger, in reception from 1 September 2027
		String caseRef = newCaseRef("PEP1S");
		String pid = lookedAfterFrom1December(caseRef, "2022-09-01");
		assertThat(instance(pid)).isWaitingAt("Timer_ReachesSchoolAge");
		assertThat(timerOf(pid, "Timer_ReachesSchoolAge").getDuedate().toInstant()).isEqualTo("2027-08-31T23:00:00Z");

		clockAt("2027-09-01T08:00:00Z");
		executeDueJobsOf(pid);

		// 10 working days from Wednesday 1 September 2027
		assertThat(clock(pid, "pep")).extracting(c -> c.dueDate().toString(), c -> c.startedAt().toString())
			.containsExactly("2027-09-15", "2027-08-31T23:00:00Z");
		assertThat(variable(pid, "reachedSchoolAgeDate")).isEqualTo("2027-09-01");
		assertThat(instance(pid)).hasPassed("Timer_ReachesSchoolAge").isWaitingAt("UserTask_PersonalEducationPlan");
	}

	@Test
	void aSixteenYearOldBeforeTheSchoolLeavingDateHasAnEducationPlan() {
		// born 1 September 2010: 16 on 1 September 2026, of compulsory school age until Friday 25 June 2027
		String pid = lookedAfterFrom1December(newCaseRef("PEP16"), "2010-09-01");

		assertThat(clock(pid, "pep").dueDate()).hasToString("2026-12-15");
		assertThat(instance(pid)).isWaitingAt("UserTask_PersonalEducationPlan");
	}

	@Test
	void aChildPastTheSchoolLeavingDateHasNoEducationPlan() {
		// born 31 August 2010: a year group older, left school on Friday 26 June 2026
		String pid = lookedAfterFrom1December(newCaseRef("PEP16X"), "2010-08-31");

		assertThat(instance(pid)).hasPassed("Gateway_SchoolAge", "EndEvent_NoEducationPlan")
			.isNotWaitingAt("UserTask_PersonalEducationPlan", "Timer_ReachesSchoolAge");
		assertThat(caseClocks.ofProcessInstance(pid)).extracting(ClockView::ruleId).doesNotContain("pep");
	}

	@Test
	void aPlacementStartingOnChristmasEveHasItsPlanDueAfterTheBankHolidays() {
		String caseRef = newCaseRef("XMAS");
		clockAt("2026-12-24T12:00:00Z");
		child(caseRef, "2016-05-01", "2026-12-24T09:00:00");
		String pid = lookedAfter.becomeLookedAfter(caseRef, "2026-12-24", "2026-12-24", "C2", null).processInstanceId();

		// 5 working days from Thursday 24 December 2026, past Christmas Day, the Boxing Day substitute
		// (Monday 28) and New Year's Day: Tuesday 5 January 2027
		assertThat(clock(pid, "placement-plan").dueDate()).hasToString("2027-01-05");
		assertThat(due(pid, "UserTask_PreparePlacementPlan")).isEqualTo("2027-01-06T00:00:00Z");
		// the care plan's 10 working days: Tuesday 12 January 2027
		assertThat(clock(pid, "care-plan").dueDate()).hasToString("2027-01-12");
		assertThat(timerDue(pid, "placement-plan", OVERDUE)).isEqualTo("2027-01-06T00:00:00Z");
	}

	@Test
	void plansPreparedBeforeThePlacementAreOnTime() {
		String caseRef = newCaseRef("PLANS");
		String pid = lookedAfterFrom1December(caseRef, "2016-05-01");

		// the care plan was made the Friday before the child was first placed
		complete(pid, "UserTask_PrepareCarePlan", "2026-11-27", Map.of());
		// the first placement's plan a day late
		complete(pid, "UserTask_PreparePlacementPlan", "2026-12-09", Map.of());

		assertThat(clock(pid, "care-plan")).extracting(ClockView::status, c -> c.stoppedAt().toString())
			.containsExactly(ClockStatus.MET, clock(pid, "care-plan").startedAt().toString());
		assertThat(variable(pid, "carePlanDate")).isEqualTo("2026-11-27");
		assertThat(clock(pid, "placement-plan").status()).isEqualTo(ClockStatus.MET_LATE);
		assertThat(instance(pid)).hasPassed("EndEvent_CarePlanPrepared", "EndEvent_PlacementPlanPrepared");

		// a new placement has its own plan, here made before the move
		clockAt("2027-01-04T12:00:00Z");
		lookedAfter.changePlacement(caseRef, "2027-01-04");
		assertThat(clock(pid, "placement-plan").dueDate()).hasToString("2027-01-11");
		complete(pid, "UserTask_PreparePlacementPlan", "2026-12-30", Map.of());
		assertThat(clocksOf(pid, "placement-plan")).extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2026-12-08", ClockStatus.MET_LATE), tuple("2027-01-11", ClockStatus.MET));
		// the care plan is made once, for the first placement
		assertThat(clocksOf(pid, "care-plan")).hasSize(1);
	}

	@Test
	void aPlacementChangeCancelsTheOldPlacementsUnpreparedPlanAndOpensTheNewOnes() {
		String caseRef = newCaseRef("PLANX");
		String pid = lookedAfterFrom1December(caseRef, "2016-05-01");

		clockAt("2027-01-04T12:00:00Z");
		lookedAfter.changePlacement(caseRef, "2027-01-04");

		assertThat(clocksOf(pid, "placement-plan")).extracting(c -> c.dueDate().toString(), ClockView::status,
				ClockView::stopReason)
			.containsExactly(tuple("2026-12-08", ClockStatus.CANCELLED, "Placement changed: new placement from 2027-01-04"),
					tuple("2027-01-11", ClockStatus.OPEN, null));
		assertThat(clock(pid, "care-plan").dueDate()).hasToString("2026-12-15");
		assertThat(instance(pid)).isWaitingAt("UserTask_PreparePlacementPlan", "UserTask_PrepareCarePlan");
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
		assertThat(instance(pid)).hasPassed("UserTask_PersonalEducationPlan", "UserTask_ReviewPersonalEducationPlan")
			.hasNotPassed("EndEvent_NoEducationPlan")
			.isWaitingAt("UserTask_ReviewPersonalEducationPlan");
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
		assertThat(openTasks).hasSize(7);
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
		assertThat(instance(pid)).hasPassed("BoundaryEvent_ChildLeftCare", "Gateway_CareLeaver", "EndEvent_LeftCare")
			.hasNotPassed("EndEvent_CareLeaverStarts")
			.isEnded();
	}

	private Job timerOf(String pid, String activityId) {
		return managementService.createJobQuery().processInstanceId(pid).activityId(activityId).singleResult();
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
		assertThat(instance(plan)).hasPassed("EndEvent_BecomesLookedAfter").isEnded();
		assertThat(instance(lac)).hasPassed("StartEvent_BecameLookedAfter")
			.isWaitingAt("UserTask_VisitLookedAfterChild");
	}

}
