package org.timescales.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.WorkingCalendar;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaches page and its JSON twin over real HTTP, at Wednesday 3 February 2027 10:00 (engine
 * clock): a north assessment 4 working days late, escalated to tm.north and acknowledged by him; a
 * north strategy discussion 1 hour late; a north assessment due in 3 working days; a south referral
 * decision 1 working day late. Each viewer sees exactly the teams they answer for.
 */
@TimescalesTest
class OversightTest extends ProcessTestSupport {

	/** The instant every assertion is made at: Wednesday 3 February 2027, 10:00 in London. */
	private static final String AT = "2027-02-03T10:00:00Z";

	/** A worker only this test assigns work to, so the per-worker summary is exact. */
	private static final String WORKER = "worker.oversight";

	/** The children's given name: it must never appear on the page. */
	private static final String CHILD_NAME = "Zebedee";

	/** Built once: the cases and their history stay in the shared database. */
	private static Scenario scenario;

	record Scenario(String northLate, String northHourLate, String northDueSoon, String southLate) {
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	WorkingCalendar calendar;

	@BeforeEach
	void theScenarioAt3February2027() {
		if (scenario == null) {
			scenario = build();
		}
		clockAt(AT);
	}

	@Test
	void aTeamManagerSeesTheirTeamsBreachWithItsLatenessWorkerAndAcknowledgedEscalation() throws Exception {
		JsonNode report = report("tm.north", "secret-tm.north", null);

		assertThat(report.get("viewer").asText()).isEqualTo("tm.north");
		assertThat(report.get("today").asText()).isEqualTo("2027-02-03");
		assertThat(report.get("dueSoonUntil").asText()).isEqualTo("2027-02-10");
		assertThat(report.get("teams").findValuesAsText("team")).containsExactly("north");
		JsonNode north = report.at("/teams/0");

		JsonNode late = row(north.get("breaches"), scenario.northLate());
		assertThat(late.get("label").asText()).isEqualTo("Child and family assessment");
		assertThat(late.get("basis").asText()).isEqualTo("STATUTORY");
		assertThat(late.get("dueDate").asText()).isEqualTo("2027-01-28");
		// Friday 29, Monday 1, Tuesday 2, Wednesday 3 February
		assertThat(late.get("workingDaysLate").asInt()).isEqualTo(4);
		assertThat(late.get("hoursLate").isNull()).isTrue();
		assertThat(late.get("worker").asText()).isEqualTo(WORKER);
		assertThat(late.get("caseUrl").asText()).isEqualTo("/api/cases/" + scenario.northLate());
		assertThat(late.get("escalationTier").asInt()).isEqualTo(1);
		assertThat(late.get("escalations")).hasSize(1);
		JsonNode escalation = late.at("/escalations/0");
		assertThat(escalation.get("tier").asInt()).isEqualTo(1);
		assertThat(escalation.get("manager").asText()).isEqualTo("tm.north");
		assertThat(escalation.get("raisedAt").asText()).isEqualTo("2027-01-29T00:00:30Z");
		assertThat(escalation.get("acknowledgedBy").asText()).isEqualTo("tm.north");
		assertThat(escalation.get("acknowledgedAt").asText()).isEqualTo("2027-01-29T09:15:00Z");
		assertThat(escalation.get("reasonForDelay").asText()).isEqualTo("Worker off sick for two weeks");
		assertThat(escalation.get("actionAgreed").asText()).isEqualTo("Reallocated to a senior practitioner");
		assertThat(escalation.get("newTargetDate").asText()).isEqualTo("2027-02-05");

		// an hour rule: due at 09:00 today, so 0 working days but 1 hour late; raised, not yet acknowledged
		JsonNode hourLate = row(north.get("breaches"), scenario.northHourLate());
		assertThat(hourLate.get("ruleId").asText()).isEqualTo("strategy-discussion");
		assertThat(hourLate.get("basis").asText()).isEqualTo("LOCAL");
		assertThat(hourLate.get("dueAt").asText()).isEqualTo("2027-02-03T09:00:00Z");
		assertThat(hourLate.get("workingDaysLate").asInt()).isZero();
		assertThat(hourLate.get("hoursLate").asLong()).isEqualTo(1);
		assertThat(hourLate.get("worker").asText()).isEqualTo("unallocated");
		assertThat(hourLate.get("escalationTier").asInt()).isEqualTo(1);
		assertThat(hourLate.at("/escalations/0/acknowledgedBy").isNull()).isTrue();
		// worst first
		List<String> order = north.get("breaches").findValuesAsText("caseRef");
		assertThat(order.indexOf(scenario.northLate())).isLessThan(order.indexOf(scenario.northHourLate()));
		List<Integer> lateness = new ArrayList<>();
		north.get("breaches").forEach(b -> lateness.add(b.get("workingDaysLate").asInt()));
		assertThat(lateness).isSortedAccordingTo(java.util.Comparator.reverseOrder());

		JsonNode dueSoon = row(north.get("dueSoon"), scenario.northDueSoon());
		assertThat(dueSoon.get("dueDate").asText()).isEqualTo("2027-02-08");
		assertThat(dueSoon.get("workingDaysLeft").asInt()).isEqualTo(3);
		assertThat(dueSoon.get("worker").asText()).isEqualTo(WORKER);
		assertThat(north.get("breaches").findValuesAsText("caseRef")).doesNotContain(scenario.northDueSoon());

		JsonNode worker = row(north.get("workers"), "worker", WORKER);
		assertThat(worker.get("breaches").asInt()).isEqualTo(1);
		assertThat(worker.get("worstWorkingDaysLate").asInt()).isEqualTo(4);
		assertThat(worker.get("dueSoon").asInt()).isEqualTo(1);

		assertThat(caseRefs(report)).doesNotContain(scenario.southLate());
	}

