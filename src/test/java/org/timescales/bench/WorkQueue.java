package org.timescales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.timescales.calendar.London;
import org.timescales.referral.ReferralRequest;
import org.timescales.referral.ReferralService;

/**
 * The work queue: a practitioner opens Tasklist's "My team" filter (their team's open tasks, claimed or
 * not, soonest due first: the first page of 15 with its count and the filter's variables, as Tasklist asks
 * for it, over HTTP with Camunda authorizations on) with 100,000 open tasks in the engine and 1,000,000
 * completed ones in its history. Beside it, the bare engine's task query for the same team (Java API, no
 * authorization). Open tasks are real engine tasks: those the earlier scenarios left plus referrals received
 * in-process until there are 100,000; the historic tasks are inserted by JDBC batches into ACT_HI_TASKINST.
 */
final class WorkQueue {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private final Bench bench;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	WorkQueue(Bench bench) {
		this.bench = bench;
	}

	void run() throws Exception {
		int openTarget = bench.scaled(100_000);
		int historyTarget = bench.scaled(1_000_000);
		// the engine clock stands still after the storm's week: nothing falls due while the queue fills
		Instant now = London.endOfDay(LocalDate.of(2028, 5, 15)).minus(Duration.ofHours(14));
		Bench.clockAt(now);
		bench.drainJobs(900_000);
		long open = bench.count("select count(*) from ACT_RU_TASK");
		int fill = (int) Math.max(0, openTarget - open);
		System.out.printf("queue: %,d open tasks; adding %,d referrals; %,d historic tasks by JDBC%n", open, fill,
				historyTarget);
		ReferralService referrals = bench.app.getBean(ReferralService.class);
		String received = LocalDateTime.ofInstant(now.minus(Duration.ofHours(1)), London.ZONE).format(LOCAL);
		long fillNanos = bench.parallel(fill, bench.threads, i -> referrals.receive(new ReferralRequest("WQ-R-" + i,
				new ReferralRequest.Child("WQ-" + i, "Queue", "Child", "2014-02-02", "F"), received, "2A",
				Bench.TEAMS[i % Bench.TEAMS.length])));
		bench.drainJobs(900_000);
		long historyNanos = history(historyTarget);
		bench.autovacuum();
		long openNow = bench.count("select count(*) from ACT_RU_TASK");
		long historic = bench.count("select count(*) from ACT_HI_TASKINST where END_TIME_ is not null");
		long team = bench.count("select count(*) from ACT_RU_TASK t where exists (select 1 from ACT_RU_IDENTITYLINK l"
				+ " where l.TASK_ID_ = t.ID_ and l.GROUP_ID_ = 'north') or t.ASSIGNEE_ = 'tm.north'");
		bench.figures.note(String.format("queue: %,d open tasks (%,d added as referrals in-process at %.0f/s), %,d of"
				+ " them the north team's; %,d completed historic tasks (%,d inserted by JDBC batches in %.0f s)",
				openNow, fill, fill / Math.max(1e-9, fillNanos / 1e9), team, historic, historyTarget,
				historyNanos / 1e9));

		// what every command's group check reads (select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION)
		bench.figures.note(String.format("queue: %,d authorization rows (%,d of them group grants)",
				bench.count("select count(*) from ACT_RU_AUTHORIZATION"),
				bench.count("select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ is not null")));
		String myTeam = filterId("My team");
		String overdue = filterId("Overdue");
		Figures.Latencies myTeamLatency = new Figures.Latencies();
		Figures.Latencies overdueLatency = new Figures.Latencies();
		Figures.Latencies bareLatency = new Figures.Latencies();
		for (int i = 0; i < 20; i++) { // warm-up
			page(myTeam, null);
			page(overdue, null);
			bare(null);
		}
		for (int i = 0; i < 200; i++) {
			page(myTeam, myTeamLatency);
			page(overdue, overdueLatency);
			bare(bareLatency);
		}
		double p95 = myTeamLatency.percentileMs(95);
		double bareP95 = bareLatency.percentileMs(95);
		bench.figures.addAtFullScale("queue", "\"My team\" first page + count, p95", Figures.ms(p95), Figures.ms(bareP95),
				"≤ 100 ms (100,000 open)", p95 <= 100);
		bench.figures.addAtFullScale("queue", "\"My team\" p95 over the bare engine's", Figures.ratio(p95, bareP95), "1",
				"≤ 1", p95 <= bareP95);
		bench.figures.add("queue", "\"My team\" p50", Figures.ms(myTeamLatency.percentileMs(50)),
				Figures.ms(bareLatency.percentileMs(50)), "", null);
		bench.figures.addAtFullScale("queue", "\"Overdue\" first page + count, p95",
				Figures.ms(overdueLatency.percentileMs(95)), "", "≤ 100 ms (100,000 open)",
				overdueLatency.percentileMs(95) <= 100);
	}

