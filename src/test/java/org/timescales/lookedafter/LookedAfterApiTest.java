package org.timescales.lookedafter;

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
import org.timescales.clock.ClockStatus;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The looked-after API over real HTTP: 201/200, and bad dates or codes refused naming the field, changing nothing. */
@TimescalesTest
class LookedAfterApiTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void aChildBecomesLookedAfterOnceAndTheSameRequestAgainAnswers200() throws Exception {
		String caseRef = child();
		Map<String, Object> request = Map.of("becameLookedAfterDate", "2026-12-01", "placementStartDate", "2026-12-01",
				"legalStatus", "S20", "dateOfBirth", "2016-05-01");

		ResponseEntity<String> first = post(caseRef, "looked-after", request);
		assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
		JsonNode body = json.readTree(first.getBody());
		String pid = body.get("processInstanceId").asText();
		assertThat(body.get("clocks").findValuesAsText("ruleId")).contains("cla-review", "cla-visit", "iha");
		// section 20 is recorded as its SSDA903 code
		assertThat(runtimeService.getVariable(pid, "legalStatus")).isEqualTo("V2");

		ResponseEntity<String> again = post(caseRef, "looked-after", request);
		assertThat(again.getStatusCode().value()).isEqualTo(200);
		assertThat(json.readTree(again.getBody()).get("processInstanceId").asText()).isEqualTo(pid);
	}

	@Test
	void badDatesAndCodesAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
		String caseRef = child();
		assertRefused(post(caseRef, "looked-after", Map.of("becameLookedAfterDate", "2026-12-01", "placementStartDate",
				"2026-12-01", "legalStatus", "XX")), "legalStatus");
		assertRefused(post(caseRef, "looked-after", Map.of("becameLookedAfterDate", "2026-12-01", "placementStartDate",
				"2026-11-30", "legalStatus", "C2")), "placementStartDate");
		assertRefused(post(caseRef, "looked-after", Map.of("becameLookedAfterDate", "2026-12-24", "placementStartDate",
				"2026-12-24", "legalStatus", "C2")), "becameLookedAfterDate");
		assertRefused(post(caseRef, "placements", Map.of("placementStartDate", "2026-12-02")), "caseRef");
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("childLookedAfter")
			.processInstanceBusinessKey(caseRef).count()).isZero();

		String pid = json.readTree(post(caseRef, "looked-after", Map.of("becameLookedAfterDate", "2026-12-01",
				"placementStartDate", "2026-12-01", "legalStatus", "C2")).getBody()).get("processInstanceId").asText();
		assertRefused(post(caseRef, "left-care", Map.of("leftCareDate", "2026-11-30", "reason", "Home")), "leftCareDate");
		assertRefused(post(caseRef, "left-care", Map.of("leftCareDate", "2026-12-02", "reason", "")), "reason");
		assertRefused(post(caseRef, "placements", Map.of("placementStartDate", "2026-11-30")), "placementStartDate");
		assertRefused(post(caseRef, "missing-episodes",
				Map.of("missingFrom", "2026-12-02T20:00:00", "returnedAt", "2026-12-02T19:00:00")), "returnedAt");

		assertThat(ended(pid)).isFalse();
		assertThat(clock(pid, "cla-visit").status()).isEqualTo(ClockStatus.OPEN);
		assertThat(clocksOf(pid, "cla-visit")).hasSize(1);
	}

	private String child() {
		String caseRef = newCaseRef("LAPI");
		clockAt("2026-12-03T12:00:00Z");
		referrals.receive(new ReferralRequest("REF-" + caseRef,
				new ReferralRequest.Child(caseRef, "Test", "Child", "2016-05-01", "F", null, null, null, null,
						java.util.List.of("NONE")), "2026-11-30T09:00:00", "6", "north"));
		return caseRef;
	}

	private ResponseEntity<String> post(String caseRef, String path, Map<String, Object> body) {
		return http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange("/api/cases/" + caseRef + "/" + path, HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()),
					String.class);
	}

	private void assertRefused(ResponseEntity<String> response, String field) throws Exception {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).as(response.getBody())
			.matches(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype, "application/problem+json");
		assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).containsExactly(field);
	}

}
