package org.timescales.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The timeliness report for a period (London dates, both inclusive) and a set of teams: each measure's
 * numerator, denominator and percentage, and, when one measure was asked for ({@code measure}), its rows.
 */
public record TimelinessReport(String viewer, Instant generatedAt, LocalDate from, LocalDate to, List<String> teams,
		List<Figure> measures, String measure, List<Row> rows) {

	/** One measure: {@code percentage} is to one decimal place ("85.0%"), null when nothing was counted. */
	public record Figure(String id, String label, List<String> rules, long numerator, long denominator,
			String percentage) {

		static Figure of(TimelinessMeasure m, long numerator, long denominator) {
			return new Figure(m.id(), m.label(), m.rules(), numerator, denominator, percentage(numerator, denominator));
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
	 * A row of a measure: for a clock measure the clock, its due date, the London date it stopped and
	 * whether it was met in time ({@code onTime}); for a plan measure the plan's first core group clock,
	 * the plan's start and end and, for repeat plans, when the case's previous plan ended.
	 * {@code inNumerator}: the row counts towards the numerator.
	 */
	public record Row(String caseRef, long clockId, String ruleId, String team, LocalDate startedOn, LocalDate dueDate,
			LocalDate stoppedOn, Boolean onTime, LocalDate previousPlanEndedOn, boolean inNumerator) {
	}

}
