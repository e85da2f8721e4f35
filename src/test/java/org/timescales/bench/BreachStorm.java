package org.timescales.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.timescales.calendar.London;
import org.timescales.referral.ReferralRequest;
import org.timescales.referral.ReferralService;

/**
 * The breach storm: 10,000 referrals received on Tuesday 9 May 2028, so every decision is due at the same
 * instant (the end of Wednesday 10 May, Europe/London). The engine clock is set running from that instant
 * and the job executor, left to itself, fires the overdue timers: measured until every manager's review task
 * and every outbox mail exists, and each escalation's lateness (raised at − due). Then the same number of
 * bare timer jobs (a non-interrupting timer opening a user task), due one hour later.
 */
final class BreachStorm {

	static final String BARE_PROCESS = "benchBareTimer";

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	static final LocalDate RECEIVED = LocalDate.of(2028, 5, 9);

	private final Bench bench;

	BreachStorm(Bench bench) {
		this.bench = bench;
	}

	void run() throws Exception {
		int n = bench.scaled(10_000);
		Instant due = London.endOfDay(RECEIVED.plusDays(1));
		Instant bareDue = due.plus(Duration.ofHours(1));
		Instant seedAt = due.minus(Duration.ofHours(7)); // after the decision reminders (8 hours before)
		System.out.printf("storm: %,d referral decisions due at %s; %,d bare timers at %s%n", n, due, n, bareDue);

		Bench.clockAt(seedAt);
		bench.drainJobs(600_000); // whatever fell due before the storm's day (e.g. the replayed year's timers)
		ReferralService referrals = bench.app.getBean(ReferralService.class);
		LocalDateTime firstReceived = RECEIVED.atTime(9, 0);
		long seedNanos = bench.parallel(n, bench.threads, i -> {
			String caseRef = "BS-" + i;
			referrals.receive(new ReferralRequest("BS-R-" + i, new ReferralRequest.Child(caseRef, "Storm", "Child",
					"2015-01-01", "F"), firstReceived.plusSeconds(i % 28_800).format(LOCAL), "2A",
					Bench.TEAMS[i % Bench.TEAMS.length]));
		});
		RuntimeService runtime = bench.engine.getRuntimeService();
		bench.parallel(n, bench.threads, i -> runtime.startProcessInstanceByKey(BARE_PROCESS, "BT-" + i,
				Map.of("team", Bench.TEAMS[i % Bench.TEAMS.length], "due", Date.from(bareDue))));
		bench.drainJobs(600_000); // the reminders (due 8 hours before) fire as the referrals arrive
		bench.figures.note(String.format("storm seeding: %,d referrals in-process (ReferralService, %d threads) at"
				+ " %.0f/s, reminders included", n, bench.threads, n / (seedNanos / 1e9)));
		long others = bench.count("select count(*) from ACT_RU_JOB j where j.DUEDATE_ <= ? and j.RETRIES_ > 0"
				+ " and not exists (select 1 from ACT_RU_EXECUTION e where e.ID_ = j.PROCESS_INSTANCE_ID_"
				+ " and e.BUSINESS_KEY_ like 'BS-%')", Timestamp.from(due.plusSeconds(1)));

		// the app's storm
		long mailsBefore = bench.count("select count(*) from mail_outbox where reference like 'escalation:%'");
		String mails = "select count(*) - " + mailsBefore + " from mail_outbox where reference like 'escalation:%'";
		long t0 = System.nanoTime();
		Bench.clockRunningFrom(due.minusMillis(200));
		String escalations = "select count(*) from escalation e join clock c on c.id = e.clock_id"
				+ " where c.case_ref like 'BS-%' and c.rule_id = 'referral-decision' and e.tier = 1";
		String tasks = "select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION p on p.ID_ = t.PROC_INST_ID_"
				+ " where t.TASK_DEF_KEY_ = 'UserTask_ReviewOverdue' and p.BUSINESS_KEY_ like 'BS-%'";
		double firstSeen = waitFor(escalations, n, t0, 900);
		double appSeconds = (System.nanoTime() - t0) / 1e9;
		long taskCount = bench.count(tasks);
		long mailCount = bench.count(mails);
		if (taskCount != n || mailCount < n) {
			throw new IllegalStateException("storm: " + taskCount + " review tasks, " + mailCount + " mails, expected " + n);
		}
		List<Long> lateness = bench.jdbc.queryForList(
				"select e.raised_at from escalation e join clock c on c.id = e.clock_id where c.case_ref like 'BS-%'"
						+ " and c.rule_id = 'referral-decision' and e.tier = 1",
				Timestamp.class)
			.stream()
			.map(t -> t.toInstant().toEpochMilli() - due.toEpochMilli())
			.toList();

		// the bare engine's storm
		Bench.clockAt(bareDue.minusSeconds(60));
		bench.drainJobs(600_000);
		long b0 = System.nanoTime();
		Bench.clockRunningFrom(bareDue.minusMillis(200));
		String bareTasks = "select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'BareEscalated'";
		long before = 0;
		waitFor(bareTasks, n + before, b0, 900);
		double bareSeconds = (System.nanoTime() - b0) / 1e9;
		List<Long> bareLateness = bench.jdbc.queryForList(
				"select CREATE_TIME_ from ACT_RU_TASK where TASK_DEF_KEY_ = 'BareEscalated'", Timestamp.class)
			.stream()
			.map(t -> t.toInstant().toEpochMilli() - bareDue.toEpochMilli())
			.toList();

		bench.figures.addAtFullScale("storm", String.format("%,d deadlines at once: all review tasks + mails", n),
				Figures.seconds(appSeconds), Figures.seconds(bareSeconds), "≤ 120 s (10,000)", appSeconds <= 120);
		bench.figures.add("storm", "first escalation after the deadline", Figures.seconds(firstSeen), "", "≤ 5 s",
				firstSeen <= 5);
		bench.figures.add("storm", "throughput (escalations/s, bare: timer jobs/s)", Figures.rate(n / appSeconds),
				Figures.rate(n / bareSeconds), "", null);
		bench.figures.add("storm", "throughput ratio to the bare engine", Figures.ratio(n / appSeconds, n / bareSeconds),
				"1", "≥ 0.7", (n / appSeconds) / (n / bareSeconds) >= 0.7);
		bench.figures.add("storm", "lateness p50", Figures.seconds(percentile(lateness, 50) / 1000.0),
				Figures.seconds(percentile(bareLateness, 50) / 1000.0), "", null);
		bench.figures.add("storm", "lateness p99", Figures.seconds(percentile(lateness, 99) / 1000.0),
				Figures.seconds(percentile(bareLateness, 99) / 1000.0), "", null);
		if (others > 0) {
			bench.figures.note(String.format("storm: %,d other jobs (the replayed year's timers) also fell due in the"
					+ " storm's window and were run by the same job executor", others));
		}
	}

	/** Polls a count until it reaches n; returns the seconds until the first row appeared. */
	private double waitFor(String sql, long n, long t0, int timeoutSeconds) throws InterruptedException {
		double first = -1;
		long last = -1;
		long lastReport = System.nanoTime();
		while (true) {
			long c = bench.count(sql);
			double elapsed = (System.nanoTime() - t0) / 1e9;
			if (c > 0 && first < 0) {
				first = elapsed;
			}
			if (c >= n) {
				return first;
			}
			if (elapsed > timeoutSeconds) {
				throw new IllegalStateException("storm not done after " + timeoutSeconds + " s: " + c + " of " + n);
			}
			if (System.nanoTime() - lastReport > 10e9 || last < 0) {
				System.out.printf("  %.0f s: %,d of %,d%n", elapsed, c, n);
				lastReport = System.nanoTime();
			}
			last = c;
			Thread.sleep(100);
		}
	}

	static long percentile(List<Long> values, double p) {
		List<Long> sorted = values.stream().sorted().toList();
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

}
