package org.timescales.proceedings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;
import org.timescales.lookedafter.LookedAfterService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * careProceedings.bpmn on the engine clock: the application issued on Tuesday 22 December 2026, over
 * Christmas, makes the proceedings due by the end of Monday 21 June 2027 (26 weeks beginning with the day of
 * issue, calendar weeks: no bank holiday moves it); hearings recorded as listed; the court's extensions of up
 * to 8 weeks at a time; the final order stopping the clock and a care order making the child looked after;
 * the 26 weeks passing escalating to the team manager, then the service manager.
 */
@TimescalesTest
class CareProceedingsProcessTest extends ProcessTestSupport {

	/** In British summer time: the end of Monday 21 June 2027 in London. */
	private static final Instant END_OF_21_JUNE_2027 = Instant.parse("2027-06-21T23:00:00Z");

	@Autowired
	LookedAfterService lookedAfter;

	@Test
	void proceedingsIssuedOnTwentySecondDecemberAreDueByTheEndOfTwentyFirstJuneWhateverTheBankHolidays() {
		// Given the decision to apply on Friday 18 December 2026
		String caseRef = newCaseRef("CP26");
		String pid = decidedToApply(caseRef, "2026-12-18");

		// the application is to be issued within 5 working days: Christmas Day and the Boxing Day substitute
		// (Monday 28th) are not working days, so by the end of Tuesday 29 December
		assertThat(clock(pid, "care-application").dueDate()).hasToString("2026-12-29");
		assertThat(task(pid, "UserTask_RecordApplicationIssued").getDueDate().toInstant())
			.isEqualTo("2026-12-30T00:00:00Z");

		// When the court issues it on Tuesday 22 December
		issued(pid, "2026-12-22");

		// Then 26 weeks beginning with that Tuesday end with Monday 21 June 2027: 182 days, the day of issue
		// the first; Christmas, New Year, Easter and the May bank holidays do not move calendar weeks
		ClockView proceedings = clock(pid, "care-proceedings");
		assertThat(proceedings.startedAt()).isEqualTo("2026-12-22T00:00:00Z");
		assertThat(proceedings.dueDate()).isEqualTo(LocalDate.of(2027, 6, 21));
		assertThat(proceedings.dueAt()).isEqualTo(END_OF_21_JUNE_2027);
		assertThat(proceedings.status()).isEqualTo(ClockStatus.OPEN);
		assertThat(clock(pid, "care-application").status()).isEqualTo(ClockStatus.MET);
		// the watcher: reminded 4 weeks before, the team manager at the deadline, the service manager 5
		// working days after (Tuesday 22 to Monday 28 June)
		assertThat(timerDue(pid, "care-proceedings", DUE_SOON)).isEqualTo("2027-05-24T23:00:00Z");
		assertThat(timerDue(pid, "care-proceedings", OVERDUE)).isEqualTo(END_OF_21_JUNE_2027);
		assertThat(timerDue(pid, "care-proceedings", STILL_OVERDUE)).isEqualTo("2027-06-28T23:00:00Z");
		// every task of the proceedings works to that deadline
		for (String key : List.of("UserTask_RecordHearing", "UserTask_RecordExtension", "UserTask_RecordFinalOrder")) {
			assertThat(task(pid, key).getDueDate().toInstant()).as(key).isEqualTo(END_OF_21_JUNE_2027);
		}
		assertThat(instance(pid)).isWaitingAtExactly("SubProcess_Proceedings", "UserTask_RecordHearing",
				"UserTask_RecordExtension", "UserTask_RecordFinalOrder")
			.task("UserTask_RecordFinalOrder")
			.hasCandidateGroup("north");
	}

	@Test
	void anIssueDateInTheFutureOrBeforeTheDecisionIsRefusedNamingTheField() {
		String pid = decidedToApply(newCaseRef("CPBAD"), "2026-12-18");
		clockAt("2026-12-22T17:00:00Z");

		assertThatThrownBy(() -> complete(pid, "UserTask_RecordApplicationIssued",
				Map.of("applicationIssuedDate", "2026-12-17")))
			.hasRootCauseInstanceOf(BadUserRequestException.class)
			.hasRootCauseMessage("applicationIssuedDate: 2026-12-17 is before the decision to apply (2026-12-18)");
		assertThatThrownBy(() -> complete(pid, "UserTask_RecordApplicationIssued",
				Map.of("applicationIssuedDate", "2026-12-23")))
			.hasRootCauseInstanceOf(BadUserRequestException.class)
			.hasRootCauseMessage("applicationIssuedDate: 2026-12-23 is in the future");
		assertThat(instance(pid)).isWaitingAtExactly("UserTask_RecordApplicationIssued");
		assertThat(caseClocks.ofProcessInstance(pid)).extracting(ClockView::ruleId).containsExactly("care-application");
	}

