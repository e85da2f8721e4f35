package org.timescales.casefile;

import java.time.LocalDate;

/** A child's case: the details that stay out of process variables. */
public record ChildCase(String caseRef, String givenName, String familyName, LocalDate dateOfBirth, String team) {
}
