package org.timescales.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.timescales.notification.MailOutbox;

/**
 * The mail outbox's backlog, read at the moment it is asked for: how many mails are unsent and how
 * long the oldest has waited (by the engine clock). Two cheap queries of the outbox on the index over
 * {@code (sent_at, next_attempt_at)}; shared by the outbox health indicator and the metrics.
 */
@Component
class OutboxBacklog {

	record Snapshot(long unsent, Instant oldestCreatedAt, Duration oldestAge) {
	}

	private final MailOutbox outbox;
	private final Clock clock;

	OutboxBacklog(MailOutbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	Snapshot read() {
		long unsent = outbox.unsentCount();
		if (unsent == 0) {
			return new Snapshot(0, null, Duration.ZERO);
		}
		Instant created = outbox.oldestUnsentQueuedAt().orElse(null);
		if (created == null) { // all sent in between the two queries
			return new Snapshot(0, null, Duration.ZERO);
		}
		Duration age = Duration.between(created, clock.instant());
		// mail queued "in the future" (the engine clock was moved back) has not waited at all
		return new Snapshot(unsent, created, age.isNegative() ? Duration.ZERO : age);
	}

	long oldestAgeSeconds() {
		return read().oldestAge().toSeconds();
	}

}
