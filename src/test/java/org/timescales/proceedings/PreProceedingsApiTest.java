package org.timescales.proceedings;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/cases/{caseRef}/pre-proceedings} over real HTTP: the holding team's manager refers a case
 * to a legal planning meeting once; bad fields are 400 naming them, another team's case 404, a practitioner
 * 403, a second referral while one runs 409, and nothing is started by a refusal.
 */
@TimescalesTest
class PreProceedingsApiTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void theTeamManagerRefersTheCaseAndTheLegalPlanningMeetingFallsDue() throws Exception {
		String caseRef = child();
		clockAt("2027-03-12T12:00:00Z");

		ResponseEntity<String> response = post("tm.north", caseRef,
				Map.of("reason", "No progress under the child protection plan", "decidedOn", "2027-03-10"));

		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
		JsonNode body = json.readTree(response.getBody());
		String pid = body.get("processInstanceId").asText();
		assertThat(body.get("clocks").findValuesAsText("ruleId")).containsExactly("pp-legal-planning");
		// 10 working days from Wednesday 10 March 2027
		assertThat(body.get("clocks").get(0).get("dueDate").asText()).isEqualTo("2027-03-24");
		assertThat(variable(pid, "legalPlanningReferredDate")).isEqualTo("2027-03-10");
		assertThat(variable(pid, "team")).isEqualTo("north");
		assertThat(candidateGroups(task(pid, "UserTask_HoldLegalPlanningMeeting"))).containsExactly("north");

		ResponseEntity<String> again = post("tm.north", caseRef, Map.of("reason", "Again"));
		assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(409);
		assertThat(json.readTree(again.getBody()).get("detail").asText()).contains("already running");
		assertThat(running(caseRef)).isEqualTo(1);
	}

	@Test
	void withoutADecisionDateTheReferralIsDecidedToday() throws Exception {
		String caseRef = child();
		clockAt("2027-03-12T12:00:00Z");
		ResponseEntity<String> response = post("tm.north", caseRef, Map.of("reason", "Neglect"));
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
		String pid = json.readTree(response.getBody()).get("processInstanceId").asText();
		assertThat(variable(pid, "legalPlanningReferredDate")).isEqualTo("2027-03-12");
	}

	@Test
	void badFieldsAreRefusedNamingThemAndNothingStarts() throws Exception {
		String caseRef = child();
		clockAt("2027-03-12T12:00:00Z");

		ResponseEntity<String> response = post("tm.north", caseRef, Map.of("reason", " ", "decidedOn", "2027-03-13"));

		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).as(response.getBody())
			.matches(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype, "application/problem+json");
		assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field"))
			.containsExactly("reason", "decidedOn");
		assertThat(json.readTree(post("tm.north", caseRef, Map.of("reason", "x", "decidedOn", "10/03/2027")).getBody())
			.get("errors").findValuesAsText("field")).containsExactly("decidedOn");
		assertThat(running(caseRef)).isZero();
	}

	@Test
	void anotherTeamSeesNoSuchCaseAndAPractitionerMayNotRefer() {
		String caseRef = child();
		clockAt("2027-03-12T12:00:00Z");
		assertThat(post("tm.south", caseRef, Map.of("reason", "x")).getStatusCode().value()).isEqualTo(404);
		assertThat(post("worker.north", caseRef, Map.of("reason", "x")).getStatusCode().value()).isEqualTo(403);
		assertThat(running(caseRef)).isZero();
	}

	private String child() {
		String caseRef = newCaseRef("PPAPI");
		clockAt("2027-03-01T12:00:00Z");
		referrals.receive(new ReferralRequest("REF-" + caseRef,
				new ReferralRequest.Child(caseRef, "Test", "Child", "2016-05-01", "F", null, null, null, null,
						java.util.List.of("NONE")), "2027-03-01T09:00:00", "6", "north"));
		return caseRef;
	}

	private long running(String caseRef) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey("preProceedings")
			.processInstanceBusinessKey(caseRef).count();
	}

	private ResponseEntity<String> post(String user, String caseRef, Map<String, Object> body) {
		return http.withBasicAuth(user, "secret-" + user)
			.exchange("/api/cases/" + caseRef + "/pre-proceedings", HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()),
					String.class);
	}

}
