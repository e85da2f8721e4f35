package org.timescales.rules;

import java.util.Map;

import org.timescales.calendar.Interval;

/**
 * The law's own timescales: a statutory rule may be configured tighter, never looser. Kept in code
 * (not configuration) on purpose: these change only when the law or statutory guidance does.
 */
final class StatutoryLimits {

	/** The law's timescale, its first occurrence where that differs, and the longest extension it allows. */
	record Limit(Interval interval, Interval first, Interval extension) {

		static Limit of(String interval) {
			return new Limit(Interval.parse(interval), null, null);
		}

	}

	static final Map<String, Limit> LIMITS = Map.of(
			// Working Together to Safeguard Children 2023, ch. 2: decision within 1 working day
			"referral-decision", Limit.of("1 working day"),
			// Working Together 2023, ch. 2: assessment within 45 working days of referral
			"assessment", Limit.of("45 working days"),
			// Working Together 2023, ch. 2: ICPC within 15 working days of the strategy discussion
			"icpc", Limit.of("15 working days"),
			// Working Together 2023, ch. 2: first core group within 10 working days of the ICPC
			"core-group", Limit.of("10 working days"),
			// Working Together 2023, ch. 2: first review within 3 months of the ICPC, then every 6 months
			"rcpc", new Limit(Interval.parse("6 months"), Interval.parse("3 months"), null),
			// Representations Procedure (England) Regulations 2006, reg 14: 10 working days, up to 20
			"complaint-stage-1", new Limit(Interval.parse("10 working days"), null, Interval.parse("20 working days")));

	private StatutoryLimits() {
	}

}
