package org.timescales.lookedafter;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * When a looked-after child becomes an eligible child (Children Act 1989 Sch 2 para 19B; CPPCR 2010 reg
 * 40): aged 16 or 17, looked after for 13 weeks in all (across periods of care) that began after the 14th
 * birthday and ended after the 16th. So the day is the 16th birthday if the 13 weeks are met by then, else
 * the day they are reached after it. A child on pre-planned short breaks (SSDA903 V3, V4; reg 48) is not
 * an eligible child, and those periods do not count. Days are counted as annexa.LeavingCare counts them for
 * Annex A: from the later of the start and the 14th birthday, up to (not including) the day care ended.
 */
final class Eligibility {

	static final long THIRTEEN_WEEKS = 13 * 7;

	static final Set<String> SHORT_BREAKS = Set.of("V3", "V4");

	/** An earlier, ended period of care. */
	record Period(LocalDate from, LocalDate until, String legalStatus) {
	}

	private Eligibility() {
	}

	/**
	 * The day a child looked after since {@code start} becomes eligible if still looked after then, or null
	 * if the child cannot become eligible in this period (short breaks, or 18 first).
	 */
	static LocalDate eligibleOn(LocalDate dateOfBirth, List<Period> earlier, LocalDate start, String legalStatus) {
		if (SHORT_BREAKS.contains(legalStatus)) {
			return null;
		}
		LocalDate fourteen = dateOfBirth.plusYears(14);
		long counted = 0;
		for (Period period : earlier) {
			if (period.from() == null || period.until() == null || SHORT_BREAKS.contains(period.legalStatus())) {
				continue;
			}
			LocalDate from = later(period.from(), fourteen);
			if (period.until().isAfter(from)) {
				counted += ChronoUnit.DAYS.between(from, period.until());
			}
		}
		LocalDate thirteenWeeks = later(start, fourteen).plusDays(Math.max(0, THIRTEEN_WEEKS - counted));
		LocalDate eligible = later(later(thirteenWeeks, dateOfBirth.plusYears(16)), start);
		return eligible.isBefore(dateOfBirth.plusYears(18)) ? eligible : null;
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
