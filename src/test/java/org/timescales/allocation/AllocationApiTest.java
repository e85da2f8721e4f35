package org.timescales.allocation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
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
 * Allocation over real HTTP: a team manager allocates a case to a worker of the team, its open and
 * new tasks go to the worker, reallocation moves them on, and every refusal names its field.
 */
@TimescalesTest
class AllocationApiTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void aManagerAllocatesACaseAndItsOpenAndNewTasksGoToTheWorker() throws Exception {
		String caseRef = newCaseRef("ALLOC");
		clockAt("2026-12-01T10:30:00Z");
		String pid = referral(caseRef, "2026-12-01T10:00:00").referral().processInstanceId();
		clockAt("2026-12-01T11:00:00Z");

		ResponseEntity<String> allocated = allocate("tm.north", caseRef, "worker.north", null, "Duty allocation");

		assertThat(allocated.getStatusCode().value()).as(allocated.getBody()).isEqualTo(200);
		JsonNode body = json.readTree(allocated.getBody());
		assertThat(body.get("allocatedWorker").asText()).isEqualTo("worker.north");
		assertThat(body.at("/allocations/0/worker").asText()).isEqualTo("worker.north");
		assertThat(body.at("/allocations/0/by").asText()).isEqualTo("tm.north");
		assertThat(body.at("/allocations/0/reason").asText()).isEqualTo("Duty allocation");
		assertThat(body.at("/allocations/0/from").asText()).isEqualTo("2026-12-01T11:00:00Z");
		assertThat(body.at("/allocations/0/to").isNull()).isTrue();
		Task decision = task(pid, "UserTask_DecideOnReferral");
		assertThat(decision.getAssignee()).isEqualTo("worker.north");
		assertThat(candidateGroups(decision)).containsExactly("north");

		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT", "referralDecisionDate",
				"2026-12-01", "decisionRationale", "Assess"));

		assertThat(task(pid, "UserTask_CompleteAssessment").getAssignee()).isEqualTo("worker.north");
		// and the reminder of a deadline near goes to the worker, not the team's mailbox
		clockAt(timerDue(pid, "assessment", DUE_SOON).plusSeconds(60));
		executeDueJobs();
		assertThat(outboxSubjects("worker.north@timescales.test", caseRef)).hasSize(1);
		assertThat(outboxSubjects("north-team@timescales.test", caseRef)).isEmpty();
	}

	@Test
	void reallocationEndsTheLastAllocationAndMovesTheWork() throws Exception {
		String caseRef = newCaseRef("REALLOC");
		String pid = referredForAssessment(caseRef);
		clockAt("2026-11-24T09:00:00Z");
		allocate("tm.north", caseRef, "worker.north", null, "First allocation");
		clockAt("2026-11-25T09:00:00Z");

		ResponseEntity<String> moved = allocate("tm.north", caseRef, "colleague.north", null, "Worker on leave");

		assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(200);
		JsonNode allocations = json.readTree(moved.getBody()).get("allocations");
		assertThat(allocations).hasSize(2);
		assertThat(allocations.at("/0/worker").asText()).isEqualTo("worker.north");
		assertThat(allocations.at("/0/to").asText()).isEqualTo("2026-11-25T09:00:00Z");
		assertThat(allocations.at("/0/endedBecause").asText()).isEqualTo("REALLOCATED");
		assertThat(allocations.at("/1/worker").asText()).isEqualTo("colleague.north");
		assertThat(allocations.at("/1/to").isNull()).isTrue();
		assertThat(task(pid, "UserTask_CompleteAssessment").getAssignee()).isEqualTo("colleague.north");
		// the same allocation again changes nothing
		allocate("tm.north", caseRef, "colleague.north", null, "Again");
		assertThat(json.readTree(get("tm.north", caseRef).getBody()).get("allocations")).hasSize(2);
	}

	@Test
	void badAllocationsAreRefusedNamingTheField() throws Exception {
		String caseRef = newCaseRef("ALLOCBAD");
		referredForAssessment(caseRef);

		assertRefused(allocate("tm.north", caseRef, "nobody.here", null, "Unknown"), "worker", "no user");
		assertRefused(allocate("tm.north", caseRef, "worker.south", null, "Wrong team"), "worker", "not in team north");
		assertRefused(allocate("tm.north", caseRef, " ", null, "Blank"), "worker", "required");
		assertRefused(allocate("tm.north", caseRef, "worker.north", null, " "), "reason", "required");
		assertThat(allocate("worker.north", caseRef, "worker.north", null, "Myself").getStatusCode().value())
			.isEqualTo(403);
		assertThat(allocate("frontdoor.one", caseRef, "worker.north", null, "Front door").getStatusCode().value())
			.isEqualTo(403);
		// another team's manager is told the case does not exist, as for any case they may not read
		assertThat(allocate("tm.south", caseRef, "worker.south", null, "Mine now").getStatusCode().value())
			.isEqualTo(404);
		assertThat(json.readTree(get("tm.north", caseRef).getBody()).get("allocations")).isEmpty();
	}

	@Test
	void childProtectionWorkIsNotAllocatedToAFamilyPractitioner() throws Exception {
		String caseRef = newCaseRef("ALLOCCP");
		clockAt("2026-12-01T10:30:00Z");
		String pid = referral(caseRef, "2026-12-01T10:00:00").referral().processInstanceId();
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "STRATEGY_DISCUSSION",
				"referralDecisionDate", "2026-12-01", "decisionRationale", "Injury"));

		ResponseEntity<String> refused = allocate("tm.north", caseRef, "fp.north", "worker.north", "Family help");

		assertRefused(refused, "worker", "Section 47 enquiries, child protection conferences and plans");
		assertThat(json.readTree(refused.getBody()).toString()).contains("Working Together 2023");
		assertThat(allocate("tm.north", caseRef, "worker.north", null, "Social worker").getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void aFamilyPractitionerHoldsChildInNeedWorkUnderANamedSocialWorker() throws Exception {
		String caseRef = newCaseRef("ALLOCFP");
		String pid = referredForAssessment(caseRef);

		assertRefused(allocate("tm.north", caseRef, "fp.north", null, "Family help"), "supervisor", "required");
		assertRefused(allocate("tm.north", caseRef, "fp.north", "fp.north", "Family help"), "supervisor",
				"must be a social worker");

		ResponseEntity<String> allocated = allocate("tm.north", caseRef, "fp.north", "worker.north", "Family help");

		assertThat(allocated.getStatusCode().value()).as(allocated.getBody()).isEqualTo(200);
		JsonNode body = json.readTree(allocated.getBody());
		assertThat(body.get("allocatedWorker").asText()).isEqualTo("fp.north");
		assertThat(body.get("supervisor").asText()).isEqualTo("worker.north");
		assertThat(task(pid, "UserTask_CompleteAssessment").getAssignee()).isEqualTo("fp.north");
		// the supervision clock runs: the supervisor records oversight within 20 working days of the allocation
		String supervision = supervisionOf(caseRef);
		assertThat(supervision).isNotNull();
		Task record = taskService.createTaskQuery().processInstanceId(supervision).singleResult();
		assertThat(record.getAssignee()).isEqualTo("worker.north");
		// allocated Monday 23 November 2026 at 15:00: 20 working days is Monday 21 December, end of the day
		assertThat(clock(supervision, "supervision").dueDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 21));

		assertThat(allocate("tm.north", caseRef, "worker.north", null, "Needs a social worker now").getStatusCode()
			.value()).isEqualTo(200);

		assertThat(supervisionOf(caseRef)).isNull();
		assertThat(clock(supervision, "supervision").status()).isEqualTo(org.timescales.clock.ClockStatus.CANCELLED);
	}

	private String supervisionOf(String caseRef) {
		var running = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("supervision")
			.processInstanceBusinessKey(caseRef)
			.singleResult();
		return running == null ? null : running.getId();
	}

	@Test
	void aFamilyPractitionerMayNotWorkSection47TasksThroughTasklist() throws Exception {
		String caseRef = newCaseRef("FPS47");
		clockAt("2026-12-01T10:30:00Z");
		String pid = referral(caseRef, "2026-12-01T10:00:00").referral().processInstanceId();
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "STRATEGY_DISCUSSION",
				"referralDecisionDate", "2026-12-01", "decisionRationale", "Injury"));
		Task strategy = task(instanceOf("section47", caseRef), "UserTask_HoldStrategyDiscussion");

		ResponseEntity<String> claim = http.withBasicAuth("fp.north", "secret-fp.north")
			.exchange("/engine-rest/task/" + strategy.getId() + "/claim", HttpMethod.POST,
					new HttpEntity<>(Map.of("userId", "fp.north"), jsonHeaders()), String.class);

		assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(403);
		assertThat(claim.getBody()).contains("social-worker");
		assertThat(task(instanceOf("section47", caseRef), "UserTask_HoldStrategyDiscussion").getAssignee()).isNull();
		// nor may the manager give it to them
		ResponseEntity<String> given = http.withBasicAuth("tm.north", "secret-tm.north")
			.exchange("/engine-rest/task/" + strategy.getId() + "/assignee", HttpMethod.POST,
					new HttpEntity<>(Map.of("userId", "fp.north"), jsonHeaders()), String.class);
		assertThat(given.getStatusCode().value()).as(given.getBody()).isEqualTo(400);
		assertThat(given.getBody()).contains("userId: fp.north may not work this task");
		// a social worker of the team may
		ResponseEntity<String> byASocialWorker = http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange("/engine-rest/task/" + strategy.getId() + "/claim", HttpMethod.POST,
					new HttpEntity<>(Map.of("userId", "worker.north"), jsonHeaders()), String.class);
		assertThat(byASocialWorker.getStatusCode().value()).as(byASocialWorker.getBody()).isEqualTo(204);
	}

	private ResponseEntity<String> allocate(String user, String caseRef, String worker, String supervisor,
			String reason) {
		return HolderRequests.allocate(http, user, caseRef, worker, supervisor, reason);
	}

	private ResponseEntity<String> get(String user, String caseRef) {
		return HolderRequests.getCase(http, user, caseRef);
	}

	private void assertRefused(ResponseEntity<String> response, String field, String says) throws Exception {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		JsonNode errors = json.readTree(response.getBody()).get("errors");
		assertThat(errors.findValuesAsText("field")).containsExactly(field);
		assertThat(errors.findValuesAsText("message").get(0)).contains(says);
	}

}
