package org.timescales.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;
import org.timescales.calendar.WorkingCalendar;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;
import org.timescales.rules.Rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * supervision.bpmn through {@link Supervision}: a case held by a family practitioner is supervised by a
 * named social worker every 20 working days (local rule), the first counted from the allocation, later
 * ones from the recorded supervision; a missed one escalates to the team manager; the arrangement's end
 * stops its clock and nothing escalates after it.
 */
@TimescalesTest
class SupervisionProcessTest extends ProcessTestSupport {

	static final String WORKER = "fp.north";

	static final String SUPERVISOR = "sw.north";

	@Autowired
	Supervision supervision;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Rules rules;

	@BeforeEach
	void people() {
		// the family practitioner and the registered social workers who supervise them (roles are groups)
		user(WORKER, "north", "practitioner", "family-practitioner");
		user(SUPERVISOR, "north", "practitioner", "social-worker");
		user("sw.south", "south", "practitioner", "social-worker");
	}

	@Test
	void theFirstSupervisionIsDueTwentyWorkingDaysAfterTheAllocationAcrossChristmas() {
		// Given a case allocated to a family practitioner on Monday 7 December 2026 at 10:00
		String caseRef = newCaseRef("SUP");
		String pid = allocated(caseRef, "2026-12-07T10:00:00Z");

		// Then the supervisor has the task, due at the end of the 20th working day as the calendar counts it
		Task task = task(pid, "UserTask_RecordSupervision");
		assertThat(task.getName()).isEqualTo("Record supervision");
		assertThat(task.getAssignee()).isEqualTo(SUPERVISOR);
		LocalDate counted = calendar.addWorkingDays(LocalDate.of(2026, 12, 7), rules.get("supervision").amount());
		assertThat(task.getDueDate()).isEqualTo(Date.from(London.endOfDay(counted)));
		// which is Thursday 7 January 2027: 25 and 28 December and 1 January are not working days
		assertThat(counted).isEqualTo("2027-01-07");
		assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-01-08T00:00:00Z")));
		assertThat(timerDue(pid, "supervision", OVERDUE)).isEqualTo("2027-01-08T00:00:00Z");
		// reminded 2 working days before (end of Tuesday 5 January); the service manager 5 after (end of 14 January)
		assertThat(timerDue(pid, "supervision", DUE_SOON)).isEqualTo("2027-01-06T00:00:00Z");
		assertThat(timerDue(pid, "supervision", STILL_OVERDUE)).isEqualTo("2027-01-15T00:00:00Z");
		assertThat(clocksOf(pid, "supervision")).singleElement().satisfies(c -> {
			assertThat(c.startedAt()).isEqualTo("2026-12-07T10:00:00Z");
			assertThat(c.dueDate()).hasToString("2027-01-07");
			assertThat(c.status()).isEqualTo(ClockStatus.OPEN);
		});
		// the form shows the child and the clock, as every task's does
		Map<String, Object> shown = taskService.getVariablesLocal(task.getId());
		assertThat(shown).containsEntry("childName", "Test Child")
			.containsEntry("clockLabel", "Supervision of a differently qualified worker")
			.containsEntry("clockDue", "Thursday 7 January 2027");
		assertThat((String) shown.get("clockSource")).startsWith("Local practice, not statute")
			.contains("Working Together to Safeguard Children 2023")
			.contains("Ofsted ILACS");
		assertThat(supervision.supervisorOf(caseRef)).contains(SUPERVISOR);
		assertThat(instance(pid)).isWaitingAtExactly("SubProcess_Supervision", "UserTask_RecordSupervision")
			.task()
			.isAssignedTo(SUPERVISOR);
	}

