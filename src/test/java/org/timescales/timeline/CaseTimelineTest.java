package org.timescales.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.audit.RecordViews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The auditor's case timeline: a referral decided for assessment, the assessment escalated at its
 * deadline, acknowledged by the team manager and completed late, read back over real HTTP.
 */
@TimescalesTest
class CaseTimelineTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	RecordViews recordViews;

	@Test
	void anAuditorSeesEveryEventOfTheCaseInOrder() throws Exception {
		String caseRef = newCaseRef("TL");
		String pid = lateAssessment(caseRef);

		clockAt("2027-02-02T09:00:00Z");
		ResponseEntity<String> response = get("auditor.one", "/api/cases/" + caseRef + "/history");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode body = json.readTree(response.getBody());
		assertThat(body.get("caseRef").asText()).isEqualTo(caseRef);
		List<String> rows = new ArrayList<>();
		for (JsonNode e : body.get("events")) {
			rows.add(e.get("at").asText() + " " + e.get("what").asText() + " " + e.get("who").asText() + " "
					+ e.get("ruleId").asText("-") + " " + e.get("oldValue").asText("-") + "->"
					+ e.get("newValue").asText("-"));
		}
		assertThat(rows).containsExactly(
				"2026-11-23T10:30:00Z PROCESS_STARTED system - -->-",
				"2026-11-23T10:30:00Z CLOCK_OPENED system referral-decision -->-",
				"2026-11-23T10:30:00Z CLOCK_OPENED system assessment -->-",
				"2026-11-23T10:30:00Z TASK_CREATED system referral-decision -->-",
				"2026-11-23T15:00:00Z FIELD_CHANGED worker.north - -->Concerns about neglect need assessing",
				"2026-11-23T15:00:00Z FIELD_CHANGED worker.north - -->ASSESSMENT",
				"2026-11-23T15:00:00Z FIELD_CHANGED worker.north - -->2026-11-23",
				"2026-11-23T15:00:00Z TASK_COMPLETED worker.north referral-decision -->-",
				"2026-11-23T15:00:00Z CLOCK_STOPPED system referral-decision -->-",
				"2026-11-23T15:00:00Z TASK_CREATED system assessment -->-",
				"2027-01-29T00:00:30Z PROCESS_STARTED system - -->-",
				"2027-01-29T00:00:30Z ESCALATION_RAISED system assessment -->-",
				"2027-01-29T00:00:30Z TASK_CREATED system - -->-",
				"2027-01-29T00:00:30Z TASK_ASSIGNED system - -->-",
				"2027-01-29T09:15:00Z FIELD_CHANGED tm.north - -->Reallocated to a senior practitioner",
				"2027-01-29T09:15:00Z FIELD_CHANGED tm.north - -->2027-02-05",
				"2027-01-29T09:15:00Z FIELD_CHANGED tm.north - -->Worker off sick for two weeks",
				"2027-01-29T09:15:00Z TASK_COMPLETED tm.north - -->-",
				"2027-01-29T09:15:00Z ESCALATION_ACKNOWLEDGED tm.north assessment -->-",
				"2027-01-29T09:15:00Z PROCESS_ENDED system - -->-",
				"2027-02-01T10:00:00Z FIELD_CHANGED worker.north - -->3B",
				"2027-02-01T10:00:00Z FIELD_CHANGED worker.north - -->NFA",
				"2027-02-01T10:00:00Z FIELD_CHANGED worker.north - -->2026-11-24",
				"2027-02-01T10:00:00Z FIELD_CHANGED worker.north - -->Done late",
				"2027-02-01T10:00:00Z FIELD_CHANGED worker.north - -->N1",
				"2027-02-01T10:00:00Z TASK_COMPLETED worker.north assessment -->-",
				"2027-02-01T10:00:00Z TASK_CREATED system assessment -->-",
				"2027-02-01T10:00:00Z TASK_ASSIGNED worker.north assessment -->-",
				"2027-02-01T11:00:00Z FIELD_CHANGED tm.north - -->true",
				"2027-02-01T11:00:00Z FIELD_CHANGED tm.north - -->2027-02-01",
				"2027-02-01T11:00:00Z FIELD_CHANGED tm.north - -->Late: see review",
				"2027-02-01T11:00:00Z TASK_COMPLETED tm.north assessment -->-",
				"2027-02-01T11:00:00Z CLOCK_STOPPED system assessment -->-",
				"2027-02-01T11:00:00Z PROCESS_ENDED system - -->-",
				"2027-02-02T09:00:00Z RECORD_VIEWED auditor.one - -->-");

		JsonNode events = body.get("events");
		assertThat(events.get(0).get("description").asText()).isEqualTo("Started Referral (referral)");
		assertThat(events.get(0).get("processInstanceId").asText()).isEqualTo(pid);
		assertThat(events.get(1).get("description").asText())
			.isEqualTo("Clock opened: Decision on referral, counting from 2026-11-23 10:00 UK time, due 2026-11-24");
		assertThat(events.get(1).get("dueDate").asText()).isEqualTo("2026-11-24");
		assertThat(events.get(1).get("clockId").asLong()).isEqualTo(clock(pid, "referral-decision").clockId());
		assertThat(events.get(5).get("description").asText()).isEqualTo("referralDecision set to ASSESSMENT");
		assertThat(events.get(5).get("oldValue").isNull()).isTrue();
		assertThat(events.get(8).get("description").asText()).startsWith("Clock stopped: Decision on referral, MET,");
		assertThat(events.get(11).get("description").asText())
			.isEqualTo("Tier 1 escalation to tm.north: Child and family assessment is overdue");
		assertThat(events.get(11).get("clockId").asLong()).isEqualTo(clock(pid, "assessment").clockId());
		assertThat(events.get(11).get("dueDate").asText()).isEqualTo("2027-01-28");
		assertThat(events.get(18).get("description").asText()).isEqualTo("Tier 1 escalation acknowledged. Reason for"
				+ " delay: Worker off sick for two weeks. Action agreed: Reallocated to a senior practitioner."
				+ " New target date: 2027-02-05");
		assertThat(events.get(32).get("description").asText())
			.isEqualTo("Clock stopped: Child and family assessment, MET_LATE, as of 2027-02-01 00:00 UK time");

		// the auditor's read is on record
		assertThat(recordViews.of(caseRef)).extracting("viewedBy", "viewedAt", "what")
			.containsExactly(tuple("auditor.one", Instant.parse("2027-02-02T09:00:00Z"), RecordViews.HISTORY));
	}

	@Test
	void aChangedFieldShowsItsOldValueAndTheCsvHasAHeader() throws Exception {
		String caseRef = newCaseRef("TLCSV");
		clockAt("2026-11-23T10:30:00Z");
		String pid = referral(caseRef, "2026-11-23T10:00:00").referral().processInstanceId();
		clockAt("2026-11-23T12:00:00Z");
		as("worker.north", List.of("practitioner", "north", org.timescales.security.Roles.COMMANDS),
				() -> runtimeService.setVariable(pid, "decisionRationale", "First thoughts"));
		clockAt("2026-11-23T13:00:00Z");
		as("worker.north", List.of("practitioner", "north", org.timescales.security.Roles.COMMANDS),
				() -> runtimeService.setVariable(pid, "decisionRationale", "=Second, \"better\" thoughts"));

		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT, "text/csv");
		ResponseEntity<String> csv = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.exchange("/api/cases/" + caseRef + "/history", HttpMethod.GET, new HttpEntity<>(headers), String.class);
		assertThat(csv.getStatusCode().value()).isEqualTo(200);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		List<String> lines = csv.getBody().lines().toList();
		assertThat(lines.get(0))
			.isEqualTo("at,who,what,description,processInstanceId,clockId,ruleId,dueDate,oldValue,newValue");
		assertThat(lines).contains("2026-11-23T13:00:00Z,worker.north,FIELD_CHANGED,\"decisionRationale changed from"
				+ " First thoughts to =Second, \"\"better\"\" thoughts\"," + pid + ",,,,First thoughts,\"'=Second,"
				+ " \"\"better\"\" thoughts\"");
		assertThat(get("auditor.one", "/api/cases/" + caseRef + "/history?format=csv").getBody())
			.startsWith("at,who,what,");
		assertThat(recordViews.of(caseRef)).extracting("viewedBy", "what")
			.containsExactly(tuple("auditor.one", "history-csv"), tuple("auditor.one", "history-csv"));
	}

	@Test
	void thePageRendersForAnAuditorAndAPractitionerIsRefused() {
		String caseRef = newCaseRef("TLPAGE");
		lateAssessment(caseRef);
		clockAt("2027-02-03T09:00:00Z");

		ResponseEntity<String> page = get("auditor.one", "/cases/" + caseRef + "/history");
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).contains("<h1>History of case <a href=\"/cases/" + caseRef + "\">" + caseRef + "</a></h1>")
			.contains("ESCALATION_ACKNOWLEDGED")
			.contains("Tier 1 escalation acknowledged. Reason for delay: Worker off sick for two weeks")
			.contains("<td class=\"time\">29/01/2027 09:15:00</td>")
			.contains("ASSESSMENT")
			.contains("href=\"/cases/" + caseRef + "/history.csv\"");
		// the page's download, with the page's sign-in: the CSV, recorded as a read
		ResponseEntity<String> csv = get("auditor.one", "/cases/" + caseRef + "/history.csv");
		assertThat(csv.getStatusCode().value()).isEqualTo(200);
		assertThat(csv.getBody()).startsWith("at,who,what,description,");
		assertThat(get("worker.north", "/cases/" + caseRef + "/history.csv").getStatusCode().value()).isEqualTo(403);

		assertThat(get("worker.north", "/cases/" + caseRef + "/history").getStatusCode().value()).isEqualTo(403);
		assertThat(get("worker.north", "/api/cases/" + caseRef + "/history").getStatusCode().value()).isEqualTo(403);
		assertThat(get("worker.north", "/api/cases/" + caseRef + "/history?format=csv").getStatusCode().value())
			.isEqualTo(403);
		// a manager of another team fails the case's team check: answered as a case that does not exist
		assertThat(get("tm.south", "/cases/" + caseRef + "/history").getStatusCode().value()).isEqualTo(404);
		assertThat(get("tm.north", "/cases/" + caseRef + "/history").getStatusCode().value()).isEqualTo(200);
		assertThat(get("auditor.one", "/api/cases/NO-SUCH-CASE/history").getStatusCode().value()).isEqualTo(404);

		assertThat(recordViews.of(caseRef)).extracting("viewedBy", "what")
			.containsExactly(tuple("auditor.one", "history"), tuple("auditor.one", "history-csv"),
					tuple("worker.north", "refused"), tuple("worker.north", "refused"), tuple("worker.north", "refused"),
					tuple("worker.north", "refused"), tuple("tm.south", "refused"),
					tuple("tm.north", "history"));
	}

	/** Referral decided by worker.north, escalated at the assessment deadline, acknowledged, authorised late. */
	private String lateAssessment(String caseRef) {
		clockAt("2026-11-23T10:30:00Z");
		String pid = referral(caseRef, "2026-11-23T10:00:00").referral().processInstanceId();
		clockAt("2026-11-23T15:00:00Z");
		as("worker.north", List.of("practitioner", "north"), () -> complete(pid, "UserTask_DecideOnReferral",
				Map.of("referralDecision", "ASSESSMENT", "referralDecisionDate", "2026-11-23", "decisionRationale",
						"Concerns about neglect need assessing")));
		clockAt("2027-01-29T00:00:30Z");
		executeDueJobs();
		Task review = reviewTasks(caseRef, "tm.north").get(0);
		clockAt("2027-01-29T09:15:00Z");
		as("tm.north", List.of("team-manager", "north"), () -> taskService.complete(review.getId(),
				Map.of("reasonForDelay", "Worker off sick for two weeks", "actionAgreed",
						"Reallocated to a senior practitioner", "newTargetDate", "2027-02-05")));
		clockAt("2027-02-01T10:00:00Z");
		as("worker.north", List.of("practitioner", "north"), () -> complete(pid, "UserTask_CompleteAssessment",
				Map.of("assessmentStartDate", "2026-11-24", "assessmentOutcome", "NFA", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary",
						"Done late")));
		clockAt("2027-02-01T11:00:00Z");
		as("tm.north", List.of("team-manager", "north"), () -> complete(pid, "UserTask_AuthoriseAssessment",
				Map.of("assessmentAuthorised", true, "assessmentAuthorisedDate", "2027-02-01", "managerComments",
						"Late: see review")));
		return pid;
	}

	private void as(String user, List<String> groups, Runnable work) {
		identityService.setAuthentication(user, groups);
		try {
			work.run();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private ResponseEntity<String> get(String user, String path) {
		return http.withBasicAuth(user, "secret-" + user).getForEntity(path, String.class);
	}

}