	@Test
	void hearingsAreRecordedAsTheCourtListsThemWithNoClockOfTheirOwn() {
		String pid = issuedOn22December(newCaseRef("CPH"));
		clockAt("2027-01-12T17:00:00Z");

		complete(pid, "UserTask_RecordHearing", hearing("2027-01-12", "CMH"));
		// the issues resolution hearing as listed, ahead of its date
		complete(pid, "UserTask_RecordHearing", hearing("2027-05-10", "IRH"));

		assertThatThrownBy(() -> complete(pid, "UserTask_RecordHearing", hearing("2026-12-21", "CMH")))
			.hasRootCauseInstanceOf(BadUserRequestException.class)
			.hasRootCauseMessage("hearingDate: 2026-12-21 is before the application was issued (2026-12-22)");
		assertThatThrownBy(() -> complete(pid, "UserTask_RecordHearing", hearing("2027-01-20", "DIRECTIONS")))
			.hasRootCauseInstanceOf(BadUserRequestException.class)
			.rootCause()
			.hasMessageStartingWith("hearingType: ");
		assertThat(engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(pid)
			.taskDefinitionKey("UserTask_RecordHearing")
			.finished()
			.count()).isEqualTo(2);
		assertThat(instance(pid)).isWaitingAt("UserTask_RecordHearing");
		assertThat(caseClocks.ofProcessInstance(pid)).extracting(ClockView::ruleId)
			.containsExactly("care-application", "care-proceedings");
		assertThat(clock(pid, "care-proceedings").dueDate()).hasToString("2027-06-21");
	}

	@Test
	void eachExtensionTheCourtGrantsMovesTheDueDateOnByItsWeeksFromTheCurrentDueDate() {
		String caseRef = newCaseRef("CPX");
		String pid = issuedOn22December(caseRef);

		// the court extends by 8 weeks at the IRH on 1 June 2027: due Monday 16 August
		extension(pid, "2027-06-01", 8, "Expert assessment of the mother not yet filed");
		ClockView once = clock(pid, "care-proceedings");
		assertThat(once.dueDate()).hasToString("2027-08-16");
		assertThat(once.extension().originalDueDate()).hasToString("2027-06-21");
		assertThat(once.extension().extendedBy()).isEqualTo("worker.north");
		assertThat(once.extension().reason()).isEqualTo("Court order of 2027-06-01: extended by 8 weeks (Children Act"
				+ " 1989 s.32(5)). Expert assessment of the mother not yet filed");

		// and again, 8 more weeks from the extended date: there is no cap on how many
		extension(pid, "2027-08-10", 8, "Final hearing relisted: judge unavailable");

		ClockView twice = clock(pid, "care-proceedings");
		assertThat(twice.dueDate()).hasToString("2027-10-11");
		assertThat(twice.dueAt()).isEqualTo("2027-10-11T23:00:00Z");
		assertThat(twice.extension().originalDueDate()).as("the 26 weeks' own end is kept").hasToString("2027-06-21");
		assertThat(twice.extension().reason()).startsWith("Court order of 2027-08-10: extended by 8 weeks");
		assertThat(twice.status()).isEqualTo(ClockStatus.OPEN);
		// the open tasks and the watcher's timers follow
		for (String key : List.of("UserTask_RecordHearing", "UserTask_RecordExtension", "UserTask_RecordFinalOrder")) {
			assertThat(task(pid, key).getDueDate().toInstant()).as(key).isEqualTo("2027-10-11T23:00:00Z");
		}
		assertThat(timerDue(pid, "care-proceedings", OVERDUE)).isEqualTo("2027-10-11T23:00:00Z");
		assertThat(timerDue(pid, "care-proceedings", DUE_SOON)).isEqualTo("2027-09-13T23:00:00Z");
		assertThat(instance(pid)).hasPassed("ServiceTask_ExtendClock").isWaitingAt("UserTask_RecordExtension");
	}

