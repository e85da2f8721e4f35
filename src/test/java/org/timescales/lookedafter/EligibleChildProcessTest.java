package org.timescales.lookedafter;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The eligible child's needs assessment and pathway plan while still looked after (CPPCR regs 40-43):
 * the clock starts on the day the child becomes eligible (the 16th birthday with 13 weeks in care since 14,
 * else the day the 13 weeks are reached), due 3 months later, then reviewed every 6 months; and the care
 * leaver process carrying the plan on when the child leaves care.
 */
@TimescalesTest
class EligibleChildProcessTest extends LookedAfterTestSupport {

	@Test
	void aChildInCareThirteenWeeksBeforeSixteenHasThePathwayPlanDueThreeMonthsFromTheBirthday() {
		// born 3 March 2011, looked after from 1 December 2026: 13 weeks on 2 March 2027, 16 the next day
		String pid = lookedAfterFrom1December(newCaseRef("ELIG16"), "2011-03-03");
		assertThat(instance(pid)).isWaitingAt("Timer_BecomesEligible");
		assertThat(clocksOf(pid, "pathway-plan")).isEmpty();

		clockAt("2027-03-03T09:00:00Z");
		executeDueJobsOf(pid);

		assertThat(variable(pid, "becameEligibleDate")).isEqualTo("2027-03-03");
		assertThat(clock(pid, "pathway-plan").dueDate()).hasToString("2027-06-03");
		assertThat(due(pid, "UserTask_PreparePathwayPlan")).isEqualTo("2027-06-03T23:00:00Z");
		assertThat(instance(pid)).hasPassed("Gateway_MayBecomeEligible", "Timer_BecomesEligible")
			.isWaitingAt("UserTask_PreparePathwayPlan")
			.task("UserTask_PreparePathwayPlan")
			.hasCandidateGroup("north");
	}

	@Test
	void aChildSixteenBeforeTheThirteenWeeksBecomesEligibleTheDayTheyAreReached() {
		// born 1 March 2011: 16 on 1 March 2027, but 13 weeks in care only on 2 March
		String pid = lookedAfterFrom1December(newCaseRef("ELIG13"), "2011-03-01");

		clockAt("2027-03-01T12:00:00Z");
		executeDueJobsOf(pid);
		assertThat(instance(pid)).isWaitingAt("Timer_BecomesEligible");

		clockAt("2027-03-02T09:00:00Z");
		executeDueJobsOf(pid);
		// 3 months from becoming eligible, not from the 16th birthday (1 June)
		assertThat(clock(pid, "pathway-plan").dueDate()).hasToString("2027-06-02");
	}

	@Test
	void theEligibleChildsPlanIsReviewedEverySixMonthsWhileLookedAfter() {
		String pid = lookedAfterFrom1December(newCaseRef("ELIGR"), "2011-03-03");
		clockAt("2027-03-03T09:00:00Z");
		executeDueJobsOf(pid);

		complete(pid, "UserTask_PreparePathwayPlan", "2027-05-20", Map.of());
		complete(pid, "UserTask_ReviewPathwayPlan", "2027-11-10", Map.of());

		assertThat(clock(pid, "pathway-plan").status()).isEqualTo(ClockStatus.MET);
		assertThat(clocksOf(pid, "pathway-plan-review")).extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2027-11-20", ClockStatus.MET), tuple("2028-05-10", ClockStatus.OPEN));
		assertThat(instance(pid)).hasPassed("UserTask_PreparePathwayPlan", "UserTask_ReviewPathwayPlan")
			.isWaitingAt("UserTask_ReviewPathwayPlan");
	}

	@Test
	void aLateEntrantHasThreeMonthsFromBecomingEligibleNotFromTheSixteenthBirthday() {
		// born 1 March 2010, looked after from 1 June 2026 at 16: eligible 13 weeks later, 31 August 2026
		String caseRef = newCaseRef("LATE");
		clockAt("2026-06-01T12:00:00Z");
		child(caseRef, "2010-03-01", "2026-06-01T09:00:00");
		String pid = lookedAfter.becomeLookedAfter(caseRef, "2026-06-01", "2026-06-01", "V2", null).processInstanceId();

		clockAt("2026-08-31T09:00:00Z");
		executeDueJobsOf(pid);

		assertThat(variable(pid, "becameEligibleDate")).isEqualTo("2026-08-31");
		assertThat(clock(pid, "pathway-plan").dueDate()).hasToString("2026-11-30");
		assertThat(instance(pid)).isWaitingAt("UserTask_PreparePathwayPlan");
	}

