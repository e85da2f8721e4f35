package org.timescales.allocation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfer over real HTTP: every process of the case follows to the new team, the old team loses sight
 * of it, no clock moves, the next escalation goes to the new team's manager, and the case arrives
 * unallocated. Two transfers at once: one wins, the other is 409.
 */
@TimescalesTest
class TransferApiTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	Allocations allocations;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theCaseMovesWithItsWorkItsClocksStayAndTheNextEscalationGoesToTheNewManager() throws Exception {
		String caseRef = newCaseRef("XFER");
		clockAt("2026-12-01T10:30:00Z");
		String pid = referral(caseRef, "2026-12-01T10:00:00").referral().processInstanceId();
		clockAt("2026-12-01T11:00:00Z");
		allocate("tm.north", caseRef, "worker.north");
		Task decision = task(pid, "UserTask_DecideOnReferral");
		Instant dueBefore = decision.getDueDate().toInstant();
		Instant breachBefore = timerDue(pid, "referral-decision", OVERDUE);
		clockAt("2026-12-01T14:00:00Z");

		ResponseEntity<String> moved = transfer("tm.north", caseRef, "south", "Child moved to the south of the county");

		assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(200);
		assertThat(json.readTree(moved.getBody()).get("toTeam").asText()).isEqualTo("south");
		// the old team no longer sees the case, in our API or the engine's
		assertThat(get("worker.north", caseRef).getStatusCode().value()).isEqualTo(404);
		assertThat(get("tm.north", caseRef).getStatusCode().value()).isEqualTo(404);
		assertThat(engineTask("worker.north", decision.getId()).getStatusCode().value()).isEqualTo(404);
		// the new team does, with its history, and the case arrives unallocated
		JsonNode seen = json.readTree(get("tm.south", caseRef).getBody());
		assertThat(seen.get("team").asText()).isEqualTo("south");
		assertThat(seen.get("allocatedWorker").isNull()).isTrue();
		assertThat(seen.at("/allocations/0/endedBecause").asText()).isEqualTo("TRANSFERRED");
		assertThat(seen.at("/allocations/0/to").asText()).isEqualTo("2026-12-01T14:00:00Z");
		assertThat(seen.at("/transfers/0/fromTeam").asText()).isEqualTo("north");
		assertThat(seen.at("/transfers/0/by").asText()).isEqualTo("tm.north");
		assertThat(seen.at("/transfers/0/reason").asText()).isEqualTo("Child moved to the south of the county");
		assertThat(seen.at("/referrals/0/referralId").asText()).isEqualTo("REF-" + caseRef);
		assertThat(engineTask("worker.south", decision.getId()).getStatusCode().value()).isEqualTo(200);
		Task after = task(pid, "UserTask_DecideOnReferral");
		assertThat(after.getAssignee()).isNull();
		assertThat(candidateGroups(after)).containsExactly("south");
		assertThat(variable(pid, "team")).isEqualTo("south");
		// no clock restarts or moves
		assertThat(after.getDueDate().toInstant()).isEqualTo(dueBefore);
		assertThat(timerDue(pid, "referral-decision", OVERDUE)).isEqualTo(breachBefore);
		assertThat(clock(pid, "referral-decision").startedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));

		// the history the new team and auditors read, in JSON and in the CSV export, says who held the child
		JsonNode events = json.readTree(http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/cases/" + caseRef + "/history", String.class)
			.getBody()).get("events");
		JsonNode allocated = only(events, "ALLOCATED");
		assertThat(allocated.get("who").asText()).isEqualTo("tm.north");
		assertThat(allocated.get("at").asText()).isEqualTo("2026-12-01T11:00:00Z");
		assertThat(allocated.get("description").asText()).isEqualTo("Allocated to worker.north in team north: Allocated");
		JsonNode transferred = only(events, "TRANSFERRED");
		assertThat(transferred.get("who").asText()).isEqualTo("tm.north");
		assertThat(transferred.get("description").asText()).isEqualTo(
				"Transferred from team north to team south, arriving unallocated: Child moved to the south of the county");
		assertThat(transferred.get("oldValue").asText()).isEqualTo("north");
		assertThat(transferred.get("newValue").asText()).isEqualTo("south");
		String csv = http.withBasicAuth("tm.south", "secret-tm.south")
			.getForEntity("/api/cases/" + caseRef + "/history?format=csv", String.class)
			.getBody();
		assertThat(csv).contains("TRANSFERRED").contains("Child moved to the south of the county");

		clockAt(breachBefore.plusSeconds(60));
		executeDueJobs();

		assertThat(reviewTasks(caseRef, "tm.south")).hasSize(1);
		assertThat(reviewTasks(caseRef, "tm.north")).isEmpty();
		assertThat(outboxSubjects("tm.south@timescales.test", caseRef)).hasSize(1);
	}

	@Test
	void everyoneOfTheOldTeamWhoEverHeldATaskLosesItOnTransfer() throws Exception {
		String caseRef = newCaseRef("XFERHELD");
		clockAt("2026-12-01T10:30:00Z");
		String pid = referral(caseRef, "2026-12-01T10:00:00").referral().processInstanceId();
		allocate("tm.north", caseRef, "worker.north");
		// reallocated: the engine keeps worker.north's grant on the task it no longer holds
		allocate("tm.north", caseRef, "colleague.north");
		String taskId = task(pid, "UserTask_DecideOnReferral").getId();
		assertThat(engineTask("worker.north", taskId).getStatusCode().value()).isEqualTo(200);

		assertThat(transfer("tm.north", caseRef, "south", "Moved").getStatusCode().value()).isEqualTo(200);

		for (String former : List.of("worker.north", "colleague.north", "tm.north")) {
			assertThat(engineTask(former, taskId).getStatusCode().value()).as(former).isEqualTo(404);
			ResponseEntity<String> claim = http.withBasicAuth(former, "secret-" + former)
				.exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
						new HttpEntity<>(Map.of("userId", former), jsonHeaders()), String.class);
			assertThat(claim.getStatusCode().value()).as(former).isEqualTo(404);
		}
		assertThat(engine.getAuthorizationService()
			.createAuthorizationQuery()
			.resourceType(org.camunda.bpm.engine.authorization.Resources.TASK)
			.resourceId(taskId)
			.list()).extracting(a -> a.getGroupId() == null ? a.getUserId() : a.getGroupId()).containsExactly("south");
		assertThat(task(pid, "UserTask_DecideOnReferral").getAssignee()).isNull();
	}

	@Test
	void aRaisedEscalationStaysWithTheManagerWhoHasIt() throws Exception {
		String caseRef = newCaseRef("XFERESC");
		clockAt("2026-12-01T10:30:00Z");
		String pid = referral(caseRef, "2026-12-01T10:00:00").referral().processInstanceId();
		clockAt(timerDue(pid, "referral-decision", OVERDUE).plusSeconds(60));
		executeDueJobs();
		assertThat(reviewTasks(caseRef, "tm.north")).hasSize(1);

		assertThat(transfer("tm.north", caseRef, "south", "Moved").getStatusCode().value()).isEqualTo(200);

		assertThat(reviewTasks(caseRef, "tm.north")).hasSize(1);
		assertThat(reviewTasks(caseRef, "tm.south")).isEmpty();
		// the manager who has the review still sees and works it, though the case has moved
		String review = reviewTasks(caseRef, "tm.north").get(0).getId();
		assertThat(engineTask("tm.north", review).getStatusCode().value()).isEqualTo(200);
		assertThat(task(pid, "UserTask_DecideOnReferral").getAssignee()).isNull();
	}

	@Test
	void aReferralForATransferredCaseGoesToTheTeamThatHoldsIt() throws Exception {
		String caseRef = newCaseRef("XFERREF");
		clockAt("2026-12-01T10:30:00Z");
		referral(caseRef, "2026-12-01T10:00:00");
		assertThat(transfer("tm.north", caseRef, "south", "Moved").getStatusCode().value()).isEqualTo(200);
		clockAt("2026-12-01T12:30:00Z");

		var again = referrals.receive(new org.timescales.referral.ReferralRequest("REF2-" + caseRef,
				new org.timescales.referral.ReferralRequest.Child(caseRef, "Test", "Child", "2016-05-01", "F"),
				"2026-12-01T12:00:00", "2A", "north"));

		assertThat(again.referral().team()).isEqualTo("south");
		assertThat(candidateGroups(task(again.referral().processInstanceId(), "UserTask_DecideOnReferral")))
			.containsExactly("south");
	}

	@Test
	void badTransfersAreRefusedAndChangeNothing() throws Exception {
		String caseRef = newCaseRef("XFERBAD");
		clockAt("2026-12-01T10:30:00Z");
		referral(caseRef, "2026-12-01T10:00:00");

		assertRefused(transfer("tm.north", caseRef, "atlantis", "Far away"), "team");
		assertRefused(transfer("tm.north", caseRef, "north", "Same team"), "team");
		assertRefused(transfer("tm.north", caseRef, "south", ""), "reason");
		assertRefused(transfer("tm.north", caseRef, null, "No team"), "team");
		assertThat(transfer("worker.north", caseRef, "south", "Practitioner").getStatusCode().value()).isEqualTo(403);
		assertThat(transfer("auditor.one", caseRef, "south", "Auditor").getStatusCode().value()).isEqualTo(403);
		assertThat(json.readTree(get("tm.north", caseRef).getBody()).get("team").asText()).isEqualTo("north");
		// the service manager of the team may
		assertThat(transfer("sm.east", caseRef, "south", "Service decision").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void twoTransfersAtOnceOneWinsTheOtherIs409() throws Exception {
		String caseRef = newCaseRef("XFERRACE");
		clockAt("2026-12-01T10:30:00Z");
		String pid = referral(caseRef, "2026-12-01T10:00:00").referral().processInstanceId();
		CountDownLatch firstDone = new CountDownLatch(1);
		CountDownLatch secondRead = new CountDownLatch(1);
		// the first transfer holds the case's lock, uncommitted, until the second has read the case
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
			signInAs("sm.east");
			try {
				allocations.transfer(caseRef, "south", "First", "sm.east");
				firstDone.countDown();
				assertThat(secondRead.await(30, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}));
		assertThat(firstDone.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<ResponseEntity<String>> second = CompletableFuture
			.supplyAsync(() -> transfer("sm.east", caseRef, "west", "Second"));
		// the second has read the case as north (the first is not committed) once it waits for the lock
		awaitLockWait();
		secondRead.countDown();
		first.get(30, TimeUnit.SECONDS);

		ResponseEntity<String> loser = second.get(30, TimeUnit.SECONDS);

		assertThat(loser.getStatusCode().value()).as(loser.getBody()).isEqualTo(409);
		assertThat(loser.getBody()).contains("transferred to team south");
		assertThat(candidateGroups(task(pid, "UserTask_DecideOnReferral"))).containsExactly("south");
		assertThat(json.readTree(get("sm.east", caseRef).getBody()).get("transfers")).hasSize(1);
	}

	private static JsonNode only(JsonNode events, String what) {
		List<JsonNode> found = new java.util.ArrayList<>();
		events.forEach(event -> {
			if (what.equals(event.get("what").asText())) {
				found.add(event);
			}
		});
		assertThat(found).as(what).hasSize(1);
		return found.get(0);
	}

	/** Waits (bounded) until a database session is blocked on another's lock (H2 or PostgreSQL). */
	private void awaitLockWait() throws InterruptedException {
		String product = jdbc.sql("select 1").query((rs, row) -> rs.getStatement().getConnection().getMetaData()
			.getDatabaseProductName()).single();
		String blockedSessions = "PostgreSQL".equals(product) ? "select count(*) from pg_locks where not granted"
				: "select count(*) from information_schema.sessions where blocker_id is not null";
		for (int i = 0; i < 300; i++) {
			Long blocked = jdbc.sql(blockedSessions).query(Long.class).single();
			if (blocked > 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the second transfer never waited for the first one's lock");
	}

	private static void signInAs(String user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
					List.of(new SimpleGrantedAuthority("GROUP_service-manager"))));
	}

	private void allocate(String user, String caseRef, String worker) {
		ResponseEntity<String> response = HolderRequests.allocate(http, user, caseRef, worker, null, "Allocated");
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
	}

	private ResponseEntity<String> transfer(String user, String caseRef, String team, String reason) {
		return HolderRequests.transfer(http, user, caseRef, team, reason);
	}

	private ResponseEntity<String> get(String user, String caseRef) {
		return HolderRequests.getCase(http, user, caseRef);
	}

	private ResponseEntity<String> engineTask(String user, String taskId) {
		return http.withBasicAuth(user, "secret-" + user)
			.exchange("/engine-rest/task/" + taskId, HttpMethod.GET, new HttpEntity<>(jsonHeaders()), String.class);
	}

	private void assertRefused(ResponseEntity<String> response, String field) throws Exception {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).containsExactly(field);
	}

}