	@Test
	void anExtensionOfNineWeeksIsRefusedNamingTheWeeks() {
		String pid = issuedOn22December(newCaseRef("CPX9"));
		clockAt("2027-06-01T17:00:00Z");

		assertThatThrownBy(() -> complete(pid, "UserTask_RecordExtension", Map.of("extensionOrderDate", "2027-06-01",
				"extensionWeeks", 9, "extensionReason", "Long")))
			.hasRootCauseInstanceOf(BadUserRequestException.class)
			.hasRootCauseMessage("extensionWeeks: the court extends by 1 to 8 weeks at a time (Children Act 1989 s.32(8));"
					+ " record each extension as the court ordered it");
		assertThatThrownBy(() -> complete(pid, "UserTask_RecordExtension", Map.of("extensionOrderDate", "2027-06-02",
				"extensionWeeks", 4, "extensionReason", "Tomorrow")))
			.hasRootCauseInstanceOf(BadUserRequestException.class)
			.hasRootCauseMessage("extensionOrderDate: 2027-06-02 is in the future");

		ClockView proceedings = clock(pid, "care-proceedings");
		assertThat(proceedings.dueDate()).hasToString("2027-06-21");
		assertThat(proceedings.extension()).isNull();
		assertThat(instance(pid)).hasNotPassed("ServiceTask_ExtendClock");
	}

	@Test
	void aFinalCareOrderStopsTheClockAndTheChildBecomesLookedAfterUnderC2() {
		String caseRef = newCaseRef("CPC");
		String pid = issuedOn22December(caseRef);
		clockAt("2027-01-12T17:00:00Z");
		complete(pid, "UserTask_RecordHearing", hearing("2027-01-12", "CMH"));

		finalOrder(pid, "CARE", "2027-05-20");

		ClockView proceedings = clock(pid, "care-proceedings");
		assertThat(proceedings.status()).isEqualTo(ClockStatus.MET);
		assertThat(proceedings.stoppedAt()).isEqualTo("2027-05-19T23:00:00Z");
		assertThat(instance(pid)).hasPassed("UserTask_RecordFinalOrder", "EndEvent_ProceedingsDisposed",
				"EndEvent_BecomesLookedAfter")
			.isEnded();
		assertThat(variable(pid, "orderLegalStatus")).isEqualTo("C2");
		String lookedAfterPid = instanceOf("childLookedAfter", caseRef);
		assertThat(runtimeService.getVariables(lookedAfterPid)).containsEntry("legalStatus", "C2")
			.containsEntry("becameLookedAfterDate", "2027-05-20")
			.containsEntry("placementStartDate", "2027-05-20")
			.containsEntry("team", "north");
		// the looked-after clocks run from the order's day: the first review within 20 working days
		assertThat(clock(lookedAfterPid, "cla-review").dueDate()).hasToString("2027-06-18");
	}

	@Test
	void aCareOrderForAChildAlreadyLookedAfterLeavesTheLookedAfterProcessAsItIs() {
		// looked after under an interim care order (C1) since the first hearing
		String caseRef = newCaseRef("CPL");
		String pid = issuedOn22December(caseRef);
		clockAt("2027-01-04T12:00:00Z");
		String lookedAfterPid = lookedAfter.becomeLookedAfter(caseRef, "2027-01-04", "2027-01-04", "C1", null)
			.processInstanceId();

		finalOrder(pid, "CARE", "2027-05-20");

		assertThat(instance(pid)).hasPassed("EndEvent_ProceedingsEnded").hasNotPassed("EndEvent_BecomesLookedAfter");
		assertThat(variable(pid, "orderLegalStatus")).as("what the order gives, recorded here").isEqualTo("C2");
		// the looked-after module records the legal status only on becoming looked after: no second process
		assertThat(instanceOf("childLookedAfter", caseRef)).isEqualTo(lookedAfterPid);
		assertThat(runtimeService.getVariable(lookedAfterPid, "legalStatus")).isEqualTo("C1");
	}