	@Test
	void theOtherTeamManagerSeesOnlyTheirTeam() throws Exception {
		JsonNode report = report("tm.south", "secret-tm.south", null);

		assertThat(report.get("teams").findValuesAsText("team")).containsExactly("south");
		JsonNode late = row(report.at("/teams/0/breaches"), scenario.southLate());
		assertThat(late.get("label").asText()).isEqualTo("Decision on referral");
		assertThat(late.get("dueDate").asText()).isEqualTo("2027-02-02");
		assertThat(late.get("workingDaysLate").asInt()).isEqualTo(1);
		assertThat(late.get("worker").asText()).isEqualTo("unallocated");
		assertThat(late.at("/escalations/0/manager").asText()).isEqualTo("tm.south");
		assertThat(caseRefs(report)).contains(scenario.southLate())
			.doesNotContain(scenario.northLate(), scenario.northHourLate(), scenario.northDueSoon());
	}

	@Test
	void theServiceManagerSeesEveryTeamOfTheServiceWithWhoHoldsTheWork() throws Exception {
		JsonNode report = report("sm.east", "secret-sm.east", null);

		assertThat(report.get("teams").findValuesAsText("team")).containsExactly("north", "south", "caseload", "allocation", "west",
				"assessors", "weekly");
		JsonNode north = report.at("/teams/0");
		// the worker is shown although the engine grants the task only to its team and assignee
		assertThat(row(north.get("breaches"), scenario.northLate()).get("worker").asText()).isEqualTo(WORKER);
		assertThat(row(north.get("dueSoon"), scenario.northDueSoon()).get("worker").asText()).isEqualTo(WORKER);
		assertThat(row(report.at("/teams/1/breaches"), scenario.southLate()).get("workingDaysLate").asInt())
			.isEqualTo(1);

		// ?team= narrows to one of the viewer's teams
		JsonNode south = report("sm.east", "secret-sm.east", "south");
		assertThat(south.get("teams").findValuesAsText("team")).containsExactly("south");
		assertThat(caseRefs(south)).contains(scenario.southLate()).doesNotContain(scenario.northLate());
	}

