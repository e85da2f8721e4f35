package org.timescales.casefile;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;
import org.timescales.clock.Clocks;

/**
 * The stages a child's case has been through: every process started under the case reference
 * (referral, section 47, plans, escalations), from the engine's history, oldest first; not the
 * clocks' watchers, which are machinery.
 */
@Component
public class CaseStages {

	private final HistoryService historyService;

	private final RepositoryService repositoryService;

	CaseStages(HistoryService historyService, RepositoryService repositoryService) {
		this.historyService = historyService;
		this.repositoryService = repositoryService;
	}

	/** One process of the case: what it is, when it ran, and where it ended (the outcome). */
	public record Stage(String process, String name, String processInstanceId, Instant startedAt, Instant endedAt,
			String state, String outcome) {
	}

	List<Stage> of(String caseRef) {
		return historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseRef)
			.processDefinitionKeyNotIn(List.of(Clocks.WATCH_PROCESS))
			.orderByProcessInstanceStartTime()
			.asc()
			.list()
			.stream()
			.map(this::stage)
			.toList();
	}

	private Stage stage(HistoricProcessInstance instance) {
		return new Stage(instance.getProcessDefinitionKey(), instance.getProcessDefinitionName(), instance.getId(),
				instance.getStartTime().toInstant(), instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
				instance.getState(), outcome(instance));
	}

	/** The name of the end event the process reached, e.g. "Child in need plan to start". */
	private String outcome(HistoricProcessInstance instance) {
		if (instance.getEndActivityId() == null) {
			return null;
		}
		FlowElement end = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId())
			.getModelElementById(instance.getEndActivityId());
		return end == null ? instance.getEndActivityId() : end.getName();
	}

}
