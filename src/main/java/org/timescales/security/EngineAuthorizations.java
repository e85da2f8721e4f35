package org.timescales.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role-wide engine permissions, made exactly so at start-up (created when missing, narrowed when an
 * older version granted more). Practitioners and managers may use Tasklist and see which processes
 * exist; they start nothing and change no instance through the engine, and read only the tasks the
 * engine grants their candidates and assignee ({@code TASK_WORK}: claim, complete, not {@code UPDATE}).
 * Nothing is granted per case or per instance (see {@link Access}). Auditors may read every case and
 * its history and change nothing. Our own API and pages ({@link Roles#READS}) read any case they have
 * checked, and our audited commands ({@link Roles#COMMANDS}) may start processes, correct dates and
 * move due dates. Cockpit and Admin stay with Camunda's administrators' group, which the engine lets do
 * anything. Every grant here is one row per group: the authorization table grows with open tasks only.
 */
@Component
@Order(-10)
class EngineAuthorizations implements ApplicationRunner {

	private static final List<String> WORKERS = List.of(Roles.PRACTITIONER, Roles.TEAM_MANAGER, Roles.SERVICE_MANAGER);

	/**
	 * What our audited commands ({@link Roles#COMMANDS}) may do through the engine, on every resource of
	 * each type: granted so at start-up, and answered from here by {@link EngineAuthorizationChecks}.
	 */
	static final Map<Resource, List<Permission>> COMMAND_GRANTS = Map.of(
			Resources.PROCESS_DEFINITION, List.of(ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
					ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
					ProcessDefinitionPermissions.UPDATE_TASK),
			Resources.PROCESS_INSTANCE, List.of(ProcessInstancePermissions.CREATE, ProcessInstancePermissions.READ,
					ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.UPDATE_VARIABLE),
			Resources.TASK, List.of(Permissions.READ, Permissions.UPDATE),
			Resources.USER, List.of(Permissions.READ),
			Resources.GROUP, List.of(Permissions.READ));

	private final AuthorizationService authorizations;

	EngineAuthorizations(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String group : WORKERS) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
			revoke(group, Resources.PROCESS_INSTANCE, "*");
			// names of colleagues and teams in Tasklist
			grant(group, Resources.USER, "*", Permissions.READ);
			grant(group, Resources.GROUP, "*", Permissions.READ);
		}
		// the front door records referrals through /api only
		revoke(Roles.FRONT_DOOR, Resources.PROCESS_DEFINITION, "*");
		revoke(Roles.FRONT_DOOR, Resources.PROCESS_INSTANCE, "*");
		grant(Roles.AUDITOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(Roles.AUDITOR, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
				ProcessDefinitionPermissions.READ_TASK);
		grant(Roles.AUDITOR, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
		grant(Roles.AUDITOR, Resources.TASK, "*", Permissions.READ);
		grant(Roles.AUDITOR, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
		grant(Roles.AUDITOR, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
		// our commands, each checked per case before it runs (CaseAccess)
		COMMAND_GRANTS.forEach(
				(resource, permissions) -> grant(Roles.COMMANDS, resource, "*", permissions.toArray(Permission[]::new)));
		// our API's reads, each checked per case before it runs (CaseAccess)
		grant(Roles.READS, Resources.USER, "*", Permissions.READ);
		grant(Roles.READS, Resources.GROUP, "*", Permissions.READ);
		grant(Roles.READS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
				ProcessDefinitionPermissions.READ_TASK);
		grant(Roles.READS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
		grant(Roles.READS, Resources.TASK, "*", Permissions.READ);
		// the shared Tasklist filters (org.timescales.workqueue.TaskFilters) are for everyone
		if (authorizations.createAuthorizationQuery().userIdIn("*").resourceType(Resources.FILTER).count() == 0) {
			Authorization filters = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
			filters.setResource(Resources.FILTER);
			filters.setResourceId("*");
			filters.addPermission(Permissions.READ);
			authorizations.saveAuthorization(filters);
		}
		narrowOlderGrants();
		dropPerInstanceGrants();
	}

	/**
	 * An older version granted each instance and its history to the case's team and service manager:
	 * four rows per instance, kept for ever, that every command's group check read. Removed once, in
	 * pages; the wildcard grants stay.
	 */
	private void dropPerInstanceGrants() {
		int dropped = 0;
		for (Resource resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
			while (true) {
				List<Authorization> perInstance = authorizations.createAuthorizationQuery()
					.resourceType(resource)
					.listPage(0, 1000)
					.stream()
					.filter(grant -> !"*".equals(grant.getResourceId()))
					.toList();
				if (perInstance.isEmpty()) {
					break;
				}
				int before = dropped;
				for (Authorization grant : perInstance) {
					try {
						authorizations.deleteAuthorization(grant.getId());
						dropped++;
					}
					catch (org.camunda.bpm.engine.ProcessEngineException removedByAnotherNode) {
						// two nodes starting at once remove the same rows: the other one's delete won
					}
				}
				if (dropped == before) {
					break; // none of a page would go: leave the rest to the next start, never spin
				}
			}
		}
		if (dropped > 0) {
			org.slf4j.LoggerFactory.getLogger(EngineAuthorizations.class)
				.info("Removed {} per-instance grants of an older version: access follows the case record", dropped);
		}
	}

	/**
	 * Instances and tasks granted by an older version could be changed by their team (UPDATE,
	 * UPDATE_VARIABLE): each such grant becomes what a grant is now, once.
	 */
	private void narrowOlderGrants() {
		for (Authorization old : authorizations.createAuthorizationQuery()
			.resourceType(Resources.PROCESS_INSTANCE)
			.hasPermission(ProcessInstancePermissions.UPDATE)
			.list()) {
			if (Roles.COMMANDS.equals(old.getGroupId()) || Roles.ADMIN.equals(old.getGroupId())) {
				continue;
			}
			old.removePermission(ProcessInstancePermissions.UPDATE);
			old.removePermission(ProcessInstancePermissions.UPDATE_VARIABLE);
			authorizations.saveAuthorization(old);
		}
		for (Authorization old : authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.hasPermission(Permissions.UPDATE)
			.list()) {
			if (Roles.COMMANDS.equals(old.getGroupId()) || Roles.ADMIN.equals(old.getGroupId())
					|| "*".equals(old.getResourceId())) {
				continue;
			}
			old.removePermission(Permissions.UPDATE);
			old.addPermission(TaskPermissions.TASK_WORK);
			authorizations.saveAuthorization(old);
		}
	}

	/** Makes the group's grant on the resource exactly these permissions. */
	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.findFirst()
			.orElseGet(() -> {
				Authorization created = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				created.setGroupId(group);
				created.setResource(resource);
				created.setResourceId(resourceId);
				return created;
			});
		authorization.setPermissions(new Permission[] { Permissions.NONE });
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		authorizations.saveAuthorization(authorization);
	}

	private void revoke(String group, Resource resource, String resourceId) {
		authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
	}

}