	@Test
	void aPractitionerAnotherTeamOrNobodyIsRefused() {
		assertThat(get("worker.north", "secret-worker.north", "/api/oversight").getStatusCode().value()).isEqualTo(403);
		assertThat(get("worker.north", "secret-worker.north", "/oversight").getStatusCode().value()).isEqualTo(403);
		assertThat(get("tm.north", "secret-tm.north", "/api/oversight?team=south").getStatusCode().value())
			.isEqualTo(403);
		assertThat(get("tm.north", "secret-tm.north", "/oversight?team=south").getStatusCode().value()).isEqualTo(403);
		assertThat(get("tm.north", "secret-tm.north", "/api/oversight?team=nowhere").getStatusCode().value())
			.isEqualTo(403);
		assertThat(http.getForEntity("/api/oversight", String.class).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void thePageShowsCaseReferencesLinkedToTheCaseAndNoChildsName() {
		ResponseEntity<String> page = get("tm.north", "secret-tm.north", "/oversight");

		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
		String body = page.getBody();
		assertThat(body).contains(scenario.northLate(), scenario.northHourLate(), scenario.northDueSoon())
			.doesNotContain(scenario.southLate())
			.doesNotContain(CHILD_NAME)
			.contains("href=\"/cases/" + scenario.northLate() + "\"")
			.contains("North Assessment Team")
			.contains("LATE 4 working days")
			.contains("by tm.north")
			.contains("Worker off sick for two weeks")
			.contains("Fri 5 Feb 2027")
			.contains("LATE 1 hour")
			.contains(WORKER);

		ResponseEntity<String> south = get("sm.east", "secret-sm.east", "/oversight?team=south");
		assertThat(south.getStatusCode().value()).isEqualTo(200);
		assertThat(south.getBody()).contains(scenario.southLate())
			.doesNotContain(scenario.northLate())
			.contains("<a href=\"/oversight?team=south\" aria-current=\"page\">South Assessment Team</a>")
			.contains("<a href=\"/oversight\">All my teams</a>");
	}

	@Test
	void aBreachDoneLateStaysListedUntilTheManagerHasReviewedTheDelay() throws Exception {
		// a north referral received Monday 1 February 09:00: the decision was due by the end of Tuesday 2
		String caseRef = newCaseRef("OVR");
		String pid = receive(caseRef, "north", "2027-02-01T09:00:00");
		executeDueJobs(); // at 3 February 10:00: overdue, tier 1 to tm.north
		assertThat(reviewTasks(caseRef, "tm.north")).hasSize(1);
		assertThat(row(report("tm.north", "secret-tm.north", null).at("/teams/0/breaches"), caseRef)
			.get("escalationTier")
			.asInt()).isEqualTo(1);

		// the decision recorded at 11:30: the clock stops late, the review of the delay is still open
		clockAt("2027-02-03T11:30:00Z");
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "NFA", "referralDecisionDate",
				"2027-02-03", "decisionRationale", "No role for children's social care"));
		assertThat(clock(pid, "referral-decision").status()).isEqualTo(org.timescales.clock.ClockStatus.MET_LATE);

		JsonNode north = report("tm.north", "secret-tm.north", null).at("/teams/0");
		assertThat(north.get("breaches").findValuesAsText("caseRef")).doesNotContain(caseRef);
		JsonNode awaiting = north.get("awaitingReview");
		assertThat(awaiting.findValuesAsText("caseRef")).containsOnlyOnce(caseRef);
		JsonNode review = row(awaiting, caseRef);
		assertThat(review.get("label").asText()).isEqualTo("Decision on referral");
		assertThat(review.get("basis").asText()).isEqualTo("STATUTORY");
		assertThat(review.get("dueDate").asText()).isEqualTo("2027-02-02");
		// the clock stops at the recorded date of the decision (the start of that day in London)
		assertThat(review.get("stoppedAt").asText()).isEqualTo("2027-02-03T00:00:00Z");
		assertThat(review.get("stoppedOn").asText()).isEqualTo("2027-02-03");
		assertThat(review.get("outcome").asText()).isEqualTo("MET_LATE");
		assertThat(review.get("workingDaysLate").asInt()).isEqualTo(1); // done on Wednesday 3
		assertThat(review.get("tier").asInt()).isEqualTo(1);
		assertThat(review.get("manager").asText()).isEqualTo("tm.north");
		assertThat(review.get("raisedAt").asText()).isEqualTo(AT);
		assertThat(review.get("caseUrl").asText()).isEqualTo("/api/cases/" + caseRef);
		// acknowledged escalations and open clocks are not listed here
		assertThat(awaiting.findValuesAsText("caseRef")).doesNotContain(scenario.northLate(),
				scenario.northHourLate());
		assertThat(caseRefs(report("tm.south", "secret-tm.south", null))).doesNotContain(caseRef);

		String page = get("tm.north", "secret-tm.north", "/oversight").getBody();
		assertThat(page).contains("Breaches awaiting review")
			.contains("The work was done late; the review of the delay is still open in the manager's Tasklist.")
			.contains("href=\"/cases/" + caseRef + "\"")
			.contains("1 working day late")
			.contains("Wed 3 Feb 2027")
			.doesNotContain(CHILD_NAME);

		// tm.north reviews the delay: the case leaves the page
		clockAt("2027-02-03T12:00:00Z");
		Task task = reviewTasks(caseRef, "tm.north").get(0);
		identityService.setAuthentication("tm.north", List.of("team-manager", "north"));
		try {
			taskService.complete(task.getId(), Map.of("reasonForDelay", "Referral missed in the duty tray",
					"actionAgreed", "Duty worker checks the tray twice a day", "newTargetDate", "2027-02-03"));
		}
		finally {
			identityService.clearAuthentication();
		}
		assertThat(caseRefs(report("tm.north", "secret-tm.north", null))).doesNotContain(caseRef);
		assertThat(get("tm.north", "secret-tm.north", "/oversight").getBody()).doesNotContain(caseRef);
	}

