package org.timescales.workqueue;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The work queue a practitioner opens every morning: shared Tasklist filters, created at start-up
 * when missing (so a restart or a second node adds nothing), each sorted by due date and showing the
 * case reference beside the task.
 */
@Component
@Order(0)
class TaskFilters implements ApplicationRunner {

	/** Shown beside each task in the list: who, which case, which clock and when it is due. */
	private static final List<Map<String, String>> COLUMNS = List.of(Map.of("name", "childName", "label", "Child"),
			Map.of("name", "caseRef", "label", "Case"), Map.of("name", "clockLabel", "label", "Timescale"),
			Map.of("name", "clockDue", "label", "Due"));

	private final FilterService filterService;

	private final TaskService taskService;

	TaskFilters(FilterService filterService, TaskService taskService) {
		this.filterService = filterService;
		this.taskService = taskService;
	}

	@Override
	public void run(ApplicationArguments args) {
		create("My work", -10, "Tasks assigned to me, soonest due first",
				taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
		create("My team", -5, "My teams' tasks, claimed or not, soonest due first",
				myTeams().orderByDueDate().asc());
		create("Due in the next 5 working days", -2, "My teams' tasks due by the end of the 5th working day from today",
				myTeams().dueAfterExpression("${now()}")
					.dueBeforeExpression("${deadlines.workingDaysAfter(now(), 5)}")
					.orderByDueDate()
					.asc());
		create("Overdue", 0, "My teams' tasks past their statutory deadline",
				myTeams().dueBeforeExpression("${now()}").orderByDueDate().asc());
	}

	private TaskQuery myTeams() {
		return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
	}

	private void create(String name, int priority, String description, TaskQuery query) {
		if (filterService.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Filter filter = filterService.newTaskFilter(name);
		filter.setQuery(query);
		filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true, "variables",
				COLUMNS));
		filterService.saveFilter(filter);
	}

}
