/**
 * Statutory clocks: every deadline a case's work answers to. A statutory task declares its rule
 * ({@code ${clocks.watch(execution, 'assessment')}}); its clock opens from the event that really started it
 * (the rule's {@code started-by} date, never when someone clicked), with its deadline, reminder and second
 * tier from the working calendar, and stops when the work is done ({@code MET} or {@code MET_LATE}) or is no
 * longer needed ({@code CANCELLED}). One watcher process per clock ({@code bpmn/deadlineWatch.bpmn}) raises
 * the reminder and both escalation tiers until the clock stops. Once open, its dates move only by a corrected
 * event date or a manager's extension, which recompute the ledger, the tasks' due dates and the timers in one
 * transaction.
 * <p>
 * Its public surface: {@link org.timescales.clock.Clocks} (the BPMN bean {@code clocks}: watch, due dates,
 * stop, cancel, transfer), {@link org.timescales.clock.ClockLedger} with
 * {@link org.timescales.clock.ClockRecord} and {@link org.timescales.clock.ClockStatus} (reading the ledger),
 * {@link org.timescales.clock.ClockChanges} (correct a date, extend a clock: the controller's commands),
 * {@link org.timescales.clock.EventDateCorrected} and {@link org.timescales.clock.DeadlinePolicy}, which a
 * module implements for a deadline no fixed interval gives; and the read models other modules' pages and
 * reports ask instead of querying its tables: {@link org.timescales.clock.OpenClocks} (breaches, due soon,
 * counts), {@link org.timescales.clock.ClockReports} (timeliness) and {@link org.timescales.clock.Corrections}
 * with {@link org.timescales.clock.Correction}. It owns the tables {@code clock} (the ledger) and
 * {@code correction}; {@code ClockWatches} and the controller ({@code POST /api/cases/{caseRef}/corrections},
 * {@code .../clocks/{clockId}/extension}) are internal.
 * <p>
 * Depends on {@code rules} (each clock's rule), {@code calendar} (deadlines), {@code system} (SQL times) and
 * {@code refusal} (a refused correction or extension). The watcher's timers call the {@code escalation} module's
 * {@code escalations} bean from BPMN, a dependency the Java code does not show. It publishes
 * {@link org.timescales.clock.EventDateCorrected} in a correction's transaction, so every module keeping its
 * own copy of the date corrects it there; it listens to none.
 */
package org.timescales.clock;
