package org.timescales.referral;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.timescales.refusal.PersonName;

/**
 * A referral from the front door. Dates arrive as text and are parsed by {@link ReferralService}, so
 * a bad date is reported against its own field rather than as an unreadable body. {@code child.laChildId}
 * is optional: the council's own LA child identifier for the census (letters and digits, at most 20);
 * without it Timescales assigns one when the case is created. {@code child.sex} is required (M, F or U,
 * the CIN census's codes: DfE rule 4180); {@code child.ethnicity} is optional, a census ethnicity code.
 * {@code child.upn} (the unique pupil number) or {@code child.upnUnknown} (UN1..UN7, why there is none), never
 * both, and {@code child.disabilities} (census disability codes) are optional.
 */
public record ReferralRequest(
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*",
				message = "may contain only letters, digits and . _ / -") String referralId,
		@NotNull @Valid Child child,
		@NotBlank @Size(max = 40) String receivedAt,
		@NotBlank @Size(max = 3) String source,
		@NotBlank @Size(max = 64) String team) {

	public record Child(
			@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*",
					message = "may contain only letters, digits and . _ / -") String caseRef,
			@NotBlank @Size(max = 100) @PersonName String givenName,
			@NotBlank @Size(max = 100) @PersonName String familyName,
			@NotBlank @Size(max = 10) String dateOfBirth,
			@Size(max = 1) String sex,
			@Size(max = 4) String ethnicity,
			@Size(max = 20) @Pattern(regexp = "[A-Za-z0-9]+",
					message = "may contain only letters and digits (the CIN census's LA child ID)") String laChildId,
			@Size(max = 20) String upn,
			@Size(max = 3) String upnUnknown,
			@Size(max = 13) List<String> disabilities) {

		/** A child whose ethnicity is not given and whose LA child identifier Timescales assigns. */
		public Child(String caseRef, String givenName, String familyName, String dateOfBirth, String sex) {
			this(caseRef, givenName, familyName, dateOfBirth, sex, null, null);
		}

		/** A child whose UPN (or why it is unknown) and disabilities are not given. */
		public Child(String caseRef, String givenName, String familyName, String dateOfBirth, String sex,
				String ethnicity, String laChildId) {
			this(caseRef, givenName, familyName, dateOfBirth, sex, ethnicity, laChildId, null, null, null);
		}

	}

}
