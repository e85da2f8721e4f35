package org.timescales.retention;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;
import org.timescales.lookedafter.LookedAfterService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention: a child in need's ended referral keeps its history until the 25th birthday, a child who
 * became looked after until the 75th (the test child is born 1 May 2016), set by the engine's batch on
 * the instance and everything under it. Only an administrator may apply it over HTTP.
 */
@TimescalesTest
class RetentionTest extends ProcessTestSupport {

	@Autowired
	Retention retention;

	@Autowired
	HistoryService historyService;

	@Autowired
	LookedAfterService lookedAfter;

	@Autowired
	TestRestTemplate http;

	@Test
	void aChildInNeedIsKeptUntilThe25thBirthday() {
		String caseRef = newCaseRef("RET-CIN");
		String referral = referralClosedNoFurtherAction(caseRef);
		assertThat(ended(referral)).isTrue();

		Retention.Applied applied = retention.applyRetention(caseRef);
		assertThat(applied.removalDate()).isEqualTo(LocalDate.of(2041, 5, 1));
		assertThat(applied.lookedAfter()).isFalse();
		// the referral and the watcher of its decision clock, which holds the case's key and ended with it
		assertThat(applied.processInstances()).isEqualTo(2);
		runBatch(applied.batchId());

		Date expected = startOfDay("2041-05-01");
		assertThat(removalTime(referral)).isEqualTo(expected);
		// the whole history of the instance, not only its row
		List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(referral)
			.list();
		assertThat(variables).isNotEmpty().allSatisfy(v -> assertThat(v.getRemovalTime()).isEqualTo(expected));
	}

	@Test
	void theNightlyRunAppliesRetentionToCasesWhoseProcessesEndedSince() throws Exception {
		String caseRef = newCaseRef("RET-NIGHT");
		String referral = referralClosedNoFurtherAction(caseRef);

		clockAt("2025-06-03T00:30:00Z");
		List<String> applied = retention.applyToRecentlyEnded(java.time.Instant.parse("2025-06-01T00:30:00Z"));
		executeDueJobs();

		assertThat(applied).contains(caseRef);
		assertThat(removalTime(referral)).isEqualTo(startOfDay("2041-05-01"));
		// and it is scheduled: 00:30 London time every night, on one node of the cluster
		org.quartz.Trigger trigger = scheduler.getTriggersOfJob(RetentionScheduling.JOB_KEY).get(0);
		assertThat(((org.quartz.CronTrigger) trigger).getCronExpression()).isEqualTo("0 30 0 * * ?");
		assertThat(((org.quartz.CronTrigger) trigger).getTimeZone().getID()).isEqualTo("Europe/London");
	}

	@Autowired
	org.quartz.Scheduler scheduler;

	@Test
	void aChildWhoWasLookedAfterIsKeptUntilThe75thBirthday() {
		String caseRef = newCaseRef("RET-CLA");
		String referral = referralClosedNoFurtherAction(caseRef);
		clockAt("2025-06-11T10:00:00Z");
		String cla = lookedAfter.becomeLookedAfter(caseRef, "2025-06-10", "2025-06-10", "C2", null).processInstanceId();

		Retention.Applied applied = retention.applyRetention(caseRef);
		assertThat(applied.removalDate()).isEqualTo(LocalDate.of(2091, 5, 1));
		assertThat(applied.lookedAfter()).isTrue();
		// the looked-after process is still running: only the ended referral (and its clock's watcher) is set
		assertThat(applied.processInstances()).isEqualTo(2);
		runBatch(applied.batchId());

		assertThat(removalTime(referral)).isEqualTo(startOfDay("2091-05-01"));
		assertThat(ended(cla)).isFalse();
	}

	@Test
	void onlyAnAdministratorMayApplyRetention() {
		String caseRef = newCaseRef("RET-API");
		String referral = referralClosedNoFurtherAction(caseRef);

		ResponseEntity<String> refused = http.withBasicAuth("worker.north", "secret-worker.north")
			.postForEntity("/api/cases/" + caseRef + "/retention", null, String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> auditor = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.postForEntity("/api/cases/" + caseRef + "/retention", null, String.class);
		assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<Map> accepted = http.withBasicAuth("admin.one", "secret-admin.one")
			.postForEntity("/api/cases/" + caseRef + "/retention", null, Map.class);
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(accepted.getBody()).containsEntry("removalDate", "2041-05-01").containsEntry("lookedAfter", false);
		runBatch((String) accepted.getBody().get("batchId"));
		assertThat(removalTime(referral)).isEqualTo(startOfDay("2041-05-01"));

		ResponseEntity<String> unknown = http.withBasicAuth("admin.one", "secret-admin.one")
			.postForEntity("/api/cases/NO-SUCH-CASE/retention", null, String.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	/** A referral on Monday 2 June 2025 (the child born 1 May 2016), closed with no further action that day. */
	private String referralClosedNoFurtherAction(String caseRef) {
		clockAt("2025-06-02T09:30:00Z");
		String pid = referral(caseRef, "2025-06-02T09:00:00").referral().processInstanceId();
		clockAt("2025-06-02T14:00:00Z");
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "NFA", "referralDecisionDate",
				"2025-06-02", "decisionRationale", "Information and advice given"));
		return pid;
	}

	/** Runs the batch as the job executor would: the seed job, the jobs it creates, the monitor. */
	private void runBatch(String batchId) {
		assertThat(batchId).isNotNull();
		Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
		assertThat(batch).isNotNull();
		for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
				batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
			for (Job job : managementService.createJobQuery().jobDefinitionId(definition).list()) {
				managementService.executeJob(job.getId());
			}
		}
	}

	private Date removalTime(String processInstanceId) {
		return historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult()
			.getRemovalTime();
	}

	private static Date startOfDay(String date) {
		return Date.from(London.toInstant(LocalDate.parse(date)));
	}

}
