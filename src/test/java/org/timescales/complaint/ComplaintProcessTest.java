package org.timescales.complaint;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.clock.ClockStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * complaint.bpmn: a stage 1 complaint is answered within 10 working days of being received (the
 * extension to 20 is ClockExtensionApiTest's), reminded 2 working days before, escalated after.
 */
@TimescalesTest
class ComplaintProcessTest extends ProcessTestSupport {

	@Test
	void aComplaintReceivedOnTuesday1DecemberIsDueByTheEndOfTuesday15December() {
		String pid = complaintReceived(newCaseRef("CMPP"));

		Task respond = task(pid, "UserTask_RespondToComplaint");
		assertThat(respond.getName()).isEqualTo("Respond to complaint");
		assertThat(respond.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-12-16T00:00:00Z")));
		assertThat(clock(pid, "complaint-stage-1").dueDate()).hasToString("2026-12-15");
		// reminded at the end of Friday 11 December; the service manager after Friday 18 December
		assertThat(timerDue(pid, "complaint-stage-1", DUE_SOON)).isEqualTo("2026-12-12T00:00:00Z");
		assertThat(timerDue(pid, "complaint-stage-1", OVERDUE)).isEqualTo("2026-12-16T00:00:00Z");
		assertThat(timerDue(pid, "complaint-stage-1", STILL_OVERDUE)).isEqualTo("2026-12-19T00:00:00Z");
		assertThat(instance(pid)).isWaitingAtExactly("UserTask_RespondToComplaint").task().hasCandidateGroup("north");
		assertThat(instance(watchOf(pid, "complaint-stage-1"))).isWaitingAtExactly(DUE_SOON);
	}

	@Test
	void aResponseByTheDeadlineIsMetAndAnswersTheComplaint() {
		String pid = complaintReceived(newCaseRef("CMPM"));

		clockAt("2026-12-15T16:00:00Z");
		complete(pid, "UserTask_RespondToComplaint",
				Map.of("complaintResponseDate", "2026-12-15", "responseSummary", "Apology and a new worker"));

		assertThat(clock(pid, "complaint-stage-1").status()).isEqualTo(ClockStatus.MET);
		assertThat(instance(pid)).hasPassed("UserTask_RespondToComplaint", "EndEvent_ComplaintAnswered").isEnded();
		assertThat(instance(watchOf(pid, "complaint-stage-1"))).hasPassed("EndEvent_WatchEnded")
			.hasNotPassed("ServiceTask_Reminder")
			.isEnded();
	}

	@Test
	void aLateResponseIsEscalatedToTheTeamManagerAndMetLate() {
		String caseRef = newCaseRef("CMPL");
		String pid = complaintReceived(caseRef);

		clockAt("2026-12-16T00:00:30Z");
		executeDueJobsOf(pid);
		assertThat(reviewTasks(caseRef, "tm.north")).extracting(Task::getName)
			.containsExactly("Review overdue: Respond to complaint for " + caseRef);

		clockAt("2026-12-17T10:00:00Z");
		complete(pid, "UserTask_RespondToComplaint",
				Map.of("complaintResponseDate", "2026-12-17", "responseSummary", "Answered late"));
		assertThat(clock(pid, "complaint-stage-1").status()).isEqualTo(ClockStatus.MET_LATE);
		assertThat(instance(pid)).hasPassed("EndEvent_ComplaintAnswered").isEnded();
	}

	/** An administrator deleting the process (Cockpit) took its timers with it before the watcher; still so. */
	@Test
	void aComplaintProcessDeletedByAnAdministratorRaisesNothingAfterwards() {
		String caseRef = newCaseRef("CMPD");
		String pid = complaintReceived(caseRef);
		runtimeService.deleteProcessInstance(pid, "Recorded against the wrong child");

		clockAt("2026-12-19T00:00:30Z");
		executeDueJobsOf(pid);

		assertThat(reviewTasks(caseRef, "tm.north")).isEmpty();
		assertThat(outboxSubjects("tm.north@timescales.test", caseRef)).isEmpty();
		assertThat(outboxSubjects("north-team@timescales.test", caseRef)).isEmpty();
		assertThat(instance(watchOf(pid, "complaint-stage-1"))).isEnded();
	}

	/** A stage 1 complaint about the case received on Tuesday 1 December 2026 at 10:00, recorded at 11:00. */
	private String complaintReceived(String caseRef) {
		caseRecord(caseRef);
		clockAt("2026-12-01T11:00:00Z");
		return runtimeService.startProcessInstanceByKey("complaint", caseRef,
				Map.of("caseRef", caseRef, "team", "north", "complaintId", "CMP-" + caseRef, "complaintReceivedAt",
						Date.from(Instant.parse("2026-12-01T10:00:00Z"))))
			.getId();
	}

}