	/** The manager allocates the case: the breaches page names whoever holds it. */
	private void allocate(String caseRef, String worker) {
		var answer = org.timescales.allocation.HolderRequests.allocate(http, "tm.north", caseRef, worker, null,
				"Allocated");
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
	}

	private Scenario build() {
		user(WORKER, "north", "practitioner", "social-worker");

		// (i) a north assessment due by the end of Thursday 28 January 2027, held by WORKER
		String northLate = newCaseRef("OVL");
		String latePid = referredAndDecided(northLate, "north", "2026-11-23T10:00:00", "ASSESSMENT");
		allocate(northLate, WORKER);
		assertThat(task(latePid, "UserTask_CompleteAssessment").getAssignee()).isEqualTo(WORKER);

		// (ii) a north assessment due on Monday 8 February 2027: 3 working days after 3 February
		String northDueSoon = newCaseRef("OVD");
		LocalDate referredOn = calendar.subtractWorkingDays(LocalDate.of(2027, 2, 8), 45);
		String dueSoonPid = referredAndDecided(northDueSoon, "north", referredOn + "T10:00:00", "ASSESSMENT");
		assertThat(clock(dueSoonPid, "assessment").dueDate()).isEqualTo(LocalDate.of(2027, 2, 8));
		allocate(northDueSoon, WORKER);

		// the north assessment passes its deadline: tier 1 to tm.north, who reviews it that morning
		clockAt("2027-01-29T00:00:30Z");
		executeDueJobs();
		clockAt("2027-01-29T09:15:00Z");
		Task review = reviewTasks(northLate, "tm.north").get(0);
		identityService.setAuthentication("tm.north", List.of("team-manager", "north"));
		try {
			taskService.complete(review.getId(), Map.of("reasonForDelay", "Worker off sick for two weeks",
					"actionAgreed", "Reallocated to a senior practitioner", "newTargetDate", "2027-02-05"));
		}
		finally {
			identityService.clearAuthentication();
		}

		// (iii) a south referral received Monday 1 February: the decision was due by the end of Tuesday 2
		String southLate = newCaseRef("OVS");
		clockAt("2027-02-01T10:00:00Z");
		receive(southLate, "south", "2027-02-01T09:00:00");

		// a north strategy discussion asked for on Tuesday 2 February at 09:00: due 24 hours later
		String northHourLate = newCaseRef("OVH");
		referredAndDecided(northHourLate, "north", "2027-02-02T08:00:00", "STRATEGY_DISCUSSION");

		clockAt(AT);
		executeDueJobs();
		return new Scenario(northLate, northHourLate, northDueSoon, southLate);
	}

	/** A referral received at a London time, decided an hour later with the given decision. */
	private String referredAndDecided(String caseRef, String team, String receivedAt, String decision) {
		Instant received = org.timescales.calendar.London.parseEventTime(receivedAt);
		clockAt(received.plusSeconds(1800));
		String pid = receive(caseRef, team, receivedAt);
		clockAt(received.plusSeconds(3600));
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", decision, "referralDecisionDate",
				receivedAt.substring(0, 10), "decisionRationale", "Concerns need a response"));
		return pid;
	}

	private String receive(String caseRef, String team, String receivedAt) {
		return referrals
			.receive(new ReferralRequest("REF-" + caseRef,
					new ReferralRequest.Child(caseRef, CHILD_NAME, "Oversight", "2016-05-01", "F"), receivedAt, "2A", team))
			.referral()
			.processInstanceId();
	}


	private JsonNode report(String user, String password, String team) throws Exception {
		ResponseEntity<String> response = get(user, password, "/api/oversight" + (team == null ? "" : "?team=" + team));
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return json.readTree(response.getBody());
	}

	private ResponseEntity<String> get(String user, String password, String path) {
		return http.withBasicAuth(user, password).getForEntity(path, String.class);
	}

	private static JsonNode row(JsonNode rows, String caseRef) {
		return row(rows, "caseRef", caseRef);
	}

	private static JsonNode row(JsonNode rows, String field, String value) {
		for (JsonNode row : rows) {
			if (value.equals(row.get(field).asText())) {
				return row;
			}
		}
		throw new AssertionError("no row with " + field + " " + value + " in " + rows);
	}

	private static List<String> caseRefs(JsonNode report) {
		return report.findValuesAsText("caseRef");
	}

}
