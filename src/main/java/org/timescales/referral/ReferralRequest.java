package org.timescales.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.timescales.refusal.PersonName;

/**
 * A referral from the front door. Dates arrive as text and are parsed by {@link ReferralService}, so
 * a bad date is reported against its own field rather than as an unreadable body.
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
			@NotBlank @Size(max = 10) String dateOfBirth) {
	}

}
