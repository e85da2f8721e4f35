package org.timescales.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;
import org.timescales.system.EngineManagers;

/**
 * The engine's authorization checks, giving the same answers with less reading (issue 17; docs/benchmark.md
 * measures each). Camunda lets a process engine plugin replace a session's manager through a custom
 * session factory.
 * <ul>
 * <li>Before the first check of every command the engine reads {@code select distinct GROUP_ID_ from
 * ACT_RU_AUTHORIZATION} — every group named by any grant, one per open task at a county's 100,000 — only
 * to drop from the user's groups those no grant names. A group no grant names matches no grant, so the
 * user's groups go into the checks as they are.</li>
 * <li>A check made for one of our audited commands ({@link Roles#COMMANDS}) that its grants cover is
 * answered from {@link EngineAuthorizations#COMMAND_GRANTS}, the table those grants are made from at every
 * start, instead of a query per check (a referral's create-instance check was an eighth of its request's
 * CPU). Those grants are on every resource of their types, and Timescales makes no revoking
 * authorizations, so the database would answer yes too; anything beyond them is still asked of it.</li>
 * </ul>
 */
@Component
class EngineAuthorizationChecks extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineManagers.replace(configuration, AuthorizationManager.class, Checks::new);
	}

	static class Checks extends AuthorizationManager {

		@Override
		public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
			return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
		}

		@Override
		public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
			return isCommand(groupIds) && grantedToCommands(check) || super.isAuthorized(userId, groupIds, check);
		}

		@Override
		public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
			// every atomic check granted makes any and-or of them true
			return isCommand(groupIds) && check.getAllPermissionChecks().stream().allMatch(Checks::grantedToCommands)
					|| super.isAuthorized(userId, groupIds, check);
		}

		private static boolean isCommand(List<String> groupIds) {
			return groupIds != null && groupIds.contains(Roles.COMMANDS);
		}

		/** The commands' grants as the engine tests them: each resource type's permission bits, made once. */
		private static final Map<Integer, Integer> COMMAND_PERMISSION_BITS = EngineAuthorizations.COMMAND_GRANTS
			.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(grant -> grant.getKey().resourceType(),
					grant -> grant.getValue().stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b)));

		static boolean grantedToCommands(PermissionCheck check) {
			Integer granted = COMMAND_PERMISSION_BITS.get(check.getResourceType());
			return granted != null && (granted & check.getPerms()) == check.getPerms();
		}

	}

}
