package org.timescales.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deadlines against the worked examples in /work/shared/deadline-examples.csv and cases
 * worked out by hand from the England &amp; Wales calendar. Expected instants are written
 * with the offset London had on that day, so a wrong summer/winter offset shows.
 */
class DeadlinesTest {

	private final WorkingCalendar calendar = new WorkingCalendar();

	private final Deadlines deadlines = new Deadlines(calendar);

	private static Instant at(String offsetDateTime) {
		return OffsetDateTime.parse(offsetDateTime).toInstant();
	}

	private Deadline due(String event, String interval) {
		return deadlines.due(London.parseEventTime(event), Interval.parse(interval));
	}

	// --- the shared worked examples -------------------------------------------------------

	@ParameterizedTest(name = "{0} + {1} -> {2}")
	@CsvFileSource(resources = "/calendar/deadline-examples.csv", numLinesToSkip = 1)
	void workedExamplesFromTheTimescalesReference(String event, String rule, String expected) {
		Interval interval = Interval.parse(rule);
		Deadline deadline = deadlines.due(London.parseEventTime(event), interval);
		if (interval.unit() == IntervalUnit.HOURS) {
			assertThat(deadline.dueAt()).isEqualTo(at(expected));
		}
		else {
			LocalDate expectedDate = LocalDate.parse(expected);
			assertThat(deadline.dueDate()).isEqualTo(expectedDate);
			assertThat(deadline.dueAt()).isEqualTo(London.endOfDay(expectedDate));
		}
	}

	// --- "beginning with the day" ----------------------------------------------------------

