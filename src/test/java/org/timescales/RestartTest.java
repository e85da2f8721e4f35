package org.timescales;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.timescales.casefile.CaseClocks;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;
import org.timescales.referral.ReferralRequest;
import org.timescales.referral.ReferralService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops and starts the whole application on one H2 file database: an open case, its clocks, its task
 * and its timers are all still there, with the same due dates, and the overdue timer still fires.
 */
class RestartTest {

	@TempDir
	Path dataDir;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void anOpenCaseAndItsTimersSurviveARestartOnTheFileDatabase() throws Exception {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T10:30:00Z")));
		String pid;
		List<Job> timersBefore;
		try (ConfigurableApplicationContext app = start()) {
			pid = app.getBean(ReferralService.class)
				.receive(new ReferralRequest("R-RESTART", new ReferralRequest.Child("RESTART-1", "Test", "Child",
						"2016-05-01", "F"), "2026-11-23T10:00:00", "2A", "north"))
				.referral()
				.processInstanceId();
			timersBefore = timers(app, pid);
		}
		assertThat(Files.exists(dataDir.resolve("timescales.mv.db"))).isTrue();

		try (ConfigurableApplicationContext app = start()) {
			List<Job> timersAfter = timers(app, pid);
			assertThat(timersAfter).extracting(Job::getId)
				.containsExactlyElementsOf(timersBefore.stream().map(Job::getId).toList());
			assertThat(timersAfter).extracting(Job::getDuedate)
				.containsExactlyElementsOf(timersBefore.stream().map(Job::getDuedate).toList());
			assertThat(timersAfter).extracting(Job::getDuedate)
				.as("the watcher waits at its reminder, 16:00 on the due day")
				.containsExactly(Date.from(Instant.parse("2026-11-24T16:00:00Z")));
			Task decide = app.getBean(TaskService.class).createTaskQuery().processInstanceId(pid).singleResult();
			assertThat(decide.getTaskDefinitionKey()).isEqualTo("UserTask_DecideOnReferral");
			assertThat(decide.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-11-25T00:00:00Z")));
			assertThat(app.getBean(CaseClocks.class).ofCase("RESTART-1")).extracting(ClockView::ruleId, ClockView::status)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("referral-decision", ClockStatus.OPEN));

			// and the timers still fire after the restart: the reminder, then the deadline's
			ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-25T00:01:00Z")));
			ManagementService management = app.getBean(ManagementService.class);
			for (String timer : List.of("Timer_Reminder", "Timer_Overdue")) {
				Job due = management.createJobQuery().processInstanceId(watchOf(app, pid)).activityId(timer).singleResult();
				management.executeJob(due.getId());
			}
			assertThat(app.getBean(TaskService.class)
				.createTaskQuery()
				.processInstanceBusinessKey("RESTART-1")
				.taskAssignee("tm.north")
				.count()).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TimescalesApplication.class).profiles("test")
			.run("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("timescales"), "--server.port=0",
					"--spring.jmx.enabled=false",
					// Quartz and Camunda keep JVM-wide registries by name (data sources, process engines): use
					// our own names so closing this app does not unregister the shared test context's
					"--spring.quartz.properties.org.quartz.scheduler.instanceName=timescales-restart-test",
					"--camunda.bpm.process-engine-name=restartTest",
					// the webapps keep JVM-wide statics that closing them clears, for the shared context too
					"--camunda.bpm.webapp.enabled=false");
	}

	/** The timers of the referral decision clock's watcher (bpmn/deadlineWatch.bpmn). */
	private static List<Job> timers(ConfigurableApplicationContext app, String pid) {
		return app.getBean(ManagementService.class)
			.createJobQuery()
			.processInstanceId(watchOf(app, pid))
			.timers()
			.orderByJobDuedate()
			.asc()
			.list();
	}

	private static String watchOf(ConfigurableApplicationContext app, String pid) {
		return app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select watch_instance_id from clock where process_instance_id = ? and rule_id = 'referral-decision'")
			.param(pid)
			.query(String.class)
			.single();
	}

}
