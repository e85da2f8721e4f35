package org.timescales;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.timescales.casefile.CaseClocks;
import org.timescales.casefile.ClockView;
import org.timescales.clock.Clocks;
import org.timescales.referral.ReferralRequest;
import org.timescales.referral.ReferralService;

/**
 * What process tests share: the real engine and database, the engine clock moved by the test, due
 * jobs executed by the test (never a sleep), and the test profile's people.
 */
public abstract class ProcessTestSupport {

	private static final AtomicInteger CASES = new AtomicInteger();

	@Autowired
	protected ProcessEngine engine;

	@Autowired
	protected RuntimeService runtimeService;

	@Autowired
	protected TaskService taskService;

	@Autowired
	protected ManagementService managementService;

	@Autowired
	protected IdentityService identityService;

	@Autowired
	protected ReferralService referrals;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected CaseClocks caseClocks;

	@Autowired
	protected Clocks clocks;

	@BeforeEach
	void initEngineAndPeople() {
		BpmnAwareTests.init(engine);
		user("worker.north", "north", "practitioner", "social-worker");
		user("colleague.north", "north", "practitioner", "social-worker");
		user("fp.north", "north", "practitioner", "family-practitioner");
		user("tm.north", "north", "team-manager");
		user("tm.south", "south", "team-manager");
		user("sm.east", "service-manager");
		user("worker.south", "south", "practitioner", "social-worker");
		user("auditor.one", "auditor");
		user("admin.one", "camunda-admin");
		user("frontdoor.one", "front-door");
		// only ever used with a wrong password, so no other test signs in as a user with failures counted
		user("mistyped.password");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	/** A case reference no other test uses: the database is shared by every test class. */
	protected static String newCaseRef(String prefix) {
		return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + CASES.incrementAndGet();
	}

	protected static void clockAt(String isoInstant) {
		clockAt(Instant.parse(isoInstant));
	}

	protected static void clockAt(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	/** Receives a referral for the north team, received at the given London date-time. */
	protected ReferralService.Received referral(String caseRef, String receivedAt) {
		return referrals.receive(new ReferralRequest("REF-" + caseRef,
				new ReferralRequest.Child(caseRef, "Test", "Child", "2016-05-01", "F", null, null, null, null,
						List.of("NONE")),
				receivedAt, "2A", "north"));
	}

	/**
	 * A referral received Monday 23 November 2026 at 10:00 and decided that afternoon: assess. The
	 * assessment is then due by the end of Thursday 28 January 2027.
	 */
	protected String referredForAssessment(String caseRef) {
		CaseJourney journey = journey(caseRef);
		String pid = journey.at("2026-11-23T10:30:00Z").referred("2026-11-23T10:00:00");
		return journey.at("2026-11-23T15:00:00Z").decidedToAssess(pid, "2026-11-23");
	}

	/** The case's way through the pathway, step by step ({@link CaseJourney}). */
	protected CaseJourney journey(String caseRef) {
		return new CaseJourney(this, caseRef);
	}

	/** Starts a process of the pathway as the previous one would: by its start message, for the north team. */
	protected String startByMessage(String message, String caseRef, Map<String, Object> variables) {
		caseRecord(caseRef);
		Map<String, Object> all = new java.util.HashMap<>(variables);
		all.put("caseRef", caseRef);
		all.put("team", "north");
		return runtimeService.createMessageCorrelation(message)
			.processInstanceBusinessKey(caseRef)
			.setVariables(all)
			.correlateStartMessage()
			.getId();
	}

	/**
	 * The north team's case record of a child born 1 May 2016, created once: a process of a child is
	 * granted to the team the record names (org.timescales.security.Access).
	 */
	protected void caseRecord(String caseRef) {
		if (jdbc.sql("select count(*) from child_case where case_ref = ?").param(caseRef).query(Long.class).single() == 0) {
			jdbc.sql("insert into child_case (case_ref, given_name, family_name, date_of_birth, team, created_at, held_since) "
					+ "values (?, 'Test', 'Child', date '2016-05-01', 'north', current_timestamp, current_timestamp)")
				.param(caseRef)
				.update();
		}
	}

	/** The one process instance of a definition for a case, running or ended. */
	protected String instanceOf(String processKey, String caseRef) {
		return engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(caseRef)
			.singleResult()
			.getId();
	}

	/**
	 * The process instance, running or ended, for camunda-bpm-assert ({@code assertThat(instance(pid))
	 * .isWaitingAt(..)}, {@code .hasPassed(..)}, {@code .isEnded()}): its assertions query the engine by id.
	 */
	protected ProcessInstance instance(String processInstanceId) {
		ProcessInstance running = runtimeService.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		if (running != null) {
			return running;
		}
		HistoricProcessInstance ended = engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		if (ended == null) {
			throw new AssertionError("No process instance " + processInstanceId);
		}
		return new EndedInstance(ended);
	}

	/** An ended process instance as camunda-bpm-assert takes one: what history knows of it. */
	private record EndedInstance(HistoricProcessInstance history) implements ProcessInstance {

		@Override
		public String getId() {
			return history.getId();
		}

		@Override
		public String getProcessInstanceId() {
			return history.getId();
		}

		@Override
		public String getProcessDefinitionId() {
			return history.getProcessDefinitionId();
		}

		@Override
		public String getProcessDefinitionKey() {
			return history.getProcessDefinitionKey();
		}

		@Override
		public String getBusinessKey() {
			return history.getBusinessKey();
		}

		@Override
		public String getRootProcessInstanceId() {
			return history.getRootProcessInstanceId();
		}

		@Override
		public String getCaseInstanceId() {
			return history.getCaseInstanceId();
		}

		@Override
		public String getTenantId() {
			return history.getTenantId();
		}

		@Override
		public boolean isSuspended() {
			return false;
		}

		@Override
		public boolean isEnded() {
			return true;
		}

		@Override
		public String toString() {
			return "ended ProcessInstance {id='" + getId() + "', processDefinitionId='" + getProcessDefinitionId()
					+ "', businessKey='" + getBusinessKey() + "'}";
		}

	}

	protected boolean ended(String processInstanceId) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
	}

	protected boolean reachedEnd(String processInstanceId, String endEventId) {
		return engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.activityId(endEventId)
			.finished()
			.count() == 1;
	}

	protected Object variable(String processInstanceId, String name) {
		var variable = engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.variableName(name)
			.singleResult();
		return variable == null ? null : variable.getValue();
	}

	public static org.springframework.http.HttpHeaders jsonHeaders() {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(org.springframework.http.MediaType.APPLICATION_JSON));
		return headers;
	}

