package org.timescales.proceedings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * preProceedings.bpmn: the legal planning meeting, the letter before proceedings, the family group
 * decision-making answer, the initial and review meetings and the 16-week outcome, with exact due dates
 * across bank holidays; the Children Act 1989 s.31ZA gate on every decision to apply to court (refusing, each
 * with its sentence, then accepting), and none for pre-proceedings decided before timescales.law.fgdm-offer-from
 * (2027-04-01 in application.yaml); the hand-over to care proceedings; referrals from plan reviews.
 */
@TimescalesTest
class PreProceedingsProcessTest extends ProcessTestSupport {

	@Autowired
	RepositoryService repositoryService;

	@AfterEach
	void signOut() {
		identityService.clearAuthentication();
	}

	@Test
	void beforeTheDutyTheDeadlinesFallAcrossChristmasAndIssuingIsNotGated() {
		String caseRef = newCaseRef("PPX");
		// referred Thursday 17 December 2026: 10 working days skip 25 and 28 December and 1 January
		String pp = referred(caseRef, "2026-12-17");
		assertThat(task(pp, "UserTask_HoldLegalPlanningMeeting").getDueDate()).isEqualTo(at("2027-01-06T00:00:00Z"));

		// the meeting on Monday 21 December decides pre-proceedings: the letter within 5 working days, 30 December
		legalPlanning(pp, "2026-12-21", Map.of("legalPlanningDecision", "PRE_PROCEEDINGS"));
		assertThat(variable(pp, "ppStartDate")).isEqualTo("2026-12-21");
		assertThat(variable(pp, "fgdmDutyApplies")).isEqualTo(false);
		assertThat(task(pp, "UserTask_SendLetterBeforeProceedings").getDueDate()).isEqualTo(at("2026-12-31T00:00:00Z"));
		assertThat(timerDue(pp, "pp-letter", OVERDUE)).isEqualTo("2026-12-31T00:00:00Z");

		// no offer in a letter sent before the duty: nothing to settle, the initial meeting by 14 January
		letter(pp, "2026-12-30", false, null);
		assertThat(variable(pp, "fgdmOutcome")).isEqualTo("NOT_OFFERED_BEFORE_DUTY");
		assertThat(instance(pp)).hasPassed("EndEvent_NoFgdmBeforeDuty").isWaitingAtExactly("SubProcess_PreProceedings", "UserTask_HoldInitialMeeting");
		assertThat(task(pp, "UserTask_HoldInitialMeeting").getDueDate()).isEqualTo(at("2027-01-15T00:00:00Z"));

		// the initial meeting on 13 January starts the 16 weeks (5 May 2027, in summer time) and the 6-weekly reviews
		meeting(pp, "UserTask_HoldInitialMeeting", "initialPpMeetingDate", "2027-01-13");
		assertThat(task(pp, "UserTask_DecideOutcome").getDueDate()).isEqualTo(at("2027-05-05T23:00:00Z"));
		assertThat(clock(pp, "pre-proceedings").dueDate()).isEqualTo("2027-05-05");
		assertThat(task(pp, "UserTask_HoldReviewMeeting").getDueDate()).isEqualTo(at("2027-02-25T00:00:00Z"));
		meeting(pp, "UserTask_HoldReviewMeeting", "ppReviewMeetingDate", "2027-02-24");
		assertThat(clocksOf(pp, "pp-review")).extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2027-02-24", ClockStatus.MET), tuple("2027-04-07", ClockStatus.OPEN));

		// the decision to issue, before 1 April 2027, is not gated
		outcome(pp, "ISSUE", "2027-03-10");
		assertThat(clock(pp, "pre-proceedings").status()).isEqualTo(ClockStatus.MET);
		assertThat(clock(pp, "pp-review").status()).isEqualTo(ClockStatus.CANCELLED);
		assertThat(clock(pp, "pp-review").stopReason()).isEqualTo("Pre-proceedings ended (ISSUE) on 2027-03-10");
		assertThat(instance(pp)).hasPassed("EndEvent_PreProceedingsConcluded", "EndEvent_CareProceedingsToStart").isEnded();
		assertHandedOver(caseRef, "2027-03-10", true);
	}