	@Test
	void aSupervisionOrderEndsTheProceedingsWithoutCare() {
		String caseRef = newCaseRef("CPS");
		String pid = issuedOn22December(caseRef);

		assertThatThrownBy(() -> finalOrder(pid, "SUPERVISION", "2027-05-20", "2027-05-21"))
			.hasRootCauseInstanceOf(BadUserRequestException.class)
			.rootCause()
			.hasMessageStartingWith("placementStartDate: ");
		finalOrder(pid, "SUPERVISION", "2027-05-20");

		assertThat(clock(pid, "care-proceedings").status()).isEqualTo(ClockStatus.MET);
		assertThat(instance(pid)).hasPassed("EndEvent_ProceedingsEnded").isEnded();
		assertThat(variable(pid, "orderLegalStatus")).isNull();
		assertThat(runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("childLookedAfter")
			.processInstanceBusinessKey(caseRef)
			.count()).isZero();
	}

	@Test
	void whenTheTwentySixWeeksPassTheTeamManagerThenTheServiceManagerIsToldAndTheWorkStaysOpen() {
		String caseRef = newCaseRef("CPO");
		String pid = issuedOn22December(caseRef);

		// Given no final order nor extension recorded by the end of Monday 21 June 2027
		clockAt(END_OF_21_JUNE_2027.plusSeconds(30));
		executeDueJobsOf(pid);

		// Then the team manager reviews the overdue proceedings
		assertThat(reviewTasks(caseRef, "tm.north")).extracting(Task::getName)
			.containsExactly("Review overdue: Care proceedings for " + caseRef);
		assertThat(clock(pid, "care-proceedings").status()).isEqualTo(ClockStatus.OVERDUE);
		assertThat(reviewTasks(caseRef, "sm.east")).isEmpty();

		// and 5 working days later the service manager
		clockAt(Instant.parse("2027-06-28T23:00:30Z"));
		executeDueJobsOf(pid);
		assertThat(reviewTasks(caseRef, "sm.east")).extracting(Task::getName)
			.containsExactly("Review overdue: Care proceedings for " + caseRef);
		assertThat(clock(pid, "care-proceedings").escalations()).extracting("tier").containsExactly(1, 2);
		assertThat(instance(pid)).isWaitingAt("UserTask_RecordFinalOrder", "UserTask_RecordExtension");
	}

	private String decidedToApply(String caseRef, String decisionToIssueDate) {
		clockAt(LocalDate.parse(decisionToIssueDate).atTime(12, 0).toInstant(ZoneOffset.UTC));
		return startByMessage("CareProceedingsStarted", caseRef,
				Map.of("decisionToIssueDate", decisionToIssueDate, "fromPreProceedings", true));
	}

	private void issued(String pid, String date) {
		clockAt(LocalDate.parse(date).atTime(17, 0).toInstant(ZoneOffset.UTC));
		complete(pid, "UserTask_RecordApplicationIssued", Map.of("applicationIssuedDate", date));
	}

	/** Decided on Friday 18 December 2026, issued by the court on Tuesday 22 December. */
	private String issuedOn22December(String caseRef) {
		String pid = decidedToApply(caseRef, "2026-12-18");
		issued(pid, "2026-12-22");
		return pid;
	}

	private static Map<String, Object> hearing(String date, String type) {
		return Map.of("hearingDate", date, "hearingType", type, "hearingNotes", "Directions given");
	}

	/** The extension recorded on the day of the order, by the child's social worker. */
	private void extension(String pid, String orderDate, int weeks, String reason) {
		clockAt(LocalDate.parse(orderDate).atTime(16, 0).toInstant(ZoneOffset.UTC));
		identityService.setAuthentication("worker.north", List.of("north", "practitioner", "social-worker"));
		try {
			complete(pid, "UserTask_RecordExtension",
					Map.of("extensionOrderDate", orderDate, "extensionWeeks", weeks, "extensionReason", reason));
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private void finalOrder(String pid, String order, String date) {
		finalOrder(pid, order, date, null);
	}

	private void finalOrder(String pid, String order, String date, String placementStartDate) {
		clockAt(LocalDate.parse(date).plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
		Map<String, Object> variables = new HashMap<>(Map.of("finalOrder", order, "finalOrderDate", date));
		if (placementStartDate != null) {
			variables.put("placementStartDate", placementStartDate);
		}
		complete(pid, "UserTask_RecordFinalOrder", variables);
	}

}
