package org.timescales.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * referral.bpmn on the real engine: the decision clock (1 working day) and the assessment clock (45
 * working days from the referral, stopped at authorisation), their exact due dates and timers, the
 * reminder, and met / met late.
 */
@TimescalesTest
class ReferralProcessTest extends ProcessTestSupport {

	@Test
	void decisionIsDueByTheEndOfTheNextWorkingDayWithItsThreeTimers() {
		// Given a referral received on Monday 23 November 2026 at 10:00
		clockAt("2026-11-23T10:30:00Z");
		String caseRef = newCaseRef("DEC");
		ReferralService.Received received = referral(caseRef, "2026-11-23T10:00:00");
		String pid = received.referral().processInstanceId();

		// Then the team has "Decide on referral", due at the end of Tuesday 24 November
		Task decide = task(pid, "UserTask_DecideOnReferral");
		assertThat(decide.getName()).isEqualTo("Decide on referral");
		assertThat(decide.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-11-25T00:00:00Z")));
		assertThat(taskService.getIdentityLinksForTask(decide.getId())).extracting("groupId").containsExactly("north");
		assertThat(timerDue(pid, "referral-decision", DUE_SOON)).isEqualTo("2026-11-24T16:00:00Z");
		assertThat(timerDue(pid, "referral-decision", OVERDUE)).isEqualTo("2026-11-25T00:00:00Z");
		// 2 working days after the deadline: Thursday 26 November
		assertThat(timerDue(pid, "referral-decision", STILL_OVERDUE)).isEqualTo("2026-11-27T00:00:00Z");
		ClockView clock = received.clocks().get(0);
		assertThat(received.clocks()).hasSize(1);
		assertThat(clock.ruleId()).isEqualTo("referral-decision");
		assertThat(clock.dueDate()).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(clock.startedAt()).isEqualTo("2026-11-23T10:00:00Z");
		assertThat(clock.status()).isEqualTo(ClockStatus.OPEN);
		// the referral waits at the decision, offered to the team; the clock's watcher at its first timer
		assertThat(instance(pid)).isWaitingAtExactly("UserTask_DecideOnReferral")
			.task()
			.hasCandidateGroup("north")
			.hasDueDate(Date.from(Instant.parse("2026-11-25T00:00:00Z")));
		assertThat(instance(watchOf(pid, "referral-decision"))).isWaitingAtExactly(DUE_SOON);
	}

	@Test
	void decisionOnTheDueDateIsMetAndNoFurtherActionClosesTheReferral() {
		clockAt("2026-11-23T10:30:00Z");
		String pid = referral(newCaseRef("NFA"), "2026-11-23T10:00:00").referral().processInstanceId();

		clockAt("2026-11-24T17:00:00Z");
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "NFA", "referralDecisionDate",
				"2026-11-24", "decisionRationale", "No role for children's social care"));

		ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
		assertThat(instance).isNull();
		assertThat(engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(pid)
			.activityId("EndEvent_ReferralClosedNoFurtherAction")
			.count()).isEqualTo(1);
		ClockView clock = caseClocks.ofProcessInstance(pid).get(0);
		assertThat(clock.status()).isEqualTo(ClockStatus.MET);
		assertThat(clock.stoppedAt()).isEqualTo("2026-11-24T00:00:00Z");
		assertThat(managementService.createJobQuery().processInstanceId(pid).count()).isZero();
		assertThat(instance(pid)).hasPassed("EndEvent_ReferralClosedNoFurtherAction")
			.hasNotPassed("SubProcess_Assessment")
			.isEnded();
		assertThat(instance(watchOf(pid, "referral-decision"))).hasPassed("EndEvent_WatchEnded").isEnded();
	}

	@Test
	void decisionRecordedAfterTheDueDateIsMetLate() {
		clockAt("2026-11-23T10:30:00Z");
		String pid = referral(newCaseRef("LATE"), "2026-11-23T10:00:00").referral().processInstanceId();

		clockAt("2026-11-25T09:00:00Z");
		assertThat(caseClocks.ofProcessInstance(pid).get(0).status()).isEqualTo(ClockStatus.OVERDUE);
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "EARLY_HELP", "referralDecisionDate",
				"2026-11-25", "decisionRationale", "Family agree to early help"));

		assertThat(caseClocks.ofProcessInstance(pid).get(0).status()).isEqualTo(ClockStatus.MET_LATE);
		assertThat(instance(pid)).hasPassed("EndEvent_SteppedDownToEarlyHelp").isEnded();
	}

	@Test
	void aDecisionDatedInTheFutureIsRefusedAndTheTaskStaysOpen() {
		clockAt("2026-11-23T10:30:00Z");
		String pid = referral(newCaseRef("FUT"), "2026-11-23T10:00:00").referral().processInstanceId();

		assertThatThrownBy(() -> complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "NFA",
				"referralDecisionDate", "2026-11-30", "decisionRationale", "x")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("in the future");
		assertThat(task(pid, "UserTask_DecideOnReferral")).isNotNull();
		assertThat(caseClocks.ofProcessInstance(pid).get(0).status()).isEqualTo(ClockStatus.OPEN);
		assertThat(instance(pid)).isWaitingAtExactly("UserTask_DecideOnReferral");
	}

	@Test
	void assessmentIsDue45WorkingDaysFromTheReferralAcrossChristmasAndNewYear() {
		// Given a referral received Monday 23 November 2026 and a decision to assess that day
		String pid = referredForAssessment(newCaseRef("ASM"));

		// 45 working days, skipping 25 Dec, Boxing Day's substitute 28 Dec and 1 Jan: Thursday 28 January 2027
		Task completeAssessment = task(pid, "UserTask_CompleteAssessment");
		assertThat(completeAssessment.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-01-29T00:00:00Z")));
		assertThat(timerDue(pid, "assessment", DUE_SOON)).isEqualTo("2027-01-27T00:00:00Z");
		assertThat(timerDue(pid, "assessment", OVERDUE)).isEqualTo("2027-01-29T00:00:00Z");
		// 5 working days after Thursday 28 January: Thursday 4 February
		assertThat(timerDue(pid, "assessment", STILL_OVERDUE)).isEqualTo("2027-02-05T00:00:00Z");
		ClockView assessment = clock(pid, "assessment");
		assertThat(assessment.dueDate()).isEqualTo(LocalDate.of(2027, 1, 28));
		assertThat(assessment.startedAt()).isEqualTo("2026-11-23T10:00:00Z");
		assertThat(clock(pid, "referral-decision").status()).isEqualTo(ClockStatus.MET);
		assertThat(instance(pid)).hasPassed("UserTask_DecideOnReferral")
			.isWaitingAtExactly("SubProcess_Assessment", "UserTask_CompleteAssessment")
			.task()
			.hasCandidateGroup("north");
	}

	@Test
	void assessmentAuthorisedBeforeTheDeadlineIsMetAndTheOutcomeRecorded() {
		String pid = referredForAssessment(newCaseRef("AUTH"));
		clockAt("2027-01-15T10:00:00Z");
		complete(pid, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", "2026-11-24", "assessmentOutcome",
				"CIN_PLAN", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "Needs a child in need plan"));

		Task authorise = task(pid, "UserTask_AuthoriseAssessment");
		assertThat(authorise.getAssignee()).isEqualTo("tm.north");
		assertThat(authorise.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-01-29T00:00:00Z")));
		assertThat(instance(pid)).isWaitingAtExactly("SubProcess_Assessment", "UserTask_AuthoriseAssessment")
			.task()
			.isAssignedTo("tm.north");
		clockAt("2027-01-20T12:00:00Z");
		taskService.complete(authorise.getId(), Map.of("assessmentAuthorised", true, "assessmentAuthorisedDate",
				"2027-01-20", "managerComments", "Agreed"));

		ClockView assessment = clock(pid, "assessment");
		assertThat(assessment.status()).isEqualTo(ClockStatus.MET);
		assertThat(assessment.stoppedAt()).isEqualTo("2027-01-20T00:00:00Z");
		assertThat(engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(pid)
			.activityId("EndEvent_ChildInNeedPlanNeeded")
			.count()).isEqualTo(1);
		assertThat(engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(pid)
			.variableName("assessmentOutcome")
			.singleResult()
			.getValue()).isEqualTo("CIN_PLAN");
		assertThat(instance(pid)).hasPassed("UserTask_CompleteAssessment", "UserTask_AuthoriseAssessment",
				"EndEvent_ChildInNeedPlanNeeded")
			.isEnded();
	}

	@Test
	void anAssessmentThatFindsSignificantHarmStartsAStrategyDiscussionDue24HoursAfterItsAuthorisation() {
		String caseRef = newCaseRef("AS47");
		String pid = referredForAssessment(caseRef);

		String s47 = journey(caseRef).at("2027-01-12T14:00:00Z")
			.assessedAsNeedingStrategyDiscussion(pid, "2026-11-24", "2027-01-12");

		assertThat(clock(pid, "assessment").status()).isEqualTo(ClockStatus.MET);
		assertThat(instance(pid)).hasPassed("EndEvent_StrategyDiscussionNeededAfterAssessment").isEnded();
		assertThat(task(s47, "UserTask_HoldStrategyDiscussion").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2027-01-13T14:00:00Z")));
		assertThat(instance(s47)).isWaitingAtExactly("UserTask_HoldStrategyDiscussion");
	}

	@Test
	void anAssessmentCanStepDownToEarlyHelpClosingTheEpisodeOnItsAuthorisation() {
		String pid = referredForAssessment(newCaseRef("AEH"));
		clockAt("2027-01-12T14:00:00Z");
		complete(pid, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", "2026-11-24", "assessmentOutcome",
				"EARLY_HELP", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "Family hub can help"));
		complete(pid, "UserTask_AuthoriseAssessment", Map.of("assessmentAuthorised", true,
				"assessmentAuthorisedDate", "2027-01-12", "managerComments", "Agreed"));

		assertThat(instance(pid)).hasPassed("EndEvent_SteppedDownAfterAssessment").isEnded();
		assertThat(variable(pid, "cinClosureReason")).isEqualTo("EARLY_HELP");
		assertThat(variable(pid, "cinClosureDate")).isEqualTo("2027-01-12");
	}

	@Test
	void anAssessmentStartDateBeforeTheReferralOrInTheFutureIsRefused() {
		String pid = referredForAssessment(newCaseRef("ASD"));
		clockAt("2027-01-15T10:00:00Z");
		assertThatThrownBy(() -> complete(pid, "UserTask_CompleteAssessment", Map.of("assessmentStartDate",
				"2026-11-20", "assessmentOutcome", "NFA", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "x")))
			.hasMessageContaining("assessmentStartDate: 2026-11-20 is before referralReceivedAt (2026-11-23)");
		assertThatThrownBy(() -> complete(pid, "UserTask_CompleteAssessment", Map.of("assessmentStartDate",
				"2027-01-16", "assessmentOutcome", "NFA", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "x")))
			.hasMessageContaining("assessmentStartDate: 2027-01-16 is in the future");
		assertThat(task(pid, "UserTask_CompleteAssessment")).isNotNull();
		assertThat(instance(pid)).isWaitingAtExactly("SubProcess_Assessment", "UserTask_CompleteAssessment")
			.hasNotPassed("UserTask_CompleteAssessment");
	}

	@Test
	void assessmentAuthorisedAfterTheDeadlineIsMetLate() {
		String pid = referredForAssessment(newCaseRef("AUTHLATE"));
		clockAt("2027-02-01T10:00:00Z");
		complete(pid, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", "2026-11-24", "assessmentOutcome",
				"NFA", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "No further action"));
		complete(pid, "UserTask_AuthoriseAssessment", Map.of("assessmentAuthorised", true,
				"assessmentAuthorisedDate", "2027-02-01", "managerComments", "Agreed, late"));

		assertThat(clock(pid, "assessment").status()).isEqualTo(ClockStatus.MET_LATE);
		assertThat(instance(pid)).hasPassed("EndEvent_ClosedAfterAssessment").isEnded();
	}

	@Test
	void anAssessmentSentBackGoesToTheWorkerAgainWithTheClockStillRunning() {
		String pid = referredForAssessment(newCaseRef("BACK"));
		clockAt("2027-01-10T10:00:00Z");
		complete(pid, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", "2026-11-24", "assessmentOutcome",
				"NFA", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "Draft"));
		complete(pid, "UserTask_AuthoriseAssessment",
				Map.of("assessmentAuthorised", false, "managerComments", "Speak to the school first"));

		assertThat(task(pid, "UserTask_CompleteAssessment")).isNotNull();
		assertThat(clock(pid, "assessment").status()).isEqualTo(ClockStatus.OPEN);
		assertThat(timerDue(pid, "assessment", OVERDUE)).isEqualTo("2027-01-29T00:00:00Z");
		assertThat(instance(pid)).hasPassed("UserTask_AuthoriseAssessment")
			.hasNotPassed("EndEvent_AssessmentAuthorised")
			.isWaitingAtExactly("SubProcess_Assessment", "UserTask_CompleteAssessment");
	}

	@Test
	void twoWorkingDaysBeforeTheDeadlineTheTeamIsRemindedOfAnUnclaimedAssessment() {
		String pid = referredForAssessment(newCaseRef("REM"));
		String caseRef = runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult()
			.getBusinessKey();

		clockAt("2027-01-27T00:00:01Z");
		executeDueJobs();

		assertThat(outboxSubjects("north-team@timescales.test", caseRef))
			.containsExactly("Due soon: Child and family assessment for case " + caseRef);
		assertThat(task(pid, "UserTask_CompleteAssessment")).isNotNull();
		// the reminder has gone; the watcher waits for the deadline, then the second tier
		assertThat(instance(watchOf(pid, "assessment"))).hasPassed("ServiceTask_Reminder")
			.isWaitingAtExactly(OVERDUE);
	}

	@Test
	void theReminderGoesToTheWorkerWhoHasTheTask() {
		String pid = referredForAssessment(newCaseRef("REMW"));
		String caseRef = runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult()
			.getBusinessKey();
		taskService.claim(task(pid, "UserTask_CompleteAssessment").getId(), "worker.north");

		clockAt("2027-01-27T00:00:01Z");
		executeDueJobs();

		assertThat(outboxSubjects("worker.north@timescales.test", caseRef))
			.containsExactly("Due soon: Child and family assessment for case " + caseRef);
	}

}
