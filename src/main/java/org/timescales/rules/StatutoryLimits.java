package org.timescales.rules;

import java.util.Map;

import org.timescales.calendar.Interval;

/**
 * The law's own timescales: a statutory rule may be configured tighter, never looser. Kept in code
 * (not configuration) on purpose: these change only when the law or statutory guidance does.
 */
final class StatutoryLimits {

	static final Map<String, Interval> LIMITS = Map.of(
			// Working Together to Safeguard Children 2023, ch. 2
			"referral-decision", Interval.parse("1 working day"),
			// Working Together to Safeguard Children 2023, ch. 2
			"assessment", Interval.parse("45 working days"));

	private StatutoryLimits() {
	}

}
