package org.timescales.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.timescales.calendar.London;
import org.timescales.clock.ClockReports;
import org.timescales.clock.ClockReports.Plan;
import org.timescales.clock.ClockReports.RuleCount;
import org.timescales.clock.ClockReports.StoppedClock;
import org.timescales.reporting.TimelinessReport.Figure;
import org.timescales.reporting.TimelinessReport.Month;
import org.timescales.reporting.TimelinessReport.Row;

/**
 * Builds the timeliness report from the clock ledger. A clock is on time when the ledger recorded it
 * {@code MET} (stopped before the end of its due date). Health assessments count for children looked
 * after 12 months or more on the due date: the looked-after start is the start of the first
 * {@code cla-review} clock of the same looked-after process (it starts at {@code becameLookedAfterDate}).
 * A repeat plan is a plan started in the period whose case had another plan end within the 2 years
 * before it started; a long plan one ended in the period that lasted 2 years or more (London dates).
 * Pre-proceedings ({@code pre-proceedings} clocks) and care proceedings ({@code care-proceedings}) are on
 * time when stopped on or before their due date before any extension (the ledger's original due date):
 * "within 16 weeks", "within 26 weeks"; their rows show that date as the due date.
 */
@Service
public class Timeliness {

	private static final List<String> SIMPLE_RULES = List.of("assessment", "cp-visit", "icpc", "rcpc", "cla-review");

	/** Longer periods are not broken down by month (a month's boundary is a bound parameter of the count). */
	static final int MAX_MONTHS = 120;

	private final ClockReports reports;

	private final Clock clock;

	Timeliness(ClockReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	public TimelinessReport report(String viewer, LocalDate from, LocalDate to, List<String> teams,
			TimelinessMeasure drillDown) {
		Instant start = London.toInstant(from);
		Instant end = London.endOfDay(to);

		// a longer period is counted as one bucket, and shown without a chart
		boolean monthly = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) < MAX_MONTHS;
		List<YearMonth> months = monthly ? months(from, to) : List.of(YearMonth.from(from));
		List<RuleCount> counts = reports.counts(start, end, SIMPLE_RULES, teams, monthStarts(months));
		List<Row> health = health(start, end, teams);
		List<Row> repeat = repeatPlans(start, end, teams);
		List<Row> longPlans = longPlans(start, end, teams);
		List<Row> preProceedings = beforeAnyExtension(start, end, TimelinessMeasure.PRE_PROCEEDINGS, teams);
		List<Row> careProceedings = beforeAnyExtension(start, end, TimelinessMeasure.CARE_PROCEEDINGS, teams);

		Map<TimelinessMeasure, Figure> figures = new EnumMap<>(TimelinessMeasure.class);
		for (TimelinessMeasure m : TimelinessMeasure.values()) {
			switch (m) {
				case HEALTH -> figures.put(m, Figure.of(m, byMonth(months, health, Row::stoppedOn)));
				case REPEAT_PLAN -> figures.put(m, Figure.of(m, byMonth(months, repeat, Row::startedOn)));
				case LONG_PLAN -> figures.put(m, Figure.of(m, byMonth(months, longPlans, Row::stoppedOn)));
				case PRE_PROCEEDINGS -> figures.put(m, Figure.of(m, byMonth(months, preProceedings, Row::stoppedOn)));
				case CARE_PROCEEDINGS -> figures.put(m, Figure.of(m, byMonth(months, careProceedings, Row::stoppedOn)));
				default -> figures.put(m, Figure.of(m, byMonth(months, counts, m.rules().get(0))));
			}
		}

		if (!monthly) {
			figures.replaceAll((m, f) -> new Figure(f.id(), f.label(), f.rules(), f.numerator(), f.denominator(),
					f.percentage(), List.of()));
		}

		List<Row> rows = null;
		if (drillDown != null) {
			rows = switch (drillDown) {
				case HEALTH -> health;
				case REPEAT_PLAN -> repeat;
				case LONG_PLAN -> longPlans;
				case PRE_PROCEEDINGS -> preProceedings;
				case CARE_PROCEEDINGS -> careProceedings;
				default -> reports.stopped(start, end, drillDown.rules(), teams).stream().map(Timeliness::row).toList();
			};
		}
		return new TimelinessReport(viewer, clock.instant(), from, to, teams, List.copyOf(figures.values()),
				drillDown == null ? null : drillDown.id(), rows);
	}

