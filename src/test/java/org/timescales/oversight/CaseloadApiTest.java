package org.timescales.oversight;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.allocation.HolderRequests;
import org.timescales.clock.ClockStatus;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/caseloads}: each worker's children by kind of work with their overdue clocks, and the
 * unallocated children, longest waiting first, for the teams the viewer answers for. The team
 * "caseload" is this class's alone, so every count is exact. The breaches page's "By worker" follows the
 * allocation too.
 */
@TimescalesTest
class CaseloadApiTest extends ProcessTestSupport {

	private static final String TEAM = "caseload";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	org.timescales.digest.MorningDigest digest;

	@BeforeEach
	void people() {
		user("tm.caseload", TEAM, "team-manager");
		user("sw.caseload", TEAM, "practitioner", "social-worker");
		user("fp.caseload", TEAM, "practitioner", "family-practitioner");
	}

	@Test
	void aManagerSeesEachWorkersCaseloadAndTheUnallocatedLongestWaitingFirst() throws Exception {
		// an assessment (child in need) and a section 47 enquiry held by the social worker; two children unallocated
		String assessed = newCaseRef("CL-CIN");
		clockAt("2026-11-23T10:30:00Z");
		String assessment = receive(assessed, "2026-11-23T10:00:00");
		complete(assessment, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT",
				"referralDecisionDate", "2026-11-23", "decisionRationale", "Assess"));
		String protectedChild = newCaseRef("CL-CP");
		String enquiry = receive(protectedChild, "2026-11-23T10:15:00");
		complete(enquiry, "UserTask_DecideOnReferral", Map.of("referralDecision", "STRATEGY_DISCUSSION",
				"referralDecisionDate", "2026-11-23", "decisionRationale", "Injury"));
		clockAt("2026-11-24T09:00:00Z");
		assertThat(allocate(assessed, "sw.caseload").getStatusCode().value()).isEqualTo(200);
		assertThat(allocate(protectedChild, "sw.caseload").getStatusCode().value()).isEqualTo(200);
		String waitingLongest = newCaseRef("CL-U1");
		clockAt("2026-11-25T10:30:00Z");
		receive(waitingLongest, "2026-11-25T10:00:00");
		String waiting = newCaseRef("CL-U2");
		clockAt("2026-11-30T10:30:00Z");
		receive(waiting, "2026-11-30T10:00:00");
		clockAt("2026-12-01T12:00:00Z");

		ResponseEntity<String> answer = caseloads("tm.caseload", TEAM);

		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
		JsonNode caseload = json.readTree(answer.getBody());
		assertThat(caseload.get("team").asText()).isEqualTo(TEAM);
		JsonNode sw = worker(caseload, "sw.caseload");
		assertThat(sw.get("role").asText()).isEqualTo("social-worker");
		assertThat(sw.get("children").asInt()).isEqualTo(2);
		assertThat(sw.get("childProtection").asInt()).isEqualTo(1);
		assertThat(sw.get("lookedAfter").asInt()).isEqualTo(0);
		assertThat(sw.get("childInNeed").asInt()).isEqualTo(1);
		long overdue = java.util.stream.Stream.of(assessed, protectedChild)
			.flatMap(ref -> caseClocks.ofCase(ref).stream())
			.filter(c -> c.status() == ClockStatus.OVERDUE)
			.count();
		assertThat(overdue).isPositive();
		assertThat(sw.get("overdueClocks").asLong()).isEqualTo(overdue);
		JsonNode fp = worker(caseload, "fp.caseload");
		assertThat(fp.get("role").asText()).isEqualTo("family-practitioner");
		assertThat(fp.get("children").asInt()).isZero();
		// this class's other tests add cases of their own to the team: only these four are this test's
		java.util.List<String> ours = java.util.List.of(assessed, protectedChild, waitingLongest, waiting);
		JsonNode unallocated = json.valueToTree(java.util.stream.StreamSupport
			.stream(caseload.get("unallocated").spliterator(), false)
			.filter(row -> ours.contains(row.get("caseRef").asText()))
			.toList());
		assertThat(unallocated.findValuesAsText("caseRef")).containsExactly(waitingLongest, waiting);
		assertThat(unallocated.at("/0/since").asText()).isEqualTo("2026-11-25T10:00:00Z"); // the referral, not its recording
		// Thursday 26, Friday 27, Monday 30 November, Tuesday 1 December
		assertThat(unallocated.at("/0/workingDaysUnallocated").asInt()).isEqualTo(4);
		assertThat(unallocated.at("/1/workingDaysUnallocated").asInt()).isEqualTo(1);

