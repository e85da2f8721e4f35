package org.timescales.casefile;

import java.time.LocalDate;

/**
 * A child's case: the details that stay out of process variables. {@code laChildId} is the LA child
 * identifier the CIN census carries ({@link LaChildIds}), kept for the child across years; {@code sex}
 * (M, F or U) and {@code ethnicity} are the census's codes ({@link CensusCodes}), null on a case
 * recorded before they were captured (ethnicity also when not given).
 */
public record ChildCase(String caseRef, String givenName, String familyName, LocalDate dateOfBirth, String team,
		String laChildId, String sex, String ethnicity) {
}
