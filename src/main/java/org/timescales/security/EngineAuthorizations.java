package org.timescales.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role-wide engine permissions, created at start-up when missing. Practitioners and managers may
 * use Tasklist, see which processes exist and start them (their cases' instances are then granted to
 * their team by {@link Access}); auditors may read every case and its history and change nothing;
 * Cockpit and Admin stay with Camunda's administrators' group, which the engine lets do anything.
 */
@Component
@Order(-10)
class EngineAuthorizations implements ApplicationRunner {

	private static final List<String> WORKERS = List.of(Roles.PRACTITIONER, Roles.TEAM_MANAGER, Roles.SERVICE_MANAGER);

	private final AuthorizationService authorizations;

	EngineAuthorizations(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String group : WORKERS) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.CREATE_INSTANCE);
			grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
			// names of colleagues and teams in Tasklist
			grant(group, Resources.USER, "*", Permissions.READ);
			grant(group, Resources.GROUP, "*", Permissions.READ);
		}
		grant(Roles.FRONT_DOOR, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.CREATE_INSTANCE);
		grant(Roles.FRONT_DOOR, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
		grant(Roles.AUDITOR, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
				ProcessDefinitionPermissions.READ_TASK);
		grant(Roles.AUDITOR, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
		grant(Roles.AUDITOR, Resources.TASK, "*", Permissions.READ);
		grant(Roles.AUDITOR, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
		grant(Roles.AUDITOR, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
		// the shared Tasklist filters (org.timescales.workqueue.TaskFilters) are for everyone
		if (authorizations.createAuthorizationQuery().userIdIn("*").resourceType(Resources.FILTER).count() == 0) {
			Authorization filters = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
			filters.setResource(Resources.FILTER);
			filters.setResourceId("*");
			filters.addPermission(Permissions.READ);
			authorizations.saveAuthorization(filters);
		}
	}

	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		boolean exists = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0;
		if (exists) {
			return;
		}
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		authorizations.saveAuthorization(authorization);
	}

}
