/**
 * For whoever runs Timescales: its own Prometheus gauges ({@code /actuator/prometheus}: clocks open, open
 * clocks overdue per rule, escalations raised, the outbox's unsent mail and its oldest, engine jobs due and
 * failed), read from the database at each scrape so every node reports the same cluster-wide figures, and the
 * {@code outboxHealth} indicator, degraded once mail stops going out (never in the readiness group: a mail
 * backlog must not take a node out of service).
 * <p>
 * No other module uses it: its classes are internal. It owns no table; it counts rows of the clock ledger,
 * the escalations and the mail outbox, and the engine's jobs. Depends on {@code rules} (one overdue gauge per
 * configured rule), {@code security} ({@link org.timescales.security.AsSystem}: the engine's job counts,
 * whatever the caller's authorizations) and {@code system}. It publishes and listens to no events.
 */
package org.timescales.operations;
