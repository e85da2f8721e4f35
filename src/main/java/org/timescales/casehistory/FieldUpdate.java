package org.timescales.casehistory;

import java.time.Instant;

/**
 * One update of a process variable: which variable (the instance, stable across its updates, and its
 * name), when, the value as text (a date-time as its instant; an unreadable value says so) and who
 * made it: the signed-in user whose form or correction it was, {@code null} for the engine's own
 * bookkeeping.
 */
public record FieldUpdate(String variableId, String name, Instant at, String value, String by) {
}
