package org.timescales.casehistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseRepository;
import org.timescales.clock.ClockLedger;
import org.timescales.clock.Clocks;
import org.timescales.clock.ClockRecord;
import org.timescales.escalation.EscalationVariables;
import org.timescales.security.AsSystem;
import org.timescales.supervision.Supervision;


/**
 * The one reader of what happened to a case, from the engine's history: its stages with what they
 * recorded (for the returns), and every process a person can see on its timeline with its tasks and
 * variable updates. Reads with no engine authorization: the caller has already decided who may see
 * the case.
 */
@Component
public class CaseHistory {

	/** A clock's watcher (bpmn/deadlineWatch.bpmn, started by the clock module, business key the case). */
	static final String DEADLINE_WATCH = Clocks.WATCH_PROCESS;

	/** Supervision of a differently qualified worker (bpmn/supervision.bpmn). */
	static final String SUPERVISION = Supervision.PROCESS;

	/**
	 * Machinery that is no part of what happened to the case: a watcher only raises what its clock's
	 * rule asks for, and what it raises (mails, escalations) is on record in its own right.
	 */
	private static final Set<String> NEVER_SHOWN = Set.of(DEADLINE_WATCH);

	/** Oversight of the casework, on the timeline but no stage of the case and in no return. */
	private static final Set<String> OVERSIGHT = Set.of(EscalationVariables.PROCESS_KEY, SUPERVISION);

	private final HistoryService history;

	private final ClockLedger ledger;

	private final CaseRepository cases;

	private final AsSystem asSystem;

	CaseHistory(HistoryService history, ClockLedger ledger, CaseRepository cases, AsSystem asSystem) {
		this.history = history;
		this.ledger = ledger;
		this.cases = cases;
		this.asSystem = asSystem;
	}

	/** Whether a process of this key is a stage of a case: casework, not its oversight or machinery. */
	public static boolean isStage(String processKey) {
		return !NEVER_SHOWN.contains(processKey) && !OVERSIGHT.contains(processKey);
	}

	/** Whether a process of this key is on a case's timeline: anything a person worked in or was told about. */
	public static boolean isShown(String processKey) {
		return !NEVER_SHOWN.contains(processKey);
	}

	/** Every case with a referral received by the end of {@code day}, by case reference. */
	public List<String> casesReferredBy(LocalDate day) {
		return cases.referredBefore(London.endOfDay(day));
	}

	/**
	 * The case's stages, oldest first (by start, then id), each with its variables (a process-scope
	 * value wins over a task's own of the same name) and its clocks.
	 */
	public List<Stage> stages(String caseRef) {
		List<HistoricProcessInstance> instances = asSystem.call(() -> instances(caseRef))
			.stream()
			.filter(p -> isStage(p.getProcessDefinitionKey()))
			.sorted(Comparator.comparing(HistoricProcessInstance::getStartTime)
				.thenComparing(HistoricProcessInstance::getId))
			.toList();
		if (instances.isEmpty()) {
			return List.of();
		}
		Map<String, Map<String, Object>> variables = asSystem.call(() -> variables(instances));
		Map<String, List<ClockRecord>> clocks = ledger.forCase(caseRef)
			.stream()
			.collect(Collectors.groupingBy(ClockRecord::processInstanceId));
		return instances.stream()
			.map(p -> new Stage(p.getId(), p.getProcessDefinitionKey(), p.getStartTime().toInstant(),
					p.getEndTime() == null ? null : p.getEndTime().toInstant(), variables.getOrDefault(p.getId(), Map.of()), clocks.getOrDefault(p.getId(), List.of())))
			.toList();
	}

	/**
	 * Every process of the case shown on its timeline (its stages and their oversight), in the
	 * engine's order of start time, each with its tasks and variable updates.
	 */
	public List<ProcessRun> processes(String caseRef) {
		return asSystem.call(() -> instances(caseRef).stream()
			.filter(p -> isShown(p.getProcessDefinitionKey()))
			.map(this::run)
			.toList());
	}

