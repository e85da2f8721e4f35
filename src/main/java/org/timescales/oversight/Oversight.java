package org.timescales.oversight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;
import org.timescales.calendar.IntervalUnit;
import org.timescales.calendar.London;
import org.timescales.calendar.WorkingCalendar;
import org.timescales.clock.OpenClocks;
import org.timescales.clock.OpenClocks.OpenClock;
import org.timescales.escalation.EscalationLedger;
import org.timescales.escalation.EscalationLedger.StoppedUnreviewed;
import org.timescales.escalation.EscalationRecord;
import org.timescales.oversight.OversightReport.AwaitingReview;
import org.timescales.oversight.OversightReport.Breach;
import org.timescales.oversight.OversightReport.DueSoon;
import org.timescales.oversight.OversightReport.Escalation;
import org.timescales.oversight.OversightReport.TeamOversight;
import org.timescales.oversight.OversightReport.WeekOfBreaches;
import org.timescales.oversight.OversightReport.WorkerSummary;
import org.timescales.rules.Rule;
import org.timescales.rules.Rules;
import org.timescales.casefile.Holdings;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.timescales.oversight.OversightReport.UNALLOCATED;

/**
 * Builds the oversight report for a set of teams at the engine clock's "now": lateness in working
 * days (from the due date to today, London) and in hours for hour rules, the escalation state of
 * each breach, the reviews still awaited on breaches whose work has since been done, who holds each piece of
 * work (the worker the case is allocated to) and the children nobody holds.
 */
@Service
public class Oversight {

	/** "Due soon": due within this many working days of today. */
	public static final int DUE_SOON_WORKING_DAYS = 5;

	/** How many weeks, this one included, the breaches page charts. */
	static final int WEEKS_CHARTED = 12;

	private final OpenClocks openClocks;

	private final EscalationLedger escalations;

	private final OversightScope scope;

	private final WorkingCalendar calendar;

	private final Rules rules;

	private final Holdings holdings;

	private final Caseloads caseloads;

	private final Clock clock;

	Oversight(OpenClocks openClocks, EscalationLedger escalations, OversightScope scope, WorkingCalendar calendar,
			Rules rules, Holdings holdings, Caseloads caseloads, Clock clock) {
		this.openClocks = openClocks;
		this.escalations = escalations;
		this.scope = scope;
		this.calendar = calendar;
		this.rules = rules;
		this.holdings = holdings;
		this.caseloads = caseloads;
		this.clock = clock;
	}

	public OversightReport report(Viewer viewer, List<String> teams) {
		Instant now = clock.instant();
		LocalDate today = London.dateOf(now);
		LocalDate until = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);

		List<OpenClock> breached = openClocks.breaches(teams, now);
		List<OpenClock> dueSoon = openClocks.dueBy(teams, now, until);
		List<StoppedUnreviewed> unreviewed = escalations.awaitingReview(teams);
		Map<Long, List<EscalationRecord>> raised = escalations.byClock(breached.stream().map(OpenClock::id).toList());
		List<OpenClock> all = new ArrayList<>(breached);
		all.addAll(dueSoon);
		Map<String, String> workers = workersOf(all);
		LocalDate firstMonday = today.with(java.time.DayOfWeek.MONDAY).minusWeeks(WEEKS_CHARTED - 1L);
		List<OpenClocks.Overdue> overdue = openClocks.overdueSince(teams, London.endOfDay(firstMonday.minusDays(1)),
				now);