	private String filterId(String name) {
		return bench.engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
	}

	/** What Tasklist asks for when a worker opens a filter: the first 15 tasks as HAL (with the count). */
	private void page(String filterId, Figures.Latencies latencies) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + bench.port + "/engine-rest/filter/" + filterId
					+ "/list?firstResult=0&maxResults=15"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/hal+json")
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("worker.north:secret-worker.north".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		long t0 = System.nanoTime();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		long took = System.nanoTime() - t0;
		if (response.statusCode() != 200 || !response.body().contains("\"count\"")) {
			throw new IllegalStateException("filter " + filterId + ": " + response.statusCode() + " " + response.body());
		}
		if (latencies != null) {
			latencies.add(took);
		}
	}

	/** The bare engine: the same team's tasks by due date, first page and count, through the Java API. */
	private void bare(Figures.Latencies latencies) {
		TaskService tasks = bench.engine.getTaskService();
		long t0 = System.nanoTime();
		TaskQuery query = tasks.createTaskQuery().taskCandidateGroupIn(List.of("north", "practitioner"))
			.includeAssignedTasks()
			.orderByDueDate()
			.asc();
		List<Task> page = query.listPage(0, 15);
		long count = query.count();
		long took = System.nanoTime() - t0;
		if (page.isEmpty() || count == 0) {
			throw new IllegalStateException("bare queue empty");
		}
		if (latencies != null) {
			latencies.add(took);
		}
	}

	/** Completed tasks of past years, as the engine's history would hold them, by JDBC batches of 5,000. */
	private long history(int rows) throws Exception {
		String[][] kinds = { { "referral", "UserTask_DecideOnReferral", "Decide on referral" },
				{ "referral", "UserTask_CompleteAssessment", "Complete child and family assessment" },
				{ "childProtectionPlan", "UserTask_VisitChild", "Visit the child" },
				{ "childLookedAfter", "UserTask_VisitLookedAfterChild", "Visit the child" },
				{ "breachEscalation", "UserTask_ReviewOverdue", "Review overdue: Decide on referral" } };
		SplittableRandom random = new SplittableRandom(7);
		long t0 = System.nanoTime();
		LocalDateTime base = LocalDateTime.of(2020, 4, 1, 9, 0);
		try (Connection c = bench.dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement insert = c.prepareStatement("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_,"
					+ " PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_,"
					+ " NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_, DUE_DATE_)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				for (int i = 0; i < rows; i++) {
					String[] kind = kinds[i % kinds.length];
					String pid = "hist-" + (i / 4);
					LocalDateTime start = base.plusMinutes(random.nextInt(6 * 365 * 24 * 60));
					LocalDateTime end = start.plusHours(1 + random.nextInt(24 * 40));
					insert.setString(1, UUID.randomUUID().toString());
					insert.setString(2, kind[1]);
					insert.setString(3, kind[0]);
					insert.setString(4, kind[0] + ":1:hist");
					insert.setString(5, pid);
					insert.setString(6, pid);
					insert.setString(7, pid);
					insert.setString(8, kind[1] + ":" + i);
					insert.setString(9, kind[2]);
					insert.setString(10, "worker." + Bench.TEAMS[i % Bench.TEAMS.length]);
					insert.setTimestamp(11, Timestamp.valueOf(start));
					insert.setTimestamp(12, Timestamp.valueOf(end));
					insert.setLong(13, Duration.between(start, end).toMillis());
					insert.setString(14, "completed");
					insert.setInt(15, 50);
					insert.setTimestamp(16, Timestamp.valueOf(start.plusDays(10)));
					insert.addBatch();
					if (i % 5_000 == 4_999) {
						insert.executeBatch();
						c.commit();
					}
				}
				insert.executeBatch();
				c.commit();
			}
		}
		return System.nanoTime() - t0;
	}

}