	@Test
	void theDecisionToIssueIsRefusedUntilTheOfferedMeetingIsHeld() {
		String caseRef = newCaseRef("PPG");
		String pp = inPreProceedingsAfterTheDuty(caseRef, true);
		// offered on Tuesday 4 May 2027: settled within 6 weeks, the initial meeting within 10 working days
		assertThat(task(pp, "UserTask_RecordFgdmAnswer").getDueDate()).isEqualTo(at("2027-06-15T23:00:00Z"));
		assertThat(task(pp, "UserTask_HoldInitialMeeting").getDueDate()).isEqualTo(at("2027-05-18T23:00:00Z"));
		meeting(pp, "UserTask_HoldInitialMeeting", "initialPpMeetingDate", "2027-05-17");
		assertThat(task(pp, "UserTask_DecideOutcome").getDueDate()).isEqualTo(at("2027-09-06T23:00:00Z"));

		// the family has not answered: refused, naming the step
		refused(() -> outcome(pp, "ISSUE", "2027-06-01")).hasMessage("ppOutcome: the family group"
				+ " decision-making meeting offered in the letter before proceedings must be held, declined, or found not in"
				+ " the best interests of the child with a manager sign-off (Children Act 1989 s.31ZA(2) and (3)) before the"
				+ " decision to apply to court");
		assertThat(clock(pp, "pre-proceedings").status()).isEqualTo(ClockStatus.OPEN);

		// found not in the best interests of the child: refused until the manager signs off, who does not agree
		answer(pp, Map.of("fgdmOffered", true, "fgdmOutcome", "NOT_IN_BEST_INTERESTS", "fgdmNotInBestInterestsReason",
				"Risk of violence to the mother at a family meeting"), "2027-06-02");
		Task signOff = task(pp, "UserTask_SignOffFgdm");
		assertThat(signOff.getAssignee()).isEqualTo("tm.north");
		assertThat(signOff.getDueDate()).isEqualTo(at("2027-06-15T23:00:00Z"));
		refused(() -> outcome(pp, "ISSUE", "2027-06-02")).hasMessage("ppOutcome: a manager has not signed off"
				+ " that a family group decision-making meeting is not in the best interests of the child (Children Act 1989"
				+ " s.31ZA(3)): the decision to apply to court waits for the sign-off");
		signOff(pp, false, "2027-06-03");
		assertThat(instance(pp)).isWaitingAt("UserTask_RecordFgdmAnswer");

		// the meeting is held on 8 June: now the decision to issue goes through, and hands over
		answer(pp, Map.of("fgdmOffered", true, "fgdmOutcome", "HELD", "fgdmHeldDate", "2027-06-08"), "2027-06-08");
		assertThat(clock(pp, "pp-fgdm").status()).isEqualTo(ClockStatus.MET);
		assertThat(clock(pp, "pp-fgdm").stoppedAt()).isEqualTo("2027-06-07T23:00:00Z");
		outcome(pp, "ISSUE", "2027-06-10");
		assertThat(variable(pp, "fgdmOutcome")).isEqualTo("HELD");
		assertThat(instance(pp)).hasPassed("UserTask_SignOffFgdm", "EndEvent_FgdmSettled", "EndEvent_CareProceedingsToStart")
			.isEnded();
		assertHandedOver(caseRef, "2027-06-10", true);
	}

