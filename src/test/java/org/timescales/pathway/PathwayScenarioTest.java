package org.timescales.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.timescales.CaseJourney;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * One child through the whole pathway: referral, assessment, strategy discussion, section 47, ICPC, a
 * child protection plan with visits and two reviews, the plan's end, a child in need plan, closure —
 * and the clock ledger row by row.
 */
@TimescalesTest
class PathwayScenarioTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void aChildFromReferralToClosure() throws Exception {
		String caseRef = newCaseRef("PATH");

		// Referral on Monday 2 November 2026, assessed, ends in a strategy discussion on 20 November
		CaseJourney journey = journey(caseRef);
		String referral = journey.at("2026-11-02T09:30:00Z").referred("2026-11-02T09:00:00");
		journey.at("2026-11-02T15:00:00Z").decidedToAssess(referral, "2026-11-02");
		String s47 = journey.at("2026-11-20T10:00:00Z")
			.assessedAsNeedingStrategyDiscussion(referral, "2026-11-03", "2026-11-20");

		journey.at("2026-11-20T15:00:00Z").enquiryAgreed(s47, "2026-11-20T14:00");
		journey.at("2026-11-21T11:00:00Z").childSeen(s47, "2026-11-21T10:00");
		journey.at("2026-12-08T16:00:00Z").conferenceNeeded(s47, "2026-12-01");

		// The plan: core group, four visits (the third late), two reviews, the second ends it
		String plan = journey.planAgreed(s47, "2026-12-08", "NEGLECT");
		on("2026-12-15");
		complete(plan, "UserTask_HoldCoreGroup", Map.of("coreGroupDate", "2026-12-15", "coreGroupNotes", "Plan agreed"));
		visit(plan, "2026-12-18");
		visit(plan, "2027-01-05");
		visit(plan, "2027-01-20");
		on("2027-02-01");
		complete(plan, "UserTask_HoldReviewConference",
				Map.of("reviewDate", "2027-02-01", "planContinues", "yes", "latestCategoryOfAbuse", "NEGLECT"));
		visit(plan, "2027-02-03");
		on("2027-02-15");
		complete(plan, "UserTask_HoldReviewConference",
				Map.of("reviewDate", "2027-02-15", "planContinues", "no", "nextStep", "CIN_PLAN"));

		// A child in need plan, closed at its first review
		String cin = instanceOf("childInNeedPlan", caseRef);
		on("2027-05-10");
		complete(cin, "UserTask_ReviewChildInNeedPlan", Map.of("cinReviewDate", "2027-05-10", "cinPlanContinues", "no",
				"cinNextStep", "CLOSE", "reviewNotes", "Plan achieved"));

		List<ClockView> ledger = caseClocks.ofCase(caseRef)
			.stream()
			.sorted(Comparator.comparing(ClockView::startedAt).thenComparing(ClockView::ruleId))
			.toList();
		assertThat(ledger).extracting(ClockView::ruleId, c -> c.dueDate().toString(), ClockView::stoppedAt,
				ClockView::status)
			.containsExactly(
					tuple("assessment", "2027-01-07", instant("2026-11-20T00:00:00Z"), ClockStatus.MET),
					tuple("referral-decision", "2026-11-03", instant("2026-11-02T09:00:00Z"), ClockStatus.MET),
					tuple("strategy-discussion", "2026-11-21", instant("2026-11-20T14:00:00Z"), ClockStatus.MET),
					tuple("child-seen", "2026-11-21", instant("2026-11-21T10:00:00Z"), ClockStatus.MET),
					tuple("icpc", "2026-12-11", instant("2026-12-08T00:00:00Z"), ClockStatus.MET),
					tuple("core-group", "2026-12-22", instant("2026-12-15T00:00:00Z"), ClockStatus.MET),
					tuple("cp-visit", "2026-12-22", instant("2026-12-18T00:00:00Z"), ClockStatus.MET),
					tuple("rcpc", "2027-03-08", instant("2027-02-01T00:00:00Z"), ClockStatus.MET),
					tuple("cp-visit", "2027-01-06", instant("2027-01-05T00:00:00Z"), ClockStatus.MET),
					tuple("cp-visit", "2027-01-19", instant("2027-01-20T00:00:00Z"), ClockStatus.MET_LATE),
					tuple("cp-visit", "2027-02-03", instant("2027-02-03T00:00:00Z"), ClockStatus.MET),
					tuple("rcpc", "2027-08-01", instant("2027-02-15T00:00:00Z"), ClockStatus.MET),
					tuple("cp-visit", "2027-02-17", instant("2027-02-15T17:00:00Z"), ClockStatus.CANCELLED),
					// midnight at the start of 10 May is 23:00 UTC the day before, in British Summer Time
					tuple("cin-review", "2027-05-15", instant("2027-05-09T23:00:00Z"), ClockStatus.MET));
		assertThat(ledger.get(12).stopReason()).isEqualTo("Child protection plan ended at review on 2027-02-15");
		assertThat(variable(plan, "cppEndDate")).isEqualTo("2027-02-15");
		assertThat(variable(cin, "cinPlanStartDate")).isEqualTo("2027-02-15");
		assertThat(variable(cin, "cinClosureDate")).isEqualTo("2027-05-10");
		assertThat(variable(cin, "cinClosureReason")).isEqualTo("NFA");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).count()).isZero();
		// each stage handed on by the route the case took
		assertThat(instance(referral)).hasPassed("EndEvent_StrategyDiscussionNeededAfterAssessment").isEnded();
		assertThat(instance(s47)).hasPassed("EndEvent_ChildProtectionPlanStarts").isEnded();
		assertThat(instance(plan)).hasPassed("EndEvent_ChildInNeedPlanStarts").isEnded();
		assertThat(instance(cin)).hasPassed("EndEvent_CinClosed").isEnded();

		// the case API shows every stage and every clock
		JsonNode view = json.readTree(http.withBasicAuth("worker.north", "secret-worker.north")
			.getForObject("/api/cases/" + caseRef, String.class));
		assertThat(view.get("stages").findValuesAsText("process"))
			.containsExactly("referral", "section47", "childProtectionPlan", "childInNeedPlan");
		assertThat(view.get("stages").findValuesAsText("state")).containsOnly("COMPLETED");
		assertThat(view.at("/stages/3/outcome").asText()).isEqualTo("Case closed");
		assertThat(view.get("clocks")).hasSize(14);
	}

	private void visit(String plan, String date) {
		on(date);
		complete(plan, "UserTask_VisitChild", Map.of("visitDate", date, "seenAlone", "yes", "visitNotes", "Seen"));
	}

	/** Work recorded at 17:00 on the day. */
	private static void on(String date) {
		clockAt(LocalDate.parse(date).atTime(17, 0).toInstant(ZoneOffset.UTC));
	}

	private static Instant instant(String text) {
		return Instant.parse(text);
	}

}
