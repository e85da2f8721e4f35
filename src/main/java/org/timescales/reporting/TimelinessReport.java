package org.timescales.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The timeliness report for a period (London dates, both inclusive) and a set of teams: each measure's
 * numerator, denominator and percentage, and, when one measure was asked for ({@code measure}), its rows.
 */
public record TimelinessReport(String viewer, Instant generatedAt, LocalDate from, LocalDate to, List<String> teams,
		List<Figure> measures, String measure, List<Row> rows) {

	/**
	 * One measure: {@code percentage} is to one decimal place ("85.0%"), null when nothing was counted;
	 * {@code months}: the same count for each calendar month (London) of the period, which add up to it.
	 */
	public record Figure(String id, String label, List<String> rules, long numerator, long denominator,
			String percentage, List<Month> months) {

		static Figure of(TimelinessMeasure m, List<Month> months) {
			long numerator = months.stream().mapToLong(Month::numerator).sum();
			long denominator = months.stream().mapToLong(Month::denominator).sum();
			return new Figure(m.id(), m.label(), m.rules(), numerator, denominator, percentage(numerator, denominator),
					months);
		}

		static String percentage(long numerator, long denominator) {
			if (denominator == 0) {
				return null;
			}
			return BigDecimal.valueOf(numerator * 100L)
				.divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP)
				.toPlainString() + "%";
		}

	}

	/**
	 * A calendar month of a measure ({@code month} as 2031-04, {@code label} "Apr 2031"): what was counted
	 * in it. {@code percentage} null and {@code value} null when nothing was: "no cases", not 0%;
	 * {@code value} is the percentage as a number (0–100), for the chart.
	 */
	public record Month(YearMonth month, String label, long numerator, long denominator, String percentage,
			Double value) {

		private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

		static Month of(YearMonth month, long numerator, long denominator) {
			return new Month(month, LABEL.format(month), numerator, denominator, Figure.percentage(numerator, denominator),
					denominator == 0 ? null : numerator * 100.0 / denominator);
		}

		/** "50.0% (1 of 2)" or "no cases". */
		public String text() {
			return percentage == null ? "no cases" : percentage + " (" + numerator + " of " + denominator + ")";
		}

		/** The chart's bar (fragments/bar-chart): 100 at 100%, none for a month with no cases. */
		public Double height() {
			return value;
		}

		/** The chart's text over the bar. */
		public String shown() {
			return percentage == null ? "no cases" : percentage;
		}

		/** The chart's description of the bar. */
		public String described() {
			return text();
		}

	}

	/**
	 * A row of a measure: for a clock measure the clock, its due date, the London date it stopped and
	 * whether it was met in time ({@code onTime}); for a plan measure the plan's first core group clock,
	 * the plan's start and end and, for repeat plans, when the case's previous plan ended.
	 * {@code inNumerator}: the row counts towards the numerator.
	 */
	public record Row(String caseRef, long clockId, String ruleId, String team, LocalDate startedOn, LocalDate dueDate,
			LocalDate stoppedOn, Boolean onTime, LocalDate previousPlanEndedOn, boolean inNumerator) {
	}

}
