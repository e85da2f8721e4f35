package org.timescales.allocation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.timescales.casefile.Holdings;
import org.timescales.security.Qualifications;
import org.timescales.team.Teams;

/**
 * A new task of an allocated case goes to its worker as it is created (the engine publishes task events
 * to Spring), so "My work" is my allocated children's work; the team remains its candidates and still
 * sees it. A task already given to someone (the manager's authorisation, an escalation's review) keeps
 * them, and work the worker is not qualified for stays with the team.
 */
@Component
class TaskAllocation {

	private final Holdings holdings;

	private final Teams teams;

	private final Qualifications qualifications;

	TaskAllocation(Holdings holdings, Teams teams, Qualifications qualifications) {
		this.holdings = holdings;
		this.teams = teams;
		this.qualifications = qualifications;
	}

	@EventListener(condition = "#task.eventName == 'create'")
	public void onCreate(DelegateTask task) {
		String caseRef = task.getExecution().getProcessBusinessKey();
		if (caseRef == null || task.getAssignee() != null) {
			return;
		}
		String processKey = task.getProcessEngineServices()
			.getRepositoryService()
			.getProcessDefinition(task.getProcessDefinitionId())
			.getKey();
		if (Allocations.ESCALATION_PROCESS.equals(processKey)) {
			return;
		}
		holdings.current(caseRef)
			.filter(allocation -> qualifications
				.unmetToWork(processKey, task.getTaskDefinitionKey(), teams.groupsOf(allocation.worker()))
				.isEmpty())
			.ifPresent(allocation -> task.setAssignee(allocation.worker()));
	}

}
