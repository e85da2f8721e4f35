package org.timescales.security;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Least privilege on every surface, one test per role and one across teams: our API, the engine's REST
 * API (what Tasklist and integrators use) and the pages. Each fails if a single forbidden read or write
 * succeeds.
 */
@TimescalesTest
class AccessTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	String north;

	String south;

	String northTask;

	String southTask;

	@BeforeEach
	void aCaseInEachTeam() {
		clockAt("2026-11-23T10:30:00Z");
		north = newCaseRef("ACN");
		south = newCaseRef("ACS");
		referrals.receive(new ReferralRequest("REF-" + north, new ReferralRequest.Child(north, "N", "Child", "2016-05-01", "F"),
				"2026-11-23T10:00:00", "2A", "north"));
		referrals.receive(new ReferralRequest("REF-" + south, new ReferralRequest.Child(south, "S", "Child", "2016-05-01", "F"),
				"2026-11-23T10:00:00", "2A", "south"));
		northTask = taskService.createTaskQuery().processInstanceBusinessKey(north).singleResult().getId();
		southTask = taskService.createTaskQuery().processInstanceBusinessKey(south).singleResult().getId();
	}

	@Test
	void aPractitionerSeesAndWorksOnlyTheirOwnTeamsCases() throws Exception {
		String user = "worker.north";
		assertThat(get(user, "/api/cases/" + north)).isEqualTo(200);
		// another team's case is answered as one that does not exist
		assertThat(get(user, "/api/cases/" + south)).isEqualTo(404);
		// the refused look is on the record's log too
		assertThat(jdbc.sql("select viewed_by, what from record_view where case_ref = ?")
			.param(south)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list()).containsExactly("worker.north refused");
		assertThat(count(user, "/engine-rest/task?processInstanceBusinessKey=" + north)).isEqualTo(1);
		assertThat(count(user, "/engine-rest/task?processInstanceBusinessKey=" + south)).isZero();
		// instances and history are read through /api (on the record-view log), not the engine's API
		assertThat(get(user, "/engine-rest/process-instance?businessKey=" + north)).isEqualTo(403);
		assertThat(get(user, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + north)).isEqualTo(403);
		assertThat(post(user, "/engine-rest/task/" + southTask + "/claim", Map.of("userId", user))).isEqualTo(404);
		assertThat(post(user, "/engine-rest/task/" + northTask + "/claim", Map.of("userId", user))).isEqualTo(204);
		assertThat(post(user, "/api/cases/" + south + "/corrections",
				Map.of("variable", "referralReceivedAt", "value", "2026-11-22T10:00:00", "reason", "x"))).isEqualTo(404);
		assertThat(post(user, "/api/referrals", referral("R2-" + south, south, "south"))).isEqualTo(403);
		assertThat(get(user, "/admin/outbox")).isEqualTo(403);
		assertThat(get(user, "/engine-rest/user")).isEqualTo(200);
		assertThat(get(user, "/engine-rest/authorization")).isEqualTo(403);
	}

	@Autowired
	EngineAuthorizations engineAuthorizations;

	/**
	 * A case adds no authorization row but its open tasks' own: no per-instance grant for every command's
	 * group check to read, and those an older version made are removed at start-up.
	 */
	@Test
	void aCaseIsGrantedNothingPerInstanceAndOlderPerInstanceGrantsAreRemoved() throws Exception {
		String pid = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(north)
			.processDefinitionKey("referral")
			.singleResult()
			.getId();
		var authorizations = engine.getAuthorizationService();
		assertThat(authorizations.createAuthorizationQuery().resourceId(pid).count()).isZero();
		var older = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
		older.setGroupId("north");
		older.setResource(org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE);
		older.setResourceId(pid);
		older.addPermission(org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ);
		authorizations.saveAuthorization(older);

		engineAuthorizations.run(null);

		assertThat(authorizations.createAuthorizationQuery().resourceId(pid).count()).isZero();
		assertThat(authorizations.createAuthorizationQuery()
			.resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE)
			.resourceId("*")
			.groupIdIn(Roles.AUDITOR)
			.count()).isEqualTo(1);
		assertThat(authorizations.createAuthorizationQuery().resourceId(northTask).list())
			.extracting(a -> a.getGroupId())
			.containsExactly("north");
	}

	@Test
	void aTeamManagerSeesTheirTeamAndNotAnother() throws Exception {
		assertThat(get("tm.south", "/api/cases/" + south)).isEqualTo(200);
		assertThat(get("tm.south", "/api/cases/" + north)).isEqualTo(404);
		assertThat(count("tm.south", "/engine-rest/task?processInstanceBusinessKey=" + north)).isZero();
		// a manager reassigns within their team
		assertThat(post("tm.south", "/engine-rest/task/" + southTask + "/assignee", Map.of("userId", "worker.south")))
			.isEqualTo(204);
		assertThat(post("tm.south", "/engine-rest/task/" + northTask + "/assignee", Map.of("userId", "tm.south")))
			.isEqualTo(404);
		// and only to a member of the team
		assertThat(post("tm.south", "/engine-rest/task/" + southTask + "/assignee", Map.of("userId", "worker.north")))
			.isEqualTo(400);
		assertThat(taskService.createTaskQuery().taskId(southTask).singleResult().getAssignee()).isEqualTo("worker.south");
		// a practitioner does not allocate
		assertThat(post("worker.south", "/engine-rest/task/" + southTask + "/assignee", Map.of("userId", "worker.south")))
			.isEqualTo(403);
	}

	@Test
	void aServiceManagerSeesEveryTeamOfTheirService() throws Exception {
		assertThat(get("sm.east", "/api/cases/" + north)).isEqualTo(200);
		assertThat(get("sm.east", "/api/cases/" + south)).isEqualTo(200);
		// and their escalations in Tasklist; the teams' own work through /oversight (OversightTest)
		assertThat(get("sm.east", "/oversight")).isEqualTo(200);
	}

	@Test
	void anAuditorReadsEveryCaseAndItsHistoryAndChangesNothing() throws Exception {
		String user = "auditor.one";
		assertThat(get(user, "/api/cases/" + north)).isEqualTo(200);
		assertThat(get(user, "/api/cases/" + south)).isEqualTo(200);
		assertThat(count(user, "/engine-rest/task?processInstanceBusinessKey=" + north)).isEqualTo(1);
		assertThat(count(user, "/engine-rest/task?processInstanceBusinessKey=" + south)).isEqualTo(1);
		assertThat(post(user, "/engine-rest/task/" + northTask + "/claim", Map.of("userId", user))).isEqualTo(403);
		assertThat(post(user, "/engine-rest/task/" + northTask + "/complete", Map.of())).isEqualTo(403);
		assertThat(post(user, "/api/referrals", referral("R3-" + north, north, "north"))).isEqualTo(403);
		assertThat(post(user, "/api/cases/" + north + "/corrections",
				Map.of("variable", "referralReceivedAt", "value", "2026-11-22T10:00:00", "reason", "x"))).isEqualTo(403);
		assertThat(get(user, "/admin/outbox")).isEqualTo(403);
		assertThat(taskService.createTaskQuery().taskId(northTask).singleResult().getAssignee()).isNull();
	}

	@Test
	void nobodyUnauthenticatedGetsInButTheHealthCheckAndPagesSendThemToLogIn() {
		assertThat(http.getForEntity("/api/cases/" + north, String.class).getStatusCode().value()).isEqualTo(401);
		assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
		ResponseEntity<String> page = http.exchange("/admin/outbox", HttpMethod.GET,
				new HttpEntity<>(htmlHeaders()), String.class);
		// redirected (and followed) to the login form, not shown the page
		assertThat(page.getBody()).contains("Please sign in").contains("name=\"username\"").doesNotContain("outbox");
		assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
		assertThat(http.getForEntity("/actuator/info", String.class).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void onlyAnAdministratorReachesTheAdminPages() {
		assertThat(get("admin.one", "/admin/outbox")).isEqualTo(200);
		assertThat(get("tm.north", "/admin/outbox")).isEqualTo(403);
	}

	private int get(String user, String path) {
		return http.withBasicAuth(user, "secret-" + user).getForEntity(path, String.class).getStatusCode().value();
	}

	private int count(String user, String path) throws Exception {
		ResponseEntity<String> response = http.withBasicAuth(user, "secret-" + user).getForEntity(path, String.class);
		assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
		JsonNode list = json.readTree(response.getBody());
		return list.size();
	}

	private int post(String user, String path, Map<String, Object> body) {
		return http.withBasicAuth(user, "secret-" + user)
			.exchange(path, HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()), String.class)
			.getStatusCode()
			.value();
	}

	private static org.springframework.http.HttpHeaders htmlHeaders() {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setAccept(java.util.List.of(org.springframework.http.MediaType.TEXT_HTML));
		return headers;
	}

	private static Map<String, Object> referral(String referralId, String caseRef, String team) {
		return Map.of("referralId", referralId, "child",
				Map.of("caseRef", caseRef, "givenName", "X", "familyName", "Y", "dateOfBirth", "2016-05-01", "sex", "F"),
				"receivedAt", "2026-11-20T09:00:00", "source", "2A", "team", team);
	}

}
