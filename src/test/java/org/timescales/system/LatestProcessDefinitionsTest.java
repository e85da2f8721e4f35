package org.timescales.system;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start by key takes the latest version of the process, although which version is the latest is now
 * remembered: a deployment here makes the next start take the new version at once.
 */
@TimescalesTest
class LatestProcessDefinitionsTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Test
	void aNewVersionDeployedHereIsStartedAtOnce() {
		deploy("First");
		String first = runtime.startProcessInstanceByKey("latestDefinitionsTest").getProcessDefinitionId();
		assertThat(runtime.startProcessInstanceByKey("latestDefinitionsTest").getProcessDefinitionId()).isEqualTo(first);

		deploy("Second");
		String second = runtime.startProcessInstanceByKey("latestDefinitionsTest").getProcessDefinitionId();

		assertThat(second).isNotEqualTo(first);
		assertThat(repository.getProcessDefinition(second).getVersion())
			.isEqualTo(repository.getProcessDefinition(first).getVersion() + 1);
	}

	private void deploy(String taskName) {
		BpmnModelInstance model = Bpmn.createExecutableProcess("latestDefinitionsTest")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task").name(taskName)
			.endEvent()
			.done();
		repository.createDeployment().addModelInstance("latestDefinitionsTest.bpmn", model).deploy();
	}

}
