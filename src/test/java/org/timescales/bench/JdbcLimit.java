package org.timescales.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limit: how many single-row insert+commit transactions the same database takes on the same machine,
 * through the application's own connection pool, on one thread and on the benchmark's client threads.
 */
final class JdbcLimit {

	private static final long MILLIS = 8_000;

	private final Bench bench;

	JdbcLimit(Bench bench) {
		this.bench = bench;
	}

	void run() throws Exception {
		System.out.println("limit: raw JDBC insert+commit");
		bench.jdbc.execute("create table bench_limit (id bigint primary key, team varchar(64), payload varchar(200),"
				+ " created_at timestamp)");
		try {
			AtomicLong ids = new AtomicLong();
			measure(1, ids); // warm-up
			double one = measure(1, ids);
			double many = measure(bench.threads, ids);
			bench.figures.add("limit", "JDBC insert+commit, 1 thread", Figures.rate(one), "", "", null);
			bench.figures.add("limit", "JDBC insert+commit, " + bench.threads + " threads", Figures.rate(many), "", "",
					null);
		}
		finally {
			bench.jdbc.execute("drop table bench_limit");
		}
	}

	/** Transactions per second: each inserts one row and commits. */
	private double measure(int threads, AtomicLong ids) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long end = System.currentTimeMillis() + MILLIS;
		List<Future<Long>> counts = new ArrayList<>();
		long t0 = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			counts.add(pool.submit(() -> {
				long done = 0;
				try (Connection c = bench.dataSource.getConnection()) {
					c.setAutoCommit(false);
					try (PreparedStatement insert = c
						.prepareStatement("insert into bench_limit (id, team, payload, created_at) values (?, ?, ?, ?)")) {
						while (System.currentTimeMillis() < end) {
							long id = ids.incrementAndGet();
							insert.setLong(1, id);
							insert.setString(2, Bench.TEAMS[(int) (id % Bench.TEAMS.length)]);
							insert.setString(3, "referral " + id + " received for the front door");
							insert.setTimestamp(4, new Timestamp(System.currentTimeMillis()));
							insert.executeUpdate();
							c.commit();
							done++;
						}
					}
				}
				return done;
			}));
		}
		long total = 0;
		for (Future<Long> f : counts) {
			total += f.get();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		pool.shutdown();
		return total / seconds;
	}

}
