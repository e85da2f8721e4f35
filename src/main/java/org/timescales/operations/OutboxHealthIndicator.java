package org.timescales.operations;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code outboxHealth}: UP with the backlog (unsent count, age of the oldest unsent mail) while mail
 * flows; DEGRADED once the oldest unsent mail has waited longer than
 * {@code timescales.operations.outbox-stale-after} (default 1 hour), i.e. mail is not going out.
 *
 * <p>It is in the default health ({@code /actuator/health}) and the {@code mail} group, never in the
 * readiness group: a mail backlog is for someone to look at, it must not take a node out of service
 * (the outbox keeps the mail; every node can still do the work).
 */
@Component("outboxHealth")
class OutboxHealthIndicator implements HealthIndicator {

	private final OutboxBacklog backlog;
	private final Duration staleAfter;

	OutboxHealthIndicator(OutboxBacklog backlog,
			@Value("${timescales.operations.outbox-stale-after:1h}") Duration staleAfter) {
		this.backlog = backlog;
		this.staleAfter = staleAfter;
	}

	/**
	 * Mail is not going out: worth an alert, not a restart — the node still does its work and the
	 * outbox keeps the mail, so this answers 200 (application.yaml maps it) and stays out of readiness.
	 */
	static final Status DEGRADED = new Status("DEGRADED", "Mail is not going out: see /admin/outbox");

	@Override
	public Health health() {
		OutboxBacklog.Snapshot snapshot = backlog.read();
		boolean stale = snapshot.unsent() > 0 && snapshot.oldestAge().compareTo(staleAfter) > 0;
		Health.Builder health = stale ? Health.status(DEGRADED) : Health.up();
		health.withDetail("unsent", snapshot.unsent());
		if (snapshot.oldestCreatedAt() != null) {
			health.withDetail("oldestUnsentQueuedAt", snapshot.oldestCreatedAt().toString())
				.withDetail("oldestUnsentAge", snapshot.oldestAge().toString())
				.withDetail("oldestUnsentSeconds", snapshot.oldestAge().toSeconds());
		}
		health.withDetail("staleAfter", staleAfter.toString());
		if (stale) {
			health.withDetail("reason", "the oldest unsent mail has waited longer than " + staleAfter
					+ ": is the mail server reachable (see /admin/outbox)?");
		}
		return health.build();
	}

}
