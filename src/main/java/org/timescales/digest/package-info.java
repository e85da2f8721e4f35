/**
 * The managers' morning digest: at 08:00 London time on working days, one mail to each team manager and
 * service manager listing, for each team they answer for, the breaches raised since the last digest (the
 * repeats that got no mail of their own listed apart), the clocks falling due today and the children nobody
 * holds. Nothing to report, no mail; sent once a day however many nodes run.
 * <p>
 * Its public types are {@link org.timescales.digest.MorningDigest} (send a day's digest),
 * {@link org.timescales.digest.DigestScheduling} (the Quartz job and trigger, {@code timescales.digest.cron})
 * and {@link org.timescales.digest.MorningDigestJob}; nothing else calls them. It owns the
 * {@code morning_digest} table (one row per day sent, the guard against a second send) and reads the clock
 * ledger and the escalations.
 * <p>
 * Depends on {@code notification} (the outbox and the mail templates), {@code oversight} (the unallocated
 * children, {@link org.timescales.oversight.Caseloads}), {@code team} (managers' addresses), {@code rules}
 * (the configured teams and services), {@code calendar} (working days) and {@code system}. It publishes and
 * listens to no events.
 */
package org.timescales.digest;
