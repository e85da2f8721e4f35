package org.timescales.reporting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.timescales.TimescalesApplication;
import org.timescales.calendar.London;

/**
 * Not a test: times the timeliness report for a year over ~60,000 clocks on an H2 file database
 * ({@code target/timeliness-benchmark/}, recreated each run). The app starts on the test profile with a
 * file URL, so Flyway creates the schema; the rows go in by plain JDBC batches.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=org.timescales.reporting.TimelinessReportBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class TimelinessReportBenchmark {

	private static final String[] RULES = { "assessment", "cp-visit", "icpc", "rcpc", "cla-review", "iha", "rha",
			"cla-visit", "referral-decision", "pep", "dental" };

	private static final int CASES = 6_400;

	private static final int CLOCKS_PER_CASE = 9; // plus a plan's core group and review clocks for 1 in 6 cases

	private TimelinessReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of("target", "timeliness-benchmark");
		if (Files.exists(dir)) {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(dir);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TimescalesApplication.class)
			.profiles("test")
			.run("--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("timescales"),
					"--server.port=0", "--spring.jmx.enabled=false", "--camunda.bpm.webapp.enabled=false",
					"--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
			int rows = insert(app.getBean(DataSource.class));
			Timeliness timeliness = app.getBean(Timeliness.class);
			LocalDate from = LocalDate.of(2031, 1, 1);
			LocalDate to = LocalDate.of(2031, 12, 31);
			List<String> teams = List.of("north", "south");

			for (int i = 0; i < 3; i++) { // warm-up
				timeliness.report("benchmark", from, to, teams, null);
			}
			int runs = 10;
			long best = Long.MAX_VALUE;
			long total = 0;
			TimelinessReport report = null;
			for (int i = 0; i < runs; i++) {
				long t0 = System.nanoTime();
				report = timeliness.report("benchmark", from, to, teams, null);
				long took = System.nanoTime() - t0;
				best = Math.min(best, took);
				total += took;
			}
			long t0 = System.nanoTime();
			TimelinessReport drill = timeliness.report("benchmark", from, to, teams, TimelinessMeasure.ASSESSMENT);
			long drillTook = System.nanoTime() - t0;

			System.out.printf("clock rows: %d; report for %s..%s, teams %s%n", rows, from, to, teams);
			System.out.printf("summary report: best %.1f ms, mean %.1f ms over %d runs%n", best / 1e6,
					total / 1e6 / runs, runs);
			System.out.printf("drill-down (assessment, %d rows): %.1f ms%n", drill.rows().size(), drillTook / 1e6);
			report.measures()
				.forEach(f -> System.out.printf("  %-12s %6d / %6d  %s%n", f.id(), f.numerator(), f.denominator(),
						f.percentage()));
		}
		System.exit(0);
	}

	/** ~60,000 clocks: a case per row group, clocks started through 2030–2031, 85% met in time, 3% cancelled. */
	private static int insert(DataSource dataSource) throws Exception {
		Random random = new Random(42);
		int rows = 0;
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement insert = c.prepareStatement("""
					insert into clock (case_ref, process_instance_id, rule_id, label, team, started_at, due_date, due_at,
					                   stopped_at, outcome, sequence_no)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
				for (int n = 0; n < CASES; n++) {
					String caseRef = "BM-" + n;
					String team = n % 2 == 0 ? "north" : "south";
					LocalDate caseStart = LocalDate.of(2030, 6, 1).plusDays(random.nextInt(580));
					String pid = "bm-" + n;
					for (int k = 0; k < CLOCKS_PER_CASE; k++) {
						String rule = RULES[random.nextInt(RULES.length)];
						LocalDate start = caseStart.plusDays(random.nextInt(120));
						LocalDate due = start.plusDays(10 + random.nextInt(60));
						int roll = random.nextInt(100);
						LocalDate stopped = roll < 3 || roll >= 88 ? due.plusDays(1 + random.nextInt(10))
								: due.minusDays(random.nextInt(10));
						String outcome = roll < 3 ? "CANCELLED" : roll < 88 ? "MET" : "MET_LATE";
						boolean open = stopped.isAfter(LocalDate.of(2032, 1, 31));
						String lookedAfter = List.of("cla-review", "iha", "rha", "cla-visit", "pep", "dental").contains(rule) ? "-la" : "-" + rule;
						add(insert, caseRef, pid + lookedAfter, rule, team, start, due, open ? null : stopped,
								open ? null : outcome, k + 1);
						rows++;
					}
					if (n % 6 == 0) { // a child protection plan: core group and a review conference
						String plan = pid + "-cpp";
						LocalDate start = LocalDate.of(2028, 1, 1).plusDays(random.nextInt(1400));
						LocalDate end = start.plusDays(90 + random.nextInt(900));
						boolean running = end.isAfter(LocalDate.of(2032, 1, 31));
						add(insert, caseRef, plan, "core-group", team, start, start.plusDays(14), start.plusDays(10), "MET", 1);
						add(insert, caseRef, plan, "rcpc", team, start, start.plusMonths(3), running ? null : end,
								running ? null : "CANCELLED", 1);
						rows += 2;
						if (!running && n % 12 == 0) { // a second plan, some within 2 years of the first
							LocalDate again = end.plusDays(30 + random.nextInt(1000));
							add(insert, caseRef, plan + "-2", "core-group", team, again, again.plusDays(14), again.plusDays(10), "MET", 1);
							add(insert, caseRef, plan + "-2", "rcpc", team, again, again.plusMonths(3), null, null, 1);
							rows += 2;
						}
					}
					if (n % 500 == 0) {
						insert.executeBatch();
					}
				}
				insert.executeBatch();
			}
			c.commit();
		}
		return rows;
	}

	private static void add(PreparedStatement insert, String caseRef, String pid, String rule, String team,
			LocalDate started, LocalDate due, LocalDate stopped, String outcome, int sequence) throws Exception {
		insert.setString(1, caseRef);
		insert.setString(2, pid);
		insert.setString(3, rule);
		insert.setString(4, rule);
		insert.setString(5, team);
		insert.setObject(6, utc(London.toInstant(started)));
		insert.setObject(7, due);
		insert.setObject(8, utc(London.endOfDay(due)));
		insert.setObject(9, stopped == null ? null : utc(London.toInstant(stopped).plusSeconds(11 * 3600)));
		insert.setString(10, outcome);
		insert.setInt(11, sequence);
		insert.addBatch();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
