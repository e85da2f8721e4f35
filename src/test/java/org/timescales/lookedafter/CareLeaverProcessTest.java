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
 * careLeaver.bpmn, started when a child of 16 or over leaves care: an eligible child's pathway plan within
 * 3 months of becoming eligible (here worked out on leaving, the looked-after process's timer never having
 * run), then reviews at least every 6 months, each from the last. The hand-over of a plan made in care:
 * EligibleChildProcessTest.
 */
@TimescalesTest
class CareLeaverProcessTest extends LookedAfterTestSupport {

	@Test
	void aSixteenYearOldLeavingCareOpensTheCareLeaverClocks() {
		String caseRef = newCaseRef("CL");
		clockAt("2026-06-01T12:00:00Z");
		child(caseRef, "2010-03-01", "2026-06-01T09:00:00");
		String lac = lookedAfter.becomeLookedAfter(caseRef, "2026-06-01", "2026-06-01", "V2", null).processInstanceId();
		clockAt("2026-12-10T12:00:00Z");
		lookedAfter.leaveCare(caseRef, "2026-12-10", "Moved to supported lodgings");

		String careLeaver = instanceOf("careLeaver", caseRef);
		// looked after from 16: eligible 13 weeks later (31 August 2026), the plan due 3 months from then (not
		// from the 16th birthday, 1 March 2026, before the child was in care): past, so it escalates at once
		assertThat(clock(careLeaver, "pathway-plan").dueDate()).hasToString("2026-11-30");
		assertThat(instance(lac)).hasPassed("EndEvent_CareLeaverStarts").isEnded();
		assertThat(instance(careLeaver)).isWaitingAtExactly("UserTask_PreparePathwayPlan")
			.task()
			.hasCandidateGroup("north");
		executeDueJobs();
		assertThat(reviewTasks(caseRef, "tm.north")).extracting("name")
			.contains("Review overdue: Prepare pathway plan for " + caseRef);
		complete(careLeaver, "UserTask_PreparePathwayPlan", "2026-12-15", Map.of());
		assertThat(clock(careLeaver, "pathway-plan").status()).isEqualTo(ClockStatus.MET_LATE);
		assertThat(clock(careLeaver, "pathway-plan-review").dueDate()).hasToString("2027-06-15");
		assertThat(instance(careLeaver)).hasPassed("UserTask_PreparePathwayPlan")
			.isWaitingAtExactly("UserTask_ReviewPathwayPlan");
	}

	@Test
	void eachReviewOfThePathwayPlanSetsTheNextSixMonthsOn() {
		String caseRef = newCaseRef("CLR");
		clockAt("2026-06-01T12:00:00Z");
		child(caseRef, "2010-03-01", "2026-06-01T09:00:00");
		lookedAfter.becomeLookedAfter(caseRef, "2026-06-01", "2026-06-01", "V2", null);
		clockAt("2026-12-10T12:00:00Z");
		lookedAfter.leaveCare(caseRef, "2026-12-10", "Moved to supported lodgings");
		String careLeaver = instanceOf("careLeaver", caseRef);
		complete(careLeaver, "UserTask_PreparePathwayPlan", "2026-12-15", Map.of());

		complete(careLeaver, "UserTask_ReviewPathwayPlan", "2027-05-20", Map.of());

		assertThat(clocksOf(careLeaver, "pathway-plan-review"))
			.extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2027-06-15", ClockStatus.MET), tuple("2027-11-20", ClockStatus.OPEN));
		assertThat(instance(careLeaver)).hasPassed("UserTask_ReviewPathwayPlan", "Gateway_NextPathwayPlanReview")
			.isWaitingAtExactly("UserTask_ReviewPathwayPlan");
	}

}
