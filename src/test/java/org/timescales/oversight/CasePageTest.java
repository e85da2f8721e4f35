package org.timescales.oversight;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.allocation.HolderRequests;
import org.timescales.audit.RecordViews;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The case page {@code /cases/{caseRef}} over real HTTP, at Wednesday 3 February 2027 10:00: a north child
 * referred on Monday 23 November 2026, allocated to worker.north, whose assessment was due by the end of
 * Thursday 28 January 2027 and is still open (4 working days late), escalated to tm.north and acknowledged
 * by him on Friday 29 January at 09:15.
 */
@TimescalesTest
class CasePageTest extends ProcessTestSupport {

	private static final String AT = "2027-02-03T10:00:00Z";

	/** Built once: the case stays in the shared database. */
	private static String caseRef;

	@Autowired
	TestRestTemplate http;

	@Autowired
	RecordViews recordViews;

	@BeforeEach
	void aLateAcknowledgedAssessment() {
		if (caseRef == null) {
			caseRef = build();
		}
		clockAt(AT);
	}

	@Test
	void theManagerSeesTheChildTheLateClockTheAcknowledgedEscalationAndTheWayOn() {
		ResponseEntity<String> page = get("tm.north", "/cases/" + caseRef);

		assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
		assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
		String body = page.getBody();
		assertThat(body).contains("<h1>Case " + caseRef + ": Ada Casepage</h1>")
			// born 1 May 2016: 10 on 3 February 2027
			.contains("<dd id=\"child-age\">10 (born 01/05/2016)</dd>")
			.contains("<dd id=\"team\">North Assessment Team</dd>")
			.contains("<dd id=\"worker\">worker.north</dd>")
			.contains("<span id=\"as-at\">03/02/2027 10:00</span>");

		// the open assessment, red, 4 working days late (Friday 29, Monday 1, Tuesday 2, Wednesday 3)
		String open = section(body, "open-clocks", "stopped-clocks");
		assertThat(open).contains("Child and family assessment")
			.contains("<td>28/01/2027</td>")
			.contains("<span class=\"badge rag-red\">Red: late</span>")
			.contains("<td>4 working days late</td>");
		// the referral decision, met the same day
		assertThat(section(body, "stopped-clocks", "id=\"escalations\"")).contains("Decision on referral")
			.contains("<td>24/11/2026</td>")
			.contains("<span>Met</span>");

		String escalations = section(body, "id=\"escalations\"", "id=\"stages\"");
		assertThat(escalations).contains("Tier 1 to tm.north, 29/01/2027 00:00")
			.contains("by tm.north, 29/01/2027 09:15")
			.contains("<td>Worker off sick for two weeks</td>")
			.contains("<td>Reallocated to a senior practitioner</td>")
			.contains("<td>05/02/2027</td>")
			.doesNotContain("Not yet acknowledged");

		assertThat(section(body, "id=\"stages\"", "id=\"holdings\"")).contains("Referral");
		assertThat(section(body, "id=\"holdings\"", "id=\"transfers\"")).contains("<th scope=\"row\">worker.north</th>")
			.contains("tm.north: Allocated to a social worker");
		assertThat(body).contains("<a id=\"history-link\" href=\"/cases/" + caseRef + "/history\">")
			.contains("<a id=\"tasklist-link\" href=\"/camunda/app/tasklist/default/#/?searchQuery=")
			.contains(caseRef + "%22");

		// the showing is on the read log, as the API's is
		assertThat(recordViews.of(caseRef)).extracting("viewedBy", "viewedAt", "what")
			.contains(tuple("tm.north", Instant.parse(AT), RecordViews.CASE));
	}

	@Test
	void thePractitionerSeesTheCaseButNoLinkToAHistoryTheyMayNotOpen() {
		ResponseEntity<String> page = get("worker.north", "/cases/" + caseRef);

		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).contains("4 working days late")
			.contains("id=\"tasklist-link\"")
			.doesNotContain("id=\"history-link\"");
	}

	@Test
	void anotherTeamIsAnsweredAsIfTheCaseDidNotExistAndTheRefusalIsOnRecord() {
		ResponseEntity<String> page = get("tm.south", "/cases/" + caseRef);

		assertThat(page.getStatusCode().value()).isEqualTo(404);
		assertThat(page.getBody()).doesNotContain("Casepage");
		assertThat(recordViews.of(caseRef)).extracting("viewedBy", "what").contains(tuple("tm.south", "refused"));
		assertThat(get("tm.north", "/cases/NO-SUCH-CASE").getStatusCode().value()).isEqualTo(404);
		// nobody signed in: the login page, not the child
		assertThat(http.getForEntity("/cases/" + caseRef, String.class).getBody()).doesNotContain("Casepage")
			.contains("name=\"password\"");
	}

	@Test
	void theBreachesPageLinksTheCaseReferenceToTheCasePage() {
		assertThat(get("tm.north", "/oversight").getBody())
			.contains("<a href=\"/cases/" + caseRef + "\">" + caseRef + "</a>");
	}

	private String build() {
		String ref = newCaseRef("CPG");
		clockAt("2026-11-23T10:30:00Z");
		String pid = referrals
			.receive(new ReferralRequest("REF-" + ref,
					new ReferralRequest.Child(ref, "Ada", "Casepage", "2016-05-01", "F"), "2026-11-23T10:00:00", "2A",
					"north"))
			.referral()
			.processInstanceId();
		clockAt("2026-11-24T11:00:00Z");
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT", "referralDecisionDate",
				"2026-11-24", "decisionRationale", "Concerns need a response"));
		var allocated = HolderRequests.allocate(http, "tm.north", ref, "worker.north", null,
				"Allocated to a social worker");
		assertThat(allocated.getStatusCode().value()).as(allocated.getBody()).isEqualTo(200);

		// past the deadline: tier 1 to tm.north, who reviews it that morning
		clockAt("2027-01-29T00:00:30Z");
		executeDueJobs();
		clockAt("2027-01-29T09:15:00Z");
		Task review = reviewTasks(ref, "tm.north").get(0);
		identityService.setAuthentication("tm.north", List.of("team-manager", "north"));
		try {
			taskService.complete(review.getId(), Map.of("reasonForDelay", "Worker off sick for two weeks",
					"actionAgreed", "Reallocated to a senior practitioner", "newTargetDate", "2027-02-05"));
		}
		finally {
			identityService.clearAuthentication();
		}
		return ref;
	}

	private ResponseEntity<String> get(String user, String path) {
		return http.withBasicAuth(user, "secret-" + user).getForEntity(path, String.class);
	}

	/** The page between two markers, so an assertion speaks of one table. */
	private static String section(String body, String from, String to) {
		int start = body.indexOf(from);
		int end = body.indexOf(to, start + 1);
		assertThat(start).as(from).isNotNegative();
		assertThat(end).as(to).isGreaterThan(start);
		return body.substring(start, end);
	}

}
