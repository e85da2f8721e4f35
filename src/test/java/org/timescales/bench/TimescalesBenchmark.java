package org.timescales.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.timescales.TimescalesApplication;

/**
 * Not a test: the benchmark of issue 7. Starts the whole application (test profile's beans and teams, but a
 * real file H2 or a fresh PostgreSQL database, the job executor on, real HTTP) and measures, each beside the
 * bare engine in the same run: intake, a breach storm, a year of a large county replayed on the engine clock,
 * the work queue over 100,000 open and 1,000,000 historic tasks, and the database's raw insert+commit rate.
 *
 * <pre>
 * mvn -Pbench verify                                   # H2, full scale
 * mvn -Pbench verify -Dbench.db=postgres               # a fresh database on 127.0.0.1:5432, dropped after
 * mvn -Pbench verify -Dbench.scale=0.1 -Dbench.phases=limit,intake,storm
 * </pre>
 *
 * Prints the figures and writes them as a Markdown table to {@code target/bench/results-<db>.md}.
 */
public final class TimescalesBenchmark {

	private TimescalesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		TimeZone.setDefault(TimeZone.getTimeZone("Europe/London"));
		System.setProperty("user.timezone", "Europe/London");
		String db = System.getProperty("bench.db", "h2");
		double scale = Double.parseDouble(System.getProperty("bench.scale", "1"));
		int threads = Integer.getInteger("bench.threads", 4);
		Set<String> phases = new LinkedHashSet<>(
				List.of(System.getProperty("bench.phases", "limit,replay,storm,intake,queue").split(",")));
		boolean keep = Boolean.getBoolean("bench.keep");

