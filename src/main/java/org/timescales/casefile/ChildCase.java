package org.timescales.casefile;

import java.time.LocalDate;

/**
 * A child's case: the details that stay out of process variables. {@code laChildId} is the LA child
 * identifier the CIN census carries ({@link LaChildIds}), kept for the child across years.
 */
public record ChildCase(String caseRef, String givenName, String familyName, LocalDate dateOfBirth, String team,
		String laChildId) {
}
