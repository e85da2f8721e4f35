/**
 * A case's timeline for auditors, administrators and the case's managers: everything that happened to it, in
 * time order, with who did it: its processes, tasks and form field changes from the engine's history, and its
 * clocks (opened, extended, stopped), escalations, corrections, allocations and transfers and record views
 * from our own tables. Served as JSON or CSV at {@code GET /api/cases/{caseRef}/history} and as the page
 * {@code /cases/{caseRef}/history}; every read, and every refusal, goes on the read log.
 * <p>
 * Its public surface is {@link org.timescales.timeline.CaseTimeline} and
 * {@link org.timescales.timeline.TimelineEvent}; the controller and {@code TimelineCsv} are internal. It owns
 * no table: the processes, tasks and field changes come from {@code casehistory}, the clocks and corrections
 * from {@code clock}, the escalations from {@code escalation}, the holdings from {@code casefile} and the read
 * log from {@code audit}, each through its owner's API, once the caller may read the case.
 * <p>
 * Depends on {@code casefile} (the case, its allocations and transfers), {@code security} (who may read the
 * case; reading the engine as the system), {@code audit} (recording each read), {@code system} and
 * {@code refusal} (404). It publishes and listens to no events.
 */
package org.timescales.timeline;
