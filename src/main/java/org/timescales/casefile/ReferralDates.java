package org.timescales.casefile;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.timescales.system.SqlTimes.utc;

/**
 * The referral record keeps when the referral was received (the returns select a year's cases by it),
 * as its process and its clocks do. A correction of that date, made once through the clock module,
 * is carried here by the referral module (ReferralDateCorrections), in the same transaction.
 */
@Component
public class ReferralDates {

	private final JdbcClient jdbc;

	ReferralDates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The referral of the process was really received at {@code to}, not {@code from}; so did the team's
	 * holding of the case start then, if it started with that referral (no transfer since).
	 */
	public void correctReceipt(String caseRef, String processInstanceId, Instant from, Instant to) {
		jdbc.sql("update referral set received_at = ? where process_instance_id = ?")
			.params(utc(to), processInstanceId)
			.update();
		jdbc.sql("update child_case set held_since = ? where case_ref = ? and held_since = ?")
			.params(utc(to), caseRef, utc(from))
			.update();
	}

}
