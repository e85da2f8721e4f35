package org.timescales.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.timescales.clock.ClockReports.RuleCount;
import org.timescales.reporting.TimelinessReport.Month;
import org.timescales.reporting.TimelinessReport.Row;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's month-by-month arithmetic, without a database. */
class TimelinessMonthsTest {

	@Test
	void aPeriodTouchesEachCalendarMonthOnceAndEachMonthStartsAtLondonMidnight() {
		List<YearMonth> months = Timeliness.months(LocalDate.of(2031, 3, 15), LocalDate.of(2031, 5, 2));
		assertThat(months).containsExactly(YearMonth.of(2031, 3), YearMonth.of(2031, 4), YearMonth.of(2031, 5));
		// 1 April 2031 is in summer time: its London midnight is 23:00 UTC the day before
		assertThat(Timeliness.monthStarts(months)).containsExactly(Instant.parse("2031-03-31T23:00:00Z"),
				Instant.parse("2031-04-30T23:00:00Z"));
		assertThat(Timeliness.monthStarts(List.of(YearMonth.of(2031, 3)))).isEmpty();
	}

	@Test
	void rowsCountInTheMonthTheyStoppedAndAnEmptyMonthHasNoCasesNotZeroPercent() {
		List<YearMonth> months = Timeliness.months(LocalDate.of(2031, 3, 1), LocalDate.of(2031, 5, 31));
		List<Month> byMonth = Timeliness.byMonth(months,
				List.of(row(LocalDate.of(2031, 3, 31), true), row(LocalDate.of(2031, 3, 1), false),
						row(LocalDate.of(2031, 3, 9), true), row(LocalDate.of(2031, 5, 1), false)),
				Row::stoppedOn);

		assertThat(byMonth).extracting(Month::label).containsExactly("Mar 2031", "Apr 2031", "May 2031");
		assertThat(byMonth.get(0).percentage()).isEqualTo("66.7%");
		assertThat(byMonth.get(0).text()).isEqualTo("66.7% (2 of 3)");
		assertThat(byMonth.get(1).denominator()).isZero();
		assertThat(byMonth.get(1).percentage()).isNull();
		assertThat(byMonth.get(1).value()).isNull();
		assertThat(byMonth.get(1).text()).isEqualTo("no cases");
		assertThat(byMonth.get(2).percentage()).isEqualTo("0.0%");
		assertThat(byMonth.get(2).value()).isEqualTo(0.0);
	}

	@Test
	void theLedgersCountsGoToTheirMonthsAndAddUpToTheFigure() {
		List<YearMonth> months = Timeliness.months(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 3, 31));
		List<RuleCount> counts = List.of(new RuleCount("cp-visit", 0, 1, 2), new RuleCount("cp-visit", 2, 3, 3),
				new RuleCount("assessment", 1, 5, 5));

		List<Month> visits = Timeliness.byMonth(months, counts, "cp-visit");

		assertThat(visits).extracting(Month::text).containsExactly("50.0% (1 of 2)", "no cases", "100.0% (3 of 3)");
		TimelinessReport.Figure figure = TimelinessReport.Figure.of(TimelinessMeasure.CP_VISIT, visits);
		assertThat(figure.numerator()).isEqualTo(4);
		assertThat(figure.denominator()).isEqualTo(5);
		assertThat(figure.percentage()).isEqualTo("80.0%");
	}

	private static Row row(LocalDate stopped, boolean onTime) {
		return new Row("C-1", 1, "assessment", "south", stopped.minusDays(10), stopped, stopped, onTime, null, onTime);
	}

}
