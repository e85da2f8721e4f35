package org.timescales.lookedafter;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.Test;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * childLookedAfter.bpmn on the engine clock: every first deadline, the recurring intervals, the
 * 5th-birthday switch for health assessments, a placement change mid-cycle, leaving care cancelling
 * everything, and a review conference deciding the child becomes looked after.
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
		assertThat(due(pid, "UserTask_DentalCheck")).isEqualTo("2027-12-02T00:00:00Z");
		assertThat(timerDue(pid, "cla-review", OVERDUE)).isEqualTo("2027-01-01T00:00:00Z");
		assertThat(caseClocks.ofProcessInstance(pid)).extracting(ClockView::ruleId)
			.containsExactlyInAnyOrder("cla-review", "cla-visit", "iha", "pep", "dental");
		// five strands of looked-after work side by side, the visits within this placement
		assertThat(instance(pid)).isWaitingAtExactly("SubProcess_LookedAfter", "SubProcess_Visits",
				"UserTask_HoldLookedAfterReview", "UserTask_VisitLookedAfterChild", "UserTask_InitialHealthAssessment",
				"UserTask_PersonalEducationPlan", "UserTask_DentalCheck")
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
		for (String rule : List.of("cla-review", "iha", "pep", "dental")) {
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
	void aChildBelowSchoolAgeHasNoEducationPlan() {
		// 2 years old on becoming looked after
		String pid = lookedAfterFrom4January(newCaseRef("NOPEP"), "2024-06-01");

		assertThat(instance(pid)).hasPassed("Gateway_SchoolAge", "EndEvent_NoEducationPlan")
			.isNotWaitingAt("UserTask_PersonalEducationPlan");
		assertThat(caseClocks.ofProcessInstance(pid)).extracting(ClockView::ruleId).doesNotContain("pep");
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
		assertThat(instance(pid)).hasPassed("BoundaryEvent_ChildLeftCare", "Gateway_CareLeaver", "EndEvent_LeftCare")
			.hasNotPassed("EndEvent_CareLeaverStarts")
			.isEnded();
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