	@Test
	void recordingASupervisionStartsTheNextClockFromItsDateAcrossEaster() {
		// Given an allocation on Monday 8 February 2027: the first supervision due by the end of Monday 8 March
		String caseRef = newCaseRef("SUPREC");
		String pid = allocated(caseRef, "2027-02-08T10:00:00Z");
		String first = task(pid, "UserTask_RecordSupervision").getId();

		// When the supervisor records a supervision held on Thursday 4 March
		clockAt("2027-03-04T17:00:00Z");
		complete(pid, "UserTask_RecordSupervision", Map.of("supervisionDate", "2027-03-04", "supervisionSummary",
				"Reviewed the plan and the school's concerns with the worker", "supervisionActions", "Joint visit"));

		// Then the next is due 20 working days from 4 March, skipping Good Friday and Easter Monday (26 and
		// 29 March): Monday 5 April, whose end is 23:00 UTC in British Summer Time
		Task next = task(pid, "UserTask_RecordSupervision");
		assertThat(next.getId()).isNotEqualTo(first);
		assertThat(next.getAssignee()).isEqualTo(SUPERVISOR);
		LocalDate counted = calendar.addWorkingDays(LocalDate.of(2027, 3, 4), rules.get("supervision").amount());
		assertThat(counted).isEqualTo("2027-04-05");
		assertThat(next.getDueDate()).isEqualTo(Date.from(London.endOfDay(counted)))
			.isEqualTo(Date.from(Instant.parse("2027-04-05T23:00:00Z")));
		assertThat(timerDue(pid, "supervision", OVERDUE)).isEqualTo("2027-04-05T23:00:00Z");
		assertThat(clocksOf(pid, "supervision"))
			.extracting(ClockView::occurrence, c -> c.dueDate().toString(), ClockView::status, ClockView::startedAt)
			.containsExactly(tuple(1, "2027-03-08", ClockStatus.MET, Instant.parse("2027-02-08T10:00:00Z")),
					tuple(2, "2027-04-05", ClockStatus.OPEN, Instant.parse("2027-03-04T00:00:00Z")));
		assertThat(clocksOf(pid, "supervision").get(0).stoppedAt()).isEqualTo("2027-03-04T00:00:00Z");
		assertThat(instance(pid)).hasPassed("UserTask_RecordSupervision", "Gateway_NextSupervision")
			.isWaitingAtExactly("SubProcess_Supervision", "UserTask_RecordSupervision");
	}

