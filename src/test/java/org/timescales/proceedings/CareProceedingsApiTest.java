package org.timescales.proceedings;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/cases/{caseRef}/care-proceedings} over real HTTP: the holding team's manager applies to the
 * court at once, without pre-proceedings; refusals name the fields; another team's case is not there; a
 * second application while proceedings run is a conflict. And the court's 26-week clock through the
 * managers' extension endpoint: at most 8 weeks beyond the current due date.
 */
@TimescalesTest
class CareProceedingsApiTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void theTeamManagerAppliesAtOnceAndTheApplicationIsDueToBeIssuedWithinFiveWorkingDays() throws Exception {
		String caseRef = childOfNorth("CPA");

		ResponseEntity<String> started = apply("tm.north", caseRef,
				"{\"decisionToIssueDate\": \"2026-12-18\", \"reason\": \"Emergency protection order made on 17 December\"}");

		assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
		JsonNode body = json.readTree(started.getBody());
		String pid = body.get("processInstanceId").asText();
		assertThat(body.at("/clocks/0/ruleId").asText()).isEqualTo("care-application");
		// Christmas Day and Monday 28 December (Boxing Day's substitute) are not working days
		assertThat(body.at("/clocks/0/dueDate").asText()).isEqualTo("2026-12-29");
		assertThat(runtimeService.getVariables(pid)).containsEntry("decisionToIssueDate", "2026-12-18")
			.containsEntry("fromPreProceedings", false)
			.containsEntry("urgentApplicationReason", "Emergency protection order made on 17 December")
			.containsEntry("team", "north");
		assertThat(taskService.getProcessInstanceComments(pid)).extracting(Comment::getFullMessage)
			.containsExactly("Application to the court without pre-proceedings, decided on 2026-12-18, recorded by"
					+ " tm.north: Emergency protection order made on 17 December");
		assertThat(task(pid, "UserTask_RecordApplicationIssued")).isNotNull();

		// a second application while these proceedings run
		ResponseEntity<String> again = apply("tm.north", caseRef,
				"{\"decisionToIssueDate\": \"2026-12-18\", \"reason\": \"Again\"}");
		assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(409);
		assertThat(runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("careProceedings")
			.processInstanceBusinessKey(caseRef)
			.count()).isEqualTo(1);
	}

	@Test
	void refusalsNameTheFieldsAndStartNothing() throws Exception {
		String caseRef = childOfNorth("CPR");

		assertRefused(apply("tm.north", caseRef, "{}"), "decisionToIssueDate", "reason");
		assertRefused(apply("tm.north", caseRef, "{\"decisionToIssueDate\": \"2026-12-19\", \"reason\": \"EPO\"}"),
				"decisionToIssueDate");
		assertRefused(apply("tm.north", caseRef, "{\"decisionToIssueDate\": \"18/12/2026\", \"reason\": \"EPO\"}"),
				"decisionToIssueDate");
		assertThat(runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("careProceedings")
			.processInstanceBusinessKey(caseRef)
			.count()).isZero();
	}

	@Test
	void onlyTheHoldingTeamsManagerMayApplyAndAnotherTeamsCaseIsNotThere() {
		String caseRef = childOfNorth("CPW");
		String body = "{\"decisionToIssueDate\": \"2026-12-18\", \"reason\": \"EPO\"}";

		assertThat(apply("worker.north", caseRef, body).getStatusCode().value()).isEqualTo(403);
		ResponseEntity<String> south = apply("tm.south", caseRef, body);
		assertThat(south.getStatusCode().value()).isEqualTo(404);
		assertThat(south.getBody()).doesNotContain("north");
	}

	@Test
	void aManagerRecordsTheCourtsExtensionToADateAtMostEightWeeksBeyondTheDueDate() throws Exception {
		String caseRef = childOfNorth("CPE");
		String pid = json.readTree(apply("tm.north", caseRef,
				"{\"decisionToIssueDate\": \"2026-12-18\", \"reason\": \"EPO\"}").getBody()).get("processInstanceId").asText();
		clockAt("2026-12-22T17:00:00Z");
		complete(pid, "UserTask_RecordApplicationIssued", Map.of("applicationIssuedDate", "2026-12-22"));
		long clockId = clock(pid, "care-proceedings").clockId();
		clockAt("2027-06-01T10:00:00Z");

		// due Monday 21 June 2027: 8 weeks on is Monday 16 August, a day more is too far
		ResponseEntity<String> tooFar = extend(caseRef, clockId, "2027-08-17");
		assertThat(tooFar.getStatusCode().value()).as(tooFar.getBody()).isEqualTo(400);
		assertThat(json.readTree(tooFar.getBody()).get("message").asText()).isEqualTo("newDueDate is beyond the longest"
				+ " extension allowed at a time (8 weeks after the current due date 2027-06-21: 2027-08-16)");
		ResponseEntity<String> extended = extend(caseRef, clockId, "2027-08-16");
		assertThat(extended.getStatusCode().value()).as(extended.getBody()).isEqualTo(200);
		assertThat(clock(pid, "care-proceedings").dueDate()).hasToString("2027-08-16");
		assertThat(clock(pid, "care-proceedings").extension().extendedBy()).isEqualTo("tm.north");
	}

	private String childOfNorth(String prefix) {
		String caseRef = newCaseRef(prefix);
		caseRecord(caseRef);
		clockAt("2026-12-18T12:00:00Z");
		return caseRef;
	}

	private ResponseEntity<String> apply(String user, String caseRef, String body) {
		return http.withBasicAuth(user, "secret-" + user)
			.exchange("/api/cases/" + caseRef + "/care-proceedings", HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()),
					String.class);
	}

	private ResponseEntity<String> extend(String caseRef, long clockId, String newDueDate) {
		return http.withBasicAuth("tm.north", "secret-tm.north")
			.exchange("/api/cases/" + caseRef + "/clocks/" + clockId + "/extension", HttpMethod.POST,
					new HttpEntity<>(Map.of("newDueDate", newDueDate, "reason", "Court order of 1 June 2027"), jsonHeaders()),
					String.class);
	}

	private void assertRefused(ResponseEntity<String> response, String... fields) throws Exception {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).containsExactly(fields);
	}

}
