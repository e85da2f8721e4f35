package org.timescales.rules;

import java.util.Map;

import org.timescales.calendar.Interval;

/**
 * The law's own timescales: a statutory rule may be configured tighter, never looser. Kept in code
 * (not configuration) on purpose: these change only when the law or statutory guidance does.
 */
final class StatutoryLimits {

	/**
	 * The law's timescale, its first and second occurrences where they differ, the longest extension it allows
	 * (in all, from the start), the longest each of any number of extensions may be (from the due date it
	 * extends), and whether the law counts the period beginning with the day of the event.
	 */
	record Limit(Interval interval, Interval first, Interval second, Interval extension, Interval extensionEach,
			boolean beginningWithTheDay) {

		Limit(Interval interval, Interval first, Interval second, Interval extension) {
			this(interval, first, second, extension, null, false);
		}

		static Limit of(String interval) {
			return new Limit(Interval.parse(interval), null, null, null);
		}

		static Limit of(String interval, String first) {
			return new Limit(Interval.parse(interval), Interval.parse(first), null, null);
		}

	}

	static final Map<String, Limit> LIMITS = Map.ofEntries(
			// Working Together to Safeguard Children 2023, ch. 2: decision within 1 working day
			Map.entry("referral-decision", Limit.of("1 working day")),
			// Working Together 2023, ch. 2: assessment within 45 working days of referral
			Map.entry("assessment", Limit.of("45 working days")),
			// Working Together 2023, ch. 2: ICPC within 15 working days of the strategy discussion
			Map.entry("icpc", Limit.of("15 working days")),
			// Working Together 2023, ch. 2: first core group within 10 working days of the ICPC
			Map.entry("core-group", Limit.of("10 working days")),
			// Working Together 2023, ch. 2: first review within 3 months of the ICPC, then every 6 months
			Map.entry("rcpc", Limit.of("6 months", "3 months")),
			// Representations Procedure (England) Regulations 2006, reg 14: 10 working days, up to 20
			Map.entry("complaint-stage-1", new Limit(Interval.parse("10 working days"), null, null,
					Interval.parse("20 working days"))),
			// CPPCR Regulations 2010, reg 33: 20 working days, then 3 months, then every 6 months
			Map.entry("cla-review", new Limit(Interval.parse("6 months"), Interval.parse("20 working days"),
					Interval.parse("3 months"), null)),
			// CPPCR reg 4(2): the care plan before the first placement or, where not practicable, within 10 working days of its start
			Map.entry("care-plan", Limit.of("10 working days")),
			// CPPCR reg 9(2): the placement plan before the placement or, where not practicable, within 5 working days of its start
			Map.entry("placement-plan", Limit.of("5 working days")),
			// CPPCR reg 28: within 1 week of a placement, then at most every 6 weeks in its first year
			Map.entry("cla-visit", Limit.of("6 weeks", "1 week")),
			// CPPCR reg 7 and statutory guidance: initial health assessment within 20 working days
			Map.entry("iha", Limit.of("20 working days")),
			// Promoting the health and well-being of looked-after children: 6-monthly under 5, yearly from 5
			Map.entry("rha", Limit.of("12 months")),
			// CPPCR Sch 1 and statutory guidance: personal education plan within 10 working days
			Map.entry("pep", Limit.of("10 working days")),
			// Children who run away or go missing from home or care (2014): interview within 72 hours
			Map.entry("rhi", Limit.of("72 hours")),
			// CPPCR regs 40-43: needs assessment and pathway plan within 3 months of the 16th birthday, or of becoming
			// an eligible child after it (reg 42(1)); reviewed at least every 6 months
			Map.entry("pathway-plan", Limit.of("3 months")),
			Map.entry("pathway-plan-review", Limit.of("6 months")),
			// Children Act 1989 s.32(1)(a)(ii): care and supervision proceedings disposed of "within the period of
			// 26 weeks beginning with the day on which the application was issued"; s.32(5)-(8) (Children and
			// Families Act 2014 s.14): the court may extend it, each extension ending no more than 8 weeks later
			Map.entry("care-proceedings", new Limit(Interval.parse("26 weeks"), null, null, null,
					Interval.parse("8 weeks"), true)));

	private StatutoryLimits() {
	}

}
