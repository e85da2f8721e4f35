package org.timescales.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;

/**
 * Ties each process instance of a case to the team that holds the case as it starts — every process
 * calls {@code ${access.grant(execution)}} from its start listener: the {@code team} variable names its
 * tasks' candidates ({@code candidateGroups="${team}"}), and the engine grants a task's candidates and
 * assignee {@code TASK_WORK} on that task (application.yaml), deleted with the task.
 * <p>
 * That is the only authorization a case adds. Who may read a case, its instances and its history is the
 * case record's holding team ({@link CaseAccess}), checked by our API and by the door to the engine's
 * ({@link EngineApiDoor}): no row per instance for every command's {@code select distinct GROUP_ID_ from
 * ACT_RU_AUTHORIZATION} to read, and a transfer changes the case record, the variable and the open
 * tasks' candidates, not a history's worth of grants.
 * <p>
 * The team is the one our case record says holds the case (the business key is the case reference),
 * never a {@code team} variable a caller passed: whoever starts or messages a process could set that.
 */
@Component("access")
public class Access {

	private final CaseRepository cases;

	private final AuthorizationService authorizations;

	private final AsSystem asSystem;

	Access(CaseRepository cases, AuthorizationService authorizations, AsSystem asSystem) {
		this.cases = cases;
		this.authorizations = authorizations;
		this.asSystem = asSystem;
	}

	/**
	 * Leaves a moved task granted to its new candidate group and its new assignee only. The engine grants
	 * {@code TASK_WORK} to each candidate and assignee as they are added but keeps the grant when they are
	 * removed, so everyone who ever held or claimed the task would still see and work it. A transfer calls
	 * this for each task it moves.
	 */
	public void keepTaskGrantsOnly(String taskId, String group, String assignee) {
		asSystem.run(() -> authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.list()
			.stream()
			.filter(grant -> !(grant.getGroupId() != null && grant.getGroupId().equals(group)
					|| grant.getUserId() != null && grant.getUserId().equals(assignee)))
			.forEach(grant -> authorizations.deleteAuthorization(grant.getId())));
	}

	public void grant(DelegateExecution execution) {
		String caseRef = execution.getProcessBusinessKey();
		String team = cases.findCase(caseRef)
			.map(ChildCase::team)
			.orElseThrow(() -> new ProcessEngineException(
					"No case " + caseRef + ": a process of a child starts only for a recorded case"));
		execution.setVariable("team", team);
	}

}
