package org.timescales.refusal;

/** One problem with a request, naming the field (JSON path, e.g. {@code child.dateOfBirth}). */
public record FieldError(String field, String message) {
}
