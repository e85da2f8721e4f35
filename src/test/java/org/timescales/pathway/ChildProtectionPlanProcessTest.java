package org.timescales.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.timescales.CaseJourney;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * childProtectionPlan.bpmn: the core group within 10 working days of the ICPC, visits every 10 working
 * days from the last visit, the first review within 3 months and later ones within 6, the plan's end
 * cancelling its open work, and repeat plans.
 */
@TimescalesTest
class ChildProtectionPlanProcessTest extends ProcessTestSupport {

	@Test
	void aPlanFromAnIcpcOnFriday18DecemberHasItsFirstDeadlinesAcrossChristmas() {
		String plan = planStarted(newCaseRef("CPP"));

		// 10 working days from Friday 18 December 2026, skipping 25 and 28 December and 1 January
		assertThat(task(plan, "UserTask_HoldCoreGroup").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2027-01-07T00:00:00Z")));
		assertThat(task(plan, "UserTask_VisitChild").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2027-01-07T00:00:00Z")));
		// first review within 3 months of the ICPC
		assertThat(task(plan, "UserTask_HoldReviewConference").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2027-03-19T00:00:00Z")));
		assertThat(timerDue(plan, "core-group", OVERDUE)).isEqualTo("2027-01-07T00:00:00Z");
		assertThat(timerDue(plan, "cp-visit", OVERDUE)).isEqualTo("2027-01-07T00:00:00Z");
		assertThat(timerDue(plan, "rcpc", OVERDUE)).isEqualTo("2027-03-19T00:00:00Z");
		// the plan's three strands run side by side, each offered to the team
		assertThat(instance(plan)).isWaitingAtExactly("SubProcess_Plan", "UserTask_HoldCoreGroup", "UserTask_VisitChild",
				"UserTask_HoldReviewConference")
			.task("UserTask_VisitChild")
			.hasCandidateGroup("north");
	}

	@Test
	void fiveVisitsInARowEachDueTenWorkingDaysAfterTheLastOneLate() {
		String caseRef = newCaseRef("VIS");
		String plan = planStarted(caseRef);
		clockAt("2027-01-04T12:00:00Z");
		complete(plan, "UserTask_HoldCoreGroup", Map.of("coreGroupDate", "2027-01-04", "coreGroupNotes", "Met"));

		visit(plan, "2027-01-05");
		visit(plan, "2027-01-19");
		// the third is due by the end of Tuesday 2 February: it passes, the manager is told, the visit is on the 4th
		clockAt("2027-02-03T00:00:30Z");
		executeDueJobs();
		assertThat(reviewTasks(caseRef, "tm.north")).extracting(Task::getName)
			.containsExactly("Review overdue: Visit the child for " + caseRef);
		visit(plan, "2027-02-04");
		visit(plan, "2027-02-18");
		visit(plan, "2027-03-03");

		List<ClockView> visits = clocksOf(plan, "cp-visit");
		assertThat(visits).extracting(ClockView::occurrence, c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple(1, "2027-01-06", ClockStatus.MET), tuple(2, "2027-01-19", ClockStatus.MET),
					tuple(3, "2027-02-02", ClockStatus.MET_LATE), tuple(4, "2027-02-18", ClockStatus.MET),
					tuple(5, "2027-03-04", ClockStatus.MET), tuple(6, "2027-03-17", ClockStatus.OPEN));
		assertThat(visits.get(2).escalations()).extracting("tier").containsExactly(1);
		assertThat(task(plan, "UserTask_VisitChild").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2027-03-18T00:00:00Z")));
		assertThat(instance(plan)).hasPassed("UserTask_HoldCoreGroup", "EndEvent_CoreGroupHeld", "UserTask_VisitChild")
			.isWaitingAtExactly("SubProcess_Plan", "UserTask_VisitChild", "UserTask_HoldReviewConference");
	}

	@Test
	void reviewsFallDueThreeMonthsAfterTheIcpcThenSixMonthsAfterTheLastReview() {
		String plan = planStarted(newCaseRef("REV"));
		review(plan, "2027-03-10", Map.of("planContinues", "yes", "latestCategoryOfAbuse", "EMOTIONAL"));

		assertThat(clocksOf(plan, "rcpc")).extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2027-03-18", ClockStatus.MET), tuple("2027-09-10", ClockStatus.OPEN));
		// midnight at the end of 10 September is 23:00 UTC in British Summer Time
		assertThat(task(plan, "UserTask_HoldReviewConference").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2027-09-10T23:00:00Z")));
		assertThat(instance(plan)).hasPassed("UserTask_HoldReviewConference", "Gateway_PlanContinues")
			.hasNotPassed("EndEvent_PlanEnded")
			.isWaitingAt("UserTask_HoldReviewConference");
	}

	@Test
	void theReviewThatEndsThePlanCancelsItsOpenWorkWithTheReasonAndStartsAChildInNeedPlan() {
		String caseRef = newCaseRef("END");
		String plan = planStarted(caseRef);
		visit(plan, "2027-01-05");
		String openVisit = task(plan, "UserTask_VisitChild").getId();
		String openCoreGroup = task(plan, "UserTask_HoldCoreGroup").getId();

		review(plan, "2027-01-12", Map.of("planContinues", "no", "nextStep", "CIN_PLAN"));

		assertThat(ended(plan)).isTrue();
		assertThat(variable(plan, "cppEndDate")).isEqualTo("2027-01-12");
		for (String cancelled : List.of(openVisit, openCoreGroup)) {
			HistoricTaskInstance task = engine.getHistoryService()
				.createHistoricTaskInstanceQuery()
				.taskId(cancelled)
				.singleResult();
			assertThat(task.getEndTime()).isNotNull();
			assertThat(task.getDeleteReason()).isNotEqualTo("completed");
			assertThat(taskService.getTaskComments(cancelled)).extracting(Comment::getFullMessage)
				.containsExactly("Cancelled: Child protection plan ended at review on 2027-01-12");
		}
		assertThat(caseClocks.ofProcessInstance(plan)).filteredOn(c -> c.status() == ClockStatus.CANCELLED)
			.extracting(ClockView::ruleId, ClockView::stopReason)
			.containsExactlyInAnyOrder(tuple("core-group", "Child protection plan ended at review on 2027-01-12"),
					tuple("cp-visit", "Child protection plan ended at review on 2027-01-12"));
		assertThat(caseClocks.ofProcessInstance(plan)).noneMatch(c -> c.stoppedAt() == null);
		assertThat(managementService.createJobQuery().processInstanceId(plan).count()).isZero();
		String cin = instanceOf("childInNeedPlan", caseRef);
		assertThat(variable(cin, "cinPlanStartDate")).isEqualTo("2027-01-12");
		// the review ended the plan: its open core group was cancelled, not held
		assertThat(instance(plan)).hasPassed("EndEvent_PlanEnded", "EndEvent_ChildInNeedPlanStarts")
			.hasNotPassed("EndEvent_CoreGroupHeld")
			.isEnded();
		assertThat(instance(cin)).isWaitingAtExactly("UserTask_ReviewChildInNeedPlan");
		// a cancelled clock ends its watcher as a met one does
		assertThat(instance(watchOf(plan, "core-group"))).hasPassed("EndEvent_WatchEnded").isEnded();
	}

	@Test
	void aSecondPlanForTheSameChildCountsThePreviousOne() {
		String caseRef = newCaseRef("REP");
		String first = planStarted(caseRef);
		review(first, "2027-01-12", Map.of("planContinues", "no", "nextStep", "CLOSE"));
		assertThat(variable(first, "cinClosureReason")).isEqualTo("PLAN_ENDED");
		assertThat(instance(first)).hasPassed("EndEvent_CaseClosed").isEnded();

		// months later a new enquiry ends in a second plan
		CaseJourney journey = journey(caseRef);
		String s47 = journey.at("2027-06-01T09:00:00Z").strategyDiscussionRequested("2027-06-01T09:00:00Z");
		journey.at("2027-06-01T15:00:00Z").enquiryAgreed(s47, "2027-06-01T10:00");
		journey.childSeen(s47, "2027-06-01T14:00");
		journey.conferenceNeeded(s47, "2027-06-01");
		String second = journey.planAgreed(s47, "2027-06-01", "PHYSICAL");

		assertThat(variable(second, "numberOfPreviousPlans")).isEqualTo(1L);
		assertThat(instance(second)).isWaitingAt("UserTask_HoldCoreGroup", "UserTask_VisitChild",
				"UserTask_HoldReviewConference");
	}

	@Test
	void aVisitDatedInTheFutureIsRefusedAndNothingChanges() {
		String plan = planStarted(newCaseRef("FUTV"));
		clockAt("2027-01-05T10:00:00Z");
		assertThatThrownBy(() -> complete(plan, "UserTask_VisitChild",
				Map.of("visitDate", "2027-01-06", "seenAlone", "yes", "visitNotes", "x")))
			.hasMessageContaining("visitDate: 2027-01-06 is in the future");
		assertThat(clocksOf(plan, "cp-visit")).singleElement()
			.satisfies(c -> assertThat(c.status()).isEqualTo(ClockStatus.OPEN));
		assertThat(instance(plan)).hasNotPassed("UserTask_VisitChild").isWaitingAt("UserTask_VisitChild");
	}

	@Test
	void theCoreGroupHeldInTimeIsMet() {
		String plan = planStarted(newCaseRef("CG"));
		clockAt("2027-01-06T16:00:00Z");
		complete(plan, "UserTask_HoldCoreGroup", Map.of("coreGroupDate", "2027-01-06", "coreGroupNotes", "Plan agreed"));
		assertThat(clock(plan, "core-group").status()).isEqualTo(ClockStatus.MET);
		assertThat(clock(plan, "core-group").stoppedAt()).isEqualTo("2027-01-06T00:00:00Z");
		assertThat(instance(plan)).hasPassed("EndEvent_CoreGroupHeld").isNotWaitingAt("UserTask_HoldCoreGroup");
	}

	/** A plan agreed at an ICPC on Friday 18 December 2026. */
	private String planStarted(String caseRef) {
		clockAt("2026-12-18T17:00:00Z");
		return startByMessage("ChildProtectionPlanStarted", caseRef,
				Map.of("cppStartDate", "2026-12-18", "categoryOfAbuse", "NEGLECT", "numberOfPreviousPlans", 0L));
	}

	private void visit(String plan, String date) {
		clockAt(LocalDate.parse(date).atTime(17, 0).toInstant(java.time.ZoneOffset.UTC));
		complete(plan, "UserTask_VisitChild",
				Map.of("visitDate", date, "seenAlone", "yes", "visitNotes", "Seen alone in their room"));
	}

	private void review(String plan, String date, Map<String, Object> decision) {
		clockAt(LocalDate.parse(date).atTime(17, 0).toInstant(java.time.ZoneOffset.UTC));
		Map<String, Object> variables = new java.util.HashMap<>(decision);
		variables.put("reviewDate", date);
		complete(plan, "UserTask_HoldReviewConference", variables);
	}

}