	/** The calendar months the period touches, first to last. */
	static List<YearMonth> months(LocalDate from, LocalDate to) {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

	/** The London midnights that begin the second and later months: the buckets of {@link ClockReports#counts}. */
	static List<Instant> monthStarts(List<YearMonth> months) {
		return months.stream().skip(1).map(m -> London.toInstant(m.atDay(1))).toList();
	}

	/**
	 * The rows counted in each month, by the London date {@code when} puts them in (its stop, or a plan's
	 * start); with one month, all of them (a period too long to chart is one bucket).
	 */
	static List<Month> byMonth(List<YearMonth> months, List<Row> rows, Function<Row, LocalDate> when) {
		Map<YearMonth, long[]> counted = new HashMap<>();
		for (Row r : rows) {
			YearMonth month = months.size() == 1 ? months.get(0) : YearMonth.from(when.apply(r));
			long[] c = counted.computeIfAbsent(month, k -> new long[2]);
			c[0] += r.inNumerator() ? 1 : 0;
			c[1]++;
		}
		return months.stream().map(m -> {
			long[] c = counted.getOrDefault(m, new long[2]);
			return Month.of(m, c[0], c[1]);
		}).toList();
	}

	/** A rule's months from the ledger's counts, month {@code i} being {@code months.get(i)}. */
	static List<Month> byMonth(List<YearMonth> months, List<RuleCount> counts, String rule) {
		long[][] counted = new long[months.size()][2];
		for (RuleCount c : counts) {
			if (c.ruleId().equals(rule)) {
				counted[c.month()][0] += c.numerator();
				counted[c.month()][1] += c.denominator();
			}
		}
		List<Month> result = new ArrayList<>();
		for (int i = 0; i < months.size(); i++) {
			result.add(Month.of(months.get(i), counted[i][0], counted[i][1]));
		}
		return result;
	}

	private static Row row(StoppedClock c) {
		boolean onTime = "MET".equals(c.outcome());
		return new Row(c.caseRef(), c.id(), c.ruleId(), c.team(), London.dateOf(c.startedAt()), c.dueDate(),
				London.dateOf(c.stoppedAt()), onTime, null, onTime);
	}

	private List<Row> health(Instant start, Instant end, List<String> teams) {
		return reports.stopped(start, end, TimelinessMeasure.HEALTH.rules(), teams)
			.stream()
			.filter(c -> c.lookedAfterFrom() != null
					&& !London.dateOf(c.lookedAfterFrom()).plusMonths(12).isAfter(c.dueDate()))
			.map(Timeliness::row)
			.toList();
	}

	/** The measure's clocks stopped in the period, each in time only by its deadline before any extension. */
	private List<Row> beforeAnyExtension(Instant start, Instant end, TimelinessMeasure m, List<String> teams) {
		return reports.stopped(start, end, m.rules(), teams).stream().map(c -> {
			LocalDate stoppedOn = London.dateOf(c.stoppedAt());
			boolean onTime = c.originalDueDate() == null ? "MET".equals(c.outcome())
					: !stoppedOn.isAfter(c.originalDueDate());
			LocalDate due = c.originalDueDate() == null ? c.dueDate() : c.originalDueDate();
			return new Row(c.caseRef(), c.id(), c.ruleId(), c.team(), London.dateOf(c.startedAt()), due, stoppedOn,
					onTime, null, onTime);
		}).toList();
	}

	private List<Row> repeatPlans(Instant start, Instant end, List<String> teams) {
		List<Plan> started = reports.plansStarted(start, end, teams);
		if (started.isEmpty()) {
			return List.of();
		}
		Map<String, List<Plan>> byCase = reports.plansOf(started.stream().map(Plan::caseRef).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.groupingBy(Plan::caseRef));
		List<Row> rows = new ArrayList<>();
		for (Plan plan : started) {
			LocalDate startedOn = London.dateOf(plan.startedAt());
			LocalDate previousEnd = byCase.getOrDefault(plan.caseRef(), List.of())
				.stream()
				.filter(p -> !p.processInstanceId().equals(plan.processInstanceId()) && p.endedAt() != null)
				.map(p -> London.dateOf(p.endedAt()))
				.filter(ended -> !ended.isAfter(startedOn) && !ended.isBefore(startedOn.minusYears(2)))
				.max(Comparator.naturalOrder())
				.orElse(null);
			rows.add(new Row(plan.caseRef(), plan.clockId(), "core-group", plan.team(), startedOn, null, null, null,
					previousEnd, previousEnd != null));
		}
		return rows;
	}

	private List<Row> longPlans(Instant start, Instant end, List<String> teams) {
		return reports.plansEnded(start, end, teams).stream().map(p -> {
			LocalDate startedOn = London.dateOf(p.startedAt());
			LocalDate endedOn = London.dateOf(p.endedAt());
			return new Row(p.caseRef(), p.clockId(), "core-group", p.team(), startedOn, null, endedOn, null, null,
					!endedOn.isBefore(startedOn.plusYears(2)));
		}).toList();
	}

}
