package org.timescales.attack;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.attack.EngineClient.Answer;
import org.timescales.clock.Clocks;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's own APIs as a side door around everything {@code /api} checks, tried as an ordinary
 * practitioner or auditor would: through {@code /engine-rest} with basic credentials and through
 * Tasklist's session on the webapps' engine API. Each attack was answered 2xx before the door was
 * narrowed; each asserts the refusal and that nothing about the case changed.
 */
@TimescalesTest
class EngineSideDoorAttackTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	String north;

	String south;

	String northProcess;

	String southProcess;

	String northTask;

	@BeforeEach
	void aCaseInEachTeam() {
		clockAt("2026-11-23T10:30:00Z");
		north = newCaseRef("SDN");
		south = newCaseRef("SDS");
		northProcess = referrals
			.receive(new ReferralRequest("REF-" + north, new ReferralRequest.Child(north, "Nora", "North", "2016-05-01", "F"),
					"2026-11-23T10:00:00", "2A", "north"))
			.referral()
			.processInstanceId();
		southProcess = referrals
			.receive(new ReferralRequest("REF-" + south, new ReferralRequest.Child(south, "Sid", "South", "2016-05-01", "F"),
					"2026-11-23T10:00:00", "2A", "south"))
			.referral()
			.processInstanceId();
		northTask = taskService.createTaskQuery().processInstanceId(northProcess).singleResult().getId();
	}

	@Test
	void aPractitionerCannotStartAProcessOnAnotherTeamsCase() throws Exception {
		for (EngineClient sam : both("worker.north")) {
			Answer referral = sam.engine("POST", "/process-definition/key/referral/start",
					"{\"businessKey\":\"" + south + "\",\"variables\":{\"team\":{\"value\":\"north\"},"
							+ "\"caseRef\":{\"value\":\"" + south + "\"}}}");
			Answer escalation = sam.engine("POST", "/process-definition/key/breachEscalation/start",
					"{\"businessKey\":\"" + south + "\",\"variables\":{\"team\":{\"value\":\"south\"}}}");
			assertThat(referral.status()).as(referral.body()).isEqualTo(403);
			assertThat(escalation.status()).as(escalation.body()).isEqualTo(403);
		}
		assertThat(engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(south)
			.processDefinitionKeyNotIn(List.of(Clocks.WATCH_PROCESS))
			.count()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from escalation e join clock c on c.id = e.clock_id where c.case_ref = ?")
			.param(south)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPractitionerCannotCorrelateAMessageAndTheRefusalNamesNoProcess() throws Exception {
		for (EngineClient sam : both("worker.north")) {
			Answer answer = sam.engine("POST", "/message", "{\"messageName\":\"StrategyDiscussionNeeded\","
					+ "\"businessKey\":\"" + south + "\",\"processVariables\":{\"team\":{\"value\":\"north\"}}}");
			assertThat(answer.status()).as(answer.body()).isEqualTo(403);
			assertThat(answer.body()).doesNotContain(southProcess).doesNotContain(south);
		}
		assertThat(runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("section47")
			.processInstanceBusinessKey(south)
			.count()).isZero();
	}

	@Test
	void aPractitionerCannotMoveTheirOwnCasesClockAroundTheCorrectionsAudit() throws Exception {
		Instant dueBefore = clock(northProcess, "referral-decision").dueAt();
		Date taskDueBefore = taskService.createTaskQuery().taskId(northTask).singleResult().getDueDate();
		// the deadline's timers are its clock's watcher's (bpmn/deadlineWatch.bpmn): nobody may move or stop it
		String watch = watchOf(northProcess, "referral-decision");
		List<Job> timers = managementService.createJobQuery().processInstanceId(watch).timers().list();
		assertThat(timers).isNotEmpty();
		for (EngineClient sam : both("worker.north")) {
			List<Answer> answers = List.of(
					sam.engine("PUT", "/process-instance/" + northProcess + "/variables/referralReceivedAt",
							"{\"value\":\"2027-03-01T09:00:00.000+0000\",\"type\":\"Date\"}"),
					sam.engine("POST", "/process-instance/" + northProcess + "/variables",
							"{\"modifications\":{\"referralReceivedAt\":{\"value\":\"2027-03-01T09:00:00.000+0000\",\"type\":\"Date\"}}}"),
					sam.engine("PUT", "/task/" + northTask + "/variables/referralReceivedAt",
							"{\"value\":\"2027-03-01T09:00:00.000+0000\",\"type\":\"Date\"}"),
					sam.engine("PUT", "/job/" + timers.get(0).getId() + "/duedate",
							"{\"duedate\":\"2030-01-01T00:00:00.000+0000\"}"),
					sam.engine("PUT", "/task/" + northTask, "{\"name\":\"Decide on referral\",\"due\":\"2030-01-01T00:00:00.000+0000\"}"),
					sam.engine("PUT", "/process-instance/" + northProcess + "/suspended", "{\"suspended\":true}"),
					sam.engine("POST", "/process-instance/" + northProcess + "/modification",
							"{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"UserTask_DecideOnReferral\"}]}"),
					sam.engine("DELETE", "/process-instance/" + northProcess, null),
					sam.engine("PUT", "/process-instance/" + watch + "/suspended", "{\"suspended\":true}"),
					sam.engine("DELETE", "/process-instance/" + watch, null),
					sam.engine("POST", "/message", "{\"messageName\":\"ClockStopped\",\"processInstanceId\":\"" + watch
							+ "\"}"));
			assertThat(answers).as(answers.toString()).extracting(Answer::status).containsOnly(403);
		}
		assertThat(variable(northProcess, "referralReceivedAt")).isEqualTo(Date.from(Instant.parse("2026-11-23T10:00:00Z")));
		assertThat(clock(northProcess, "referral-decision").dueAt()).isEqualTo(dueBefore);
		assertThat(taskService.createTaskQuery().taskId(northTask).singleResult().getDueDate()).isEqualTo(taskDueBefore);
		assertThat(managementService.createJobQuery().jobId(timers.get(0).getId()).singleResult().getDuedate())
			.isEqualTo(timers.get(0).getDuedate());
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(northProcess).active().count()).isOne();
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(watch).active().count()).isOne();
	}

	@Test
	void aPractitionerCannotCompleteATaskWithValuesItsFormDoesNotHave() throws Exception {
		for (EngineClient sam : both("worker.north")) {
			Answer answer = sam.engine("POST", "/task/" + northTask + "/complete",
					"{\"variables\":{\"referralReceivedAt\":{\"value\":\"2026-11-01T09:00:00.000+0000\",\"type\":\"Date\"}}}");
			assertThat(answer.status()).as(answer.body()).isEqualTo(400);
			assertThat(answer.body()).contains("referralReceivedAt");
		}
		assertThat(taskService.createTaskQuery().taskId(northTask).count()).isOne();
		assertThat(variable(northProcess, "referralReceivedAt")).isEqualTo(Date.from(Instant.parse("2026-11-23T10:00:00Z")));
	}

	@Test
	void aManagerCannotRewriteThePractitionersAssessmentWhileAuthorisingIt() throws Exception {
		String caseRef = newCaseRef("SDA");
		String pid = referredForAssessment(caseRef);
		clockAt("2026-12-01T10:00:00Z");
		complete(pid, "UserTask_CompleteAssessment", java.util.Map.of("assessmentStartDate", "2026-11-24",
				"assessmentOutcome", "CIN_PLAN", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "Child in need: support at home"));
		String authorise = task(pid, "UserTask_AuthoriseAssessment").getId();
		// the summary and outcome are shown on the manager's form, not fields of it
		Answer answer = EngineClient.rest(http, "tm.north").engine("POST", "/task/" + authorise + "/complete",
				"{\"variables\":{\"assessmentAuthorised\":{\"value\":true},\"assessmentAuthorisedDate\":{\"value\":\"2026-12-01\"},"
						+ "\"assessmentOutcome\":{\"value\":\"NFA\"}}}");
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.body()).contains("assessmentOutcome");
		assertThat(variable(pid, "assessmentOutcome")).isEqualTo("CIN_PLAN");
		assertThat(taskService.createTaskQuery().taskId(authorise).count()).isOne();
	}

	@Test
	void nobodyButAnAdministratorRewritesOrDeletesACorrectionsReason() throws Exception {
		Comment reason = taskService.createComment(null, northProcess, "Correction of referralReceivedAt: minutes show Friday");
		for (EngineClient mia : both("tm.north")) {
			Answer rewrite = mia.engine("PUT", "/process-instance/" + northProcess + "/comment",
					"{\"id\":\"" + reason.getId() + "\",\"message\":\"nothing to see\"}");
			Answer delete = mia.engine("DELETE", "/process-instance/" + northProcess + "/comment/" + reason.getId(), null);
			Answer deleteAll = mia.engine("DELETE", "/process-instance/" + northProcess + "/comment", null);
			assertThat(List.of(rewrite, delete, deleteAll)).extracting(Answer::status).containsOnly(403);
		}
		assertThat(taskService.getProcessInstanceComments(northProcess)).extracting(Comment::getFullMessage)
			.containsExactly("Correction of referralReceivedAt: minutes show Friday");
	}

	@Test
	void anAuditorCannotCommentOnOrAttachToAChildsTask() throws Exception {
		for (EngineClient ava : both("auditor.one")) {
			Answer comment = ava.engine("POST", "/task/" + northTask + "/comment/create", "{\"message\":\"audited\"}");
			Answer attachment = ava.engine("POST", "/task/" + northTask + "/attachment/create",
					"{\"attachmentName\":\"x\",\"url\":\"http://example.test/x\"}");
			assertThat(List.of(comment, attachment)).extracting(Answer::status).containsOnly(403);
		}
		assertThat(taskService.getTaskComments(northTask)).isEmpty();
		assertThat(taskService.getTaskAttachments(northTask)).isEmpty();
	}

	@Test
	void anotherTeamsCommentIsNotReadable() throws Exception {
		Comment note = taskService.createComment(northTask, northProcess, "Mother disclosed the new partner's name");
		for (EngineClient jo : both("worker.south")) {
			Answer one = jo.get("/task/" + northTask + "/comment/" + note.getId());
			Answer all = jo.get("/task/" + northTask + "/comment");
			assertThat(List.of(one, all)).extracting(Answer::status).containsOnly(404);
			assertThat(one.body() + all.body()).doesNotContain("partner");
		}
		// its own team reads it
		Answer sams = EngineClient.rest(http, "worker.north").get("/task/" + northTask + "/comment");
		assertThat(sams.status()).isEqualTo(200);
		assertThat(sams.body()).contains("partner");
	}

	@Test
	void readsOfAChildsRecordThroughTheEngineAreOnTheRecordViewLog() throws Exception {
		EngineClient sam = EngineClient.rest(http, "worker.north");
		assertThat(sam.get("/task/" + northTask + "/variables").status()).isEqualTo(200);
		assertThat(EngineClient.tasklist(http, "worker.north").get("/task/" + northTask + "/form-variables").status())
			.isEqualTo(200);
		assertThat(jdbc.sql("select viewed_by || ' ' || what from record_view where case_ref = ? order by id")
			.param(north)
			.query(String.class)
			.list()).containsExactly("worker.north task", "worker.north task");
		// the history and variable doors that cannot say whose record they read are closed
		for (String path : List.of("/history/variable-instance?processInstanceId=" + northProcess,
				"/history/process-instance?processInstanceBusinessKey=" + north, "/variable-instance?processInstanceIdIn="
						+ northProcess, "/process-instance/" + northProcess + "/variables",
				"/history/detail?processInstanceId=" + northProcess)) {
			assertThat(sam.get(path).status()).as(path).isEqualTo(403);
		}
	}

	@Test
	void statisticsMetricsAndCockpitAreForAdministratorsOnly() throws Exception {
		EngineClient sam = EngineClient.rest(http, "worker.north");
		assertThat(sam.get("/process-definition/statistics").status()).isEqualTo(403);
		assertThat(sam.get("/metrics/activity-instance-start/sum").status()).isEqualTo(403);
		EngineClient samsTasklist = EngineClient.tasklist(http, "worker.north");
		assertThat(samsTasklist.send("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/"
				+ repositoryProcessDefinitionId() + "/called-process-definitions", null).status()).isEqualTo(403);
		assertThat(samsTasklist.get("/process-definition/statistics").status()).isEqualTo(403);
		assertThat(EngineClient.rest(http, "admin.one").get("/process-definition/statistics").status()).isEqualTo(200);
	}

	@Test
	void tasklistStillWorksForItsTeamThroughTheWebappsEngineApi() throws Exception {
		EngineClient sam = EngineClient.tasklist(http, "worker.north");
		Answer list = sam.get("/task?processInstanceBusinessKey=" + north);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(northTask);
		assertThat(sam.get("/task?processInstanceBusinessKey=" + south).body()).isEqualTo("[]");
		assertThat(sam.engine("POST", "/task/" + northTask + "/claim", "{\"userId\":\"worker.north\"}").status())
			.isEqualTo(204);
		clockAt("2026-11-23T15:00:00Z");
		Answer done = sam.engine("POST", "/task/" + northTask + "/submit-form",
				"{\"variables\":{\"referralDecision\":{\"value\":\"ASSESSMENT\"},\"referralDecisionDate\":{\"value\":\"2026-11-23\"},"
						+ "\"decisionRationale\":{\"value\":\"Concerns about neglect need assessing\"}}}");
		assertThat(done.status()).as(done.body()).isEqualTo(204);
		assertThat(clock(northProcess, "referral-decision").status().name()).isEqualTo("MET");
	}

	private List<EngineClient> both(String user) throws Exception {
		return List.of(EngineClient.rest(http, user), EngineClient.tasklist(http, user));
	}

	private String repositoryProcessDefinitionId() {
		return engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey("referral")
			.latestVersion()
			.singleResult()
			.getId();
	}

}
