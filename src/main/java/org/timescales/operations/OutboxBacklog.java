package org.timescales.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail outbox's backlog, read at the moment it is asked for: how many mails are unsent and how
 * long the oldest has waited (by the engine clock). Two cheap queries on the index over
 * {@code (sent_at, next_attempt_at)}; shared by the outbox health indicator and the metrics.
 */
@Component
class OutboxBacklog {

	record Snapshot(long unsent, Instant oldestCreatedAt, Duration oldestAge) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	OutboxBacklog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Snapshot read() {
		long unsent = jdbc.sql("select count(*) from mail_outbox where sent_at is null").query(Long.class).single();
		if (unsent == 0) {
			return new Snapshot(0, null, Duration.ZERO);
		}
		OffsetDateTime oldest = jdbc.sql("select min(created_at) from mail_outbox where sent_at is null")
			.query(OffsetDateTime.class)
			.optional()
			.orElse(null);
		if (oldest == null) { // all sent in between the two queries
			return new Snapshot(0, null, Duration.ZERO);
		}
		Instant created = oldest.toInstant();
		Duration age = Duration.between(created, clock.instant());
		// mail queued "in the future" (the engine clock was moved back) has not waited at all
		return new Snapshot(unsent, created, age.isNegative() ? Duration.ZERO : age);
	}

	long oldestAgeSeconds() {
		return read().oldestAge().toSeconds();
	}

}
