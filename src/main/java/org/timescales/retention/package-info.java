/**
 * Statutory retention of a case's history, never a short default: the history of a child in need is kept
 * until the 25th birthday, of a child ever looked after until the 75th ({@code timescales.retention.*}). The
 * date is set as an absolute removal time on the history of every ended process of the case by an engine
 * batch: nightly at 00:30 London time, on one node, for every case with a process ended in the last two days,
 * and on demand by an administrator ({@code POST /api/cases/{caseRef}/retention}). Running processes are left
 * alone.
 * <p>
 * Its public surface is {@link org.timescales.retention.Retention} and
 * {@link org.timescales.retention.RetentionScheduling} (the Quartz job and trigger); the controller is
 * internal. It owns no table: the removal time is on the engine's history. Depends on {@code casefile} (the
 * child's date of birth), {@code security} ({@link org.timescales.security.AsSystem}: the engine's history,
 * whatever the caller's authorizations), {@code calendar} and {@code refusal} (404). It publishes and listens to
 * no events.
 */
package org.timescales.retention;
