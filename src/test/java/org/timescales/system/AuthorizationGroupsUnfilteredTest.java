package org.timescales.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's authorization checks take the user's groups as they are, without first reading every group
 * any grant names (a scan of ACT_RU_AUTHORIZATION in every command), and still answer the same.
 */
@TimescalesTest
class AuthorizationGroupsUnfilteredTest extends ProcessTestSupport {

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

}
