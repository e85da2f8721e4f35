/**
 * The record-view log: who looked at a child's record, when and what (the case, its history, an export, a
 * task through the engine's APIs, a refusal), each entry committed in its own transaction before the record
 * is handed over, so a read that then fails still leaves the attempt on record. Auditors, administrators and
 * the case's managers read it at {@code GET /api/cases/{caseRef}/views}.
 * <p>
 * Other modules use {@link org.timescales.audit.RecordViews} (to record a read, or to read the log) and
 * {@link org.timescales.audit.RecordView}; a module that serves a record may instead publish
 * {@link org.timescales.casefile.CaseRecordRead}, which this module listens for and writes to the log
 * ({@code RecordReads}). It owns the {@code record_view} table; the controller and the listener are internal.
 * <p>
 * Depends on {@code casefile} (the event, and the case's team for who may see its log), {@code oversight}
 * ({@link org.timescales.oversight.Viewer}: who is signed in;
 * {@link org.timescales.oversight.OversightScope}: which teams a manager answers for), {@code system} (SQL
 * times) and {@code refusal} (404). It publishes no events.
 */
package org.timescales.audit;
