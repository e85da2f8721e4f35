package org.timescales.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.timescales.team.Teams;

/**
 * Gives a case's people access to each process instance of it as it starts — every process calls
 * {@code ${access.grant(execution)}} from its start listener: the team (its practitioners and manager,
 * a Camunda group) and the service manager may read it, its history and change its variables
 * (corrections). Tasks need nothing here: the engine grants a task to its candidates and assignee.
 */
@Component("access")
public class Access {

	/** Read the case's process, correct its dates (variables), deliver its messages. */
	private static final Permission[] INSTANCE = { ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE,
			ProcessInstancePermissions.UPDATE_VARIABLE };

	private final AuthorizationService authorizationService;

	private final Teams teams;

	Access(AuthorizationService authorizationService, Teams teams) {
		this.authorizationService = authorizationService;
		this.teams = teams;
	}

	public void grant(DelegateExecution execution) {
		String team = (String) execution.getVariable("team");
		String processInstanceId = execution.getProcessInstanceId();
		grantGroup(team, Resources.PROCESS_INSTANCE, processInstanceId, INSTANCE);
		grantGroup(team, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
		String serviceManager = teams.serviceManagerOf(team);
		grantUser(serviceManager, Resources.PROCESS_INSTANCE, processInstanceId, INSTANCE);
		grantUser(serviceManager, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
				HistoricProcessInstancePermissions.READ);
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
