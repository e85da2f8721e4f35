/**
 * A demonstration, active only under the {@code demo} profile: practitioners and managers of three teams, a
 * service manager, an auditor and an administrator; back-dated cases (one already overdue, so it escalates
 * within a minute of start-up); and a banner saying where to sign in and as whom. Idempotent: a restart adds
 * nothing.
 * <p>
 * No other module uses it; both classes are internal, and it owns no table. It makes its cases through the
 * same commands as the API: {@code referral} ({@link org.timescales.referral.ReferralService}),
 * {@code allocation} ({@link org.timescales.allocation.Allocations}) and {@code lookedafter}
 * ({@link org.timescales.lookedafter.LookedAfterService}), reading {@code casefile} to find what already
 * exists; it also uses {@code security} (the role names) and {@code calendar} (back-dating by working days).
 * The banner listens to Spring's {@code ApplicationReadyEvent}.
 */
package org.timescales.demo;