	@Test
	void aLetterWithoutTheOfferNeedsTheReasonAndTheManagerSignOff() {
		String caseRef = newCaseRef("PPN");
		String pp = legalPlanningAfterTheDuty(caseRef);
		clockAt("2027-05-04T16:00:00Z");
		refused(() -> letter(pp, "2027-05-04", false, null)).hasMessage("fgdmNotInBestInterestsReason: the letter"
				+ " before proceedings must offer a family group decision-making meeting (Children Act 1989 s.31ZA(1) and (6))"
				+ " unless offering one is not in the best interests of the child: record why, for a manager to sign off");
		assertThat(clock(pp, "pp-letter").status()).isEqualTo(ClockStatus.OPEN);

		letter(pp, "2027-05-04", false, "The father is not to know where the child lives");
		meeting(pp, "UserTask_HoldInitialMeeting", "initialPpMeetingDate", "2027-05-17");
		assertThat(task(pp, "UserTask_SignOffFgdm").getAssignee()).isEqualTo("tm.north");
		// the manager does not agree: the offer must now be made, and the decision to issue says so
		signOff(pp, false, "2027-05-18");
		refused(() -> outcome(pp, "ISSUE", "2027-05-19")).hasMessage("ppOutcome: the letter before proceedings"
				+ " must offer a family group decision-making meeting (Children Act 1989 s.31ZA(1) and (6)), or a manager must"
				+ " sign off that offering one is not in the best interests of the child (Children Act 1989 s.31ZA(3)), before"
				+ " the decision to apply to court");
		refused(() -> answer(pp, Map.of("fgdmOffered", false, "fgdmOutcome", "DECLINED", "fgdmDeclinedDate",
				"2027-05-19"), "2027-05-19")).hasMessageStartingWith("fgdmOutcome: a meeting is held or declined only once it is offered");
		// a further letter before proceedings offers it; the family declines
		answer(pp, Map.of("fgdmOffered", true, "fgdmOutcome", "DECLINED", "fgdmDeclinedDate", "2027-05-24"), "2027-05-24");
		outcome(pp, "ISSUE", "2027-05-25");
		assertHandedOver(caseRef, "2027-05-25", true);
	}

	@Test
	void aManagerSignsOffThatNoMeetingIsInTheBestInterestsOfTheChild() {
		String caseRef = newCaseRef("PPS");
		String pp = legalPlanningAfterTheDuty(caseRef);
		letter(pp, "2027-05-04", false, "The father is not to know where the child lives");
		meeting(pp, "UserTask_HoldInitialMeeting", "initialPpMeetingDate", "2027-05-17");
		as("tm.north", () -> signOff(pp, true, "2027-05-18"));
		assertThat(variable(pp, "fgdmSignedOffBy")).isEqualTo("tm.north");
		assertThat(variable(pp, "fgdmOutcome")).isEqualTo("NOT_IN_BEST_INTERESTS");
		assertThat(clock(pp, "pp-fgdm").status()).isEqualTo(ClockStatus.MET);

		outcome(pp, "ISSUE", "2027-05-20");
		assertHandedOver(caseRef, "2027-05-20", true);
	}

	@Test
	void issuingAtOnceNeedsTheReasonAndTheManagerOnceTheDutyApplies() {
		String caseRef = newCaseRef("PPI");
		String pp = referred(caseRef, "2027-04-26");
		Map<String, Object> issue = new HashMap<>(Map.of("legalPlanningDecision", "ISSUE_AT_ONCE", "issueAtOnceReason",
				"Baby born with injuries: an interim care order is needed now"));
		refused(() -> as("worker.north", () -> legalPlanning(pp, "2027-04-27", issue)))
			.hasMessageStartingWith("fgdmNotInBestInterestsReason: issuing at once makes the application without offering");
		issue.put("fgdmNotInBestInterestsReason", "Immediate risk of harm: no time for a family meeting");
		refused(() -> as("worker.north", () -> legalPlanning(pp, "2027-04-27", issue))).hasMessage("legalPlanningDecision: issuing at once"
				+ " without a family group decision-making meeting needs a manager sign-off that one is not in the best"
				+ " interests of the child (Children Act 1989 s.31ZA(3)): the team manager or service manager completes this task");

		as("tm.north", () -> legalPlanning(pp, "2027-04-27", issue));
		assertThat(variable(pp, "issuedAtOnce")).isEqualTo(true);
		assertThat(variable(pp, "fgdmSignedOffBy")).isEqualTo("tm.north");
		assertThat(instance(pp)).hasPassed("EndEvent_IssuedAtOnce").isEnded();
		assertHandedOver(caseRef, "2027-04-27", false);
	}