	@Test
	void twentySixWeeksBeginningWithTheDayOfIssueEndTheDayBeforeTheSameWeekdayTwentySixWeeksOn() {
		// Children Act 1989 s.32(1)(a)(ii): issued Tuesday 22 December 2026, the 26 weeks' first day is that
		// Tuesday and their last Monday 21 June 2027 (182 days in all), whatever bank holidays fall between
		Deadline deadline = deadlines.dueBeginningWith(London.parseEventTime("2026-12-22"), Interval.parse("26 weeks"));
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2027, 6, 21));
		assertThat(deadline.dueAt()).isEqualTo(at("2027-06-22T00:00:00+01:00"));
		assertThat(due("2026-12-22", "26 weeks").dueDate()).as("within 26 weeks of: a day later")
			.isEqualTo(LocalDate.of(2027, 6, 22));
		// one day beginning with the day is that day
		assertThat(deadlines.dueBeginningWith(London.parseEventTime("2026-12-22T15:00:00"), Interval.parse("1 day"))
			.dueDate()).isEqualTo(LocalDate.of(2026, 12, 22));
	}

	@Test
	void aPeriodBeginningWithTheDayIsCountedInDaysOrWeeksOnly() {
		assertThatThrownBy(() -> deadlines.dueBeginningWith(London.parseEventTime("2026-12-22"),
				Interval.parse("10 working days"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> deadlines.dueBeginningWith(London.parseEventTime("2026-12-22"),
				Interval.parse("3 months"))).isInstanceOf(IllegalArgumentException.class);
	}

	// --- day 0 and the end of the day -----------------------------------------------------

	@Test
	void theDayOfTheEventIsDayZeroSoOneWorkingDayIsTheNextWorkingDay() {
		Deadline deadline = due("2026-07-01T23:30:00", "1 working day");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 7, 2));
		assertThat(deadline.dueAt()).isEqualTo(at("2026-07-03T00:00:00+01:00"));
	}

	@Test
	void dayZeroIsTheLondonDateOfTheEventNotTheUtcDate() {
		// 23:30Z on 1 July is 00:30 on 2 July in London, so day 0 is Thursday 2 July
		Deadline deadline = due("2026-07-01T23:30:00Z", "1 working day");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 7, 3));
	}

	@Test
	void zeroWorkingDaysIsDueAtTheEndOfTheEventDayEvenOnASaturday() {
		Deadline deadline = due("2026-03-28T10:00:00", "0 working days");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 3, 28));
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-29T00:00:00+00:00"));
	}

	@Test
	void aSaturdayEventIsDueOneWorkingDayLaterOnMonday() {
		assertThat(due("2026-03-28T10:00:00", "1 working day").dueDate()).isEqualTo(LocalDate.of(2026, 3, 30));
	}

	@ParameterizedTest(name = "end of {0} is {1}")
	@CsvSource({
			"2026-01-15, 2026-01-16T00:00:00+00:00",
			"2026-07-01, 2026-07-02T00:00:00+01:00",
			// 29 Mar 2026 is only 23 hours long; its end is midnight British Summer Time
			"2026-03-29, 2026-03-30T00:00:00+01:00",
			"2026-03-28, 2026-03-29T00:00:00+00:00",
			// 25 Oct 2026 is 25 hours long; its end is midnight GMT
			"2026-10-25, 2026-10-26T00:00:00+00:00",
			"2026-10-24, 2026-10-25T00:00:00+01:00" })
	void endOfDayIsLondonMidnightAtTheEndOfTheDate(LocalDate day, String expected) {
		assertThat(London.endOfDay(day)).isEqualTo(at(expected));
	}

	// --- Christmas and Easter -------------------------------------------------------------

	@Test
	void oneWorkingDayFromChristmasEve2026SkipsChristmasAndTheBoxingDaySubstitute() {
		// Fri 25 Dec holiday, Sat 26/Sun 27 weekend, Mon 28 Dec Boxing Day substitute
		Deadline deadline = due("2026-12-24T10:00:00", "1 working day");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 12, 29));
		assertThat(deadline.dueAt()).isEqualTo(at("2026-12-30T00:00:00+00:00"));
	}

	@Test
	void threeWorkingDaysFrom23December2026EndOn30December() {
		// 24 Dec (1), 29 Dec (2), 30 Dec (3)
		assertThat(due("2026-12-23T09:00:00", "3 working days").dueDate()).isEqualTo(LocalDate.of(2026, 12, 30));
	}

	@Test
	void oneWorkingDayFromMaundyThursday2027SkipsGoodFridayTheWeekendAndEasterMonday() {
		assertThat(due("2027-03-25T12:00:00", "1 working day").dueDate()).isEqualTo(LocalDate.of(2027, 3, 30));
	}

	@Test
	void fiveWorkingDaysAcrossEaster2027() {
		// 25 Mar (1), [26 Good Friday, 27-28 weekend, 29 Easter Monday], 30 (2), 31 (3), 1 Apr (4), 2 Apr (5)
		Deadline deadline = due("2027-03-24T10:00:00", "5 working days");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2027, 4, 2));
		assertThat(deadline.dueAt()).isEqualTo(at("2027-04-03T00:00:00+01:00"));
	}

	// --- clock changes --------------------------------------------------------------------

	@Test
	void workingDayDeadlineBeforeTheSpringClockChangeEndsAtMidnightGmt() {
		Deadline deadline = due("2026-03-26T10:00:00", "1 working day");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 3, 27));
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-28T00:00:00+00:00"));
	}

	@Test
	void workingDayDeadlineAcrossTheSpringClockChangeEndsAtMidnightBritishSummerTime() {
		Deadline deadline = due("2026-03-27T10:00:00", "1 working day");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 3, 30));
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-31T00:00:00+01:00"));
		assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-03-30T23:00:00Z"));
	}

	@Test
	void workingDayDeadlineBeforeTheAutumnClockChangeEndsAtMidnightBritishSummerTime() {
		Deadline deadline = due("2026-10-22T10:00:00", "1 working day");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 10, 23));
		assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-10-23T23:00:00Z"));
	}

	@Test
	void workingDayDeadlineAcrossTheAutumnClockChangeEndsAtMidnightGmt() {
		Deadline deadline = due("2026-10-23T10:00:00", "1 working day");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 10, 26));
		assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-10-27T00:00:00Z"));
	}

	@Test
	void oneCalendarDayOverTheSpringClockChangeEndsAtTheEndOfTheShortDay() {
		Deadline deadline = due("2026-03-28T10:00:00", "1 day");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 3, 29));
		assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
	}

	@Test
	void twentyFourHoursOverTheSpringClockChangeIsTwentyFourElapsedHours() {
		Instant event = London.parseEventTime("2026-03-28T14:00:00");
		Deadline deadline = deadlines.due(event, Interval.parse("24 hours"));
		assertThat(Duration.between(event, deadline.dueAt())).isEqualTo(Duration.ofHours(24));
		// 14:00 GMT + 24 h = 15:00 BST on the wall clock
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-29T15:00:00+01:00"));
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 3, 29));
	}

	@Test
	void twentyFourHoursOverTheAutumnClockChangeIsTwentyFourElapsedHours() {
		Instant event = London.parseEventTime("2026-10-24T14:00:00");
		Deadline deadline = deadlines.due(event, Interval.parse("24 hours"));
		assertThat(Duration.between(event, deadline.dueAt())).isEqualTo(Duration.ofHours(24));
		// 14:00 BST + 24 h = 13:00 GMT on the wall clock
		assertThat(deadline.dueAt()).isEqualTo(at("2026-10-25T13:00:00+00:00"));
	}

	@Test
	void twentyFourHoursFromJustAfterMidnightOnTheLongAutumnDayIsStillThatDay() {
		// 00:30 BST on 25 Oct 2026 (a 25-hour day) + 24 h = 23:30 GMT the same date
		Deadline deadline = due("2026-10-25T00:30:00+01:00", "24 hours");
		assertThat(deadline.dueAt()).isEqualTo(at("2026-10-25T23:30:00+00:00"));
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 10, 25));
	}

	@Test
	void hourRulesRunThroughWeekendsAndBankHolidays() {
		// 72 hours from Thu 24 Dec 2026 16:00 runs through Christmas and the weekend
		Deadline deadline = due("2026-12-24T16:00:00", "72 hours");
		assertThat(deadline.dueAt()).isEqualTo(at("2026-12-27T16:00:00+00:00"));
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 12, 27));
	}

	// --- months and weeks -----------------------------------------------------------------

	@Test
	void oneMonthFrom31JanuaryIsTheLastDayOfFebruary() {
		Deadline deadline = due("2026-01-31T10:00:00", "1 month");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-01T00:00:00+00:00"));
		assertThat(due("2028-01-31", "1 month").dueDate()).isEqualTo(LocalDate.of(2028, 2, 29));
	}

	@Test
	void monthRulesIgnoreWeekendsAndHolidays() {
		// 3 months from 28 Sep 2026 is Mon 28 Dec 2026, the Boxing Day substitute: still the date
		assertThat(due("2026-09-28", "3 months").dueDate()).isEqualTo(LocalDate.of(2026, 12, 28));
	}

	@Test
	void oneWeekIsSevenCalendarDays() {
		assertThat(due("2026-12-21T09:00:00", "1 week").dueDate()).isEqualTo(LocalDate.of(2026, 12, 28));
		assertThat(due("2026-12-21T09:00:00", "6 weeks").dueDate()).isEqualTo(LocalDate.of(2027, 2, 1));
	}

	// --- reminders and second-tier escalations --------------------------------------------

	@Test
	void assessmentOf45WorkingDaysFrom23November2026WithReminderAndSecondTier() {
		// 24-27 Nov (4), 30 Nov-4 Dec (9), 7-11 (14), 14-18 (19), 21-24 (23),
		// [25, 28 Dec holidays], 29-31 (26), [1 Jan], 4-8 Jan (31), 11-15 (36), 18-22 (41),
		// 25, 26, 27, 28 Jan (45)
		Deadline deadline = due("2026-11-23T10:00:00", "45 working days");
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2027, 1, 28));
		assertThat(deadline.dueAt()).isEqualTo(at("2027-01-29T00:00:00+00:00"));

		// reminder 2 working days before: Wed 27 (1), Tue 26 Jan (2), at the end of that day
		assertThat(deadlines.before(deadline, Interval.parse("2 working days")))
				.isEqualTo(at("2027-01-27T00:00:00+00:00"));
		// second tier 5 working days after: Fri 29 Jan (1), Mon 1 (2), 2 (3), 3 (4), Thu 4 Feb (5)
		assertThat(deadlines.after(deadline, Interval.parse("5 working days")))
				.isEqualTo(at("2027-02-05T00:00:00+00:00"));
	}

	@Test
	void workingDayReminderAndEscalationSkipChristmas2026() {
		Deadline deadline = new Deadline(LocalDate.of(2026, 12, 29), at("2026-12-30T00:00:00+00:00"));
		// one working day before Tue 29 Dec is Thu 24 Dec
		assertThat(deadlines.before(deadline, Interval.parse("1 working day")))
				.isEqualTo(at("2026-12-25T00:00:00+00:00"));
		Deadline christmasEve = new Deadline(LocalDate.of(2026, 12, 24), at("2026-12-25T00:00:00+00:00"));
		assertThat(deadlines.after(christmasEve, Interval.parse("1 working day")))
				.isEqualTo(at("2026-12-30T00:00:00+00:00"));
	}

	@Test
	void hourReminderAndEscalationAreExactHoursAroundTheDueTime() {
		Deadline deadline = due("2026-03-28T14:00:00", "24 hours");
		// due 14:00Z on 29 Mar 2026
		assertThat(deadlines.before(deadline, Interval.parse("2 hours"))).isEqualTo(at("2026-03-29T12:00:00Z"));
		assertThat(deadlines.after(deadline, Interval.parse("48 hours"))).isEqualTo(at("2026-03-31T14:00:00Z"));
	}

	@Test
	void hourReminderBeforeAWorkingDayDeadlineCountsBackFromMidnight() {
		// due end of Mon 30 Mar 2026 = 23:00Z; 3 hours before = 20:00Z (21:00 BST)
		Deadline deadline = due("2026-03-27T10:00:00", "1 working day");
		assertThat(deadlines.before(deadline, Interval.parse("3 hours"))).isEqualTo(at("2026-03-30T21:00:00+01:00"));
	}

	@Test
	void calendarReminderAndEscalationAreAtTheEndOfTheShiftedDate() {
		Deadline endOfMarch = new Deadline(LocalDate.of(2026, 3, 31), at("2026-04-01T00:00:00+01:00"));
		// 31 Mar - 1 month = 28 Feb
		assertThat(deadlines.before(endOfMarch, Interval.parse("1 month"))).isEqualTo(at("2026-03-01T00:00:00+00:00"));
		assertThat(deadlines.before(endOfMarch, Interval.parse("1 week"))).isEqualTo(at("2026-03-25T00:00:00+00:00"));
		Deadline saturday = new Deadline(LocalDate.of(2026, 3, 28), at("2026-03-29T00:00:00+00:00"));
		// 28 Mar + 2 days = Mon 30 Mar, which ends at midnight BST
		assertThat(deadlines.after(saturday, Interval.parse("2 days"))).isEqualTo(at("2026-03-31T00:00:00+01:00"));
		assertThat(deadlines.after(saturday, Interval.parse("1 month"))).isEqualTo(at("2026-04-29T00:00:00+01:00"));
	}

	// --- BPMN helpers ---------------------------------------------------------------------

	@Test
	void bpmnHelpersReturnTheDueTimeAsADate() {
		assertThat(deadlines.workingDaysAfter("2026-12-24T10:00:00", 1))
				.isEqualTo(Date.from(at("2026-12-30T00:00:00+00:00")));
		assertThat(deadlines.workingDaysAfter(Date.from(at("2026-07-01T00:30:00+01:00")), 45))
				.isEqualTo(Date.from(at("2026-09-04T00:00:00+01:00")));
		assertThat(deadlines.hoursAfter(Date.from(at("2026-10-24T14:00:00+01:00")), 24))
				.isEqualTo(Date.from(at("2026-10-25T13:00:00+00:00")));
		assertThat(deadlines.monthsAfter(LocalDate.of(2026, 1, 31), 1))
				.isEqualTo(Date.from(at("2026-03-01T00:00:00+00:00")));
	}

	@Test
	void bpmnHelpersRejectAMissingEvent() {
		assertThatThrownBy(() -> deadlines.workingDaysAfter(null, 1)).isInstanceOf(IllegalArgumentException.class);
	}

	// --- Interval -------------------------------------------------------------------------

	@ParameterizedTest(name = "''{0}'' = {1} {2}, written ''{3}''")
	@CsvSource({
			"45 working days, 45, WORKING_DAYS, 45 working days",
			"1 working day,    1, WORKING_DAYS, 1 working day",
			"8 hours,          8, HOURS,        8 hours",
			"24 hours,        24, HOURS,        24 hours",
			"1 hour,           1, HOURS,        1 hour",
			"3 months,         3, MONTHS,       3 months",
			"1 month,          1, MONTHS,       1 month",
			"1 week,           1, WEEKS,        1 week",
			"6 weeks,          6, WEEKS,        6 weeks",
			"7 days,           7, DAYS,         7 days",
			"0 working days,   0, WORKING_DAYS, 0 working days",
			"2 working-days,   2, WORKING_DAYS, 2 working days",
			"2 Working_Days,   2, WORKING_DAYS, 2 working days",
			"1 WORKING_DAYS,   1, WORKING_DAYS, 1 working day",
			"'  10   working   days ', 10, WORKING_DAYS, 10 working days" })
	void intervalsParseAndPrintInTheHumanForm(String text, int amount, IntervalUnit unit, String printed) {
		Interval interval = Interval.parse(text);
		assertThat(interval).isEqualTo(new Interval(amount, unit));
		assertThat(interval.toString()).isEqualTo(printed);
		assertThat(Interval.parse(interval.toString())).isEqualTo(interval);
	}

	@ParameterizedTest(name = "''{0}'' is rejected")
	@NullAndEmptySource
	@ValueSource(strings = { "abc", "-1 days", "5 fortnights", "days", "3", "1.5 days", "working days 3",
			"99999999999 days" })
	void garbageIntervalsAreRejected(String text) {
		assertThatThrownBy(() -> Interval.parse(text)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void negativeIntervalsCannotBeConstructed() {
		assertThatThrownBy(() -> new Interval(-1, IntervalUnit.DAYS)).isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest(name = "''{0}'' is {1}")
	@CsvSource({
			"working-days, WORKING_DAYS", "working days, WORKING_DAYS", "working_days, WORKING_DAYS",
			"WORKING_DAYS, WORKING_DAYS", "working day, WORKING_DAYS", "Working Day, WORKING_DAYS",
			"day, DAYS", "DAYS, DAYS", "week, WEEKS", "weeks, WEEKS", "month, MONTHS", "Months, MONTHS",
			"hour, HOURS", "hours, HOURS" })
	void intervalUnitsAreReadLeniently(String text, IntervalUnit expected) {
		assertThat(IntervalUnit.parse(text)).isEqualTo(expected);
	}

	@Test
	void theConfigurationConverterReadsTheHumanForm() {
		assertThat(new IntervalConverter().convert("2 working days"))
				.isEqualTo(new Interval(2, IntervalUnit.WORKING_DAYS));
	}

	// --- London ---------------------------------------------------------------------------

	@ParameterizedTest(name = "''{0}'' is {1}")
	@CsvSource({
			"2026-07-01T00:30:00+01:00, 2026-06-30T23:30:00Z",
			"2026-07-01T00:30:00Z,      2026-07-01T00:30:00Z",
			"2026-07-01T00:30:00,       2026-06-30T23:30:00Z",
			"2026-01-31T10:00:00,       2026-01-31T10:00:00Z",
			"2026-01-31T10:00,          2026-01-31T10:00:00Z",
			"2026-01-31,                2026-01-31T00:00:00Z",
			"2026-07-01,                2026-06-30T23:00:00Z",
			"2026-07-01T09:00:00+01:00[Europe/London], 2026-07-01T08:00:00Z" })
	void eventTimesAreReadWithTheirOffsetOrElseAsLondonTime(String text, Instant expected) {
		assertThat(London.parseEventTime(text)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "''{0}'' is rejected")
	@NullAndEmptySource
	@ValueSource(strings = { "31/01/2026", "tomorrow", "2026-02-30", "2026-07-01 09:00" })
	void unreadableEventTimesAreRejectedWithTheText(String text) {
		assertThatThrownBy(() -> London.parseEventTime(text))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(text == null || text.isEmpty() ? "event time" : text);
	}

	@Test
	void anyDateLikeValueConvertsToAnInstant() {
		Instant summerNine = Instant.parse("2026-07-01T08:00:00Z");
		assertThat(London.toInstant(null)).isNull();
		assertThat(London.toInstant(summerNine)).isEqualTo(summerNine);
		assertThat(London.toInstant(Date.from(summerNine))).isEqualTo(summerNine);
		assertThat(London.toInstant(OffsetDateTime.parse("2026-07-01T09:00:00+01:00"))).isEqualTo(summerNine);
		assertThat(London.toInstant(ZonedDateTime.parse("2026-07-01T04:00:00-04:00[America/New_York]")))
				.isEqualTo(summerNine);
		assertThat(London.toInstant(LocalDateTime.of(2026, 7, 1, 9, 0))).isEqualTo(summerNine);
		assertThat(London.toInstant(LocalDate.of(2026, 7, 1))).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
		assertThat(London.toInstant("2026-07-01T09:00:00")).isEqualTo(summerNine);
		assertThatThrownBy(() -> London.toInstant(42)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void dateOfIsTheLondonDate() {
		assertThat(London.dateOf(Instant.parse("2026-07-01T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 7, 2));
		assertThat(London.dateOf(Instant.parse("2026-01-01T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 1, 1));
	}

}
