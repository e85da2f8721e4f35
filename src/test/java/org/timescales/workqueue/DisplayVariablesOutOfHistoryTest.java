package org.timescales.workqueue;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the task's display copies (TaskContext) are on the task for Tasklist and its forms, and not in
 * the engine's history; the case's own variables, and what a worker records, are in it as before.
 */
@TimescalesTest
class DisplayVariablesOutOfHistoryTest extends ProcessTestSupport {

	@Autowired
	HistoryService historyService;

	@Test
	void theTasksDisplayCopiesAreOnTheTaskButNotInHistoryWhileTheCasesVariablesAre() {
		clockAt("2026-11-23T10:30:00Z");
		String caseRef = newCaseRef("DSP");
		String pid = referral(caseRef, "2026-11-23T10:00:00").referral().processInstanceId();
		Task decide = task(pid, "UserTask_DecideOnReferral");

		Map<String, Object> shown = taskService.getVariablesLocal(decide.getId());
		assertThat(shown).containsEntry("caseRef", caseRef)
			.containsEntry("childName", "Test Child")
			.containsEntry("clockLabel", "Decision on referral")
			.containsEntry("clockDue", "Tuesday 24 November 2026")
			.containsEntry("mdCaseUrl", "/cases/" + caseRef);
		assertThat(TaskContext.DISPLAY_COPIES).containsAll(shown.keySet());

		clockAt("2026-11-23T15:00:00Z");
		taskService.complete(decide.getId(), Map.of("referralDecision", "NFA", "referralDecisionDate", "2026-11-23",
				"decisionRationale", "No further action"));

		List<HistoricVariableInstance> history = historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(pid)
			.list();
		assertThat(history).filteredOn(v -> decide.getId().equals(v.getTaskId())).isEmpty();
		assertThat(historyService.createHistoricDetailQuery().taskId(decide.getId()).count()).isZero();
		// the process's own caseRef (the same name as a copy's) and the worker's decision are history
		assertThat(history).filteredOn(v -> v.getTaskId() == null)
			.extracting(HistoricVariableInstance::getName)
			.contains("caseRef", "referralReceivedAt", "referralDecision", "referralDecisionDate", "decisionRationale");
		assertThat(historyService.createHistoricDetailQuery()
			.processInstanceId(pid)
			.variableUpdates()
			.list()
			.stream()
			.map(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
			.toList()).contains("caseRef", "referralDecision").doesNotContain("childName", "mdChildName", "clockLabel");
		assertThat(taskService.createTaskQuery().taskId(decide.getId()).count()).isZero();
	}

}
