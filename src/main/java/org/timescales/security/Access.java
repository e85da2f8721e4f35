package org.timescales.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.team.Teams;

/**
 * Gives a case's people access to each process instance of it as it starts — every process calls
 * {@code ${access.grant(execution)}} from its start listener: the team that holds the case (its
 * practitioners and manager, a Camunda group) and the manager of the team's service may read the
 * instance and its history. Nobody but an administrator may change an instance through the engine:
 * a case changes through our commands ({@code /api}, see {@link EngineUserFilter}) or by working a
 * task, whose candidates the engine grants {@code TASK_WORK} (application.yaml).
 * <p>
 * The team is the one our case record says holds the case (the business key is the case reference),
 * never a {@code team} variable: whoever starts or messages a process could set that. A transfer
 * between teams is one call to {@link #grant(String, String, String)} per instance with the new team.
 */
@Component("access")
public class Access {

	private final AuthorizationService authorizationService;

	private final CaseRepository cases;

	private final Teams teams;

	Access(AuthorizationService authorizationService, CaseRepository cases, Teams teams) {
		this.authorizationService = authorizationService;
		this.cases = cases;
		this.teams = teams;
	}

	public void grant(DelegateExecution execution) {
		String caseRef = execution.getProcessBusinessKey();
		String team = cases.findCase(caseRef)
			.map(ChildCase::team)
			.orElseThrow(() -> new ProcessEngineException(
					"No case " + caseRef + ": a process of a child starts only for a recorded case"));
		// the team variable names the tasks' candidates (candidateGroups="${team}"): it is the holder's too
		execution.setVariable("team", team);
		grant(caseRef, execution.getProcessInstanceId(), team);
	}

	/** Grants one process instance of a case to the team that holds it and the team's service manager. */
	public void grant(String caseRef, String processInstanceId, String team) {
		grantGroup(team, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
		grantGroup(team, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
		String serviceManager = teams.serviceManagerOf(team);
		if (serviceManager != null) {
			grantUser(serviceManager, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
			grantUser(serviceManager, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
					HistoricProcessInstancePermissions.READ);
		}
	}

	private void grantGroup(String group, Resource resource, String id, Permission... permissions) {
		Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		save(authorization, resource, id, permissions);
	}

	private void grantUser(String user, Resource resource, String id, Permission... permissions) {
		Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setUserId(user);
		save(authorization, resource, id, permissions);
	}

	private void save(Authorization authorization, Resource resource, String id, Permission... permissions) {
		authorization.setResource(resource);
		authorization.setResourceId(id);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		authorizationService.saveAuthorization(authorization);
	}

}
