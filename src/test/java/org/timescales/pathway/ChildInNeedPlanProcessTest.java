package org.timescales.pathway;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * childInNeedPlan.bpmn: reviews every 3 months (local practice) from the plan's start and then from the
 * last review, until a review closes the plan, steps down to early help or steps up to a strategy
 * discussion.
 */
@TimescalesTest
class ChildInNeedPlanProcessTest extends ProcessTestSupport {

	@Test
	void theFirstReviewIsDueThreeCalendarMonthsAfterThePlanStartsEvenFromAMonthEnd() {
		String cin = planStarted(newCaseRef("CIN"));

		// 30 November + 3 months = 28 February 2027, the end of that day
		assertThat(task(cin, "UserTask_ReviewChildInNeedPlan").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2027-03-01T00:00:00Z")));
		assertThat(timerDue(cin, "cin-review", OVERDUE)).isEqualTo("2027-03-01T00:00:00Z");
		// 5 working days before Sunday 28 February: the end of Monday 22 February
		assertThat(timerDue(cin, "cin-review", DUE_SOON)).isEqualTo("2027-02-23T00:00:00Z");
		assertThat(instance(cin)).isWaitingAtExactly("UserTask_ReviewChildInNeedPlan").task().hasCandidateGroup("north");
	}

	@Test
	void eachReviewThatContinuesThePlanSetsTheNextThreeMonthsOn() {
		String cin = planStarted(newCaseRef("CINR"));
		review(cin, "2027-02-20", Map.of("cinPlanContinues", "yes", "reviewNotes", "Progress"));
		review(cin, "2027-05-24", Map.of("cinPlanContinues", "yes", "reviewNotes", "Late review"));

		assertThat(clocksOf(cin, "cin-review")).extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2027-02-28", ClockStatus.MET), tuple("2027-05-20", ClockStatus.MET_LATE),
					tuple("2027-08-24", ClockStatus.OPEN));
		assertThat(instance(cin)).hasPassed("UserTask_ReviewChildInNeedPlan", "Gateway_CinPlanContinues")
			.hasNotPassed("Gateway_AfterCinPlan")
			.isWaitingAtExactly("UserTask_ReviewChildInNeedPlan");
	}

	@Test
	void aReviewThatClosesThePlanRecordsTheEndAndTheClosure() {
		String cin = planStarted(newCaseRef("CINC"));
		review(cin, "2027-02-20", Map.of("cinPlanContinues", "no", "cinNextStep", "CLOSE", "reviewNotes", "Done"));

		assertThat(reachedEnd(cin, "EndEvent_CinClosed")).isTrue();
		assertThat(variable(cin, "cinPlanEndDate")).isEqualTo("2027-02-20");
		assertThat(variable(cin, "cinClosureDate")).isEqualTo("2027-02-20");
		assertThat(variable(cin, "cinClosureReason")).isEqualTo("NFA");
		assertThat(caseClocks.ofProcessInstance(cin)).noneMatch(c -> c.stoppedAt() == null);
		assertThat(instance(cin)).hasPassed("Gateway_AfterCinPlan", "EndEvent_CinClosed").isEnded();
	}

	@Test
	void aReviewCanStepDownToEarlyHelp() {
		String cin = planStarted(newCaseRef("CINE"));
		review(cin, "2027-02-20",
				Map.of("cinPlanContinues", "no", "cinNextStep", "EARLY_HELP", "reviewNotes", "Family hub"));

		assertThat(reachedEnd(cin, "EndEvent_CinSteppedDown")).isTrue();
		assertThat(variable(cin, "cinClosureReason")).isEqualTo("EARLY_HELP");
		assertThat(instance(cin)).hasPassed("EndEvent_CinSteppedDown").hasNotPassed("EndEvent_CinClosed").isEnded();
	}

	@Test
	void aReviewThatFindsSignificantHarmStepsUpToAStrategyDiscussion() {
		String caseRef = newCaseRef("CINS");
		String cin = planStarted(caseRef);
		review(cin, "2027-02-20",
				Map.of("cinPlanContinues", "no", "cinNextStep", "STRATEGY_DISCUSSION", "reviewNotes", "Disclosure"));

		assertThat(reachedEnd(cin, "EndEvent_SteppedUp")).isTrue();
		assertThat(variable(cin, "cinPlanEndDate")).isEqualTo("2027-02-20");
		String s47 = instanceOf("section47", caseRef);
		// the strategy discussion is due 24 hours after the step up was recorded (17:00 on 20 February)
		assertThat(task(s47, "UserTask_HoldStrategyDiscussion").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2027-02-21T17:00:00Z")));
		assertThat(instance(cin)).hasPassed("EndEvent_SteppedUp").isEnded();
		assertThat(instance(s47)).isWaitingAtExactly("UserTask_HoldStrategyDiscussion");
	}

	@Test
	void aReviewCanDecideTheChildBecomesLookedAfterFromTheDatesOnItsForm() {
		String caseRef = newCaseRef("CINL");
		String cin = planStarted(caseRef);
		review(cin, "2027-02-20", Map.of("cinPlanContinues", "no", "cinNextStep", "LOOKED_AFTER", "reviewNotes",
				"Placed with foster carers", "becameLookedAfterDate", "2027-02-19", "placementStartDate", "2027-02-19",
				"legalStatus", "V2"));

		assertThat(instance(cin)).hasPassed("EndEvent_CinBecomesLookedAfter").isEnded();
		assertThat(variable(cin, "cinPlanEndDate")).isEqualTo("2027-02-20");
		String lac = instanceOf("childLookedAfter", caseRef);
		assertThat(runtimeService.getVariable(lac, "legalStatus")).isEqualTo("V2");
		// the first visit within a week of the placement: the end of Friday 26 February
		assertThat(task(lac, "UserTask_VisitLookedAfterChild").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2027-02-27T00:00:00Z")));
	}

	/** A child in need plan agreed on Monday 30 November 2026. */
	private String planStarted(String caseRef) {
		clockAt("2026-11-30T12:00:00Z");
		return startByMessage("ChildInNeedPlanStarted", caseRef, Map.of("cinPlanStartDate", "2026-11-30"));
	}

	private void review(String cin, String date, Map<String, Object> decision) {
		clockAt(java.time.LocalDate.parse(date).atTime(17, 0).toInstant(java.time.ZoneOffset.UTC));
		Map<String, Object> variables = new java.util.HashMap<>(decision);
		variables.put("cinReviewDate", date);
		complete(cin, "UserTask_ReviewChildInNeedPlan", variables);
	}

}