	/** Review-overdue tasks assigned to a manager for a case. */
	protected List<Task> reviewTasks(String caseRef, String manager) {
		return taskService.createTaskQuery()
			.processDefinitionKey("breachEscalation")
			.processInstanceBusinessKey(caseRef)
			.taskAssignee(manager)
			.list();
	}

	/** The latest clock of a rule in a process instance. */
	protected ClockView clock(String processInstanceId, String ruleId) {
		List<ClockView> clocks = clocksOf(processInstanceId, ruleId);
		if (clocks.isEmpty()) {
			throw new AssertionError("no clock " + ruleId + " in " + processInstanceId);
		}
		return clocks.get(clocks.size() - 1);
	}

	/** Every clock of a rule in a process instance, first occurrence first. */
	protected List<ClockView> clocksOf(String processInstanceId, String ruleId) {
		return caseClocks.ofProcessInstance(processInstanceId)
			.stream()
			.filter(c -> c.ruleId().equals(ruleId))
			.sorted(java.util.Comparator.comparingInt(ClockView::occurrence))
			.toList();
	}

	/** Runs every job now due (timers whose time has come), repeatedly, as the job executor would. */
	protected void executeDueJobs() {
		for (int round = 0; round < 20; round++) {
			List<Job> due = managementService.createJobQuery().executable().list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> managementService.executeJob(job.getId()));
		}
		throw new AssertionError("jobs keep falling due: a timer loop?");
	}

	/**
	 * Runs the jobs now due of one process and of its clocks' watchers (bpmn/deadlineWatch.bpmn),
	 * repeatedly, leaving other tests' cases alone.
	 */
	protected void executeDueJobsOf(String processInstanceId) {
		for (int round = 0; round < 20; round++) {
			List<String> instances = new java.util.ArrayList<>(List.of(processInstanceId));
			instances.addAll(jdbc.sql("select watch_instance_id from clock where process_instance_id = ?"
					+ " and watch_instance_id is not null")
				.param(processInstanceId)
				.query(String.class)
				.list());
			List<Job> due = instances.stream()
				.flatMap(id -> managementService.createJobQuery().processInstanceId(id).executable().list().stream())
				.toList();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> managementService.executeJob(job.getId()));
		}
		throw new AssertionError("jobs keep falling due: a timer loop?");
	}

	/** The groups a task is offered to (its candidate groups). */
	protected List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> "candidate".equals(link.getType()))
			.map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
			.toList();
	}

	protected Task task(String processInstanceId, String taskDefinitionKey) {
		return taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
	}

	protected void complete(String processInstanceId, String taskDefinitionKey, Map<String, Object> variables) {
		Task task = task(processInstanceId, taskDefinitionKey);
		if (task == null) {
			throw new AssertionError("No open task " + taskDefinitionKey + " in " + processInstanceId);
		}
		taskService.complete(task.getId(), variables);
	}

	/** The deadline watcher's timers (bpmn/deadlineWatch.bpmn): due soon, deadline passed, still overdue. */
	protected static final String DUE_SOON = "Timer_Reminder";

	protected static final String OVERDUE = "Timer_Overdue";

	protected static final String STILL_OVERDUE = "Timer_StillOverdue";

	/**
	 * When a timer of the watcher of the process instance's latest clock of the rule falls due: the waiting
	 * timer's own due date; for a tier the watcher has not reached (it waits at one timer at a time), the
	 * date that timer's expression will give it, from the same clock in the ledger (DeadlineWatchProcessTest
	 * shows each timer taking it as it is reached).
	 */
	protected Instant timerDue(String processInstanceId, String ruleId, String watchTimer) {
		Job waiting = managementService.createJobQuery()
			.processInstanceId(watchOf(processInstanceId, ruleId))
			.activityId(watchTimer)
			.singleResult();
		if (waiting != null) {
			return waiting.getDuedate().toInstant();
		}
		long clockId = clock(processInstanceId, ruleId).clockId();
		Date due = switch (watchTimer) {
			case DUE_SOON -> clocks.reminderOf(clockId);
			case OVERDUE -> clocks.deadlineOf(clockId);
			case STILL_OVERDUE -> clocks.secondTierOf(clockId);
			default -> throw new AssertionError("not a timer of the watcher: " + watchTimer);
		};
		return due.toInstant();
	}

	/** The waiting timer of the watcher of the process instance's latest clock of the rule. */
	protected Job watchTimer(String processInstanceId, String ruleId, String watchTimer) {
		String watch = watchOf(processInstanceId, ruleId);
		Job job = managementService.createJobQuery().processInstanceId(watch).activityId(watchTimer).singleResult();
		if (job == null) {
			throw new AssertionError("No timer " + watchTimer + " waiting for " + ruleId + " in " + processInstanceId);
		}
		return job;
	}

	/** The watcher process instance of the process instance's latest clock of the rule. */
	protected String watchOf(String processInstanceId, String ruleId) {
		return jdbc.sql("""
				select watch_instance_id from clock where process_instance_id = ? and rule_id = ?
				order by sequence_no desc""")
			.params(processInstanceId, ruleId)
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.orElseThrow(() -> new AssertionError("No clock " + ruleId + " in " + processInstanceId));
	}

	/** Subjects of the mail queued for a recipient about one case, in order (tests share the outbox). */
	protected List<String> outboxSubjects(String recipient, String caseRef) {
		return jdbc.sql("select subject from mail_outbox where recipient = ? and subject like ? order by id")
			.params(recipient, "% " + caseRef)
			.query(String.class)
			.list();
	}

	/** A test user (password secret-<id>) in the given groups, created once. */
	protected void user(String id, String... groups) {
		if (identityService.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = identityService.newUser(id);
		user.setFirstName(id);
		user.setLastName("Test");
		user.setEmail(id + "@timescales.test");
		user.setPassword("secret-" + id);
		identityService.saveUser(user);
		for (String group : groups) {
			if (identityService.createGroupQuery().groupId(group).count() == 0) {
				identityService.saveGroup(identityService.newGroup(group));
			}
			identityService.createMembership(id, group);
		}
	}

}
