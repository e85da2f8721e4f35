package org.timescales.attack;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Issue 11, point 6: a value our checks refuse (a decision dated in the future) was a 400 naming the
 * field in Tasklist but a 500 through {@code /engine-rest}. Now every door gives the same answer — 400,
 * the one sentence "field: reason" — and the task stays open, its clock running.
 */
@TimescalesTest
class RefusedValueOnEngineRestAttackTest extends ProcessTestSupport {

	private static final String DECIDE = "UserTask_DecideOnReferral";

	private static final String REFUSAL = "referralDecisionDate: 2026-11-30 is in the future";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void aFutureDateCompletedThroughEngineRestIs400NamingTheFieldAsInTasklist() throws Exception {
		String pid = decisionToMake(newCaseRef("REFUSED-COMPLETE"));
		String taskId = task(pid, DECIDE).getId();

		ResponseEntity<String> rest = engineRest("/engine-rest/task/" + taskId + "/complete");
		ResponseEntity<String> tasklist = TasklistSession.logIn(http, "worker.north", "secret-worker.north")
			.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
					json.writeValueAsString(futureDecision()));

		assertRefused(rest);
		assertRefused(tasklist);
		assertThat(json.readTree(rest.getBody()).get("message"))
			.isEqualTo(json.readTree(tasklist.getBody()).get("message"));
		assertNothingSaved(pid, taskId);
	}

	@Test
	void aFutureDateSubmittedThroughEngineRestIs400NamingTheField() throws Exception {
		String pid = decisionToMake(newCaseRef("REFUSED-SUBMIT"));
		String taskId = task(pid, DECIDE).getId();

		assertRefused(engineRest("/engine-rest/task/" + taskId + "/submit-form"));
		assertNothingSaved(pid, taskId);
	}

	/** Received Monday 23 November 2026 10:00; it is that afternoon, and the worker records the decision. */
	private String decisionToMake(String caseRef) {
		clockAt("2026-11-23T10:30:00Z");
		String pid = referral(caseRef, "2026-11-23T10:00:00").referral().processInstanceId();
		clockAt("2026-11-23T15:00:00Z");
		taskService.setAssignee(task(pid, DECIDE).getId(), "worker.north");
		return pid;
	}

	private ResponseEntity<String> engineRest(String path) {
		return http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange(path, HttpMethod.POST, new HttpEntity<>(futureDecision(), jsonHeaders()), String.class);
	}

	private static Map<String, Object> futureDecision() {
		return Map.of("variables",
				Map.of("referralDecision", Map.of("value", "ASSESSMENT", "type", "String"), "referralDecisionDate",
						Map.of("value", "2026-11-30", "type", "String"), "decisionRationale",
						Map.of("value", "Concerns about neglect need assessing", "type", "String")));
	}

	private void assertRefused(ResponseEntity<String> answer) throws Exception {
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
		JsonNode body = json.readTree(answer.getBody());
		assertThat(body.get("message").asText()).isEqualTo(REFUSAL);
	}

	private void assertNothingSaved(String pid, String taskId) {
		assertThat(task(pid, DECIDE).getId()).isEqualTo(taskId);
		assertThat(variable(pid, "referralDecision")).isNull();
		assertThat(clock(pid, "referral-decision").stoppedAt()).isNull();
	}

}
