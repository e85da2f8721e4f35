package org.timescales.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes {@code camunda-admin} the engine's administrators: every permission on every resource, as
 * Camunda's own first-admin setup grants it. The engine's {@code adminGroups} already holds
 * camunda-admin by default, but in 7.24 that only admits the admin-only commands (unlocking a user,
 * metrics, ...): queries and the webapps' sign-in go by authorizations, so without these grants an
 * administrator saw no instance and could not open Cockpit or Admin. Created at start-up where
 * missing; the group and its members are not created here (no default users outside the demo profile).
 */
@Component
@Order(-20)
class AdministratorsGrant implements ApplicationRunner {

	private final AuthorizationService authorizations;

	AdministratorsGrant(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Resources resource : Resources.values()) {
			Authorization grant = authorizations.createAuthorizationQuery()
				.groupIdIn(Roles.ADMIN)
				.resourceType(resource)
				.resourceId(Authorization.ANY)
				.list()
				.stream()
				.findFirst()
				.orElse(null);
			if (grant != null && grant.isEveryPermissionGranted()) {
				continue;
			}
			if (grant == null) {
				grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				grant.setGroupId(Roles.ADMIN);
				grant.setResource(resource);
				grant.setResourceId(Authorization.ANY);
			}
			grant.addPermission(Permissions.ALL);
			authorizations.saveAuthorization(grant);
		}
	}

}
