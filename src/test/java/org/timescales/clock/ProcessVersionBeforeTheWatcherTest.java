package org.timescales.clock;

import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A council upgrading keeps instances running on the versions it deployed before the watcher (issue
 * 13): their tasks still carry their own due soon / overdue / still overdue boundary timers, which call
 * {@code clocks.reminderAt}, {@code clocks.dueAt}, {@code clocks.secondTierAt} and
 * {@code escalations.remind/escalate(execution, rule, …)}. Those still work, and no watcher doubles them.
 * The old version is complaint.bpmn as it was (fb7b3e9), under its own key so that it is not the
 * latest version of {@code complaint} for the other tests.
 */
@TimescalesTest
class ProcessVersionBeforeTheWatcherTest extends ProcessTestSupport {

	@Autowired
	RepositoryService repositoryService;

	private static boolean deployed;

	@BeforeAll
	static void reset() {
		deployed = false;
	}

	@Test
	void anInstanceOfTheOldVersionIsRemindedAndEscalatedByItsOwnTimersAndNoWatcher() throws Exception {
		deployOldVersion();
		String caseRef = newCaseRef("OLDV");
		caseRecord(caseRef);
		clockAt("2026-12-01T11:00:00Z");
		String pid = runtimeService.startProcessInstanceByKey("complaintBeforeWatcher", caseRef,
				Map.of("caseRef", caseRef, "team", "north", "complaintId", "OLDV-" + caseRef, "complaintReceivedAt",
						Date.from(Instant.parse("2026-12-01T10:00:00Z"))))
			.getId();

		// the same dates as complaint.bpmn's watcher gives (ComplaintProcessTest), on the task's own timers
		assertThat(oldTimerDue(pid, "Timer_ComplaintResponseDueSoon")).isEqualTo("2026-12-12T00:00:00Z");
		assertThat(oldTimerDue(pid, "Timer_ComplaintResponseOverdue")).isEqualTo("2026-12-16T00:00:00Z");
		assertThat(oldTimerDue(pid, "Timer_ComplaintResponseStillOverdue")).isEqualTo("2026-12-19T00:00:00Z");
		assertThat(jdbc.sql("select count(*) from clock where process_instance_id = ? and watch_instance_id is not null")
			.param(pid)
			.query(Integer.class)
			.single()).as("no watcher for an old version's clock").isZero();
		assertThat(runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseRef)
			.processDefinitionKey(Clocks.WATCH_PROCESS)
			.count()).isZero();

		clockAt("2026-12-16T00:00:30Z");
		executeDueJobsOf(pid);
		assertThat(reviewTasks(caseRef, "tm.north")).extracting(Task::getName)
			.containsExactly("Review overdue: Respond to complaint for " + caseRef);
		assertThat(outboxSubjects("tm.north@timescales.test", caseRef)).hasSize(1);

		clockAt("2026-12-17T10:00:00Z");
		complete(pid, "UserTask_RespondToComplaint",
				Map.of("complaintResponseDate", "2026-12-17", "responseSummary", "Answered late"));
		assertThat(clock(pid, "complaint-stage-1").status()).isEqualTo(ClockStatus.MET_LATE);
		assertThat(managementService.createJobQuery().processInstanceId(pid).count()).isZero();
	}

	private Instant oldTimerDue(String pid, String timerEventId) {
		return managementService.createJobQuery()
			.processInstanceId(pid)
			.activityId(timerEventId)
			.singleResult()
			.getDuedate()
			.toInstant();
	}

	private void deployOldVersion() throws Exception {
		if (deployed) {
			return;
		}
		try (InputStream xml = getClass().getResourceAsStream("/before-watcher/complaintBeforeWatcher.bpmn")) {
			repositoryService.createDeployment()
				.name("complaint before the watcher")
				.addInputStream("complaintBeforeWatcher.bpmn", xml)
				.enableDuplicateFiltering(true)
				.deploy();
		}
		deployed = true;
	}

}
