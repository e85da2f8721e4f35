/**
 * The work queue a practitioner opens every morning in Camunda's Tasklist: the shared filters (each sorted by
 * due date, with the case reference beside the task), created at start-up when missing; on every task, as it
 * is created, the child's name and the clock it works to (its label, its deadline and the law or practice
 * behind it), each also in a copy safe for the forms' markdown, all kept out of the engine's history
 * ({@code DisplayVariablesOutOfHistory}: copies of what other modules hold, read by nobody after the task);
 * and our checks' refusals of a form value answered 400 with our own sentence, not the engine's wrapped 500.
 * <p>
 * No other module uses it: its classes are internal, and it owns no table. Depends on {@code casefile} (the
 * child's name), {@code clock} (the task's clock in the ledger), {@code rules} (the clock's citation) and
 * {@code calendar} (the deadline in London time). It listens to the engine's task-created events
 * ({@code TaskContext}); it publishes none.
 */
package org.timescales.workqueue;
