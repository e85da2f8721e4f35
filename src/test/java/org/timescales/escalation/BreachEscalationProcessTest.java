package org.timescales.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;
import org.timescales.notification.OutboxDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * breachEscalation.bpmn, started by the referral's deadline timers: the team manager's review task
 * and mail at the deadline, the service manager's when the work is still open later, the manager's
 * acknowledgement, and the mail actually delivered over SMTP.
 */
@TimescalesTest
class BreachEscalationProcessTest extends ProcessTestSupport {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	OutboxDelivery delivery;

	@Autowired
	EscalationLedger escalationLedger;

	@Test
	void escalatesToTheTeamManagerWhenTheAssessmentPasses45WorkingDays() throws Exception {
		String caseRef = newCaseRef("ESC");
		String pid = referredForAssessment(caseRef);

		// When the end of Thursday 28 January 2027 passes with the assessment open
		clockAt("2027-01-29T00:00:30Z");
		executeDueJobs();

		// Then the team manager has a review task, due in 2 working days (Tuesday 2 February)
		Task review = reviewTask(caseRef, "tm.north");
		assertThat(review.getName()).isEqualTo("Review overdue: Child and family assessment for " + caseRef);
		assertThat(review.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-02-03T00:00:00Z")));
		// and a mail waits in the outbox
		assertThat(outboxSubjects("tm.north@timescales.test", caseRef))
			.containsExactly("Overdue: Child and family assessment for case " + caseRef);
		// the worker's task stays open: the work still has to be done, late
		assertThat(task(pid, "UserTask_CompleteAssessment")).isNotNull();
		ClockView assessment = clock(pid, "assessment");
		assertThat(assessment.status()).isEqualTo(ClockStatus.OVERDUE);
		assertThat(assessment.escalations()).singleElement().satisfies(e -> {
			assertThat(e.tier()).isEqualTo(1);
			assertThat(e.manager()).isEqualTo("tm.north");
			assertThat(e.raisedAt()).isEqualTo("2027-01-29T00:00:30Z");
			assertThat(e.acknowledgedBy()).isNull();
		});
		// the escalation is a process of its own, waiting for the manager's review
		assertThat(instance(review.getProcessInstanceId())).hasPassed("ServiceTask_RaiseEscalation")
			.isWaitingAtExactly("UserTask_ReviewOverdue")
			.task()
			.isAssignedTo("tm.north");

		// and the mail reaches the manager over SMTP, once
		// other classes' mail may be due too (one shared database): deliver until none is
		while (delivery.deliverDue() > 0) {
			// next batch
		}
		List<MimeMessage> received = List.of(smtp.getReceivedMessagesForDomain("timescales.test"))
			.stream()
			.filter(m -> subject(m).endsWith(caseRef))
			.toList();
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getAllRecipients()[0].toString()).isEqualTo("tm.north@timescales.test");
		assertThat(received.get(0).getSubject()).isEqualTo("Overdue: Child and family assessment for case " + caseRef);
	}

