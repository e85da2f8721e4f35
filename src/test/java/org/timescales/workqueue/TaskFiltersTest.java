package org.timescales.workqueue;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The Tasklist filters created at start-up: my team's work by due date, and what is overdue. */
@TimescalesTest
class TaskFiltersTest extends ProcessTestSupport {

	@Autowired
	FilterService filterService;

	@AfterEach
	void forgetUser() {
		identityService.clearAuthentication();
	}

	@Test
	void theFiltersExistOnceEachShowingTheCaseReference() {
		assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName)
			.containsOnlyOnce("My work", "My team", "Due in the next 5 working days", "Overdue");
		Filter team = filterService.createFilterQuery().filterName("My team").singleResult();
		assertThat(team.getProperties().get("variables").toString()).contains("childName", "caseRef", "clockLabel",
				"clockDue");
	}

	@Test
	void aPractitionerSeesTheirTeamsTasksSoonestDueFirstAndTheOverdueOnes() {
		clockAt("2026-11-23T10:30:00Z");
		String overdueCase = newCaseRef("FLT");
		String newCase = newCaseRef("FLT");
		referral(newCase, "2026-11-23T10:00:00");
		referral(overdueCase, "2026-11-18T10:00:00");

		identityService.setAuthentication("worker.north", List.of("practitioner", "north"));
		assertThat(run("My team", overdueCase, newCase)).containsExactly(overdueCase, newCase);
		assertThat(run("Overdue", overdueCase, newCase)).containsExactly(overdueCase);
		assertThat(run("Due in the next 5 working days", overdueCase, newCase)).containsExactly(newCase);
		assertThat(run("My work", overdueCase, newCase)).isEmpty();

		identityService.setAuthentication("tm.south", List.of("team-manager", "south"));
		assertThat(run("My team", overdueCase, newCase)).isEmpty();
	}

	/** The filter's tasks, as the user sees them, narrowed to this test's cases (the database is shared). */
	private List<String> run(String filterName, String... caseRefs) {
		Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
		List<String> ours = List.of(caseRefs);
		List<Task> seen = filterService.<Task>list(filter.getId());
		// the tasks' cases looked up as the system: a worker reads tasks, not process instances
		var user = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			return seen.stream()
				.map(t -> runtimeService.createProcessInstanceQuery()
					.processInstanceId(t.getProcessInstanceId())
					.singleResult()
					.getBusinessKey())
				.filter(ours::contains)
				.toList();
		}
		finally {
			identityService.setAuthentication(user);
		}
	}

}
