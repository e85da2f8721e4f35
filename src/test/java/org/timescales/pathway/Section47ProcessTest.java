package org.timescales.pathway;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.timescales.CaseJourney;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * section47.bpmn: the strategy discussion (24 hours), then the child seen within 24 hours of it and the
 * initial conference within 15 working days of it (across Christmas 2026), every route out of the
 * enquiry, and the hand-over to a plan.
 */
@TimescalesTest
class Section47ProcessTest extends ProcessTestSupport {

	@Test
	void aReferralDecisionOfStrategyDiscussionStartsTheEnquiryProcessWithA24HourClock() {
		String caseRef = newCaseRef("S47");
		CaseJourney journey = journey(caseRef);
		String referral = journey.at("2026-12-14T09:00:00Z").referred("2026-12-14T08:00:00");
		journey.at("2026-12-14T11:00:00Z").decidedOnStrategyDiscussion(referral, "2026-12-14");

		assertThat(reachedEnd(referral, "EndEvent_StrategyDiscussionNeeded")).isTrue();
		String s47 = runningSection47(caseRef);
		Task hold = task(s47, "UserTask_HoldStrategyDiscussion");
		assertThat(hold.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-12-15T11:00:00Z")));
		assertThat(taskService.getIdentityLinksForTask(hold.getId())).extracting("groupId").containsExactly("north");
		assertThat(timerDue(s47, "strategy-discussion", DUE_SOON)).isEqualTo("2026-12-15T05:00:00Z");
		assertThat(timerDue(s47, "strategy-discussion", STILL_OVERDUE)).isEqualTo("2026-12-16T11:00:00Z");
		assertThat(instance(referral)).hasPassed("EndEvent_StrategyDiscussionNeeded").isEnded();
		assertThat(instance(s47)).hasPassed("StartEvent_StrategyDiscussionNeeded")
			.isWaitingAtExactly("UserTask_HoldStrategyDiscussion")
			.task()
			.hasCandidateGroup("north");
	}

	@Test
	void aBackDatedDecisionCountsTheStrategyDiscussionFromItsDayAndEscalatesAtOnce() {
		String caseRef = newCaseRef("S47BD");
		CaseJourney journey = journey(caseRef);
		String referral = journey.at("2026-12-14T11:00:00Z").referred("2026-12-09T10:00:00");
		journey.decidedOnStrategyDiscussion(referral, "2026-12-10");

		String s47 = runningSection47(caseRef);
		assertThat(clock(s47, "strategy-discussion").startedAt()).isEqualTo("2026-12-10T00:00:00Z");
		assertThat(task(s47, "UserTask_HoldStrategyDiscussion").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2026-12-11T00:00:00Z")));
		executeDueJobs();
		assertThat(reviewTasks(caseRef, "tm.north")).extracting(Task::getName)
			.contains("Review overdue: Hold strategy discussion for " + caseRef);
		// the discussion really held on the day of the decision is accepted
		complete(s47, "UserTask_HoldStrategyDiscussion", Map.of("strategyDiscussionAt", "2026-12-10T16:00",
				"s47Decision", "no", "strategyDiscussionSummary", "Held by phone"));
		assertThat(clock(s47, "strategy-discussion").status()).isEqualTo(ClockStatus.MET);
		assertThat(instance(s47)).hasPassed("UserTask_HoldStrategyDiscussion", "EndEvent_NoEnquiry").isEnded();
	}

	@Test
	void theEnquiryOpensTheChildSeenAndConferenceClocksFromTheStrategyDiscussion() {
		String s47 = enquiryStarted(newCaseRef("S47C"));

		assertThat(variable(s47, "s47StartDate")).isEqualTo("2026-12-14");
		// the child within 24 hours of the discussion, by the clock
		assertThat(task(s47, "UserTask_SeeTheChild").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2026-12-15T15:30:00Z")));
		assertThat(timerDue(s47, "child-seen", DUE_SOON)).isEqualTo("2026-12-15T09:30:00Z");
		assertThat(timerDue(s47, "child-seen", STILL_OVERDUE)).isEqualTo("2026-12-16T15:30:00Z");
		// the ICPC within 15 working days, skipping 25 and 28 December and 1 January: Thursday 7 January 2027
		assertThat(task(s47, "UserTask_CompleteSection47Enquiry").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2027-01-08T00:00:00Z")));
		assertThat(timerDue(s47, "icpc", OVERDUE)).isEqualTo("2027-01-08T00:00:00Z");
		assertThat(timerDue(s47, "icpc", DUE_SOON)).isEqualTo("2027-01-05T00:00:00Z");
		assertThat(timerDue(s47, "icpc", STILL_OVERDUE)).isEqualTo("2027-01-12T00:00:00Z");
		assertThat(clock(s47, "icpc").dueDate()).hasToString("2027-01-07");
		assertThat(clock(s47, "strategy-discussion").status()).isEqualTo(ClockStatus.MET);
		// the visit and the enquiry run side by side
		assertThat(instance(s47)).hasPassed("Gateway_EnquiryStarts")
			.isWaitingAtExactly("UserTask_SeeTheChild", "SubProcess_EnquiryAndConference",
					"UserTask_CompleteSection47Enquiry");
	}

	@Test
	void aChildNotSeenWithin24HoursEscalatesAndIsMetLateWhenSeen() {
		String caseRef = newCaseRef("S47L");
		String s47 = enquiryStarted(caseRef);

		clockAt("2026-12-15T15:31:00Z");
		executeDueJobs();
		assertThat(reviewTasks(caseRef, "tm.north")).extracting(Task::getName)
			.containsExactly("Review overdue: See the child for " + caseRef);
		assertThat(clock(s47, "child-seen").status()).isEqualTo(ClockStatus.OVERDUE);

		clockAt("2026-12-15T18:30:00Z");
		complete(s47, "UserTask_SeeTheChild",
				Map.of("childSeenAt", "2026-12-15T18:00", "seenAlone", "yes", "visitNotes", "Seen at school"));
		ClockView seen = clock(s47, "child-seen");
		assertThat(seen.status()).isEqualTo(ClockStatus.MET_LATE);
		assertThat(seen.stoppedAt()).isEqualTo("2026-12-15T18:00:00Z");
		// the visit done waits at the join for the enquiry
		assertThat(instance(s47)).hasPassed("UserTask_SeeTheChild")
			.isWaitingAtExactly("Gateway_EnquiryJoin", "SubProcess_EnquiryAndConference",
					"UserTask_CompleteSection47Enquiry");
	}

	@Test
	void aConferenceThatDecidesOnAPlanStartsTheChildProtectionPlanFromItsDate() {
		String caseRef = newCaseRef("S47P");
		String s47 = enquiryStarted(caseRef);
		childSeen(caseRef, s47);
		CaseJourney journey = journey(caseRef);
		journey.at("2027-01-06T12:00:00Z").conferenceNeeded(s47, "2027-01-04");
		journey.planAgreed(s47, "2027-01-06", "NEGLECT");

		assertThat(ended(s47)).isTrue();
		assertThat(reachedEnd(s47, "EndEvent_ChildProtectionPlanStarts")).isTrue();
		assertThat(clock(s47, "icpc").status()).isEqualTo(ClockStatus.MET);
		String plan = instanceOf("childProtectionPlan", caseRef);
		assertThat(variable(plan, "cppStartDate")).isEqualTo("2027-01-06");
		assertThat(variable(plan, "categoryOfAbuse")).isEqualTo("NEGLECT");
		assertThat(variable(plan, "numberOfPreviousPlans")).isEqualTo(0L);
		assertThat(task(plan, "UserTask_HoldCoreGroup")).isNotNull();
		assertThat(instance(s47)).hasPassed("UserTask_HoldInitialConference", "EndEvent_ConferenceHeld",
				"Gateway_EnquiryJoin", "EndEvent_ChildProtectionPlanStarts")
			.isEnded();
	}

	@Test
	void anEnquiryEndingInNoFurtherActionRecordsIcpcNotRequiredAndClosesTheCase() {
		String caseRef = newCaseRef("S47N");
		String s47 = enquiryStarted(caseRef);
		clockAt("2026-12-18T10:00:00Z");
		complete(s47, "UserTask_CompleteSection47Enquiry", Map.of("s47CompletedDate", "2026-12-18", "s47Outcome", "NFA",
				"enquirySummary", "Concerns not substantiated"));

		ClockView icpc = clock(s47, "icpc");
		assertThat(icpc.status()).isEqualTo(ClockStatus.CANCELLED);
		assertThat(icpc.stopReason()).isEqualTo("ICPC not required: section 47 outcome NFA");
		assertThat(variable(s47, "icpcNotRequired")).isEqualTo(true);
		// the enquiry still waits for the child to be seen
		assertThat(ended(s47)).isFalse();
		childSeen(caseRef, s47);
		assertThat(reachedEnd(s47, "EndEvent_ClosedAfterEnquiry")).isTrue();
		assertThat(variable(s47, "cinClosureReason")).isEqualTo("NFA");
		assertThat(variable(s47, "cinClosureDate")).isEqualTo("2026-12-18");
		assertThat(instance(s47)).hasPassed("EndEvent_ConferenceNotRequired")
			.hasNotPassed("UserTask_HoldInitialConference")
			.isEnded();
	}

	@Test
	void anEnquiryEndingInAChildInNeedPlanStartsItFromTheEnquirysEnd() {
		String caseRef = newCaseRef("S47CIN");
		String s47 = enquiryStarted(caseRef);
		childSeen(caseRef, s47);
		clockAt("2026-12-21T10:00:00Z");
		complete(s47, "UserTask_CompleteSection47Enquiry", Map.of("s47CompletedDate", "2026-12-21", "s47Outcome",
				"CIN_PLAN", "enquirySummary", "Needs support"));

		String cin = instanceOf("childInNeedPlan", caseRef);
		assertThat(variable(cin, "cinPlanStartDate")).isEqualTo("2026-12-21");
		assertThat(clock(cin, "cin-review").dueDate()).hasToString("2027-03-21");
		assertThat(instance(s47)).hasPassed("EndEvent_ChildInNeedPlanStarts").isEnded();
		assertThat(instance(cin)).isWaitingAtExactly("UserTask_ReviewChildInNeedPlan");
	}

	@Test
	void noEnquiryEndsTheProcessWithoutOpeningItsClocks() {
		String caseRef = newCaseRef("S47X");
		String s47 = section47Requested(caseRef);
		complete(s47, "UserTask_HoldStrategyDiscussion", Map.of("strategyDiscussionAt", "2026-12-14T15:30",
				"s47Decision", "no", "strategyDiscussionSummary", "Threshold not met"));

		assertThat(reachedEnd(s47, "EndEvent_NoEnquiry")).isTrue();
		assertThat(caseClocks.ofProcessInstance(s47)).extracting(ClockView::ruleId).containsExactly("strategy-discussion");
		assertThat(variable(s47, "cinClosureReason")).isEqualTo("NO_ENQUIRY");
		assertThat(instance(s47)).hasPassed("EndEvent_NoEnquiry").hasNotPassed("Gateway_EnquiryStarts").isEnded();
	}

	@Test
	void aConferenceDatedBeforeTheStrategyDiscussionIsRefusedNamingTheField() {
		String s47 = enquiryStarted(newCaseRef("S47B"));
		complete(s47, "UserTask_CompleteSection47Enquiry", Map.of("s47CompletedDate", "2026-12-14", "s47Outcome", "ICPC",
				"enquirySummary", "Conference needed"));

		assertThatThrownBy(() -> complete(s47, "UserTask_HoldInitialConference",
				Map.of("icpcDate", "2026-12-10", "planRequired", "yes", "categoryOfAbuse", "PHYSICAL")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("icpcDate: 2026-12-10 is before");
		assertThat(task(s47, "UserTask_HoldInitialConference")).isNotNull();
		assertThat(clock(s47, "icpc").status()).isEqualTo(ClockStatus.OPEN);
		assertThat(instance(s47)).isWaitingAtExactly("UserTask_SeeTheChild", "SubProcess_EnquiryAndConference",
				"UserTask_HoldInitialConference");
	}

	@Test
	void aStrategyDiscussionDatedInTheFutureIsRefused() {
		String s47 = section47Requested(newCaseRef("S47F"));
		assertThatThrownBy(() -> complete(s47, "UserTask_HoldStrategyDiscussion", Map.of("strategyDiscussionAt",
				"2026-12-20T10:00", "s47Decision", "yes", "strategyDiscussionSummary", "x")))
			.hasMessageContaining("strategyDiscussionAt: 2026-12-20 is in the future");
		assertThat(task(s47, "UserTask_HoldStrategyDiscussion")).isNotNull();
		assertThat(instance(s47)).isWaitingAtExactly("UserTask_HoldStrategyDiscussion");
	}

	/** Significant harm suspected on Monday 14 December 2026 at 11:00. */
	private String section47Requested(String caseRef) {
		return journey(caseRef).at("2026-12-14T11:00:00Z").strategyDiscussionRequested("2026-12-14T11:00:00Z");
	}

	/** The strategy discussion held at 15:30 on 14 December decides on a section 47 enquiry. */
	private String enquiryStarted(String caseRef) {
		String s47 = section47Requested(caseRef);
		return journey(caseRef).at("2026-12-14T16:00:00Z").enquiryAgreed(s47, "2026-12-14T15:30");
	}

	private void childSeen(String caseRef, String s47) {
		journey(caseRef).at("2026-12-15T10:30:00Z").childSeen(s47, "2026-12-15T10:00");
	}

	private String runningSection47(String caseRef) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("section47")
			.processInstanceBusinessKey(caseRef)
			.singleResult()
			.getId();
	}

}