	private List<HistoricProcessInstance> instances(String caseRef) {
		return history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseRef)
			.orderByProcessInstanceStartTime()
			.asc()
			.list();
	}

	private Map<String, Map<String, Object>> variables(List<HistoricProcessInstance> instances) {
		Map<String, Map<String, Object>> variables = new HashMap<>();
		List<HistoricVariableInstance> all = history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
			.disableCustomObjectDeserialization()
			.list();
		// process-scope values win over task-local ones of the same name
		all.stream()
			.sorted(Comparator.comparing(v -> v.getProcessInstanceId().equals(v.getExecutionId()) ? 1 : 0))
			.forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
				.put(v.getName(), v.getValue()));
		return variables;
	}

	private ProcessRun run(HistoricProcessInstance process) {
		String pid = process.getId();
		OperationLog log = operationLog(pid);
		return new ProcessRun(pid, process.getProcessDefinitionKey(), process.getProcessDefinitionName(),
				instantOf(process.getStartTime()), process.getStartUserId(), instantOf(process.getEndTime()),
				process.getDeleteReason(), tasks(pid, log), updates(pid, log));
	}

	private List<TaskRun> tasks(String pid, OperationLog log) {
		List<TaskRun> tasks = new ArrayList<>();
		for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
			.processInstanceId(pid)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list()) {
			List<TaskRun.Assignment> assignments = new ArrayList<>();
			for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
				.taskId(task.getId())
				.type(IdentityLinkType.ASSIGNEE)
				.orderByTime()
				.asc()
				.list()) {
				assignments.add(new TaskRun.Assignment(instantOf(link.getTime()), link.getAssignerId(), link.getUserId(),
						"add".equals(link.getOperationType())));
			}
			String endedBy = null;
			if (task.getEndTime() != null) {
				endedBy = log.taskUser(task.getId(), TaskRun.COMPLETED.equals(task.getDeleteReason())
						? UserOperationLogEntry.OPERATION_TYPE_COMPLETE : UserOperationLogEntry.OPERATION_TYPE_DELETE);
			}
			tasks.add(new TaskRun(task.getId(), task.getName(), instantOf(task.getStartTime()),
					instantOf(task.getDueDate()), assignments, instantOf(task.getEndTime()), task.getDeleteReason(),
					endedBy));
		}
		return tasks;
	}

	private List<FieldUpdate> updates(String pid, OperationLog log) {
		List<FieldUpdate> updates = new ArrayList<>();
		for (HistoricDetail detail : history.createHistoricDetailQuery()
			.processInstanceId(pid)
			.variableUpdates()
			.disableBinaryFetching()
			.orderPartiallyByOccurrence()
			.asc()
			.list()) {
			HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
			updates.add(new FieldUpdate(update.getVariableInstanceId(), update.getVariableName(),
					instantOf(update.getTime()), text(update), log.userOf(update.getUserOperationId())));
		}
		return updates;
	}

	private static String text(HistoricVariableUpdate update) {
		if (update.getErrorMessage() != null) {
			return "(" + update.getTypeName() + " value not readable)";
		}
		Object value = update.getValue();
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		return value == null ? null : value.toString();
	}

	private OperationLog operationLog(String pid) {
		OperationLog log = new OperationLog();
		for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(pid).list()) {
			if (entry.getUserId() == null) {
				continue;
			}
			log.byOperation.putIfAbsent(entry.getOperationId(), entry.getUserId());
			if (entry.getTaskId() != null) {
				log.byTask.putIfAbsent(entry.getTaskId() + "/" + entry.getOperationType(), entry.getUserId());
			}
		}
		return log;
	}

	/** Who did what, from the engine's user operation log (only written for signed-in users). */
	private static final class OperationLog {

		final Map<String, String> byOperation = new HashMap<>();

		final Map<String, String> byTask = new HashMap<>();

		String userOf(String operationId) {
			return operationId == null ? null : byOperation.get(operationId);
		}

		String taskUser(String taskId, String operationType) {
			return byTask.get(taskId + "/" + operationType);
		}

	}

	private static Instant instantOf(Date date) {
		return date == null ? null : date.toInstant();
	}

}
