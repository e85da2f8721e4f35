package org.timescales.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The working-day calendar against the England &amp; Wales bank holidays GOV.UK publishes
 * (/work/shared/timescales.md). Every expected date here was worked out by hand.
 */
class WorkingCalendarTest {

	private final WorkingCalendar calendar = new WorkingCalendar();

	static Stream<Arguments> publishedBankHolidays() {
		return Stream.of(
				Arguments.of(2025, List.of(
						"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05",
						"2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26")),
				Arguments.of(2026, List.of(
						"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
						"2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28")),
				Arguments.of(2027, List.of(
						"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
						"2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28")));
	}

	@ParameterizedTest(name = "{0}: exactly the GOV.UK England and Wales bank holidays")
	@MethodSource("publishedBankHolidays")
	void bankHolidaysAreExactlyThePublishedEnglandAndWalesDates(int year, List<String> published) {
		assertThat(calendar.bankHolidays(year))
				.containsExactlyElementsOf(published.stream().map(LocalDate::parse).toList());
	}

	@ParameterizedTest(name = "{0} is a bank holiday and not a working day")
	@MethodSource("everyPublishedBankHoliday")
	void everyPublishedBankHolidayIsNotAWorkingDay(LocalDate holiday) {
		assertThat(calendar.isBankHoliday(holiday)).isTrue();
		assertThat(calendar.isWorkingDay(holiday)).isFalse();
	}

	static Stream<LocalDate> everyPublishedBankHoliday() {
		return publishedBankHolidays()
				.flatMap(arguments -> ((List<?>) arguments.get()[1]).stream())
				.map(text -> LocalDate.parse((String) text));
	}

	@Test
	void boxingDay2026IsObservedOnMonday28December() {
		assertThat(calendar.isBankHoliday(LocalDate.of(2026, 12, 28))).isTrue();
		// the Saturday itself is just a weekend day
		assertThat(calendar.isBankHoliday(LocalDate.of(2026, 12, 26))).isFalse();
	}

	@Test
	void christmas2027FallsOnTheWeekendSoMonday27AndTuesday28DecemberAreSubstitutes() {
		assertThat(calendar.isBankHoliday(LocalDate.of(2027, 12, 27))).isTrue();
		assertThat(calendar.isBankHoliday(LocalDate.of(2027, 12, 28))).isTrue();
		assertThat(calendar.isBankHoliday(LocalDate.of(2027, 12, 25))).isFalse();
		assertThat(calendar.isBankHoliday(LocalDate.of(2027, 12, 26))).isFalse();
	}

	@ParameterizedTest(name = "one-off bank holiday {0}")
	@ValueSource(strings = { "2022-06-03", "2022-09-19", "2023-05-08" })
	void oneOffBankHolidaysAreHolidays(LocalDate oneOff) {
		assertThat(calendar.isBankHoliday(oneOff)).isTrue();
		assertThat(calendar.isWorkingDay(oneOff)).isFalse();
	}

	@Test
	void jubilee2022MovedTheSpringBankHolidayToThursday2June() {
		assertThat(calendar.isBankHoliday(LocalDate.of(2022, 6, 2))).isTrue();
		assertThat(calendar.isBankHoliday(LocalDate.of(2022, 5, 30))).isFalse();
	}

