package org.timescales.attack;

import java.util.Map;

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
 * A case belongs to the team that holds it: a practitioner of another team who knows (or guesses) a
 * case reference or a referral id learns nothing of the child and cannot re-team the case; the front
 * door refers into any case, which stays with its holder; and the team a process is granted to comes
 * from the case record, never from a variable its starter chose.
 */
@TimescalesTest
class CrossTeamReferralAttackTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	String north;

	String northProcess;

	@BeforeEach
	void aNorthCase() {
		clockAt("2026-11-23T10:30:00Z");
		north = newCaseRef("XTN");
		northProcess = referrals
			.receive(new ReferralRequest("REF-" + north, new ReferralRequest.Child(north, "Nora", "Northchild", "2016-05-01", "F"),
					"2026-11-23T10:00:00", "2A", "north"))
			.referral()
			.processInstanceId();
	}

	@Test
	void resendingAnotherTeamsReferralIdRevealsNothingOfTheCase() {
		ResponseEntity<String> answer = post("worker.south", referral("REF-" + north, newCaseRef("XTS"), "2016-05-01", "south"));
		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		assertThat(answer.getBody()).contains("referralId").doesNotContain(north).doesNotContain(northProcess);
		// its own team gets the resend answer as before
		ResponseEntity<String> own = post("worker.north", referral("REF-" + north, north, "2016-05-01", "north"));
		assertThat(own.getStatusCode().value()).isEqualTo(200);
		assertThat(own.getBody()).contains(northProcess);
	}

	@Test
	void aReferralForAnotherTeamsCaseNeitherReteamsItNorConfirmsTheChild() {
		ResponseEntity<String> rightBirthday = post("worker.south", referral("R-S1-" + north, north, "2016-05-01", "south"));
		ResponseEntity<String> wrongBirthday = post("worker.south", referral("R-S2-" + north, north, "2011-01-01", "south"));
		assertThat(rightBirthday.getStatusCode().value()).isEqualTo(403);
		// the same answer whether or not the date of birth matches: nothing is confirmed
		assertThat(wrongBirthday.getStatusCode().value()).isEqualTo(403);
		assertThat(normalised(wrongBirthday.getBody())).isEqualTo(normalised(rightBirthday.getBody()));
		assertThat(rightBirthday.getBody() + wrongBirthday.getBody()).doesNotContain("Nora")
			.doesNotContain("dateOfBirth")
			.doesNotContain(northProcess);
		assertThat(teamOf(north)).isEqualTo("north");
		assertThat(runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(north)
			.processDefinitionKey("referral")
			.count()).isOne();
		assertThat(taskService.createTaskQuery().taskCandidateGroup("south").processInstanceBusinessKey(north).count())
			.isZero();
	}

	@Test
	void theFrontDoorRefersIntoAnyCaseAndTheCaseStaysWithItsHolder() {
		ResponseEntity<String> answer = post("frontdoor.one", referral("R-FD-" + north, north, "2016-05-01", "south"));
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
		assertThat(answer.getBody()).contains("\"team\":\"north\"");
		assertThat(teamOf(north)).isEqualTo("north");
		String second = jdbc.sql("select process_instance_id from referral where referral_id = ?")
			.param("R-FD-" + north)
			.query(String.class)
			.single();
		assertThat(jdbc.sql("select team from referral where referral_id = ?").param("R-FD-" + north).query(String.class).single())
			.isEqualTo("north");
		assertThat(grantedGroups(second)).containsExactly("north");
	}

	@Test
	void aProcessIsGrantedToTheTeamTheCaseRecordNamesNotToTheStartersTeamVariable() {
		// as an integrator with the engine's API once could: a start naming another team
		String forged = runtimeService.createProcessInstanceByKey("complaint")
			.businessKey(north)
			.setVariable("team", "south")
			.setVariable("caseRef", north)
			.setVariable("complaintReceivedAt", java.util.Date.from(java.time.Instant.parse("2026-11-23T10:00:00Z")))
			.setVariable("complaintId", "C-" + north)
			.execute()
			.getId();
		assertThat(grantedGroups(forged)).containsExactly("north");
	}

	/**
	 * The groups the engine grants the instance's open tasks to (their candidates' TASK_WORK), and, as the
	 * last element, the team its future tasks go to: what a team's access to an instance is.
	 */
	private java.util.List<String> grantedGroups(String processInstanceId) {
		java.util.List<String> groups = new java.util.ArrayList<>();
		for (var task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
			engine.getAuthorizationService()
				.createAuthorizationQuery()
				.resourceType(org.camunda.bpm.engine.authorization.Resources.TASK)
				.resourceId(task.getId())
				.list()
				.stream()
				.map(org.camunda.bpm.engine.authorization.Authorization::getGroupId)
				.filter(java.util.Objects::nonNull)
				.forEach(groups::add);
		}
		assertThat(groups).as("the instance has an open task granted to a team").isNotEmpty();
		assertThat(runtimeService.getVariable(processInstanceId, "team")).isEqualTo(groups.get(0));
		return groups.stream().distinct().toList();
	}

	private static String normalised(String body) {
		return body.replaceAll("\"timestamp\":\"[^\"]*\"", "").replaceAll("R-S[12]-", "R-S-");
	}

	private String teamOf(String caseRef) {
		return jdbc.sql("select team from child_case where case_ref = ?").param(caseRef).query(String.class).single();
	}

	private ResponseEntity<String> post(String user, Map<String, Object> body) {
		return http.withBasicAuth(user, "secret-" + user)
			.exchange("/api/referrals", HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()), String.class);
	}

	private static Map<String, Object> referral(String referralId, String caseRef, String dateOfBirth, String team) {
		return Map.of("referralId", referralId, "child",
				Map.of("caseRef", caseRef, "givenName", "Any", "familyName", "Child", "dateOfBirth", dateOfBirth, "sex", "F"),
				"receivedAt", "2026-11-23T09:00:00", "source", "2A", "team", team);
	}

}
