package org.timescales.referral;

import java.util.Set;

/** The CIN census referral source codes (DfE CIN schema 2024, ReferralSource). */
final class ReferralSource {

	static final Set<String> CODES = Set.of("1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4",
			"5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");

	private ReferralSource() {
	}

}
