package org.timescales.casefile;

import java.time.LocalDate;
import java.util.List;

/**
 * A child's case: the details that stay out of process variables. {@code laChildId} is the LA child
 * identifier the CIN census carries ({@link LaChildIds}), kept for the child across years; {@code sex}
 * (M, F or U) and {@code ethnicity} are the census's codes ({@link CensusCodes}), null on a case
 * recorded before they were captured (ethnicity also when not given). {@code upn} (the unique pupil
 * number) or {@code upnUnknown} (the census's code for why there is none), never both, null while
 * neither is recorded; {@code disabilities}: the census's codes, empty while none are recorded. All of
 * them but the identifier are changed after the referral only through {@link ChildDetails}.
 */
public record ChildCase(String caseRef, String givenName, String familyName, LocalDate dateOfBirth, String team,
		String laChildId, String sex, String ethnicity, String upn, String upnUnknown, List<String> disabilities) {

	public ChildCase {
		disabilities = disabilities == null ? List.of() : List.copyOf(disabilities);
	}

	/** A child whose UPN and disabilities are not recorded. */
	public ChildCase(String caseRef, String givenName, String familyName, LocalDate dateOfBirth, String team,
			String laChildId, String sex, String ethnicity) {
		this(caseRef, givenName, familyName, dateOfBirth, team, laChildId, sex, ethnicity, null, null, List.of());
	}

}
