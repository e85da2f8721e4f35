package org.timescales.casehistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.allocation.HolderRequests;
import org.timescales.clock.ClockRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case held by a family practitioner under supervision: a referral assessed late (escalated at its
 * deadline) and a protection plan, its second. Its stages are the referral and the plan, read as what
 * they recorded; its supervision and escalations are on its timeline but are no stage of it.
 */
@TimescalesTest
class CaseHistoryTest extends ProcessTestSupport {

	@Autowired
	CaseHistory history;

	@Autowired
	TestRestTemplate http;

	@Test
	void theStagesAreTheCaseworkReadAsWhatItRecorded() {
		String caseRef = newCaseRef("CH");
		String referral = referredForAssessment(caseRef);
		ResponseEntity<String> allocated = HolderRequests.allocate(http, "tm.north", caseRef, "fp.north",
				"worker.north", "Family help");
		assertThat(allocated.getStatusCode().value()).as(allocated.getBody()).isEqualTo(200);
		clockAt("2026-12-18T17:00:00Z");
		String plan = startByMessage("ChildProtectionPlanStarted", caseRef,
				Map.of("cppStartDate", "2026-12-18", "categoryOfAbuse", "NEGLECT", "numberOfPreviousPlans", 1L));
		clockAt("2027-01-29T00:00:30Z");
		executeDueJobs();
		clockAt("2027-02-01T10:00:00Z");
		complete(referral, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", "2026-11-24",
				"assessmentOutcome", "CIN_PLAN", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "Done late"));
		clockAt("2027-02-01T11:00:00Z");
		complete(referral, "UserTask_AuthoriseAssessment", Map.of("assessmentAuthorised", true,
				"assessmentAuthorisedDate", "2027-02-01", "managerComments", "Late: see review"));

		List<Stage> stages = history.stages(caseRef);

		assertThat(stages).extracting(Stage::id).startsWith(referral, plan);
		assertThat(stages).extracting(Stage::process)
			.containsExactly("referral", "childProtectionPlan", "childInNeedPlan");
		Stage assessed = stages.get(0);
		assertThat(assessed.referralReceivedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
		assertThat(assessed.referralSource()).isEqualTo("2A");
		assertThat(assessed.referralDecision()).isEqualTo("ASSESSMENT");
		assertThat(assessed.referralDecisionDate()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(assessed.assessmentStartDate()).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(assessed.assessmentAuthorisedDate()).isEqualTo(LocalDate.of(2027, 2, 1));
		assertThat(assessed.assessmentOutcome()).isEqualTo("CIN_PLAN");
		assertThat(assessed.cppStartDate()).isNull();
		assertThat(assessed.cinClosureDate()).isNull();
		// due by the end of Thursday 28 January 2027, authorised on 1 February: met late
		assertThat(assessed.latestClock("assessment")).map(ClockRecord::dueDate).contains(LocalDate.of(2027, 1, 28));
		assertThat(assessed.metOn("assessment")).containsExactly(LocalDate.of(2027, 2, 1));
		assertThat(assessed.metOn("referral-decision")).containsExactly(LocalDate.of(2026, 11, 23));
		Stage protection = stages.get(1);
		assertThat(protection.cppStartDate()).isEqualTo(LocalDate.of(2026, 12, 18));
		assertThat(protection.categoryOfAbuse()).isEqualTo("NEGLECT");
		assertThat(protection.latestCategoryOfAbuse()).isNull();
		assertThat(protection.numberOfPreviousPlans()).isEqualTo(1);
		assertThat(protection.cppEndDate()).isNull();
		assertThat(protection.clocks()).extracting(ClockRecord::processInstanceId).containsOnly(plan);
		assertThat(stages.get(2).cinPlanStartDate()).isEqualTo(LocalDate.of(2027, 2, 1));

		List<ProcessRun> processes = history.processes(caseRef);

		assertThat(processes).extracting(ProcessRun::process)
			.contains("referral", "supervision", "childProtectionPlan", "breachEscalation", "childInNeedPlan")
			.doesNotContain(CaseHistory.DEADLINE_WATCH);
		assertThat(processes).extracting(ProcessRun::id).containsAll(stages.stream().map(Stage::id).toList());
		ProcessRun first = processes.get(0);
		assertThat(first.title()).isEqualTo("Referral");
		assertThat(first.tasks()).extracting(TaskRun::name)
			.containsExactly("Decide on referral", "Complete child and family assessment", "Authorise assessment");
		assertThat(first.tasks()).allMatch(TaskRun::completed);
		assertThat(first.updates()).extracting(FieldUpdate::name).contains("referralDecision", "assessmentOutcome");
	}

	@Test
	void machineryIsNoStageAndAWatcherIsNeverShown() {
		assertThat(CaseHistory.isStage("referral")).isTrue();
		assertThat(CaseHistory.isStage("childLookedAfter")).isTrue();
		assertThat(CaseHistory.isStage("breachEscalation")).isFalse();
		assertThat(CaseHistory.isStage("supervision")).isFalse();
		assertThat(CaseHistory.isStage("deadlineWatch")).isFalse();
		assertThat(CaseHistory.isShown("breachEscalation")).isTrue();
		assertThat(CaseHistory.isShown("supervision")).isTrue();
		assertThat(CaseHistory.isShown("deadlineWatch")).isFalse();
	}

}