	@Test
	void escalatesToTheServiceManagerWhenStillOpenFiveWorkingDaysLater() {
		String caseRef = newCaseRef("ESC2");
		String pid = referredForAssessment(caseRef);
		clockAt("2027-01-29T00:00:30Z");
		executeDueJobs();

		// Not yet: Thursday 4 February is the 5th working day after the deadline
		clockAt("2027-02-04T23:59:00Z");
		executeDueJobs();
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseRef).taskAssignee("sm.east").count())
			.isZero();

		clockAt("2027-02-05T00:00:30Z");
		executeDueJobs();

		Task review = reviewTask(caseRef, "sm.east");
		assertThat(review.getName()).isEqualTo("Review overdue: Child and family assessment for " + caseRef);
		assertThat(outboxSubjects("sm.east@timescales.test", caseRef))
			.containsExactly("Still overdue: Child and family assessment for case " + caseRef);
		assertThat(clock(pid, "assessment").escalations()).extracting("tier", "manager")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "tm.north"),
					org.assertj.core.groups.Tuple.tuple(2, "sm.east"));
		assertThat(instance(review.getProcessInstanceId())).isWaitingAtExactly("UserTask_ReviewOverdue")
			.task()
			.isAssignedTo("sm.east");
	}

	@Test
	void noSecondTierWhenTheWorkIsDoneBeforeIt() {
		String caseRef = newCaseRef("ESC3");
		String pid = referredForAssessment(caseRef);
		clockAt("2027-01-29T00:00:30Z");
		executeDueJobs();
		clockAt("2027-02-01T10:00:00Z");
		complete(pid, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", "2026-11-24", "assessmentOutcome",
				"NFA", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "Done late"));
		complete(pid, "UserTask_AuthoriseAssessment", Map.of("assessmentAuthorised", true,
				"assessmentAuthorisedDate", "2027-02-01", "managerComments", "Late: see review"));

		clockAt("2027-02-05T00:00:30Z");
		executeDueJobs();

		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseRef).taskAssignee("sm.east").count())
			.isZero();
		assertThat(clock(pid, "assessment").status()).isEqualTo(ClockStatus.MET_LATE);
		assertThat(instance(watchOf(pid, "assessment"))).hasPassed("ServiceTask_Overdue", "EndEvent_WatchEnded")
			.hasNotPassed("ServiceTask_StillOverdue")
			.isEnded();
	}

	@Test
	void aBackDatedReferralPastItsDeadlineEscalatesAtOnceWithoutAReminder() {
		// Received Monday 2 November, entered on Monday 23 November: the decision was due by the end of 3 November
		clockAt("2026-11-23T10:00:00Z");
		String caseRef = newCaseRef("BACK");
		String pid = referral(caseRef, "2026-11-02T09:00:00").referral().processInstanceId();
		assertThat(timerDue(pid, "referral-decision", OVERDUE)).isEqualTo("2026-11-04T00:00:00Z");

		executeDueJobs();

		assertThat(reviewTask(caseRef, "tm.north").getName()).isEqualTo("Review overdue: Decide on referral for " + caseRef);
		assertThat(reviewTask(caseRef, "sm.east")).isNotNull();
		assertThat(outboxSubjects("north-team@timescales.test", caseRef)).isEmpty();
		assertThat(clock(pid, "referral-decision").status()).isEqualTo(ClockStatus.OVERDUE);
		// every timer of the watcher was already due: it has passed all three and ended on its own
		assertThat(instance(watchOf(pid, "referral-decision")))
			.hasPassed("ServiceTask_Reminder", "ServiceTask_Overdue", "ServiceTask_StillOverdue")
			.hasNotPassed("EndEvent_WatchEnded")
			.isEnded();
	}

	@Test
	void theManagersReviewIsTheAcknowledgementWithWhoAndWhenInHistory() {
		String caseRef = newCaseRef("ACK");
		String pid = referredForAssessment(caseRef);
		clockAt("2027-01-29T00:00:30Z");
		executeDueJobs();
		Task review = reviewTask(caseRef, "tm.north");

		clockAt("2027-01-29T09:15:00Z");
		identityService.setAuthentication("tm.north", List.of("team-manager", "north"));
		try {
			taskService.complete(review.getId(), Map.of("reasonForDelay", "Worker off sick for two weeks",
					"actionAgreed", "Reallocated to a senior practitioner", "newTargetDate", "2027-02-05"));
		}
		finally {
			identityService.clearAuthentication();
		}

		ClockView.EscalationView escalation = clock(pid, "assessment").escalations().get(0);
		assertThat(escalation.acknowledgedBy()).isEqualTo("tm.north");
		assertThat(escalation.acknowledgedAt()).isEqualTo("2027-01-29T09:15:00Z");
		assertThat(escalation.reasonForDelay()).isEqualTo("Worker off sick for two weeks");
		assertThat(escalation.actionAgreed()).isEqualTo("Reallocated to a senior practitioner");
		assertThat(escalation.newTargetDate()).isEqualTo(LocalDate.of(2027, 2, 5));
		HistoricTaskInstance done = engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.taskId(review.getId())
			.singleResult();
		assertThat(done.getEndTime()).isEqualTo(Date.from(Instant.parse("2027-01-29T09:15:00Z")));
		assertThat(engine.getHistoryService()
			.createUserOperationLogQuery()
			.taskId(review.getId())
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.singleResult()
			.getUserId()).isEqualTo("tm.north");
		assertThat(instance(review.getProcessInstanceId()))
			.hasPassed("UserTask_ReviewOverdue", "EndEvent_EscalationReviewed")
			.isEnded();
	}

	private Task reviewTask(String caseRef, String manager) {
		return taskService.createTaskQuery()
			.processDefinitionKey("breachEscalation")
			.processInstanceBusinessKey(caseRef)
			.taskAssignee(manager)
			.singleResult();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
