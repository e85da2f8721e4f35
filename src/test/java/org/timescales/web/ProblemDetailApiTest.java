package org.timescales.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error of our API is an RFC 9457 problem detail, {@code application/problem+json}, over real
 * HTTP: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, the
 * {@code errors} list naming the fields as before, and {@code error} and {@code message} as before —
 * whether our controllers refused (400, 403, 404, 409), Spring MVC (404 for no such path, 405, 415, a
 * mistyped parameter) or Spring Security (401, 403, its firewall's 400). The engine's API and our pages
 * answer as before.
 */
@TimescalesTest
class ProblemDetailApiTest extends ProcessTestSupport {

	private static final String WORKER = "worker.north";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void aBadDateIs400NamingTheFieldWithTodaysMessage() throws Exception {
		String caseRef = newCaseRef("PD-400");
		ResponseEntity<String> answer = send(WORKER, HttpMethod.POST, "/api/referrals",
				referral("R-" + caseRef, caseRef, "20/11/2026", "north"));

		JsonNode body = problem(answer, 400, "Bad Request", "/api/referrals");
		String says = "must be an ISO date-time, e.g. 2026-11-23T09:30:00 (Europe/London) or 2026-11-23T09:30:00Z";
		assertThat(body.get("errors")).isEqualTo(json.createArrayNode()
			.add(json.createObjectNode().put("field", "receivedAt").put("message", says)));
		assertThat(body.get("detail").asText()).isEqualTo("receivedAt " + says);
		assertThat(body.get("message").asText()).isEqualTo(body.get("detail").asText());
	}

	@Test
	void theReadmesExampleIsTheWholeAnswer() throws Exception {
		String caseRef = newCaseRef("PD-README");
		Map<String, Object> bornAfter = new java.util.HashMap<>(referral("R-" + caseRef, caseRef, "2026-11-20T09:00:00",
				"north"));
		bornAfter.put("child", Map.of("caseRef", caseRef, "givenName", "Ada", "familyName", "Example", "dateOfBirth",
				"2026-11-21", "sex", "F"));

		ResponseEntity<String> answer = send(WORKER, HttpMethod.POST, "/api/referrals", bornAfter);

		problem(answer, 400, "Bad Request", "/api/referrals");
		assertThat(json.readTree(answer.getBody())).isEqualTo(json.readTree("""
				{"type": "about:blank", "title": "Bad Request", "status": 400,
				 "detail": "child.dateOfBirth is after the referral was received", "instance": "/api/referrals",
				 "error": "Bad Request", "message": "child.dateOfBirth is after the referral was received",
				 "errors": [{"field": "child.dateOfBirth", "message": "is after the referral was received"}]}"""));
	}

	@Test
	void aCaseNobodyHoldsIs404WithTheSentenceAndNoFields() throws Exception {
		ResponseEntity<String> answer = send(WORKER, HttpMethod.GET, "/api/cases/PD-NO-SUCH-CASE", null);

		JsonNode body = problem(answer, 404, "Not Found", "/api/cases/PD-NO-SUCH-CASE");
		assertThat(body.get("detail").asText()).isEqualTo("No case with reference PD-NO-SUCH-CASE");
		assertThat(body.get("message").asText()).isEqualTo("No case with reference PD-NO-SUCH-CASE");
		assertThat(body.get("errors")).isEmpty();
	}

	@Test
	void aReferralIntoAnotherTeamsCaseIs403WithItsReason() throws Exception {
		String caseRef = newCaseRef("PD-403");
		referral(caseRef, "2026-11-23T10:00:00");

		ResponseEntity<String> answer = send("worker.south", HttpMethod.POST, "/api/referrals",
				referral("R2-" + caseRef, caseRef, "2026-11-24T09:00:00", "south"));

		JsonNode body = problem(answer, 403, "Forbidden", "/api/referrals");
		assertThat(body.get("detail").asText()).isEqualTo("child.caseRef: you may record a referral only for a case "
				+ "your team holds, or a new one; the front door records referrals for any case");
		assertThat(body.get("errors")).isEmpty();
	}

	@Test
	void anAuditorWritingIsRefused403BySpringSecurityAsAProblemToo() throws Exception {
		String caseRef = newCaseRef("PD-AUD");
		ResponseEntity<String> answer = send("auditor.one", HttpMethod.POST, "/api/referrals",
				referral("R-" + caseRef, caseRef, "2026-11-23T10:00:00", "north"));

		JsonNode body = problem(answer, 403, "Forbidden", "/api/referrals");
		assertThat(body.has("detail")).isFalse();
		assertThat(body.get("errors")).isEmpty();
	}

	@Test
	void noCredentialsIs401AskingForThemAsAProblem() throws Exception {
		ResponseEntity<String> answer = http.exchange("/api/cases/PD-ANON", HttpMethod.GET,
				new HttpEntity<>(jsonHeaders()), String.class);

		JsonNode body = problem(answer, 401, "Unauthorized", "/api/cases/PD-ANON");
		assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"Realm\"");
		assertThat(body.get("errors")).isEmpty();
		// a wrong password likewise
		ResponseEntity<String> wrong = http.withBasicAuth("mistyped.password", "wrong")
			.exchange("/api/cases/PD-ANON", HttpMethod.GET, new HttpEntity<>(jsonHeaders()), String.class);
		problem(wrong, 401, "Unauthorized", "/api/cases/PD-ANON");
	}

	@Test
	void aPathTheFirewallRefusesIs400AsAProblem() throws Exception {
		ResponseEntity<String> answer = http.withBasicAuth(WORKER, "secret-" + WORKER)
			.exchange(java.net.URI.create(http.getRootUri() + "/api/cases/a%3Bb"), HttpMethod.GET,
					new HttpEntity<>(jsonHeaders()), String.class);

		JsonNode body = problem(answer, 400, "Bad Request", "/api/cases/a%3Bb");
		// a 400's errors always name a field: this one names none
		assertThat(body.has("errors")).isFalse();
	}

	@Test
	void aReferralIdAlreadyUsedOnACaseOutOfSightIs409WithItsReason() throws Exception {
		String caseRef = newCaseRef("PD-409");
		referral(caseRef, "2026-11-23T10:00:00");

		// the north case's referral id, for a new case of the south team
		ResponseEntity<String> answer = send("worker.south", HttpMethod.POST, "/api/referrals",
				referral("REF-" + caseRef, newCaseRef("PD-409-OTHER"), "2026-11-23T10:00:00", "south"));

		JsonNode body = problem(answer, 409, "Conflict", "/api/referrals");
		assertThat(body.get("detail").asText())
			.isEqualTo("referralId: this id is already recorded; a new referral needs a new id");
		assertThat(body.get("errors")).isEmpty();
	}

	@Test
	void springMvcsOwnRefusalsOfAnApiRequestAreProblemsToo() throws Exception {
		// no such path
		JsonNode noPath = problem(send(WORKER, HttpMethod.GET, "/api/no-such-thing", null), 404, "Not Found",
				"/api/no-such-thing");
		assertThat(noPath.get("errors")).isEmpty();

		// a method the path does not take: Allow says which it does
		ResponseEntity<String> method = send(WORKER, HttpMethod.GET, "/api/referrals", null);
		JsonNode notAllowed = problem(method, 405, "Method Not Allowed", "/api/referrals");
		assertThat(method.getHeaders().getAllow()).containsExactly(HttpMethod.POST);
		assertThat(notAllowed.get("detail").asText()).isEqualTo("Method 'GET' is not supported.");
		assertThat(notAllowed.get("errors")).isEmpty();

		// not JSON, where the mapping consumes only JSON, and where it reads the body: the same answer
		String caseRef = newCaseRef("PD-415");
		referral(caseRef, "2026-11-23T10:00:00");
		HttpHeaders text = new HttpHeaders();
		text.setContentType(MediaType.TEXT_PLAIN);
		for (String path : List.of("/api/referrals", "/api/cases/" + caseRef + "/placements")) {
			ResponseEntity<String> notJson = http.withBasicAuth(WORKER, "secret-" + WORKER)
				.exchange(path, HttpMethod.POST, new HttpEntity<>("a placement", text), String.class);
			JsonNode unsupported = problem(notJson, 415, "Unsupported Media Type", path);
			assertThat(unsupported.get("detail").asText()).isEqualTo("Send the request as application/json");
			assertThat(unsupported.get("errors"))
				.isEqualTo(json.readTree("[{\"field\":\"Content-Type\",\"message\":\"must be application/json\"}]"));
		}

		// a query parameter of the wrong type, or missing: named as a field
		JsonNode mistyped = problem(send("tm.north", HttpMethod.GET, "/api/returns/cin-census?year=abc", null), 400,
				"Bad Request", "/api/returns/cin-census");
		assertThat(mistyped.get("errors"))
			.isEqualTo(json.readTree("[{\"field\":\"year\",\"message\":\"has the wrong type or format\"}]"));
		JsonNode missing = problem(send("tm.north", HttpMethod.GET, "/api/returns/cin-census", null), 400,
				"Bad Request", "/api/returns/cin-census");
		assertThat(missing.get("errors"))
			.isEqualTo(json.readTree("[{\"field\":\"year\",\"message\":\"is required\"}]"));
	}

	@Test
	void aReportsRefusalWithItsReasonIsAProblemOnTheApiAndAnHtmlErrorOnItsPage() throws Exception {
		String query = "?from=2026-12-01&to=2026-11-01";
		JsonNode body = problem(send("tm.north", HttpMethod.GET, "/api/reports/timeliness" + query, null), 400,
				"Bad Request", "/api/reports/timeliness");
		assertThat(body.get("detail").asText()).isEqualTo("to is before from");
		// a 400's errors always name a field: this one names none
		assertThat(body.has("errors")).isFalse();

		HttpHeaders html = new HttpHeaders();
		html.setAccept(List.of(MediaType.TEXT_HTML));
		ResponseEntity<String> page = http.withBasicAuth("tm.north", "secret-tm.north")
			.exchange("/reports/timeliness" + query, HttpMethod.GET, new HttpEntity<>(html), String.class);
		assertThat(page.getStatusCode().value()).isEqualTo(400);
		assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		// and a page path that does not exist
		ResponseEntity<String> noPage = http.withBasicAuth("tm.north", "secret-tm.north")
			.exchange("/reports/no-such-report", HttpMethod.GET, new HttpEntity<>(html), String.class);
		assertThat(noPage.getStatusCode().value()).isEqualTo(404);
		assertThat(noPage.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
	}

	@Test
	void theEngineApiKeepsItsOwnAnswers() {
		ResponseEntity<String> anonymous = http.exchange("/engine-rest/task", HttpMethod.GET,
				new HttpEntity<>(jsonHeaders()), String.class);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();

		ResponseEntity<String> missing = send(WORKER, HttpMethod.GET, "/engine-rest/task/no-such-task", null);
		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(missing.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		assertThat(missing.getBody()).contains("\"type\":\"").doesNotContain("\"title\"");
	}

	/** Asserts the answer is a problem detail for the status and the path, and returns its body. */
	private JsonNode problem(ResponseEntity<String> answer, int status, String title, String path) throws Exception {
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
		assertThat(answer.getHeaders().getContentType()).as(answer.getBody())
			.matches(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype, "application/problem+json");
		JsonNode body = json.readTree(answer.getBody());
		assertThat(body.get("type").asText()).isEqualTo("about:blank");
		assertThat(body.get("title").asText()).isEqualTo(title);
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("instance").asText()).isEqualTo(path);
		// the members clients read before
		assertThat(body.get("error").asText()).isEqualTo(title);
		assertThat(body.path("message").asText(null)).isEqualTo(body.path("detail").asText(null));
		return body;
	}

	private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
		return http.withBasicAuth(user, "secret-" + user)
			.exchange(path, method, new HttpEntity<>(body, jsonHeaders()), String.class);
	}

	private static Map<String, Object> referral(String referralId, String caseRef, String receivedAt, String team) {
		return Map.of("referralId", referralId,
				"child", Map.of("caseRef", caseRef, "givenName", "Ada", "familyName", "Example", "dateOfBirth",
						"2018-03-04", "sex", "F"),
				"receivedAt", receivedAt, "source", "2A", "team", team);
	}

}
