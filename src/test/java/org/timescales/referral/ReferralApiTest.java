package org.timescales.referral;

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
 * POST /api/referrals and GET /api/cases over real HTTP: 201, 200 for a resend, 400 naming the field, 401
 * (each refusal a problem detail, application/problem+json).
 */
@TimescalesTest
class ReferralApiTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void aNewReferralAnswers201WithTheCaseTheProcessAndTheOpenDecisionClock() throws Exception {
		String caseRef = newCaseRef("API");
		ResponseEntity<String> response = post(referral("R-" + caseRef, caseRef, "2026-11-20T09:00:00", "north"));

		assertThat(response.getStatusCode().value()).isEqualTo(201);
		JsonNode body = json.readTree(response.getBody());
		assertThat(body.get("caseRef").asText()).isEqualTo(caseRef);
		String pid = body.get("processInstanceId").asText();
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey())
			.isEqualTo(caseRef);
		JsonNode clock = body.get("clocks").get(0);
		assertThat(body.get("clocks")).hasSize(1);
		assertThat(clock.get("ruleId").asText()).isEqualTo("referral-decision");
		// received Friday 20 November 2026: due by the end of Monday 23 November
		assertThat(clock.get("dueDate").asText()).isEqualTo("2026-11-23");
		assertThat(clock.get("dueAt").asText()).isEqualTo("2026-11-24T00:00:00Z");
		assertThat(clock.get("startedAt").asText()).isEqualTo("2026-11-20T09:00:00Z");

		ResponseEntity<String> caseResponse = get("/api/cases/" + caseRef);
		assertThat(caseResponse.getStatusCode().value()).isEqualTo(200);
		JsonNode caseBody = json.readTree(caseResponse.getBody());
		assertThat(caseBody.at("/child/givenName").asText()).isEqualTo("Ada");
		assertThat(caseBody.at("/child/dateOfBirth").asText()).isEqualTo("2018-03-04");
		assertThat(caseBody.get("team").asText()).isEqualTo("north");
		assertThat(caseBody.at("/clocks/0/label").asText()).isEqualTo("Decision on referral");
		assertThat(caseBody.at("/clocks/0/escalations")).isEmpty();
		assertThat(caseBody.at("/referrals/0/referralId").asText()).isEqualTo("R-" + caseRef);
	}

	@Test
	void theSameReferralSentAgainAnswers200WithTheSameCaseAndStartsNothing() throws Exception {
		String caseRef = newCaseRef("DUP");
		Map<String, Object> request = referral("R-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		String first = json.readTree(post(request).getBody()).get("processInstanceId").asText();

		ResponseEntity<String> again = post(request);

		assertThat(again.getStatusCode().value()).isEqualTo(200);
		assertThat(json.readTree(again.getBody()).get("processInstanceId").asText()).isEqualTo(first);
		assertThat(runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseRef)
			.processDefinitionKey("referral")
			.count()).isEqualTo(1);
	}

	@Test
	void badInputAnswers400NamingTheFieldAndCreatesNothing() throws Exception {
		String caseRef = newCaseRef("BAD");
		assertRefused(referral("R1-" + caseRef, caseRef, "2026-11-20T09:00:00", "nowhere"), "team");
		assertRefused(referral("R2-" + caseRef, caseRef, "20/11/2026", "north"), "receivedAt");
		assertRefused(referral("R3-" + caseRef, caseRef, "2099-01-01T09:00:00", "north"), "receivedAt");
		Map<String, Object> bornAfter = referral("R4-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		((Map<String, Object>) bornAfter.get("child")).put("dateOfBirth", "2026-11-21");
		assertRefused(bornAfter, "child.dateOfBirth");
		Map<String, Object> noName = referral("R5-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		((Map<String, Object>) noName.get("child")).remove("givenName");
		assertRefused(noName, "child.givenName");
		Map<String, Object> badSource = referral("R6-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		badSource.put("source", "ZZ");
		assertRefused(badSource, "source");
		Map<String, Object> unknownField = referral("R7-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		unknownField.put("priority", "high");
		assertRefused(unknownField, "priority");
		Map<String, Object> wrongType = referral("R8-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		wrongType.put("child", "Ada");
		assertRefused(wrongType, "child");

		ResponseEntity<String> notJson = http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange("/api/referrals", HttpMethod.POST, new HttpEntity<>("{\"referralId\": ", jsonHeaders()),
					String.class);
		assertThat(notJson.getStatusCode().value()).isEqualTo(400);
		assertProblem(notJson);
		assertThat(json.readTree(notJson.getBody()).at("/errors/0/field").asText()).isEqualTo("body");

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).count()).isZero();
		assertThat(get("/api/cases/" + caseRef).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void sexIsRequiredAtReferralAndEthnicityIsACensusCode() throws Exception {
		// without sex, or with a value the census does not know: 400 naming child.sex, nothing created
		String caseRef = newCaseRef("SEX");
		Map<String, Object> noSex = referral("R1-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		((Map<String, Object>) noSex.get("child")).remove("sex");
		assertRefused(noSex, "child.sex");
		for (String bad : List.of("", "X", "1", "Female")) {
			Map<String, Object> badSex = referral("R2-" + caseRef + bad.length(), caseRef, "2026-11-20T09:00:00", "north");
			((Map<String, Object>) badSex.get("child")).put("sex", bad);
			assertRefused(badSex, "child.sex");
		}
		Map<String, Object> badEthnicity = referral("R3-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		((Map<String, Object>) badEthnicity.get("child")).put("ethnicity", "BRIT");
		assertRefused(badEthnicity, "child.ethnicity");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).count()).isZero();
		assertThat(get("/api/cases/" + caseRef).getStatusCode().value()).isEqualTo(404);

		// recorded on the child, and shown with the case
		Map<String, Object> good = referral("R4-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		((Map<String, Object>) good.get("child")).put("sex", "M");
		((Map<String, Object>) good.get("child")).put("ethnicity", "MWBC");
		assertThat(post(good).getStatusCode().value()).isEqualTo(201);
		JsonNode child = json.readTree(get("/api/cases/" + caseRef).getBody()).get("child");
		assertThat(child.get("sex").asText()).isEqualTo("M");
		assertThat(child.get("ethnicity").asText()).isEqualTo("MWBC");
	}

	@Test
	void aReferralRecordsTheUpnOrWhyItIsUnknownAndTheDisabilities() throws Exception {
		// LA 201, check letter Z (DfE rule 1510); sent in small letters, recorded in capitals
		String caseRef = newCaseRef("UPN");
		Map<String, Object> good = referral("R1-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		((Map<String, Object>) good.get("child")).put("upn", "z201000012345");
		((Map<String, Object>) good.get("child")).put("disabilities", List.of("MOB", "AUT"));
		assertThat(post(good).getStatusCode().value()).isEqualTo(201);
		JsonNode shown = json.readTree(get("/api/cases/" + caseRef).getBody());
		assertThat(shown.at("/child/upn").asText()).isEqualTo("Z201000012345");
		assertThat(shown.at("/child/upnUnknown").isNull()).isTrue();
		assertThat(json.convertValue(shown.at("/child/disabilities"), List.class)).containsExactly("MOB", "AUT");
		assertThat(shown.get("childDetailChanges")).isEmpty();

		// a later referral fills in only what is missing: these are kept
		Map<String, Object> later = referral("R2-" + caseRef, caseRef, "2026-11-20T10:00:00", "north");
		((Map<String, Object>) later.get("child")).put("upnUnknown", "UN2");
		((Map<String, Object>) later.get("child")).put("disabilities", List.of("NONE"));
		assertThat(post(later).getStatusCode().value()).isEqualTo(201);
		shown = json.readTree(get("/api/cases/" + caseRef).getBody());
		assertThat(shown.at("/child/upn").asText()).isEqualTo("Z201000012345");
		assertThat(shown.at("/child/upnUnknown").isNull()).isTrue();
		assertThat(json.convertValue(shown.at("/child/disabilities"), List.class)).containsExactly("MOB", "AUT");

		// a child recorded without them: a later referral records them
		String without = newCaseRef("NOUPN");
		assertThat(post(referral("R1-" + without, without, "2026-11-20T09:00:00", "north")).getStatusCode().value())
			.isEqualTo(201);
		shown = json.readTree(get("/api/cases/" + without).getBody());
		assertThat(shown.at("/child/upn").isNull()).isTrue();
		assertThat(shown.at("/child/disabilities")).isEmpty();
		Map<String, Object> fills = referral("R2-" + without, without, "2026-11-20T10:00:00", "north");
		((Map<String, Object>) fills.get("child")).put("upnUnknown", "UN1");
		((Map<String, Object>) fills.get("child")).put("disabilities", List.of("NONE"));
		assertThat(post(fills).getStatusCode().value()).isEqualTo(201);
		shown = json.readTree(get("/api/cases/" + without).getBody());
		assertThat(shown.at("/child/upnUnknown").asText()).isEqualTo("UN1");
		assertThat(json.convertValue(shown.at("/child/disabilities"), List.class)).containsExactly("NONE");
	}

	@Test
	void aBadUpnUpnUnknownOrDisabilityIs400NamingTheFieldAndCreatesNothing() throws Exception {
		String caseRef = newCaseRef("BADUPN");
		int n = 0;
		for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(Map.entry("upn", "A201000012345"),
				Map.entry("upn", "Z2010000123"), Map.entry("upn", "Z201000O12345"), Map.entry("upn", "A950000178301"),
				Map.entry("upnUnknown", "UN0"), Map.entry("disabilities", List.of("NONE", "HEAR")),
				Map.entry("disabilities", List.of("VIS", "VIS")), Map.entry("disabilities", List.of("DEAF")),
				Map.entry("disabilities", List.of()), Map.entry("disabilities", "MOB"))) {
			Map<String, Object> request = referral("R" + n++ + "-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
			((Map<String, Object>) request.get("child")).put(bad.getKey(), bad.getValue());
			assertRefused(request, "child." + bad.getKey());
		}
		Map<String, Object> wrongLetter = referral("RL-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		((Map<String, Object>) wrongLetter.get("child")).put("upn", "A201000012345");
		assertThat(post(wrongLetter).getBody()).contains("\"detail\":\"child.upn has the wrong check letter (expected Z)\"");
		// both: refused on upnUnknown
		Map<String, Object> both = referral("RB-" + caseRef, caseRef, "2026-11-20T09:00:00", "north");
		((Map<String, Object>) both.get("child")).put("upn", "Z201000012345");
		((Map<String, Object>) both.get("child")).put("upnUnknown", "UN1");
		assertRefused(both, "child.upnUnknown");
		assertThat(json.readTree(post(both).getBody()).get("errors").findValuesAsText("field"))
			.containsExactly("child.upnUnknown");

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).count()).isZero();
		assertThat(get("/api/cases/" + caseRef).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aCaseHasAnLaChildIdTheCensusAcceptsWhateverItsReference() throws Exception {
		// the case reference's letters and digits, when the front door sends none
		String caseRef = newCaseRef("LA");
		assertThat(post(referral("R-" + caseRef, caseRef, "2026-11-20T09:00:00", "north")).getStatusCode().value())
			.isEqualTo(201);
		String assigned = json.readTree(get("/api/cases/" + caseRef).getBody()).get("laChildId").asText();
		assertThat(assigned).isEqualTo(caseRef.replace("-", "")).matches("[A-Za-z0-9]{1,20}");

		// a reference that gives none (too long once stripped) still gets one, letters and digits, at most 20
		String longRef = "LONG-" + caseRef + "-" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		assertThat(post(referral("R-" + longRef, longRef, "2026-11-20T09:00:00", "north")).getStatusCode().value())
			.isEqualTo(201);
		assertThat(json.readTree(get("/api/cases/" + longRef).getBody()).get("laChildId").asText())
			.matches("[A-Za-z0-9]{1,20}");

		// the council's own, kept; a second referral of the child keeps it
		String own = newCaseRef("OWN");
		String ownId = "LA" + own.replaceAll("[^0-9]", "");
		Map<String, Object> withId = referral("R1-" + own, own, "2026-11-20T09:00:00", "north");
		((Map<String, Object>) withId.get("child")).put("laChildId", ownId);
		assertThat(post(withId).getStatusCode().value()).isEqualTo(201);
		assertThat(post(referral("R2-" + own, own, "2026-11-20T10:00:00", "north")).getStatusCode().value())
			.isEqualTo(201);
		assertThat(json.readTree(get("/api/cases/" + own).getBody()).get("laChildId").asText()).isEqualTo(ownId);

		// another child's: 409, nothing created
		String other = newCaseRef("OTHER");
		Map<String, Object> taken = referral("R-" + other, other, "2026-11-20T09:00:00", "north");
		((Map<String, Object>) taken.get("child")).put("laChildId", ownId);
		ResponseEntity<String> conflict = post(taken);
		assertThat(conflict.getStatusCode().value()).as(conflict.getBody()).isEqualTo(409);
		assertThat(conflict.getBody()).contains("child.laChildId");
		assertThat(get("/api/cases/" + other).getStatusCode().value()).isEqualTo(404);

		// not letters and digits, too long, or not the one the child has: 400 naming it, nothing created
		for (String bad : List.of("C-104233", "A".repeat(21))) {
			Map<String, Object> request = referral("R-" + other + bad.length(), other, "2026-11-20T09:00:00", "north");
			((Map<String, Object>) request.get("child")).put("laChildId", bad);
			assertRefused(request, "child.laChildId");
		}
		Map<String, Object> changed = referral("R3-" + own, own, "2026-11-20T11:00:00", "north");
		((Map<String, Object>) changed.get("child")).put("laChildId", ownId + "9");
		assertRefused(changed, "child.laChildId");
		assertThat(get("/api/cases/" + other).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theApiNeedsAUserButHealthIsPublic() {
		ResponseEntity<String> anonymous = http.postForEntity("/api/referrals",
				new HttpEntity<>(referral("R-ANON", "ANON", "2026-11-20T09:00:00", "north"), jsonHeaders()),
				String.class);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertProblem(anonymous);
		assertThat(http.getForEntity("/api/cases/ANON", String.class).getStatusCode().value()).isEqualTo(401);
		assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
		// a wrong password (for a user no other test logs in as: Camunda delays the next login after a failure)
		assertThat(http.withBasicAuth("mistyped.password", "wrong").getForEntity("/api/cases/ANON", String.class)
			.getStatusCode()
			.value()).isEqualTo(401);
		assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
		assertThat(http.withBasicAuth("worker.north", "secret-worker.north")
			.getForEntity("/engine-rest/engine", String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void whoeverActsThroughTheEngineRestApiIsRecordedInTheUserOperationLog() throws Exception {
		String caseRef = newCaseRef("OPLOG");
		String pid = json.readTree(post(referral("R-" + caseRef, caseRef, "2026-11-20T09:00:00", "north")).getBody())
			.get("processInstanceId")
			.asText();
		String taskId = task(pid, "UserTask_DecideOnReferral").getId();

		ResponseEntity<String> claim = http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
					new HttpEntity<>(Map.of("userId", "worker.north"), jsonHeaders()), String.class);

		assertThat(claim.getStatusCode().value()).as(String.valueOf(claim.getBody())).isEqualTo(204);
		assertThat(engine.getHistoryService()
			.createUserOperationLogQuery()
			.taskId(taskId)
			.operationType("Claim")
			.singleResult()
			.getUserId()).isEqualTo("worker.north");
	}

	private void assertRefused(Map<String, Object> request, String field) throws Exception {
		ResponseEntity<String> response = post(request);
		assertThat(response.getStatusCode().value()).as("status for a bad %s", field).isEqualTo(400);
		assertProblem(response);
		JsonNode body = json.readTree(response.getBody());
		assertThat(body.get("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
		assertThat(body.get("message").asText()).contains(field);
		assertThat(body.get("detail").asText()).contains(field);
	}

	private static void assertProblem(ResponseEntity<String> refused) {
		assertThat(refused.getHeaders().getContentType()).as(refused.getBody())
			.matches(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype, "application/problem+json");
	}

	private ResponseEntity<String> post(Map<String, Object> request) {
		return http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange("/api/referrals", HttpMethod.POST, new HttpEntity<>(request, jsonHeaders()), String.class);
	}

	private ResponseEntity<String> get(String path) {
		return http.withBasicAuth("worker.north", "secret-worker.north").getForEntity(path, String.class);
	}


	private static Map<String, Object> referral(String referralId, String caseRef, String receivedAt, String team) {
		Map<String, Object> child = new java.util.HashMap<>(Map.of("caseRef", caseRef, "givenName", "Ada",
				"familyName", "Example", "dateOfBirth", "2018-03-04", "sex", "F"));
		return new java.util.HashMap<>(Map.of("referralId", referralId, "child", child, "receivedAt", receivedAt,
				"source", "2A", "team", team));
	}

}