	@Test
	void earlierPeriodsOfCareSinceFourteenCountTowardsTheThirteenWeeks() {
		// looked after at 15 for 60 days (1 March to 30 April 2025), then again from 1 June 2026 at 16
		String caseRef = newCaseRef("AGAIN");
		clockAt("2025-03-01T12:00:00Z");
		child(caseRef, "2010-03-01", "2025-03-01T09:00:00");
		lookedAfter.becomeLookedAfter(caseRef, "2025-03-01", "2025-03-01", "C2", null);
		clockAt("2025-04-30T12:00:00Z");
		lookedAfter.leaveCare(caseRef, "2025-04-30", "Returned home to parents");
		clockAt("2026-06-01T12:00:00Z");
		String pid = lookedAfter.becomeLookedAfter(caseRef, "2026-06-01", "2026-06-01", "C2", null).processInstanceId();

		// the other 31 days are reached on 2 July 2026
		clockAt("2026-07-02T09:00:00Z");
		executeDueJobsOf(pid);
		assertThat(clock(pid, "pathway-plan").dueDate()).hasToString("2026-10-02");
	}

	@Test
	void aChildOnShortBreaksIsNotAnEligibleChild() {
		String caseRef = newCaseRef("SHORT");
		clockAt("2026-12-01T12:00:00Z");
		child(caseRef, "2010-03-01", "2026-12-01T09:00:00");
		String pid = lookedAfter.becomeLookedAfter(caseRef, "2026-12-01", "2026-12-01", "V3", null).processInstanceId();

		assertThat(instance(pid)).hasPassed("Gateway_MayBecomeEligible", "EndEvent_NotEligible")
			.isNotWaitingAt("Timer_BecomesEligible");
	}

	@Test
	void leavingCareAfterThePlanHandsItsReviewsToTheCareLeaverProcess() {
		String caseRef = newCaseRef("HAND");
		clockAt("2026-06-01T12:00:00Z");
		child(caseRef, "2010-03-01", "2026-06-01T09:00:00");
		String lac = lookedAfter.becomeLookedAfter(caseRef, "2026-06-01", "2026-06-01", "V2", null).processInstanceId();
		clockAt("2026-08-31T09:00:00Z");
		executeDueJobsOf(lac);
		complete(lac, "UserTask_PreparePathwayPlan", "2026-10-15", Map.of());
		assertThat(clock(lac, "pathway-plan-review").dueDate()).hasToString("2027-04-15");

		clockAt("2026-12-10T12:00:00Z");
		lookedAfter.leaveCare(caseRef, "2026-12-10", "Moved to supported lodgings");

		String careLeaver = instanceOf("careLeaver", caseRef);
		// the review falls when it fell in care; no second pathway plan, born overdue
		assertThat(clock(careLeaver, "pathway-plan-review").dueDate()).hasToString("2027-04-15");
		assertThat(clocksOf(careLeaver, "pathway-plan")).isEmpty();
		assertThat(clock(lac, "pathway-plan").status()).isEqualTo(ClockStatus.MET);
		assertThat(instance(careLeaver)).hasPassed("Gateway_PathwayPlan")
			.hasNotPassed("UserTask_PreparePathwayPlan")
			.isWaitingAtExactly("UserTask_ReviewPathwayPlan")
			.task()
			.hasCandidateGroup("north");
	}

	@Test
	void leavingCareBeforeThePlanKeepsItsDueDate() {
		String caseRef = newCaseRef("HANDP");
		clockAt("2026-06-01T12:00:00Z");
		child(caseRef, "2010-03-01", "2026-06-01T09:00:00");
		String lac = lookedAfter.becomeLookedAfter(caseRef, "2026-06-01", "2026-06-01", "V2", null).processInstanceId();
		clockAt("2026-09-01T09:00:00Z");
		executeDueJobsOf(lac);

		clockAt("2026-10-01T12:00:00Z");
		lookedAfter.leaveCare(caseRef, "2026-10-01", "Moved to supported lodgings");

		String careLeaver = instanceOf("careLeaver", caseRef);
		assertThat(clock(careLeaver, "pathway-plan").dueDate()).hasToString("2026-11-30");
		assertThat(clock(lac, "pathway-plan").status()).isEqualTo(ClockStatus.CANCELLED);
		assertThat(instance(careLeaver)).isWaitingAtExactly("UserTask_PreparePathwayPlan");
	}

	@Test
	void aSixteenYearOldLeavingCareBeforeBecomingEligibleHasNoPathwayPlan() {
		// six weeks in care at 16: a qualifying care leaver
		String caseRef = newCaseRef("QUAL");
		clockAt("2026-06-01T12:00:00Z");
		child(caseRef, "2010-03-01", "2026-06-01T09:00:00");
		lookedAfter.becomeLookedAfter(caseRef, "2026-06-01", "2026-06-01", "V2", null);
		clockAt("2026-07-13T12:00:00Z");
		lookedAfter.leaveCare(caseRef, "2026-07-13", "Returned home to parents");

		String careLeaver = instanceOf("careLeaver", caseRef);
		assertThat(caseClocks.ofProcessInstance(careLeaver)).isEmpty();
		assertThat(instance(careLeaver)).hasPassed("Gateway_PathwayPlan", "EndEvent_NoPathwayPlan").isEnded();
	}

}