	@Test
	void newYear2028FallsOnSaturdaySoMonday3JanuaryIsTheSubstitute() {
		// 2028 is not yet published by GOV.UK, but a December deadline runs into it
		assertThat(calendar.isBankHoliday(LocalDate.of(2028, 1, 3))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
		assertThat(calendar.isBankHoliday(LocalDate.of(2028, 1, 1))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 4))).isTrue();
	}

	@ParameterizedTest(name = "{0} is a working day")
	@ValueSource(strings = {
			"2025-12-24", "2025-12-29", "2025-12-30", "2025-12-31",
			"2026-12-24", "2026-12-29", "2026-12-30", "2026-12-31",
			"2027-12-24", "2027-12-29", "2027-12-30", "2027-12-31" })
	void christmasEveAndTheDaysBetweenChristmasAndNewYearAreWorkingDaysUnlessSubstitutes(LocalDate day) {
		assertThat(calendar.isBankHoliday(day)).isFalse();
		assertThat(calendar.isWorkingDay(day)).isTrue();
	}

	@ParameterizedTest(name = "{0} is a weekend day")
	@ValueSource(strings = { "2026-03-28", "2026-03-29", "2026-12-26", "2026-12-27", "2028-01-01", "2028-01-02" })
	void weekendsAreNotWorkingDays(LocalDate weekend) {
		assertThat(calendar.isWorkingDay(weekend)).isFalse();
	}

	@ParameterizedTest(name = "{0} is a working day")
	@ValueSource(strings = { "2026-03-27", "2026-03-30", "2026-04-02", "2026-04-07", "2026-08-28" })
	void ordinaryWeekdaysAreWorkingDays(LocalDate weekday) {
		assertThat(calendar.isWorkingDay(weekday)).isTrue();
	}

	@Test
	void bankHolidaysCannotBeChangedByCallers() {
		assertThatThrownBy(() -> calendar.bankHolidays(2026).add(LocalDate.of(2026, 6, 1)))
				.isInstanceOf(UnsupportedOperationException.class);
	}

	@ParameterizedTest(name = "{0} + {1} working days = {2}")
	@CsvSource({
			// day 0 is the event's own day, so 0 working days is that day, even a Saturday
			"2026-03-28, 0, 2026-03-28",
			"2026-03-30, 0, 2026-03-30",
			// from a Saturday the first working day is Monday
			"2026-03-28, 1, 2026-03-30",
			"2026-03-29, 1, 2026-03-30",
			"2026-03-28, 4, 2026-04-02",
			// Good Friday 3 Apr and Easter Monday 6 Apr 2026 are skipped
			"2026-04-02, 1, 2026-04-07",
			// Christmas Day Fri 25 and the Boxing Day substitute Mon 28 Dec 2026 are skipped
			"2026-12-24, 1, 2026-12-29",
			"2026-12-24, 4, 2027-01-04",
			// Christmas Eve is a working day
			"2026-12-23, 1, 2026-12-24",
			// Sat 1 Jan 2028 is substituted by Mon 3 Jan
			"2027-12-31, 1, 2028-01-04",
			"2026-01-30, 1, 2026-02-02" })
	void addWorkingDaysCountsFromDayZeroTheDayOfTheEvent(LocalDate day0, int n, LocalDate expected) {
		assertThat(calendar.addWorkingDays(day0, n)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} - {1} working days = {2}")
	@CsvSource({
			"2026-12-29, 0, 2026-12-29",
			"2026-12-29, 1, 2026-12-24",
			"2026-03-30, 1, 2026-03-27",
			// Easter Monday 29 Mar and Good Friday 26 Mar 2027 are skipped
			"2027-03-30, 1, 2027-03-25",
			"2028-01-04, 1, 2027-12-31",
			// from a Sunday the first working day back is Friday
			"2026-03-29, 1, 2026-03-27" })
	void subtractWorkingDaysCountsBackToTheNthWorkingDayBefore(LocalDate from, int n, LocalDate expected) {
		assertThat(calendar.subtractWorkingDays(from, n)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "working days after {0} up to {1} = {2}")
	@CsvSource({
			"2026-12-24, 2026-12-24, 0",
			"2026-12-24, 2026-12-29, 1",
			"2026-12-29, 2026-12-24, -1",
			// Friday to Monday is one working day late
			"2026-03-27, 2026-03-30, 1",
			// a weekend adds none
			"2026-03-28, 2026-03-29, 0",
			"2026-04-02, 2026-04-27, 15",
			"2026-04-27, 2026-04-02, -15",
			"2027-12-23, 2028-02-29, 45",
			"2026-12-31, 2027-01-04, 1" })
	void workingDaysBetweenCountsTheWorkingDaysAfterFromUpToAndIncludingTo(LocalDate from, LocalDate to,
			int expected) {
		assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(expected);
	}

}