	@Test
	void issuingAtOnceBeforeTheDutyIsNotGated() {
		String caseRef = newCaseRef("PPB");
		String pp = referred(caseRef, "2027-03-01");
		as("worker.north", () -> legalPlanning(pp, "2027-03-02",
				Map.of("legalPlanningDecision", "ISSUE_AT_ONCE", "issueAtOnceReason", "Urgent")));
		assertThat(variable(pp, "fgdmDutyApplies")).isEqualTo(false);
		assertThat(variable(pp, "fgdmOutcome")).isEqualTo("NOT_OFFERED_BEFORE_DUTY");
		assertHandedOver(caseRef, "2027-03-02", false);
	}

	@Test
	void noFurtherLegalActionEndsItWithNothingForTheCourt() {
		String caseRef = newCaseRef("PPNFA");
		String pp = referred(caseRef, "2027-05-04");
		legalPlanning(pp, "2027-05-06", Map.of("legalPlanningDecision", "NO_FURTHER_LEGAL_ACTION"));
		assertThat(clock(pp, "pp-legal-planning").status()).isEqualTo(ClockStatus.MET);
		assertThat(variable(pp, "issuedAtOnce")).isEqualTo(false);
		assertThat(variable(pp, "ppStartDate")).isNull();
		assertThat(instance(pp)).hasPassed("EndEvent_NoFurtherLegalAction").isEnded();
		assertThat(repositoryService.createProcessDefinitionQuery().messageEventSubscriptionName("CareProceedingsStarted")
			.list()).allSatisfy(receiver -> assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
				.processDefinitionId(receiver.getId()).processInstanceBusinessKey(caseRef).count()).isZero());
	}

	@Test
	void anOverdueLetterEscalatesToTheTeamManagerThenTheServiceManager() {
		String caseRef = newCaseRef("PPL");
		String pp = referred(caseRef, "2026-12-17");
		legalPlanning(pp, "2026-12-21", Map.of("legalPlanningDecision", "PRE_PROCEEDINGS"));
		// reminded 2 working days before: at the end of Thursday 24 December, the last working day before it
		assertThat(timerDue(pp, "pp-letter", DUE_SOON)).isEqualTo("2026-12-25T00:00:00Z");
		assertThat(timerDue(pp, "pp-letter", STILL_OVERDUE)).isEqualTo("2027-01-06T00:00:00Z");

		// due by the end of Wednesday 30 December: at midnight the team manager has the review
		clockAt("2026-12-31T00:00:30Z");
		executeDueJobsOf(pp);
		assertThat(reviewTasks(caseRef, "tm.north")).extracting(Task::getName)
			.containsExactly("Review overdue: Send letter before proceedings for " + caseRef);
		// 3 working days later (1 January is a bank holiday) the service manager
		clockAt("2027-01-06T00:00:30Z");
		executeDueJobsOf(pp);
		assertThat(reviewTasks(caseRef, "sm.east")).extracting(Task::getName)
			.containsExactly("Review overdue: Send letter before proceedings for " + caseRef);
		letter(pp, "2027-01-06", false, null);
		assertThat(clock(pp, "pp-letter").status()).isEqualTo(ClockStatus.MET_LATE);
	}

	@Test
	void continuingPastSixteenWeeksLeavesTheClockRunningUntilAStepDown() {
		String caseRef = newCaseRef("PPC");
		String pp = referred(caseRef, "2026-12-17");
		legalPlanning(pp, "2026-12-21", Map.of("legalPlanningDecision", "PRE_PROCEEDINGS"));
		letter(pp, "2026-12-30", true, null);
		meeting(pp, "UserTask_HoldInitialMeeting", "initialPpMeetingDate", "2027-01-13");

		outcome(pp, "CONTINUE", "2027-04-28");
		assertThat(clocksOf(pp, "pre-proceedings")).singleElement()
			.satisfies(c -> assertThat(c.status()).isEqualTo(ClockStatus.OPEN));
		assertThat(task(pp, "UserTask_DecideOutcome").getDueDate()).isEqualTo(at("2027-05-05T23:00:00Z"));
		clockAt("2027-05-06T00:00:30Z");
		executeDueJobsOf(pp);
		assertThat(reviewTasks(caseRef, "tm.north")).extracting(Task::getName)
			.contains("Review overdue: Decide outcome of pre-proceedings for " + caseRef);

		String openAnswer = task(pp, "UserTask_RecordFgdmAnswer").getId();
		outcome(pp, "STEP_DOWN", "2027-05-12");
		assertThat(clock(pp, "pre-proceedings").status()).isEqualTo(ClockStatus.MET_LATE);
		assertThat(clock(pp, "pp-fgdm").status()).isEqualTo(ClockStatus.CANCELLED);
		assertThat(taskService.getTaskComments(openAnswer)).extracting(Comment::getFullMessage)
			.containsExactly("Cancelled: Pre-proceedings ended (STEP_DOWN) on 2027-05-12");
		assertThat(instance(pp)).hasPassed("EndEvent_SteppedDown").hasNotPassed("EndEvent_CareProceedingsToStart").isEnded();
	}

	@Test
	void aDateInTheFutureOrNoReasonsAreRefusedNamingTheField() {
		String pp = referred(newCaseRef("PPF"), "2026-12-17");
		clockAt("2026-12-21T12:00:00Z");
		refused(() -> complete(pp, "UserTask_HoldLegalPlanningMeeting",
				Map.of("legalPlanningMeetingDate", "2026-12-22", "legalPlanningDecision", "PRE_PROCEEDINGS"))).hasMessageContaining("legalPlanningMeetingDate: 2026-12-22 is in the future");
		refused(() -> complete(pp, "UserTask_HoldLegalPlanningMeeting",
				Map.of("legalPlanningMeetingDate", "2026-12-21", "legalPlanningDecision", "MAYBE"))).hasMessageStartingWith("legalPlanningDecision: choose");
		legalPlanning(pp, "2026-12-21", Map.of("legalPlanningDecision", "PRE_PROCEEDINGS"));
		letter(pp, "2026-12-30", false, null);
		meeting(pp, "UserTask_HoldInitialMeeting", "initialPpMeetingDate", "2027-01-13");
		clockAt("2027-02-01T12:00:00Z");
		refused(() -> complete(pp, "UserTask_DecideOutcome", Map.of("ppOutcome", "STEP_DOWN", "ppOutcomeDate",
				"2027-02-01", "ppOutcomeReasons", " "))).hasMessage("ppOutcomeReasons: give the reasons for the decision");
		refused(() -> complete(pp, "UserTask_DecideOutcome", Map.of("ppOutcome", "STEP_DOWN", "ppOutcomeDate",
				"2027-01-12", "ppOutcomeReasons", "Progress"))).hasMessage(
						"ppOutcomeDate: 2027-01-12 is before initialPpMeetingDate (2027-01-13)");
		assertThat(instance(pp)).isWaitingAt("UserTask_DecideOutcome");
	}

	@Test
	void aChildProtectionReviewRefersTheCaseOnceAndThePlanGoesOn() {
		String caseRef = newCaseRef("PPCP");
		clockAt("2026-12-18T17:00:00Z");
		String plan = startByMessage("ChildProtectionPlanStarted", caseRef,
				Map.of("cppStartDate", "2026-12-18", "categoryOfAbuse", "NEGLECT", "numberOfPreviousPlans", 0L));
		clockAt("2027-03-10T17:00:00Z");
		complete(plan, "UserTask_HoldReviewConference", Map.of("reviewDate", "2027-03-10", "planContinues", "yes",
				"latestCategoryOfAbuse", "NEGLECT", "referToLegalPlanning", true, "legalPlanningReason", "No progress on the plan"));

		String pp = instanceOf("preProceedings", caseRef);
		assertThat(variable(pp, "legalPlanningReferredDate")).isEqualTo("2027-03-10");
		assertThat(variable(pp, "legalPlanningReason")).isEqualTo("No progress on the plan");
		assertThat(task(pp, "UserTask_HoldLegalPlanningMeeting").getDueDate()).isEqualTo(at("2027-03-25T00:00:00Z"));
		assertThat(candidateGroups(task(pp, "UserTask_HoldLegalPlanningMeeting"))).containsExactly("north");
		assertThat(instance(plan)).hasPassed("Event_LegalPlanningMeetingRequested").isWaitingAt("UserTask_HoldReviewConference");

		// the next review cannot refer again while pre-proceedings run
		clockAt("2027-06-10T16:00:00Z");
		refused(() -> complete(plan, "UserTask_HoldReviewConference", Map.of("reviewDate", "2027-06-10",
				"planContinues", "yes", "latestCategoryOfAbuse", "NEGLECT", "referToLegalPlanning", true,
				"legalPlanningReason", "Again"))).hasMessage("referToLegalPlanning: pre-proceedings are already running for this child (case " + caseRef + ")");
		complete(plan, "UserTask_HoldReviewConference", Map.of("reviewDate", "2027-06-10", "planContinues", "yes",
				"latestCategoryOfAbuse", "NEGLECT"));
		assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(plan)
			.activityId("Event_LegalPlanningMeetingRequested").count()).isEqualTo(1);
		assertThat(instance(plan)).isWaitingAt("UserTask_HoldReviewConference");
	}

	@Test
	void aChildInNeedReviewRefersTheCase() {
		String caseRef = newCaseRef("PPCIN");
		clockAt("2027-01-04T12:00:00Z");
		String plan = startByMessage("ChildInNeedPlanStarted", caseRef, Map.of("cinPlanStartDate", "2027-01-04"));
		clockAt("2027-03-31T12:00:00Z");
		refused(() -> complete(plan, "UserTask_ReviewChildInNeedPlan", Map.of("cinReviewDate", "2027-03-31",
				"cinPlanContinues", "yes", "reviewNotes", "Worse", "referToLegalPlanning", true))).hasMessageStartingWith("legalPlanningReason: say why");
		complete(plan, "UserTask_ReviewChildInNeedPlan", Map.of("cinReviewDate", "2027-03-31", "cinPlanContinues", "yes",
				"reviewNotes", "Worse", "referToLegalPlanning", true, "legalPlanningReason", "Neglect continues"));

		String pp = instanceOf("preProceedings", caseRef);
		assertThat(variable(pp, "legalPlanningReferredDate")).isEqualTo("2027-03-31");
		assertThat(instance(plan)).hasPassed("Event_CinLegalPlanningMeetingRequested").isWaitingAt("UserTask_ReviewChildInNeedPlan");
		assertThat(runtimeService.getVariable(plan, "referToLegalPlanning")).isNull();
	}

	// --- the case's way through pre-proceedings

	private String referred(String caseRef, String date) {
		clockAt(LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC));
		return startByMessage("LegalPlanningMeetingRequested", caseRef,
				Map.of("legalPlanningReferredDate", date, "legalPlanningReason", "Concerns persist under the plan"));
	}

	/** Referred Monday 26 April 2027, decided Thursday 29 April: after 1 April 2027, so s.31ZA applies. */
	private String legalPlanningAfterTheDuty(String caseRef) {
		String pp = referred(caseRef, "2027-04-26");
		legalPlanning(pp, "2027-04-29", Map.of("legalPlanningDecision", "PRE_PROCEEDINGS"));
		assertThat(variable(pp, "fgdmDutyApplies")).isEqualTo(true);
		// 5 working days from Thursday 29 April skip the early May bank holiday (Monday 3 May)
		assertThat(task(pp, "UserTask_SendLetterBeforeProceedings").getDueDate()).isEqualTo(at("2027-05-07T23:00:00Z"));
		return pp;
	}

	private String inPreProceedingsAfterTheDuty(String caseRef, boolean offered) {
		String pp = legalPlanningAfterTheDuty(caseRef);
		letter(pp, "2027-05-04", offered, null);
		return pp;
	}

	private void legalPlanning(String pp, String date, Map<String, Object> decision) {
		Map<String, Object> variables = new HashMap<>(decision);
		variables.put("legalPlanningMeetingDate", date);
		variables.putIfAbsent("legalPlanningNotes", "Threshold met");
		completeOn(pp, "UserTask_HoldLegalPlanningMeeting", date, variables);
	}

	private void letter(String pp, String date, boolean offered, String notInBestInterests) {
		Map<String, Object> variables = new HashMap<>(Map.of("lbpSentDate", date, "fgdmOffered", offered));
		if (notInBestInterests != null) {
			variables.put("fgdmNotInBestInterestsReason", notInBestInterests);
		}
		completeOn(pp, "UserTask_SendLetterBeforeProceedings", date, variables);
	}

	private void meeting(String pp, String taskKey, String dateField, String date) {
		completeOn(pp, taskKey, date, Map.of(dateField, date, "ppReviewNotes", "Progress noted"));
	}

	private void answer(String pp, Map<String, Object> answer, String today) {
		completeOn(pp, "UserTask_RecordFgdmAnswer", today, answer);
	}

	private void signOff(String pp, boolean agreed, String date) {
		completeOn(pp, "UserTask_SignOffFgdm", date, Map.of("fgdmSignOffAgreed", agreed, "fgdmSignOffDate", date,
				"fgdmSignOffComments", agreed ? "Agreed" : "Offer the meeting: the risk can be managed"));
	}

	private void outcome(String pp, String outcome, String date) {
		completeOn(pp, "UserTask_DecideOutcome", date,
				Map.of("ppOutcome", outcome, "ppOutcomeDate", date, "ppOutcomeReasons", "As minuted"));
	}

	/** Completes the task in the late afternoon of the day it records (London summer or winter alike). */
	private void completeOn(String pp, String taskKey, String date, Map<String, Object> variables) {
		clockAt(LocalDate.parse(date).atTime(15, 0).toInstant(ZoneOffset.UTC));
		complete(pp, taskKey, variables);
	}

	private void assertHandedOver(String caseRef, String decisionToIssueDate, boolean fromPreProceedings) {
		HistoricProcessInstance started = engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(CareProceedingsVariables.PROCESS_KEY)
			.processInstanceBusinessKey(caseRef)
			.singleResult();
		assertThat(started).as("care proceedings started for " + caseRef).isNotNull();
		assertThat(startedWith(started.getId(), "decisionToIssueDate")).isEqualTo(decisionToIssueDate);
		assertThat(startedWith(started.getId(), "fromPreProceedings")).isEqualTo(fromPreProceedings);
		assertThat(startedWith(started.getId(), "caseRef")).isEqualTo(caseRef);
		assertThat(startedWith(started.getId(), "team")).isEqualTo("north");
	}

	/** A variable the process was started with (its own scope: the court's sub-process has copies). */
	private Object startedWith(String processInstanceId, String name) {
		return engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.variableName(name)
			.list()
			.stream()
			.filter(v -> processInstanceId.equals(v.getActivityInstanceId()))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	/** The refusal a listener threw, as Tasklist and /engine-rest answer it (400 with "field: sentence"). */
	private static AbstractThrowableAssert<?, ? extends Throwable> refused(ThrowingCallable work) {
		return assertThatThrownBy(work).rootCause().isInstanceOf(BadUserRequestException.class);
	}

	/** Does the work signed in as the user (as Tasklist would), the test's own reads staying unauthenticated. */
	private void as(String user, Runnable work) {
		List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
		identityService.setAuthentication(user, groups);
		try {
			work.run();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private static Date at(String instant) {
		return Date.from(Instant.parse(instant));
	}

}
