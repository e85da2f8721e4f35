package org.timescales.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's authorization checks take the user's groups as they are, without first reading every group
 * any grant names (a scan of ACT_RU_AUTHORIZATION in every command), answer our commands' checks from the
 * table their grants are made from, and still answer the same as the database.
 */
@TimescalesTest
class EngineAuthorizationChecksTest extends ProcessTestSupport {

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@AfterEach
	void signOut() {
		identity.clearAuthentication();
	}

	@Test
	void aGroupNoGrantNamesIsKeptInsteadOfLookedUp() {
		Command<List<String>> filter = context -> context.getAuthorizationManager()
			.filterAuthenticatedGroupIds(List.of("north", "a-group-no-grant-names"));
		// the engine's own manager would read the grants' groups and drop the second
		assertThat(((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired()
			.execute(filter)).containsExactly("north", "a-group-no-grant-names");
	}

	@Test
	void aWorkerStillReadsExactlyTheTasksGrantedToTheirGroups() {
		String caseRef = newCaseRef("AUTH-GROUPS");
		clockAt("2026-11-23T10:30:00Z");
		referral(caseRef, "2026-11-23T10:00:00");
		identity.setAuthentication("worker.north", List.of("practitioner", "north", "a-group-no-grant-names"));
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseRef).list())
			.extracting(t -> t.getTaskDefinitionKey())
			.containsExactly("UserTask_DecideOnReferral");
		identity.setAuthentication("worker.south", List.of("practitioner", "south", "a-group-no-grant-names"));
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseRef).count()).isZero();
	}

	@Test
	void everyPermissionTheCommandsTableAnswersTheEnginesOwnCheckGrantsToo() {
		int checked = 0;
		for (var grant : EngineAuthorizations.COMMAND_GRANTS.entrySet()) {
			for (Permission permission : grant.getValue()) {
				PermissionCheck check = check(grant.getKey(), permission);
				assertThat(EngineAuthorizationChecks.Checks.grantedToCommands(check)).isTrue();
				assertThat(engineAnswer(new AuthorizationManager(), check)).as(grant.getKey() + " " + permission)
					.isTrue();
				checked++;
			}
		}
		assertThat(checked).isEqualTo(14);
	}

	@Test
	void aCheckBeyondTheCommandsGrantsIsStillAskedOfTheDatabaseAndRefused() {
		PermissionCheck delete = check(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.DELETE_INSTANCE);
		assertThat(EngineAuthorizationChecks.Checks.grantedToCommands(delete)).isFalse();
		assertThat(engineAnswer(null, delete)).isFalse();
		PermissionCheck deploy = check(Resources.DEPLOYMENT, org.camunda.bpm.engine.authorization.Permissions.CREATE);
		assertThat(engineAnswer(null, deploy)).isFalse();
		// and a caller without the commands' group gets the database's answer for a commands' permission
		PermissionCheck start = check(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.CREATE_INSTANCE);
		Command<Boolean> asAWorker = context -> context.getAuthorizationManager()
			.isAuthorized("worker.north", List.of("north"), start);
		assertThat(((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired()
			.execute(asAWorker)).isFalse();
	}

	/** The engine's own manager, or (null) the one the engine uses now, asked for a commands' caller. */
	private boolean engineAnswer(AuthorizationManager manager, PermissionCheck check) {
		Command<Boolean> asACommand = context -> (manager == null ? context.getAuthorizationManager() : manager)
			.isAuthorized("front.door", List.of(Roles.FRONT_DOOR, Roles.COMMANDS), check);
		return ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired()
			.execute(asACommand);
	}

	private static PermissionCheck check(Resource resource, Permission permission) {
		PermissionCheck check = new PermissionCheck();
		check.setResource(resource);
		check.setPermission(permission);
		check.setResourceId("any-" + resource.resourceName());
		return check;
	}

}
