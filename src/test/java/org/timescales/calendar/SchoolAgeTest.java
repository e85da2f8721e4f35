package org.timescales.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compulsory school age (Education Act 1996 s.8) with birthdays either side of each boundary: the
 * prescribed days after the 5th birthday, the 31 August / 1 September year groups, and a 16th birthday in
 * June before and after the last Friday.
 */
class SchoolAgeTest {

	@ParameterizedTest(name = "born {0}: of compulsory school age from {1}")
	@CsvSource({
			// a 5th birthday on a prescribed day starts it that day
			"2021-03-31, 2026-03-31", "2021-08-31, 2026-08-31", "2021-12-31, 2026-12-31",
			// the day after: the next prescribed day
			"2021-04-01, 2026-08-31", "2021-09-01, 2026-12-31", "2022-01-01, 2027-03-31",
			// born 29 February: the 5th birthday falls on 28 February in a common year
			"2020-02-29, 2025-03-31" })
	void compulsorySchoolAgeStartsOnThePrescribedDayOnOrAfterTheFifthBirthday(LocalDate born, LocalDate from) {
		assertThat(SchoolAge.compulsoryFrom(born)).isEqualTo(from);
	}

	@ParameterizedTest(name = "born {0}: leaves on {1}")
	@CsvSource({
			// 16 on 31 August 2027, the last day of the school year: leaves on the last Friday of June 2027
			"2011-08-31, 2027-06-25",
			// 16 on 1 September 2027: a year group later, the last Friday of June 2028
			"2011-09-01, 2028-06-30",
			// 16 on Thursday 24 June 2027, the day before the last Friday: leaves that Friday, 16
			"2011-06-24, 2027-06-25",
			// 16 on Saturday 26 June 2027, the day after: the same Friday, still 15
			"2011-06-26, 2027-06-25",
			// 16 in July or August: the June before the birthday
			"2011-07-15, 2027-06-25",
			// 16 on 1 September 2026: the school year ending in 2027
			"2010-09-01, 2027-06-25",
			// 16 in the autumn term: the June after
			"2010-11-30, 2027-06-25", "2010-08-31, 2026-06-26" })
	void schoolLeavingDateIsTheLastFridayInJuneOfTheSchoolYearTheChildTurnsSixteen(LocalDate born, LocalDate leaves) {
		assertThat(SchoolAge.leavingDate(born)).isEqualTo(leaves);
	}

	@ParameterizedTest(name = "born {0}: reception from {1}")
	@CsvSource({ "2021-08-31, 2025-09-01", "2021-09-01, 2026-09-01", "2022-01-15, 2026-09-01" })
	void receptionStartsOnTheFirstOfSeptemberOfTheSchoolYearTheChildTurnsFive(LocalDate born, LocalDate from) {
		assertThat(SchoolAge.receptionFrom(born)).isEqualTo(from);
		assertThat(SchoolAge.receptionFrom(born)).isBeforeOrEqualTo(SchoolAge.compulsoryFrom(born));
	}

	@Test
	void compulsorySchoolAgeIncludesTheLeavingDateAndNotTheDayAfter() {
		LocalDate born = LocalDate.parse("2011-06-26");
		assertThat(SchoolAge.isCompulsorySchoolAge(born, LocalDate.parse("2027-06-25"))).isTrue();
		assertThat(SchoolAge.isCompulsorySchoolAge(born, LocalDate.parse("2027-06-26"))).isFalse();
		assertThat(SchoolAge.isCompulsorySchoolAge(born, LocalDate.parse("2016-08-31"))).isTrue();
		assertThat(SchoolAge.isCompulsorySchoolAge(born, LocalDate.parse("2016-08-30"))).isFalse();
	}

}
