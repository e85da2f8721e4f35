package org.timescales.clock;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correcting a recorded event date over real HTTP: every deadline that depends on it moves (ledger,
 * task due dates, timers), a deadline moved into the past escalates at once, and history keeps both
 * values, who changed it and why.
 */
@TimescalesTest
class CorrectionApiTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void theStrategyDiscussionWasReallyOnFridayEveryDeadlineFromItMoves() throws Exception {
		String caseRef = newCaseRef("COR");
		String s47 = enquiryStartedOnMonday(caseRef);

		ResponseEntity<String> corrected = correct(caseRef, "strategyDiscussionAt", "2026-12-11T16:00",
				"Minutes show the discussion was on Friday");

		assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
		// the ICPC: 15 working days from Friday 11 December is Wednesday 6 January 2027
		assertThat(clock(s47, "icpc").dueDate()).hasToString("2027-01-06");
		assertThat(clock(s47, "icpc").startedAt()).isEqualTo("2026-12-11T16:00:00Z");
		assertThat(task(s47, "UserTask_CompleteSection47Enquiry").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2027-01-07T00:00:00Z")));
		assertThat(timerDue(s47, "icpc", OVERDUE)).isEqualTo("2027-01-07T00:00:00Z");
		assertThat(timerDue(s47, "icpc", DUE_SOON)).isEqualTo("2027-01-01T00:00:00Z");
		assertThat(timerDue(s47, "icpc", STILL_OVERDUE)).isEqualTo("2027-01-09T00:00:00Z");
		// the child should have been seen by 16:00 on Saturday 12 December
		assertThat(clock(s47, "child-seen").dueAt()).isEqualTo("2026-12-12T16:00:00Z");
		assertThat(task(s47, "UserTask_SeeTheChild").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2026-12-12T16:00:00Z")));
		// the discussion it records now met its own 24 hours
		assertThat(clock(s47, "strategy-discussion").status()).isEqualTo(ClockStatus.MET);
		assertThat(variable(s47, "s47StartDate")).isEqualTo("2026-12-11");
	}

	/** Issue 13, point 5: the referral record, the process and the clocks hold one date, corrected once. */
	@Test
	void aReferralReallyReceivedOnFridayIsCorrectedInEveryStoreThatHoldsTheDate() throws Exception {
		String caseRef = newCaseRef("COR-RCV");
		clockAt("2026-11-23T10:30:00Z");
		String pid = referral(caseRef, "2026-11-23T10:00:00").referral().processInstanceId();

		ResponseEntity<String> corrected = correct(caseRef, "referralReceivedAt", "2026-11-20T16:00",
				"Received by email on Friday afternoon, logged on Monday");

		assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
		Instant friday = Instant.parse("2026-11-20T16:00:00Z");
		assertThat(variable(pid, "referralReceivedAt")).isEqualTo(Date.from(friday));
		// the decision is due by the end of the next working day, Monday 23 November
		assertThat(clock(pid, "referral-decision").startedAt()).isEqualTo(friday);
		assertThat(clock(pid, "referral-decision").dueAt()).isEqualTo("2026-11-24T00:00:00Z");
		assertThat(timerDue(pid, "referral-decision", OVERDUE)).isEqualTo("2026-11-24T00:00:00Z");
		// the referral record the returns select a year's cases by, and the team's holding since
		ResponseEntity<String> view = http.withBasicAuth("tm.north", "secret-tm.north")
			.getForEntity("/api/cases/" + caseRef, String.class);
		assertThat(json.readTree(view.getBody()).get("referrals").get(0).get("receivedAt").asText())
			.isEqualTo("2026-11-20T16:00:00Z");
		assertThat(jdbc.sql("select held_since from child_case where case_ref = ?")
			.param(caseRef)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(friday);
	}

	@Test
	void aCorrectionThatMovesADeadlineIntoThePastEscalatesAtOnce() {
		String caseRef = newCaseRef("CORP");
		String s47 = enquiryStartedOnMonday(caseRef);
		correct(caseRef, "strategyDiscussionAt", "2026-12-11T16:00", "Minutes show Friday");

		executeDueJobs();

		assertThat(reviewTasks(caseRef, "tm.north")).extracting(Task::getName)
			.containsExactly("Review overdue: See the child for " + caseRef);
		assertThat(clock(s47, "child-seen").status()).isEqualTo(ClockStatus.OVERDUE);
	}

	@Test
	void historyKeepsBothValuesWhoCorrectedAndWhy() throws Exception {
		String caseRef = newCaseRef("CORH");
		String s47 = enquiryStartedOnMonday(caseRef);

		correct(caseRef, "strategyDiscussionAt", "2026-12-11T16:00", "Minutes show Friday");

		List<Object> values = engine.getHistoryService()
			.createHistoricDetailQuery()
			.processInstanceId(s47)
			.variableUpdates()
			.orderByTime()
			.asc()
			.list()
			.stream()
			.map(d -> (HistoricVariableUpdate) d)
			.filter(u -> u.getVariableName().equals("strategyDiscussionAt"))
			.map(HistoricVariableUpdate::getValue)
			.toList();
		assertThat(values).containsExactly("2026-12-14T15:30", "2026-12-11T16:00");
		assertThat(jdbc.sql("select old_value, new_value, reason, corrected_by from correction where case_ref = ?")
			.param(caseRef)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single()).containsExactly("2026-12-14T15:30", "2026-12-11T16:00", "Minutes show Friday", "tm.north");
		assertThat(engine.getHistoryService()
			.createUserOperationLogQuery()
			.processInstanceId(s47)
			.operationType("SetVariable")
			.list()).extracting("userId").contains("tm.north");
		assertThat(taskService.getProcessInstanceComments(s47)).extracting("fullMessage")
			.containsExactly("Correction by tm.north: strategyDiscussionAt 2026-12-14T15:30 -> 2026-12-11T16:00. "
					+ "Minutes show Friday");
	}

	@Test
	void badCorrectionsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
		String caseRef = newCaseRef("CORB");
		String s47 = enquiryStartedOnMonday(caseRef);

		assertRefused(correct(caseRef, "strategyDiscussionAt", "2026-12-20T10:00", "Typo"), "value");
		assertRefused(correct(caseRef, "strategyDiscussionAt", "yesterday", "Typo"), "value");
		assertRefused(correct(caseRef, "strategyDiscussionAt", "2026-12-11T16:00", ""), "reason");
		assertRefused(correct(caseRef, "s47Decision", "2026-12-11", "Not a date"), "variable");
		// before the concern that started the strategy discussion clock
		assertRefused(correct(caseRef, "strategyDiscussionAt", "2026-12-10T10:00", "Earlier"), "value");

		assertThat(clock(s47, "icpc").dueDate()).hasToString("2027-01-07");
		assertThat(runtimeService.getVariable(s47, "strategyDiscussionAt")).isEqualTo("2026-12-14T15:30");
	}

	/** Concern on Friday 11 December 2026 at 09:00; the discussion recorded as Monday 14 December, 15:30. */
	private String enquiryStartedOnMonday(String caseRef) {
		clockAt("2026-12-11T09:00:00Z");
		String s47 = startByMessage("StrategyDiscussionNeeded", caseRef,
				Map.of("strategyDiscussionRequestedAt", Date.from(Instant.parse("2026-12-11T09:00:00Z"))));
		clockAt("2026-12-14T16:30:00Z");
		complete(s47, "UserTask_HoldStrategyDiscussion", Map.of("strategyDiscussionAt", "2026-12-14T15:30",
				"s47Decision", "yes", "strategyDiscussionSummary", "Enquiry agreed"));
		return s47;
	}

	private ResponseEntity<String> correct(String caseRef, String variable, String value, String reason) {
		return http.withBasicAuth("tm.north", "secret-tm.north")
			.exchange("/api/cases/" + caseRef + "/corrections", HttpMethod.POST,
					new HttpEntity<>(Map.of("variable", variable, "value", value, "reason", reason), jsonHeaders()),
					String.class);
	}

	private void assertRefused(ResponseEntity<String> response, String field) throws Exception {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		JsonNode body = json.readTree(response.getBody());
		assertThat(body.get("errors").findValuesAsText("field")).as(response.getBody()).containsExactly(field);
	}

}