		// the breaches page names the allocated worker, and "unallocated" for the others
		JsonNode oversight = json.readTree(http.withBasicAuth("tm.caseload", "secret-tm.caseload")
			.exchange("/api/oversight?team=" + TEAM, HttpMethod.GET, new HttpEntity<>(jsonHeaders()), String.class)
			.getBody());
		for (JsonNode breach : oversight.at("/teams/0/breaches")) {
			String ref = breach.get("caseRef").asText();
			if (!ours.contains(ref)) {
				continue;
			}
			assertThat(breach.get("worker").asText()).as(ref)
				.isEqualTo(ref.equals(assessed) || ref.equals(protectedChild) ? "sw.caseload" : "unallocated");
		}
		assertThat(oversight.at("/teams/0/unallocated").findValuesAsText("caseRef").stream().filter(ours::contains))
			.containsExactly(waitingLongest, waiting);
		// the morning digest of a day with breaches lists the team's unallocated children too
		executeDueJobs();
		assertThat(digest.sendDigest(java.time.LocalDate.of(2026, 12, 1))).isPositive();
		String mail = jdbc.sql("select body_text from mail_outbox where recipient = ? and reference like ?")
			.params("tm.caseload@timescales.test", "digest:2026-12-01:%")
			.query(String.class)
			.single();
		assertThat(mail).contains("Unallocated children, longest waiting first:")
			.contains("- " + waitingLongest + ": unallocated for 4 working days\n")
			.contains("- " + waiting + ": unallocated for 1 working day\n");
		assertThat(mail.indexOf(waitingLongest)).isLessThan(mail.indexOf(waiting));
	}

	@Test
	void aReallocatedCaseIsUnallocatedOnlyWhileNobodyHoldsItAndCountsFromTheTransferIn() throws Exception {
		String caseRef = newCaseRef("CL-XFER");
		clockAt("2026-11-23T10:30:00Z");
		referral(caseRef, "2026-11-23T10:00:00"); // north
		clockAt("2026-11-26T09:00:00Z");
		ResponseEntity<String> moved = HolderRequests.transfer(http, "tm.north", caseRef, TEAM, "Moved");
		assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(200);
		clockAt("2026-12-01T12:00:00Z");

		JsonNode unallocated = json.readTree(caseloads("tm.caseload", TEAM).getBody()).get("unallocated");

		JsonNode row = unallocated.findParents("caseRef")
			.stream()
			.filter(n -> n.get("caseRef").asText().equals(caseRef))
			.findFirst()
			.orElseThrow();
		assertThat(row.get("since").asText()).isEqualTo("2026-11-26T09:00:00Z");
		assertThat(row.get("workingDaysUnallocated").asInt()).isEqualTo(3);
	}

	@Test
	void aChildWhoseWorkOutgrowsTheirWorkersQualificationIsFlagged() throws Exception {
		user("fp2.caseload", TEAM, "practitioner", "family-practitioner");
		String caseRef = newCaseRef("CL-OUTGROWN");
		clockAt("2026-11-23T10:30:00Z");
		String referral = receive(caseRef, "2026-11-23T10:00:00");
		complete(referral, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT",
				"referralDecisionDate", "2026-11-23", "decisionRationale", "Family help"));
		ResponseEntity<String> allocated = HolderRequests.allocate(http, "tm.caseload", caseRef, "fp2.caseload",
				"sw.caseload", "Family help");
		assertThat(allocated.getStatusCode().value()).as(allocated.getBody()).isEqualTo(200);
		clockAt("2026-11-30T11:00:00Z");

		// concerns escalate: a strategy discussion, child protection work the family practitioner may not hold
		String enquiry = startByMessage("StrategyDiscussionNeeded", caseRef,
				Map.of("strategyDiscussionRequestedAt", java.util.Date.from(java.time.Instant.parse("2026-11-30T11:00:00Z"))));

		assertThat(task(enquiry, "UserTask_HoldStrategyDiscussion").getAssignee()).isNull();
		JsonNode flagged = json.readTree(caseloads("tm.caseload", TEAM).getBody()).get("heldWithoutQualification");
		JsonNode row = flagged.findParents("caseRef")
			.stream()
			.filter(n -> n.get("caseRef").asText().equals(caseRef))
			.findFirst()
			.orElseThrow(() -> new AssertionError("not flagged: " + flagged));
		assertThat(row.get("worker").asText()).isEqualTo("fp2.caseload");
		assertThat(row.get("rule").asText()).startsWith("Section 47 enquiries, child protection conferences and plans");
	}

	@Test
	void onlyTheTeamsTheViewerAnswersForAreShown() throws Exception {
		assertThat(caseloads("sw.caseload", TEAM).getStatusCode().value()).isEqualTo(403);
		assertThat(caseloads("tm.north", TEAM).getStatusCode().value()).isEqualTo(403);
		assertThat(caseloads("auditor.one", TEAM).getStatusCode().value()).isEqualTo(200);
		ResponseEntity<String> severalTeams = caseloads("sm.east", null);
		assertThat(severalTeams.getStatusCode().value()).isEqualTo(400);
		// a problem detail although the mapping produces application/json
		assertThat(severalTeams.getHeaders().getContentType()).as(severalTeams.getBody())
			.matches(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype, "application/problem+json");
		assertThat(json.readTree(severalTeams.getBody()).get("errors").findValuesAsText("field"))
			.containsExactly("team");
		assertThat(json.readTree(caseloads("tm.caseload", null).getBody()).get("team").asText()).isEqualTo(TEAM);
	}

	private static JsonNode worker(JsonNode caseload, String id) {
		for (JsonNode worker : caseload.get("workers")) {
			if (worker.get("worker").asText().equals(id)) {
				return worker;
			}
		}
		throw new AssertionError("no worker " + id + " in " + caseload);
	}

	private String receive(String caseRef, String receivedAt) {
		return referrals.receive(new ReferralRequest("REF-" + caseRef,
				new ReferralRequest.Child(caseRef, "Test", "Child", "2016-05-01", "F"), receivedAt, "2A", TEAM))
			.referral()
			.processInstanceId();
	}

	private ResponseEntity<String> allocate(String caseRef, String worker) {
		return HolderRequests.allocate(http, "tm.caseload", caseRef, worker, null, "Allocated");
	}

	private ResponseEntity<String> caseloads(String user, String team) {
		return http.withBasicAuth(user, "secret-" + user)
			.exchange("/api/caseloads" + (team == null ? "" : "?team=" + team), HttpMethod.GET,
					new HttpEntity<>(jsonHeaders()), String.class);
	}

}
