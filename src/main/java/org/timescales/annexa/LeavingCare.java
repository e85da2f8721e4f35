package org.timescales.annexa;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.timescales.casehistory.Stage;

/**
 * A care leaver's eligibility category, from the child's periods in care (Children Act 1989 s19B, s23A,
 * s24; Care Leavers (England) Regulations 2010 reg 3): looked after for at least 13 weeks in all since
 * the 14th birthday, ending after the 16th, makes a young person who has left care a relevant child
 * until 18 and a former relevant child from then; one who was looked after at 16 or over without the
 * 13 weeks is a qualifying care leaver. Pre-planned short breaks (V3, V4) do not count towards the 13
 * weeks. Everyone the care leaver process follows left care at 16 or over.
 */
final class LeavingCare {

	private static final long THIRTEEN_WEEKS = 13 * 7;

	private static final Set<String> SHORT_BREAKS = Set.of("V3", "V4");

	private LeavingCare() {
	}

	/** RELEVANT, FORMER_RELEVANT or QUALIFYING ({@link Codes#ELIGIBILITY}) on {@code day}. */
	static String eligibility(LocalDate dateOfBirth, List<Stage> periodsInCare, LocalDate day) {
		LocalDate fourteen = dateOfBirth.plusYears(14);
		long days = 0;
		for (Stage care : periodsInCare) {
			LocalDate start = care.becameLookedAfterDate();
			if (start == null || SHORT_BREAKS.contains(care.legalStatus())) {
				continue;
			}
			LocalDate from = start.isBefore(fourteen) ? fourteen : start;
			LocalDate left = care.leftCareDate();
			LocalDate until = left == null || left.isAfter(day) ? day : left;
			if (until.isAfter(from)) {
				days += ChronoUnit.DAYS.between(from, until);
			}
		}
		if (days < THIRTEEN_WEEKS) {
			return "QUALIFYING";
		}
		return day.isBefore(dateOfBirth.plusYears(18)) ? "RELEVANT" : "FORMER_RELEVANT";
	}

}
