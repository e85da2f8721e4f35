package org.timescales.operations;

import java.time.Clock;
import java.util.function.Supplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;
import org.timescales.clock.OpenClocks;
import org.timescales.escalation.EscalationLedger;
import org.timescales.notification.MailOutbox;
import org.timescales.rules.Rules;
import org.timescales.security.AsSystem;

/**
 * Timescales' own gauges, read from the database when they are scraped ({@code /actuator/prometheus}):
 * nothing is counted in memory, so every node reports the same cluster-wide figures and a restart loses
 * nothing. Each is one COUNT on an existing index, asked of the table's owner; "now" is the engine clock.
 *
 * <ul>
 * <li>{@code timescales_clocks_open}: clocks not stopped;
 * <li>{@code timescales_clocks_overdue{rule}}: open clocks past their deadline, per configured rule (0
 * included; one count per rule, on the open-clock index, so the series never goes stale between scrapes);
 * <li>{@code timescales_escalations_raised_total}: escalations ever raised (a counter read from the table);
 * <li>{@code timescales_outbox_unsent}, {@code timescales_outbox_oldest_unsent_seconds};
 * <li>{@code timescales_jobs_due}: engine jobs due now and not yet executed (job executor lag);
 * <li>{@code timescales_jobs_failed}: jobs out of retries, i.e. incidents.
 * </ul>
 */
@Component
class OperationsMetrics {

	private final OpenClocks openClocks;
	private final Clock clock;
	private final ManagementService managementService;
	private final AsSystem asSystem;

	OperationsMetrics(MeterRegistry registry, OpenClocks openClocks, EscalationLedger escalations, MailOutbox mail,
			Clock clock, ManagementService managementService, AsSystem asSystem, OutboxBacklog outbox, Rules rules) {
		this.openClocks = openClocks;
		this.clock = clock;
		this.managementService = managementService;
		this.asSystem = asSystem;

		Gauge.builder("timescales.clocks.open", openClocks, OpenClocks::count)
			.description("Clocks running (not stopped)")
			.register(registry);
		for (String rule : rules.ids()) {
			Gauge.builder("timescales.clocks.overdue", this, m -> m.overdue(rule))
				.description("Open clocks past their deadline, by rule")
				.tag("rule", rule)
				.register(registry);
		}
		FunctionCounter.builder("timescales.escalations.raised", escalations, EscalationLedger::count)
			.description("Escalations raised (both tiers), read from the escalation table")
			.register(registry);
		Gauge.builder("timescales.outbox.unsent", mail, MailOutbox::unsentCount)
			.description("Mail in the outbox not yet sent")
			.register(registry);
		Gauge.builder("timescales.outbox.oldest.unsent", outbox, OutboxBacklog::oldestAgeSeconds)
			.description("How long the oldest unsent mail has waited (0 when none)")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("timescales.jobs.due", this,
				m -> m.withoutEngineUser(() -> managementService.createJobQuery().executable().count()))
			.description("Engine jobs due now and not yet executed (job executor lag)")
			.register(registry);
		Gauge.builder("timescales.jobs.failed", this,
				m -> m.withoutEngineUser(
						() -> managementService.createJobQuery().withException().noRetriesLeft().count()))
			.description("Engine jobs out of retries (incidents)")
			.register(registry);
	}

	private double overdue(String rule) {
		return openClocks.overdue(rule, clock.instant());
	}

	/**
	 * Engine queries count every job, whoever scrapes: a user authenticated on this thread (the admin
	 * whose request is being served) is set aside for the query and put back afterwards.
	 */
	private double withoutEngineUser(Supplier<Long> query) {
		return asSystem.call(query);
	}

}