	@Test
	void aSupervisionNotRecordedByItsDeadlineEscalatesToTheTeamManager() {
		String caseRef = newCaseRef("SUPESC");
		String pid = allocated(caseRef, "2026-12-07T10:00:00Z");

		// Two working days before the deadline the supervisor is reminded, by mail
		clockAt("2027-01-06T00:00:30Z");
		executeDueJobs();
		assertThat(outboxSubjects(SUPERVISOR + "@timescales.test", caseRef))
			.containsExactly("Due soon: Supervision of a differently qualified worker for case " + caseRef);
		assertThat(reviewTasks(caseRef, "tm.north")).isEmpty();

		// When the end of Thursday 7 January 2027 passes with nothing recorded
		clockAt("2027-01-08T00:00:30Z");
		executeDueJobs();

		// Then North's manager has a review task and a mail, and the escalation is on the clock's record
		assertThat(reviewTasks(caseRef, "tm.north")).extracting(Task::getName)
			.containsExactly("Review overdue: Record supervision for " + caseRef);
		assertThat(outboxSubjects("tm.north@timescales.test", caseRef))
			.containsExactly("Overdue: Record supervision for case " + caseRef);
		ClockView clock = clock(pid, "supervision");
		assertThat(clock.status()).isEqualTo(ClockStatus.OVERDUE);
		assertThat(clock.escalations()).singleElement().satisfies(e -> {
			assertThat(e.tier()).isEqualTo(1);
			assertThat(e.manager()).isEqualTo("tm.north");
			assertThat(e.overdueTask()).isEqualTo("Record supervision");
			assertThat(e.raisedAt()).isEqualTo("2027-01-08T00:00:30Z");
		});
		assertThat(jdbc.sql("select count(*) from escalation where clock_id = ? and tier = 1 and manager = 'tm.north'")
			.param(clock.clockId())
			.query(Long.class)
			.single()).isEqualTo(1L);
		// the supervision still has to be done, late: the supervisor's task stays open
		assertThat(task(pid, "UserTask_RecordSupervision").getAssignee()).isEqualTo(SUPERVISOR);
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseRef).taskAssignee("sm.east").count())
			.isZero();
		// reminded and escalated once; the watcher waits for the second tier
		assertThat(instance(watchOf(pid, "supervision"))).hasPassed("ServiceTask_Reminder", "ServiceTask_Overdue")
			.isWaitingAtExactly(STILL_OVERDUE);
	}

	@Test
	void endingTheSupervisionStopsItsClockAndNothingEscalatesAfterwards() {
		String caseRef = newCaseRef("SUPEND");
		String pid = allocated(caseRef, "2026-12-07T10:00:00Z");
		String open = task(pid, "UserTask_RecordSupervision").getId();

		// When the case is reallocated to a social worker on Tuesday 15 December
		clockAt("2026-12-15T11:00:00Z");
		supervision.end(caseRef, "Case reallocated to a social worker");

		// Then the process has ended, its clock stopped with the reason, the task noted with it
		assertThat(ended(pid)).isTrue();
		assertThat(reachedEnd(pid, "EndEvent_SupervisionEnded")).isTrue();
		assertThat(clocksOf(pid, "supervision")).singleElement().satisfies(c -> {
			assertThat(c.status()).isEqualTo(ClockStatus.CANCELLED);
			assertThat(c.stopReason()).isEqualTo("Case reallocated to a social worker");
			assertThat(c.stoppedAt()).isEqualTo("2026-12-15T11:00:00Z");
		});
		HistoricTaskInstance cancelled = engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.taskId(open)
			.singleResult();
		assertThat(cancelled.getEndTime()).isNotNull();
		assertThat(cancelled.getDeleteReason()).isNotEqualTo("completed");
		assertThat(taskService.getTaskComments(open)).extracting(Comment::getFullMessage)
			.containsExactly("Cancelled: Case reallocated to a social worker");
		assertThat(managementService.createJobQuery().processInstanceId(pid).count()).isZero();
		assertThat(supervision.supervisorOf(caseRef)).isEmpty();
		assertThat(instance(pid)).hasPassed("BoundaryEvent_SupervisionEnded", "ServiceTask_StopSupervisionClock",
				"EndEvent_SupervisionEnded")
			.isEnded();
		assertThat(instance(watchOf(pid, "supervision"))).hasPassed("EndEvent_WatchEnded").isEnded();

		// and well past the old deadline and its second tier nothing reminds or escalates
		clockAt("2027-01-20T09:00:00Z");
		executeDueJobs();
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseRef).processDefinitionKey("breachEscalation")
			.count()).isZero();
		assertThat(outboxSubjects("tm.north@timescales.test", caseRef)).isEmpty();
		assertThat(outboxSubjects(SUPERVISOR + "@timescales.test", caseRef)).isEmpty();
		assertThat(clock(pid, "supervision").escalations()).isEmpty();

		// and ending it again is a no-op
		supervision.end(caseRef, "Case closed");
		assertThat(clock(pid, "supervision").stopReason()).isEqualTo("Case reallocated to a social worker");
	}

	@Test
	void theSameArrangementAgainChangesNothingAndANewSupervisorStartsAfresh() {
		String caseRef = newCaseRef("SUPCHG");
		String pid = allocated(caseRef, "2026-12-07T10:00:00Z");

		// the allocation saved again: same worker, same supervisor, the same clock runs on
		clockAt("2026-12-10T10:00:00Z");
		supervision.start(caseRef, WORKER, SUPERVISOR);
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("supervision")
			.processInstanceBusinessKey(caseRef).list()).extracting(p -> p.getId()).containsExactly(pid);
		assertThat(clocksOf(pid, "supervision")).singleElement()
			.satisfies(c -> assertThat(c.dueDate()).hasToString("2027-01-07"));

		// a new supervisor on Monday 14 December: the old arrangement ends, the new one counts from today
		clockAt("2026-12-14T10:00:00Z");
		supervision.start(caseRef, WORKER, "sw.south");
		assertThat(ended(pid)).isTrue();
		assertThat(clock(pid, "supervision").stopReason()).isEqualTo("Supervision arrangement changed");
		String now = runtimeService.createProcessInstanceQuery().processDefinitionKey("supervision")
			.processInstanceBusinessKey(caseRef).singleResult().getId();
		assertThat(task(now, "UserTask_RecordSupervision").getAssignee()).isEqualTo("sw.south");
		// 20 working days from Monday 14 December 2026: Thursday 14 January 2027
		assertThat(clock(now, "supervision").dueDate()).hasToString("2027-01-14");
		assertThat(supervision.supervisorOf(caseRef)).contains("sw.south");
		assertThat(instance(pid)).hasPassed("EndEvent_SupervisionEnded").isEnded();
		assertThat(instance(now)).isWaitingAt("UserTask_RecordSupervision").task().isAssignedTo("sw.south");

		// a worker cannot be their own supervisor, nor can a supervisor who is not a user
		assertThatThrownBy(() -> supervision.start(caseRef, WORKER, WORKER)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("cannot supervise their own case");
		assertThatThrownBy(() -> supervision.start(caseRef, WORKER, "no.such.person"))
			.hasMessage("supervisor: no user no.such.person");
		assertThat(supervision.supervisorOf(caseRef)).contains("sw.south");
	}

	/**
	 * A child in need plan (family help work a family practitioner may hold) allocated, at the given
	 * instant, to the family practitioner under the social worker's supervision.
	 */
	private String allocated(String caseRef, String at) {
		clockAt(at);
		String day = LocalDate.ofInstant(Instant.parse(at), ZoneOffset.UTC).toString();
		startByMessage("ChildInNeedPlanStarted", caseRef, Map.of("cinPlanStartDate", day));
		supervision.start(caseRef, WORKER, SUPERVISOR);
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("supervision")
			.processInstanceBusinessKey(caseRef)
			.singleResult()
			.getId();
	}

}
