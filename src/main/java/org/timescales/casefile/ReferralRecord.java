package org.timescales.casefile;

import java.time.Instant;

/** A referral as received from the front door, and the referral process it started. */
public record ReferralRecord(String referralId, String caseRef, Instant receivedAt, String source, String team,
		String processInstanceId) {
}