		List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN",
				// the job executor fails a job now and then on a conflict and retries it: counted below, not logged
				"--logging.level.org.camunda.bpm.engine.jobexecutor=OFF",
				"--logging.level.org.camunda.bpm.engine.context=OFF",
				"--logging.level.org.camunda.bpm.engine.cmd=OFF",
				"--camunda.bpm.job-execution.enabled=true",
				"--camunda.bpm.generic-properties.properties.jobExecutorActivate=true",
				// outbox delivery (Quartz) is left off: the benchmark counts mail queued, no SMTP server is measured
				"--spring.quartz.auto-startup=false", "--spring.config.import=classpath:bench/teams.yaml"));
		String dbName = null;
		String url;
		if (db.equals("postgres")) {
			String server = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
			dbName = "bench_" + System.currentTimeMillis();
			try (Connection c = DriverManager.getConnection(server + "test", "postgres", "");
					Statement s = c.createStatement()) {
				s.execute("create database " + dbName);
			}
			url = server + dbName;
			appArgs.add("--spring.datasource.username=postgres");
			appArgs.add("--spring.datasource.password=");
			appArgs.add(
					"--spring.quartz.properties.org.quartz.jobStore.driverDelegateClass=org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
			// the application's own plans (PostgresCustomPlans) unless told otherwise, to compare:
			// -Dbench.pg-plan-cache-mode=force_custom_plan is what it set before issue 17, and
			// -Dbench.pg-prepare-threshold=0 has every statement sent unnamed
			String planCacheMode = System.getProperty("bench.pg-plan-cache-mode", "");
			if (!planCacheMode.isBlank()) {
				appArgs.add("--spring.datasource.hikari.data-source-properties.options=-c plan_cache_mode=" + planCacheMode);
			}
			String prepareThreshold = System.getProperty("bench.pg-prepare-threshold", "");
			if (!prepareThreshold.isBlank()) {
				appArgs.add("--spring.datasource.hikari.data-source-properties.prepareThreshold=" + prepareThreshold);
			}
		}
		else {
			Path dir = Path.of("target", "bench", "h2").toAbsolutePath();
			if (Files.exists(dir)) {
				try (Stream<Path> files = Files.walk(dir)) {
					files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
				}
			}
			Files.createDirectories(dir);
			url = "jdbc:h2:file:" + dir.resolve("timescales") + ";DB_CLOSE_ON_EXIT=FALSE";
		}
		appArgs.add("--spring.datasource.url=" + url);

		Figures figures = new Figures(scale);
		String title = String.format("%s, scale %s, %d client threads, %s", db.equals("postgres") ? "PostgreSQL" : "H2 (file)",
				scale, threads, LocalDate.now());
		System.out.println("Timescales benchmark: " + title + " — " + url);
		long started = System.nanoTime();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TimescalesApplication.class)
			.profiles("test")
			.run(appArgs.toArray(String[]::new))) {
			Bench bench = new Bench(app, db, scale, threads, figures);
			bench.people();
			deployBareProcesses(bench);
			figures.note(String.format("machine: %d cores, %d MiB heap max, Java %s, %s %s",
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
					System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch")));
			figures.note("database: " + databaseVersion(bench));
			if (phases.contains("limit")) {
				new JdbcLimit(bench).run();
			}
			if (phases.contains("replay")) {
				new YearReplay(bench).run();
			}
			if (phases.contains("storm")) {
				new BreachStorm(bench).run();
			}
			if (phases.contains("intake")) {
				new Intake(bench).run();
			}
			if (phases.contains("queue")) {
				new WorkQueue(bench).run();
			}
			long failedJobs = bench.count("select count(*) from ACT_HI_JOB_LOG where JOB_EXCEPTION_MSG_ is not null");
			long incidents = bench.count("select count(*) from ACT_RU_INCIDENT");
			figures.note(String.format("job failures retried during the run: %,d; incidents (retries exhausted): %,d",
					failedJobs, incidents));
			figures.note(String.format("whole run: %.1f min", (System.nanoTime() - started) / 60e9));
			ClockUtil.reset();
			Path out = Path.of("target", "bench", "results-" + db + ".md");
			figures.write(out, title);
			System.out.println();
			System.out.println(figures.markdown(title));
			System.out.println("written to " + out.toAbsolutePath());
		}
		finally {
			if (dbName != null && !keep) {
				String server = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
				try (Connection c = DriverManager.getConnection(server + "test", "postgres", "");
						Statement s = c.createStatement()) {
					s.execute("drop database if exists " + dbName + " with (force)");
				}
			}
		}
		System.exit(0);
	}

	private static String databaseVersion(Bench bench) throws Exception {
		try (Connection c = bench.dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
		}
	}

	/**
	 * The bare engine: one user task for the team (intake, work queue), and one user task whose
	 * non-interrupting timer at {@code ${due}} opens a second user task (the storm's bare timer job).
	 */
	private static void deployBareProcesses(Bench bench) {
		BpmnModelInstance task = Bpmn.createExecutableProcess(Intake.BARE_PROCESS)
			.camundaHistoryTimeToLive(3650)
			.startEvent()
			.userTask("BareTask")
			.camundaCandidateGroups("${team}")
			.endEvent()
			.done();
		BpmnModelInstance timer = Bpmn.createExecutableProcess(BreachStorm.BARE_PROCESS)
			.camundaHistoryTimeToLive(3650)
			.startEvent()
			.userTask("BareWork")
			.camundaCandidateGroups("${team}")
			.boundaryEvent("BareTimer")
			.cancelActivity(false)
			.timerWithDate("${due}")
			.userTask("BareEscalated")
			.camundaAssignee("manager")
			.endEvent("BareEscalationDone")
			.moveToActivity("BareWork")
			.endEvent("BareDone")
			.done();
		bench.engine.getRepositoryService()
			.createDeployment()
			.name("benchmark bare engine")
			.addModelInstance("benchBareTask.bpmn", task)
			.addModelInstance("benchBareTimer.bpmn", timer)
			.enableDuplicateFiltering(true)
			.deploy();
	}

}
