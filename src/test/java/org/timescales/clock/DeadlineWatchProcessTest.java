package org.timescales.clock;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * deadlineWatch.bpmn, the one watcher of every clock, on the referral's decision clock (received Monday
 * 23 November 2026 at 10:00, due by the end of Tuesday 24 November): started when the clock opens,
 * waiting at its three timers one after another, reminding and escalating twice as they fall due, and ended
 * by the ClockStopped event sub-process when the work is done, or on its own once both tiers have gone.
 */
@TimescalesTest
class DeadlineWatchProcessTest extends ProcessTestSupport {

	@Test
	void aClockOpeningStartsItsWatcherWaitingAtItsFirstTimerAlone() {
		String caseRef = newCaseRef("DW");
		String pid = referred(caseRef);

		ProcessInstance watch = instance(watchOf(pid, "referral-decision"));
		assertThat(watch).hasProcessDefinitionKey(Clocks.WATCH_PROCESS)
			.hasBusinessKey(caseRef)
			.hasPassed("StartEvent_ClockOpened")
			.isWaitingAtExactly("Timer_Reminder");
		assertThat(watch).variables()
			.containsEntry("clockId", clock(pid, "referral-decision").clockId())
			.containsEntry("ruleId", "referral-decision")
			.containsEntry("overdueTask", "Decide on referral");
		// due soon at 16:00 on the due day (a one-day clock is reminded hours before); one timer for the
		// clock, the next tiers' made as each is reached, and two executions (the instance, the one waiting)
		assertThat(watch).job("Timer_Reminder").hasDueDate(Date.from(Instant.parse("2026-11-24T16:00:00Z")));
		assertThat(managementService.createJobQuery().processInstanceId(watch.getId()).count()).isEqualTo(1);
		assertThat(runtimeService.createExecutionQuery().processInstanceId(watch.getId()).count()).isEqualTo(2);
	}

	@Test
	void eachTimerAsItFallsDueRemindsThenEscalatesToTheTeamManager() {
		String caseRef = newCaseRef("DWT");
		String pid = referred(caseRef);
		ProcessInstance watch = instance(watchOf(pid, "referral-decision"));

		clockAt("2026-11-24T16:00:30Z");
		executeDueJobsOf(pid);
		assertThat(watch).hasPassed("Timer_Reminder", "ServiceTask_Reminder")
			.hasNotPassed("ServiceTask_Overdue")
			.isWaitingAtExactly("Timer_Overdue");
		// the deadline at midnight at the end of the due day
		assertThat(watch).job("Timer_Overdue").hasDueDate(Date.from(Instant.parse("2026-11-25T00:00:00Z")));
		assertThat(outboxSubjects("north-team@timescales.test", caseRef))
			.containsExactly("Due soon: Decision on referral for case " + caseRef);

		clockAt("2026-11-25T00:00:30Z");
		executeDueJobsOf(pid);
		assertThat(watch).hasPassed("Timer_Overdue", "ServiceTask_Overdue")
			.hasNotPassed("ServiceTask_StillOverdue")
			.isWaitingAtExactly("Timer_StillOverdue");
		// the second tier 2 working days after the deadline: the end of Thursday 26 November
		assertThat(watch).job("Timer_StillOverdue").hasDueDate(Date.from(Instant.parse("2026-11-27T00:00:00Z")));
		assertThat(reviewTasks(caseRef, "tm.north")).extracting(Task::getName)
			.containsExactly("Review overdue: Decide on referral for " + caseRef);
		assertThat(reviewTasks(caseRef, "sm.east")).isEmpty();
	}

	@Test
	void theWorkDoneStopsTheClockAndTheClockStoppedSubProcessEndsTheWatcher() {
		String caseRef = newCaseRef("DWS");
		String pid = referred(caseRef);
		ProcessInstance watch = instance(watchOf(pid, "referral-decision"));
		clockAt("2026-11-24T16:00:30Z");
		executeDueJobsOf(pid);

		clockAt("2026-11-24T17:00:00Z");
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "NFA", "referralDecisionDate",
				"2026-11-24", "decisionRationale", "No role for children's social care"));

		assertThat(clock(pid, "referral-decision").status()).isEqualTo(ClockStatus.MET);
		assertThat(watch).hasPassed("ServiceTask_Reminder", "StartEvent_ClockStopped", "EndEvent_WatchEnded")
			.hasNotPassed("ServiceTask_Overdue", "ServiceTask_StillOverdue")
			.isEnded();
		assertThat(managementService.createJobQuery().processInstanceId(watch.getId()).count()).isZero();
		// well past both tiers nothing escalates
		clockAt("2026-11-30T09:00:00Z");
		executeDueJobsOf(pid);
		assertThat(reviewTasks(caseRef, "tm.north")).isEmpty();
		assertThat(reviewTasks(caseRef, "sm.east")).isEmpty();
	}

	@Test
	void aWatcherWhoseClockIsStillOpenEndsOnItsOwnOnceBothTiersHaveGone() {
		String caseRef = newCaseRef("DWE");
		String pid = referred(caseRef);
		ProcessInstance watch = instance(watchOf(pid, "referral-decision"));

		clockAt("2026-11-27T00:00:30Z");
		executeDueJobsOf(pid);

		assertThat(watch).hasPassed("ServiceTask_Reminder", "ServiceTask_Overdue", "ServiceTask_StillOverdue",
				"EndEvent_StillOverdue")
			.hasNotPassed("EndEvent_WatchEnded")
			.isEnded();
		assertThat(reviewTasks(caseRef, "tm.north")).hasSize(1);
		assertThat(reviewTasks(caseRef, "sm.east")).extracting(Task::getName)
			.containsExactly("Review overdue: Decide on referral for " + caseRef);
		// the work done late stops the clock; there is no watcher left to end
		clockAt("2026-11-27T10:00:00Z");
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "NFA", "referralDecisionDate",
				"2026-11-27", "decisionRationale", "Late, no role"));
		assertThat(clock(pid, "referral-decision").status()).isEqualTo(ClockStatus.MET_LATE);
		assertThat(watch).isEnded();
	}

	/** A referral received Monday 23 November 2026 at 10:00: the decision clock opens. */
	private String referred(String caseRef) {
		return journey(caseRef).at("2026-11-23T10:30:00Z").referred("2026-11-23T10:00:00");
	}

}
