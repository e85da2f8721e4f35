package org.timescales.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every scenario of the benchmark shares: the running application, its engine and database, and helpers. */
final class Bench {

	static final String[] TEAMS = { "north", "south", "t03", "t04", "t05", "t06", "t07", "t08", "t09", "t10" };

	final ConfigurableApplicationContext app;

	final ProcessEngine engine;

	final JdbcTemplate jdbc;

	final DataSource dataSource;

	final String db;

	final double scale;

	final int threads;

	final int port;

	final Figures figures;

	Bench(ConfigurableApplicationContext app, String db, double scale, int threads, Figures figures) {
		this.app = app;
		this.engine = app.getBean(ProcessEngine.class);
		this.dataSource = app.getBean(DataSource.class);
		this.jdbc = new JdbcTemplate(dataSource);
		this.db = db;
		this.scale = scale;
		this.threads = threads;
		this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		this.figures = figures;
	}

	int scaled(int n) {
		return Math.max(1, (int) Math.round(n * scale));
	}

	/** People: a worker per team, each team's manager, the service managers, the front door. */
	void people() {
		IdentityService identity = engine.getIdentityService();
		for (String team : TEAMS) {
			user(identity, "worker." + team, team, "practitioner");
			user(identity, "tm." + team, team, "team-manager");
		}
		user(identity, "sm.east", "service-manager");
		user(identity, "sm.west", "service-manager");
		user(identity, "front.door", "front-door");
	}

	private static void user(IdentityService identity, String id, String... groups) {
		if (identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = identity.newUser(id);
		user.setFirstName(id);
		user.setLastName("Bench");
		user.setEmail(id + "@timescales.test");
		user.setPassword("secret-" + id);
		identity.saveUser(user);
		for (String group : groups) {
			if (identity.createGroupQuery().groupId(group).count() == 0) {
				identity.saveGroup(identity.newGroup(group));
			}
			identity.createMembership(id, group);
		}
	}

	/** The engine clock stands still at this instant (as in the tests). */
	static void clockAt(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	/** The engine clock runs in real time from this instant on. */
	static void clockRunningFrom(Instant instant) {
		ClockUtil.reset();
		ClockUtil.offset(instant.toEpochMilli() - System.currentTimeMillis());
	}

	static Instant engineNow() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/** Wakes the job executor's acquisition (after the clock jumped: nothing else tells it that jobs fell due). */
	void wakeJobExecutor() {
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
	}

	/** Jobs due by the engine clock and not yet done (running ones included; failed ones waiting to retry not). */
	long jobsDue() {
		Timestamp now = Timestamp.from(engineNow());
		return jdbc.queryForObject("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
				+ " and (DUEDATE_ is null or DUEDATE_ <= ?) and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ <= ?"
				+ " or EXCEPTION_STACK_ID_ is null)", Long.class, now, now);
	}

	/** Waits until the job executor has done every job due by the engine clock. */
	void drainJobs(long timeoutMillis) throws InterruptedException {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		wakeJobExecutor();
		int idle = 0;
		while (System.currentTimeMillis() < deadline) {
			if (jobsDue() == 0) {
				if (++idle >= 2) {
					return;
				}
			}
			else {
				idle = 0;
			}
			Thread.sleep(40);
		}
		throw new IllegalStateException("jobs still due after " + timeoutMillis + " ms: " + jobsDue());
	}

	/**
	 * What PostgreSQL's autovacuum (on by default) would have done by now, on a server that has it off, as
	 * this machine's has: dead rows removed and planner statistics refreshed. Without it the year's churn
	 * (executions, jobs, variables created and deleted) left four dead rows for each live one in the engine's
	 * runtime tables and every step grew dearer. H2 analyses its own tables as they change (ANALYZE_AUTO).
	 * Returns the time it took.
	 */
	long autovacuum() throws java.sql.SQLException {
		long t0 = System.nanoTime();
		if (db.equals("postgres")) {
			try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
				c.setAutoCommit(true); // VACUUM runs outside a transaction
				s.execute("vacuum analyze");
			}
		}
		return System.nanoTime() - t0;
	}

	long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	/** Runs n items on the pool, each retried on an optimistic locking conflict; returns the wall time in ns. */
	long parallel(int n, int poolSize, IntConsumer item) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(poolSize);
		AtomicLong next = new AtomicLong();
		List<Future<Void>> futures = new ArrayList<>();
		long t0 = System.nanoTime();
		for (int t = 0; t < poolSize; t++) {
			futures.add(pool.submit((Callable<Void>) () -> {
				for (long i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
					retrying((int) i, item);
				}
				return null;
			}));
		}
		try {
			for (Future<Void> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return System.nanoTime() - t0;
	}

	static void retrying(int i, IntConsumer item) {
		for (int attempt = 1;; attempt++) {
			try {
				item.accept(i);
				return;
			}
			catch (OptimisticLockingException conflict) {
				if (attempt == 5) {
					throw conflict;
				}
			}
		}
	}

}
