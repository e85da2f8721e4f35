package org.timescales.attack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.clock.ClockStatus;
import org.timescales.lookedafter.LookedAfterService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 6: a person's change that collides with a timer firing on the same case (back-dated
 * entry makes it common: the deadline's timer is due the moment the work is recorded) was a 500. Now it
 * is retried on the server and succeeds, or, still colliding after the bounded retries, answered 409
 * with Retry-After — and nothing of the failed attempts is saved. Through {@code /engine-rest}, the
 * webapps' engine API that Tasklist calls, and an {@code /api} command, over real HTTP as the real users.
 * The collision is made deterministic by {@link SameCaseCollision}: no sleeps, no luck.
 * <p>
 * Issue 13 moved the deadline timers off the task onto the clock's watcher (bpmn/deadlineWatch.bpmn),
 * which shares no row with the person's save: the timer and the save now both stand at the first
 * attempt (the save ends the watcher as it commits, reading it afresh). The bounded retries and the 409
 * are still what a save gets from a write that does collide: another change to the same task at the
 * same moment (a manager re-prioritising it, a transfer rewriting the process's team), as below.
 */
@TimescalesTest
class TimerCollisionAttackTest extends ProcessTestSupport {

	private static final String DECIDE = "UserTask_DecideOnReferral";

	/** A timer of the watcher of a clock (bpmn/deadlineWatch.bpmn): the clock's rule and the timer's id. */
	private record WatchTimer(String ruleId, String timer) {
	}

	private static final WatchTimer DECISION_OVERDUE = new WatchTimer("referral-decision", OVERDUE);

	private static final WatchTimer DECISION_REMINDER = new WatchTimer("referral-decision", DUE_SOON);

	private static final WatchTimer VISIT_REMINDER = new WatchTimer("cla-visit", DUE_SOON);

	private static final WatchTimer VISIT_OVERDUE = new WatchTimer("cla-visit", OVERDUE);


	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	LookedAfterService lookedAfter;

	@Test
	void aDecisionCompletedThroughEngineRestAsItsOverdueTimerFiresIsSavedOnceAndTheEscalationStands() throws Exception {
		String caseRef = newCaseRef("COLLIDE-REST");
		String pid = decisionOverdue(caseRef);
		String taskId = task(pid, DECIDE).getId();

		try (SameCaseCollision collision = SameCaseCollision.on(context, pid, "complete",
				attempt -> attempt == 1 ? fire(pid, DECISION_OVERDUE) : null)) {
			ResponseEntity<String> answer = engineRest("/engine-rest/task/" + taskId + "/complete");
			collision.assertCollided();
			assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
			assertThat(collision.attempts()).as("the timer is the watcher's: the first attempt was saved").isEqualTo(1);
		}

		assertDecidedOnceAfterTheTimersEscalation(pid);
	}

	@Test
	void aDecisionSubmittedThroughEngineRestThatKeepsCollidingIs409WithRetryAfterAndSavesNothing() throws Exception {
		String caseRef = newCaseRef("COLLIDE-REST409");
		String pid = decisionLongOverdue(caseRef);
		String taskId = task(pid, DECIDE).getId();

		try (SameCaseCollision collision = SameCaseCollision.on(context, pid, "complete", alwaysColliding(pid))) {
			ResponseEntity<String> answer = engineRest("/engine-rest/task/" + taskId + "/submit-form");
			collision.assertCollided();
			assertConflict(answer);
			assertThat(collision.attempts()).as("bounded: three attempts, then the answer").isEqualTo(3);
		}

		assertNothingDecided(pid, taskId);
	}

	@Test
	void aFormSubmittedInTasklistAsItsOverdueTimerFiresIsSavedOnceAndTheEscalationStands() throws Exception {
		String caseRef = newCaseRef("COLLIDE-TL");
		String pid = decisionOverdue(caseRef);
		String taskId = task(pid, DECIDE).getId();
		TasklistSession tasklist = TasklistSession.logIn(http, "worker.north", "secret-worker.north");

		try (SameCaseCollision collision = SameCaseCollision.on(context, pid, "complete",
				attempt -> attempt == 1 ? fire(pid, DECISION_OVERDUE) : null)) {
			ResponseEntity<String> answer = tasklist.post(
					"/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", json.writeValueAsString(decision()));
			collision.assertCollided();
			assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
			assertThat(collision.attempts()).isEqualTo(1);
		}

		assertDecidedOnceAfterTheTimersEscalation(pid);
	}

	@Test
	void aFormSubmittedInTasklistThatKeepsCollidingIs409WithRetryAfterAndSavesNothing() throws Exception {
		String caseRef = newCaseRef("COLLIDE-TL409");
		String pid = decisionLongOverdue(caseRef);
		String taskId = task(pid, DECIDE).getId();
		TasklistSession tasklist = TasklistSession.logIn(http, "worker.north", "secret-worker.north");

		try (SameCaseCollision collision = SameCaseCollision.on(context, pid, "complete", alwaysColliding(pid))) {
			ResponseEntity<String> answer = tasklist.post(
					"/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", json.writeValueAsString(decision()));
			collision.assertCollided();
			assertConflict(answer);
			assertThat(collision.attempts()).isEqualTo(3);
		}

		assertNothingDecided(pid, taskId);
	}

	@Test
	void leftCareRecordedThroughTheApiAsAVisitTimerFiresIsSavedOnceAndTheEscalationStands() throws Exception {
		String caseRef = newCaseRef("COLLIDE-API");
		String pid = lookedAfterWithVisitOverdue(caseRef);
		List<String> openTasks = openTasks(pid);

		try (SameCaseCollision collision = SameCaseCollision.on(context, pid, "delete",
				attempt -> attempt == 1 ? fire(pid, VISIT_OVERDUE) : null)) {
			ResponseEntity<String> answer = leftCare(caseRef);
			collision.assertCollided();
			assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
			assertThat(collision.attempts()).isEqualTo(1);
		}

		assertThat(ended(pid)).isTrue();
		// saved once: each task has one comment
		for (String task : openTasks) {
			assertThat(taskService.getTaskComments(task)).as("comments on " + task).hasSize(1);
		}
		assertThat(caseClocks.ofProcessInstance(pid)).allSatisfy(c -> assertThat(c.stoppedAt()).isNotNull());
		// the timer that fired first stands: the visit was escalated, once
		assertThat(clock(pid, "cla-visit").escalations()).extracting(e -> e.tier()).containsExactly(1);
	}

	@Test
	void leftCareThatKeepsCollidingIs409WithRetryAfterAndSavesNothing() throws Exception {
		String caseRef = newCaseRef("COLLIDE-API409");
		String pid = lookedAfterWithVisitOverdue(caseRef);
		List<String> openTasks = openTasks(pid);

		try (SameCaseCollision collision = SameCaseCollision.on(context, pid, "delete", teamRewrittenEachAttempt(pid))) {
			ResponseEntity<String> answer = leftCare(caseRef);
			collision.assertCollided();
			assertConflict(answer);
			assertThat(collision.attempts()).isEqualTo(3);
		}

		assertThat(ended(pid)).isFalse();
		assertThat(openTasks(pid)).containsExactlyInAnyOrderElementsOf(openTasks);
		for (String task : openTasks) {
			assertThat(taskService.getTaskComments(task)).as("comments on " + task).isEmpty();
		}
		assertThat(variable(pid, "leftCareDate")).isNull();
		assertThat(clock(pid, "cla-visit").status()).isNotEqualTo(ClockStatus.CANCELLED);
		assertThat(clock(pid, "cla-review").stoppedAt()).isNull();
	}

	/** Received Monday 23 November 2026 10:00, decision due a working day later; now past it, the overdue timer due. */
	private String decisionOverdue(String caseRef) {
		return decisionWithTimersDue(caseRef, "2026-11-25T12:00:00Z", DECISION_OVERDUE);
	}

	/**
	 * Entered days late (back-dated): the reminder due, and the overdue and still-overdue timers after it
	 * due as soon as each is reached, to fire one after another as the worker saves.
	 */
	private String decisionLongOverdue(String caseRef) {
		return decisionWithTimersDue(caseRef, "2026-11-27T12:00:00Z", DECISION_REMINDER);
	}

	private String decisionWithTimersDue(String caseRef, String now, WatchTimer... waiting) {
		clockAt("2026-11-23T10:30:00Z");
		String pid = referral(caseRef, "2026-11-23T10:00:00").referral().processInstanceId();
		clockAt(now);
		// what else fell due has run; the waiting timers fire as the worker saves
		List<String> kept = java.util.Arrays.stream(waiting).map(WatchTimer::timer).toList();
		managementService.createJobQuery()
			.processInstanceId(watchOf(pid, "referral-decision"))
			.executable()
			.list()
			.stream()
			.filter(job -> !kept.contains(activityOf(job)))
			.forEach(job -> managementService.executeJob(job.getId()));
		for (WatchTimer timer : waiting) {
			assertThat(job(pid, timer).getDuedate().toInstant()).as(timer.toString()).isBefore(Instant.parse(now));
		}
		taskService.setAssignee(task(pid, DECIDE).getId(), "worker.north");
		return pid;
	}

	/** Looked after (back-dated) since 2 November 2026; now 23 November: the first week's visit is overdue. */
	private String lookedAfterWithVisitOverdue(String caseRef) {
		clockAt("2026-11-23T12:00:00Z");
		referral(caseRef, "2026-11-02T09:00:00");
		String pid = lookedAfter.becomeLookedAfter(caseRef, "2026-11-02", "2026-11-02", "C2", null).processInstanceId();
		// the reminder, due first, has run as the job executor would run it: the overdue timer waits, due
		managementService.executeJob(job(pid, VISIT_REMINDER).getId());
		assertThat(job(pid, VISIT_OVERDUE).getDuedate().toInstant())
			.isBefore(Instant.parse("2026-11-23T12:00:00Z"));
		return pid;
	}

	private ResponseEntity<String> leftCare(String caseRef) {
		return http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange("/api/cases/" + caseRef + "/left-care", HttpMethod.POST,
				new HttpEntity<>(Map.of("leftCareDate", "2026-11-23", "reason", "Returned home"), jsonHeaders()),
				String.class);
	}

	/**
	 * Every attempt collides: as it saves, the process's team is written again, as a transfer writes it on
	 * every running process of the case (the save, ending the process, deletes that variable).
	 */
	private IntFunction<Runnable> teamRewrittenEachAttempt(String pid) {
		return attempt -> () -> runtimeService.setVariable(pid, "team", runtimeService.getVariable(pid, "team"));
	}

	/** Every attempt collides: as it saves, someone else changes the case's open tasks (their priority). */
	private IntFunction<Runnable> alwaysColliding(String pid) {
		return attempt -> () -> taskService.createTaskQuery()
			.processInstanceId(pid)
			.list()
			.forEach(task -> taskService.setPriority(task.getId(), 60 + attempt));
	}

	/** The timer job executed, as the job executor would on another node. */
	private Runnable fire(String pid, WatchTimer timer) {
		return () -> managementService.executeJob(job(pid, timer).getId());
	}

	private Map<String, Object> decision() {
		return Map.of("variables",
				Map.of("referralDecision", Map.of("value", "ASSESSMENT", "type", "String"), "referralDecisionDate",
						Map.of("value", "2026-11-25", "type", "String"), "decisionRationale",
						Map.of("value", "Concerns about neglect need assessing", "type", "String")));
	}

	private void assertDecidedOnceAfterTheTimersEscalation(String pid) {
		assertThat(task(pid, DECIDE)).isNull();
		assertThat(engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(pid)
			.taskDefinitionKey(DECIDE)
			.finished()
			.count()).isEqualTo(1);
		assertThat(task(pid, "UserTask_CompleteAssessment")).isNotNull();
		assertThat(variable(pid, "referralDecision")).isEqualTo("ASSESSMENT");
		assertThat(clock(pid, "referral-decision").stoppedAt()).isNotNull();
		// the timer that won the race stands: the team manager was escalated to, once
		assertThat(clock(pid, "referral-decision").escalations()).extracting(e -> e.tier()).containsExactly(1);
	}

	private void assertNothingDecided(String pid, String taskId) {
		Task open = task(pid, DECIDE);
		assertThat(open).isNotNull();
		assertThat(open.getId()).isEqualTo(taskId);
		assertThat(variable(pid, "referralDecision")).isNull();
		assertThat(clock(pid, "referral-decision").stoppedAt()).isNull();
		assertThat(task(pid, "UserTask_CompleteAssessment")).isNull();
	}

	private void assertConflict(ResponseEntity<String> answer) throws Exception {
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(409);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).as("Retry-After").matches("[1-9][0-9]*");
		JsonNode body = json.readTree(answer.getBody());
		assertThat(body.get("status").asInt()).isEqualTo(409);
		assertThat(body.get("error").asText()).isEqualTo("Conflict");
		assertThat(body.get("message").asText()).contains("same moment").contains("nothing was saved");
		assertThat(body.get("errors").isArray()).isTrue();
		assertThat(body.get("errors")).isEmpty();
	}

	private List<String> openTasks(String pid) {
		return taskService.createTaskQuery().processInstanceId(pid).list().stream().map(Task::getId).toList();
	}

	private Job job(String pid, WatchTimer timer) {
		return watchTimer(pid, timer.ruleId(), timer.timer());
	}

	private String activityOf(Job job) {
		return managementService.createJobDefinitionQuery()
			.jobDefinitionId(job.getJobDefinitionId())
			.singleResult()
			.getActivityId();
	}

	private ResponseEntity<String> engineRest(String path) {
		return http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange(path, HttpMethod.POST, new HttpEntity<>(decision(), jsonHeaders()), String.class);
	}

}