		List<TeamOversight> teamReports = new ArrayList<>();
		for (String team : teams) {
			List<Breach> teamBreaches = breached.stream()
				.filter(c -> team.equals(c.team()))
				.map(c -> breach(c, now, today, workers, raised.getOrDefault(c.id(), List.of())))
				// worst first: most working days late, then the earliest deadline (an hour rule late today)
				.sorted(Comparator.comparingInt(Breach::workingDaysLate)
					.reversed()
					.thenComparing(Breach::dueAt)
					.thenComparing(Breach::caseRef))
				.toList();
			List<AwaitingReview> teamAwaitingReview = unreviewed.stream()
				.filter(e -> team.equals(e.team()))
				.map(this::awaitingReview)
				.toList();
			List<DueSoon> teamDueSoon = dueSoon.stream()
				.filter(c -> team.equals(c.team()))
				.map(c -> dueSoon(c, now, today, workers))
				.toList();
			int statutory = (int) teamBreaches.stream().filter(b -> "STATUTORY".equals(b.basis())).count();
			teamReports.add(new TeamOversight(team, scope.nameOf(team), scope.managerOf(team), statutory, teamBreaches,
					teamAwaitingReview, teamDueSoon, summary(teamBreaches, teamDueSoon), caseloads.unallocatedOf(team),
					byWeek(overdue.stream().filter(c -> team.equals(c.team())).toList(), firstMonday, now)));
		}
		return new OversightReport(viewer.userId(), now, today, until, teamReports);
	}

	private Breach breach(OpenClock c, Instant now, LocalDate today, Map<String, String> workers,
			List<EscalationRecord> raised) {
		Rule rule = ruleOf(c.ruleId());
		Long hoursLate = isHourRule(rule) ? Duration.between(c.dueAt(), now).toHours() : null;
		List<Escalation> escalations = raised.stream()
			.map(e -> new Escalation(e.tier(), e.manager(), e.raisedAt(), e.acknowledgedBy(), e.acknowledgedAt(),
					e.reasonForDelay(), e.actionAgreed(), e.newTargetDate()))
			.toList();
		int tier = escalations.stream().mapToInt(Escalation::tier).max().orElse(0);
		return new Breach(c.caseRef(), caseUrl(c.caseRef()), c.id(), c.ruleId(), c.label(), basisOf(rule),
				c.dueDate(), c.dueAt(), Math.max(0, calendar.workingDaysBetween(c.dueDate(), today)), hoursLate,
				workers.getOrDefault(c.caseRef(), UNALLOCATED), tier, escalations);
	}

	private AwaitingReview awaitingReview(StoppedUnreviewed e) {
		LocalDate stoppedOn = London.dateOf(e.stoppedAt());
		int late = Math.max(0, calendar.workingDaysBetween(e.dueDate(), stoppedOn));
		return new AwaitingReview(e.caseRef(), caseUrl(e.caseRef()), e.clockId(), e.ruleId(), e.label(),
				basisOf(ruleOf(e.ruleId())), e.dueDate(), e.dueAt(), e.stoppedAt(), stoppedOn, e.outcome(), late,
				e.tier(), e.manager(), e.raisedAt());
	}

	private DueSoon dueSoon(OpenClock c, Instant now, LocalDate today, Map<String, String> workers) {
		Rule rule = ruleOf(c.ruleId());
		Long hoursLeft = isHourRule(rule) ? Duration.between(now, c.dueAt()).toHours() : null;
		return new DueSoon(c.caseRef(), caseUrl(c.caseRef()), c.id(), c.ruleId(), c.label(), basisOf(rule),
				c.dueDate(), c.dueAt(), Math.max(0, calendar.workingDaysBetween(today, c.dueDate())), hoursLeft,
				workers.getOrDefault(c.caseRef(), UNALLOCATED));
	}

	/** The clocks open past their deadline at the end of each week from {@code firstMonday}'s, this week's at now. */
	private static List<WeekOfBreaches> byWeek(List<OpenClocks.Overdue> overdue, LocalDate firstMonday, Instant now) {
		int[] open = new int[WEEKS_CHARTED];
		for (int week = 0; week < WEEKS_CHARTED; week++) {
			Instant end = London.endOfDay(firstMonday.plusWeeks(week).plusDays(6));
			Instant at = end.isAfter(now) ? now : end;
			open[week] = (int) overdue.stream()
				.filter(c -> !c.dueAt().isAfter(at) && (c.stoppedAt() == null || c.stoppedAt().isAfter(at)))
				.count();
		}
		int most = Math.max(1, java.util.Arrays.stream(open).max().orElse(0));
		List<WeekOfBreaches> weeks = new ArrayList<>();
		for (int week = 0; week < WEEKS_CHARTED; week++) {
			weeks.add(new WeekOfBreaches(firstMonday.plusWeeks(week), open[week], open[week] * 100.0 / most));
		}
		return weeks;
	}

	/** Per worker: breaches, the worst lateness, deadlines due soon; most breaches first, unallocated last on ties. */
	private static List<WorkerSummary> summary(List<Breach> breaches, List<DueSoon> dueSoon) {
		Map<String, int[]> counts = new LinkedHashMap<>(); // breaches, worst lateness (-1: none), due soon
		for (Breach b : breaches) {
			int[] c = counts.computeIfAbsent(b.worker(), w -> new int[] { 0, -1, 0 });
			c[0]++;
			c[1] = Math.max(c[1], b.workingDaysLate());
		}
		for (DueSoon d : dueSoon) {
			counts.computeIfAbsent(d.worker(), w -> new int[] { 0, -1, 0 })[2]++;
		}
		return counts.entrySet()
			.stream()
			.map(e -> new WorkerSummary(e.getKey(), e.getValue()[0], e.getValue()[1] < 0 ? null : e.getValue()[1],
					e.getValue()[2]))
			.sorted(Comparator.comparingInt(WorkerSummary::breaches)
				.reversed()
				.thenComparing(w -> w.worstWorkingDaysLate() == null ? -1 : w.worstWorkingDaysLate(),
						Comparator.reverseOrder())
				.thenComparing(WorkerSummary::dueSoon, Comparator.reverseOrder())
				.thenComparing(WorkerSummary::worker))
			.toList();
	}

	/**
	 * Who holds each clock's work: the worker the case is allocated to (one query for all of them), keyed
	 * by case reference; a case nobody holds is missing, and shown as unallocated.
	 */
	private Map<String, String> workersOf(Collection<OpenClock> clocks) {
		Map<String, String> workers = new HashMap<>();
		holdings.current(clocks.stream().map(OpenClock::caseRef).collect(java.util.stream.Collectors.toSet()))
			.forEach((caseRef, allocation) -> workers.put(caseRef, allocation.worker()));
		return workers;
	}

	private Rule ruleOf(String ruleId) {
		return rules.ids().contains(ruleId) ? rules.get(ruleId) : null;
	}

	private static boolean isHourRule(Rule rule) {
		return rule != null && rule.unit() == IntervalUnit.HOURS;
	}

	private static String basisOf(Rule rule) {
		return rule == null || rule.basis() == null ? null : rule.basis().name();
	}

	static String caseUrl(String caseRef) {
		return "/api/cases/" + UriUtils.encodePathSegment(caseRef, UTF_8);
	}

}
