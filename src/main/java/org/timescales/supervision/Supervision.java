package org.timescales.supervision;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.timescales.supervision.SupervisionVariables.*;

/**
 * The supervision arrangement of a case held by a differently qualified worker, as the allocation
 * command records it: one running supervision process per case (business key = case reference) whose
 * Record supervision tasks go to the supervisor. Each call joins the caller's transaction, so an
 * allocation and its supervision commit or fail together.
 */
@Component
public class Supervision {

	/** The supervision process's key: oversight of the casework, no stage of the case. */
	public static final String PROCESS = SupervisionVariables.PROCESS_KEY;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final Clock clock;

	Supervision(RuntimeService runtimeService, IdentityService identityService, Clock clock) {
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.clock = clock;
	}

	/**
	 * Starts supervising the case's worker, the first supervision due 20 working days from now. The same
	 * arrangement again changes nothing (its clock runs on); a different worker or supervisor ends the
	 * running one ({@value SupervisionVariables#ARRANGEMENT_CHANGED}) and starts afresh.
	 */
	@Transactional
	public void start(String caseRef, String worker, String supervisor) {
		required("caseRef", caseRef);
		required("worker", worker);
		required("supervisor", supervisor);
		if (worker.equals(supervisor)) {
			throw new IllegalArgumentException("supervisor: a worker cannot supervise their own case (" + worker + ")");
		}
		// a misspelt supervisor would leave every Record supervision task with nobody
		if (identityService.createUserQuery().userId(supervisor).count() == 0) {
			throw new IllegalArgumentException("supervisor: no user " + supervisor);
		}
		boolean unchanged = false;
		for (ProcessInstance running : running(caseRef)) {
			if (!unchanged && worker.equals(variable(running, WORKER)) && supervisor.equals(variable(running, SUPERVISOR))) {
				unchanged = true;
			}
			else {
				end(running, ARRANGEMENT_CHANGED);
			}
		}
		if (!unchanged) {
			runtimeService.startProcessInstanceByKey(PROCESS_KEY, caseRef, Map.of(CASE_REF, caseRef, WORKER, worker,
					SUPERVISOR, supervisor, ALLOCATED_AT, Date.from(clock.instant())));
		}
	}

	/** Ends the case's supervision, if one is running: its open clock stops with the reason, nothing escalates. */
	@Transactional
	public void end(String caseRef, String reason) {
		required("caseRef", caseRef);
		required("reason", reason);
		running(caseRef).forEach(running -> end(running, reason.strip()));
	}

	/** The supervising social worker of the case's running supervision, if any. */
	public Optional<String> supervisorOf(String caseRef) {
		return running(caseRef).stream().findFirst().map(running -> variable(running, SUPERVISOR));
	}

	private void end(ProcessInstance running, String reason) {
		runtimeService.createMessageCorrelation(SUPERVISION_ENDED)
			.processInstanceId(running.getId())
			.setVariable(SUPERVISION_ENDED_REASON, reason)
			.correlate();
	}

	private List<ProcessInstance> running(String caseRef) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(caseRef)
			.list();
	}

	private String variable(ProcessInstance running, String name) {
		return (String) runtimeService.getVariable(running.getId(), name);
	}

	private static void required(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
	}

}
