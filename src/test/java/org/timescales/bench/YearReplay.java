package org.timescales.bench;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.timescales.calendar.London;
import org.timescales.calendar.WorkingCalendar;
import org.timescales.lookedafter.LookedAfterService;
import org.timescales.referral.ReferralRequest;
import org.timescales.referral.ReferralService;

/**
 * A year of a large county replayed on the engine clock: 55,000 referrals over the working days of
 * April 2027 – March 2028, about 30% assessed, 9% to a section 47 enquiry, 3% to a child protection plan and
 * 1.2% into care (the seed documents' ratios). Each working day: the referrals arrive at 09:00; at 11:00 and
 * 15:00 the workers (and managers) complete, as themselves through the task service, the tasks whose turn has
 * come — most before their deadline, about 1 in 12 after it; between steps the engine clock moves and the
 * job executor fires every timer that fell due (reminders, escalations) before the replay goes on. Managers'
 * review tasks are left open (the work queue counts them).
 */
final class YearReplay {

	static final LocalDate FIRST = LocalDate.of(2027, 4, 1);

	static final LocalDate LAST = LocalDate.of(2028, 3, 31);

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	enum Fate {
		NFA, ASSESSED, SECTION_47, PLAN, CARE
	}

	/** Timer jobs that ran to success (the job log's state 2), every timer type. */
	private static final String TIMERS_FIRED = "select count(*) from ACT_HI_JOB_LOG where JOB_EXCEPTION_MSG_ is null"
			+ " and JOB_DEF_TYPE_ like 'timer%' and JOB_STATE_ = 2";

	/** Where the last progress line left off. */
	private record Period(long nanos, int received, long completed, long fired) {
	}

	private record Work(String taskId, String processInstanceId, String taskKey, String caseRef, LocalDate doOn) {
	}

	private final Bench bench;

	private final WorkingCalendar calendar;

	private final TaskService taskService;

	private final IdentityService identity;

	private final Map<LocalDate, List<String>> careStarts = new ConcurrentHashMap<>();

	private final AtomicLong completed = new AtomicLong();

	YearReplay(Bench bench) {
		this.bench = bench;
		this.calendar = bench.app.getBean(WorkingCalendar.class);
		this.taskService = bench.engine.getTaskService();
		this.identity = bench.engine.getIdentityService();
	}

	static Fate fate(int caseNo) {
		double r = new SplittableRandom(caseNo * 7919L + 17).nextDouble();
		return r < 0.70 ? Fate.NFA : r < 0.91 ? Fate.ASSESSED : r < 0.97 ? Fate.SECTION_47 : r < 0.988 ? Fate.PLAN
				: Fate.CARE;
	}

	static int caseNo(String caseRef) {
		return Integer.parseInt(caseRef.substring(3));
	}

	static String team(int caseNo) {
		return Bench.TEAMS[caseNo % Bench.TEAMS.length];
	}

	void run() throws Exception {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
			if (calendar.isWorkingDay(d)) {
				days.add(d);
			}
		}
		int n = bench.scaled(55_000);
		System.out.printf("replay: %,d referrals over %d working days, %s to %s%n", n, days.size(), FIRST, LAST);
		ReferralService referrals = bench.app.getBean(ReferralService.class);
		LookedAfterService lookedAfter = bench.app.getBean(LookedAfterService.class);
		long jobsBefore = bench.count(TIMERS_FIRED);
		long t0 = System.nanoTime();
		int received = 0;
		Period period = new Period(t0, 0, 0, jobsBefore);
		List<Double> periods = new ArrayList<>();
		long drainNanos = 0;
		for (int d = 0; d < days.size(); d++) {
			LocalDate day = days.get(d);
			// overnight: every timer due since yesterday afternoon fires
			long dn = System.nanoTime();
			at(day, 9, 0);
			bench.drainJobs(900_000);
			drainNanos += System.nanoTime() - dn;
			int from = (int) ((long) d * n / days.size());
			int to = (int) ((long) (d + 1) * n / days.size());
			LocalDateTime arrival = day.atTime(8, 0);
			bench.parallel(to - from, bench.threads, k -> {
				int caseNo = from + k;
				String caseRef = "YR-" + caseNo;
				int born = 2010 + caseNo % 15;
				referrals.receive(new ReferralRequest("YR-R-" + caseNo, new ReferralRequest.Child(caseRef, "Year",
						"Child", born + "-0" + (1 + caseNo % 9) + "-1" + caseNo % 10, "F"), arrival.plusSeconds(k % 3600)
							.format(LOCAL), "2A", team(caseNo)));
			});
			received += to - from;
			for (int hour : new int[] { 11, 15 }) {
				dn = System.nanoTime();
				at(day, hour, 0);
				bench.drainJobs(900_000);
				drainNanos += System.nanoTime() - dn;
				work(day);
			}
			List<String> care = careStarts.remove(day);
			if (care != null) {
				bench.parallel(care.size(), bench.threads, k -> lookedAfter.becomeLookedAfter(care.get(k),
						day.toString(), day.toString(), "C2", null));
			}
			if (d % 21 == 20 || d == days.size() - 1) {
				// each period's own work beside its cost: a period costing more because more work fell in it
				// (the year's plans and looked-after children accumulate) is not a cost growing with history
				long now = System.nanoTime();
				long done = completed.get();
				long fired = bench.count(TIMERS_FIRED);
				long work = (received - period.received) + (done - period.completed) + (fired - period.fired);
				double millisEach = (now - period.nanos) / 1e6 / Math.max(1, work);
				System.out.printf("  %s: %,d referrals, %,d tasks done, %.0f s; this period %,d referrals, %,d tasks,"
						+ " %,d timers in %.1f s = %.1f ms each%n", day, received, done, (now - t0) / 1e9,
						received - period.received, done - period.completed, fired - period.fired,
						(now - period.nanos) / 1e9, millisEach);
				if (d % 21 == 20) {
					periods.add(millisEach); // not the year's last few days: too few to judge
				}
				period = new Period(now, received, done, fired);
				// its time counts in the next period: the server would spend it too
				long vacuum = bench.autovacuum();
				if (vacuum > 0) {
					System.out.printf("    (vacuum analyze, as autovacuum would: %.1f s)%n", vacuum / 1e9);
				}
			}
		}
		at(LAST.plusDays(1), 0, 30);
		bench.drainJobs(900_000);
		double seconds = (System.nanoTime() - t0) / 1e9;

		long jobs = bench.count(TIMERS_FIRED) - jobsBefore;
		Map<String, Long> processes = new LinkedHashMap<>();
		for (String key : List.of("referral", "section47", "childProtectionPlan", "childLookedAfter",
				"breachEscalation")) {
			processes.put(key, bench.count("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ?"
					+ " and BUSINESS_KEY_ like 'YR-%'", key));
		}
		long assessed = bench.count("select count(*) from ACT_HI_TASKINST t join ACT_HI_PROCINST p"
				+ " on p.ID_ = t.PROC_INST_ID_ where t.TASK_DEF_KEY_ = 'UserTask_CompleteAssessment'"
				+ " and p.BUSINESS_KEY_ like 'YR-%'");
		long escalations = bench.count("select count(*) from escalation e join clock c on c.id = e.clock_id"
				+ " where c.case_ref like 'YR-%'");
		bench.figures.addAtFullScale("year", String.format("%,d referrals, %d working days: wall time", received,
				days.size()), Figures.seconds(seconds), "n/a", "≤ 15 min (55,000)", seconds <= 900);
		bench.figures.add("year", "of which waiting for the job executor", Figures.seconds(drainNanos / 1e9), "", "",
				null);
		// the second period, not the first: the first carries the JVM's warm-up
		double early = periods.get(Math.min(1, periods.size() - 1));
		double late = periods.get(periods.size() - 1);
		bench.figures.add("year", "cost per referral, task or timer fired: 2nd period / last period",
				String.format("%.1f / %.1f ms", early, late), "", "flat: last ≤ 1.25 × 2nd", late <= 1.25 * early);
		bench.figures.add("year", "tasks completed / timer jobs fired", Figures.count(completed.get()) + " / "
				+ Figures.count(jobs), "", "", null);
		bench.figures.note(String.format(
				"year: %,d assessments (%.1f%%), %,d section 47 (%.1f%%), %,d child protection plans (%.1f%%),"
						+ " %,d looked after (%.1f%%), %,d escalations raised (%,d review processes, left open)",
				assessed, 100.0 * assessed / received, processes.get("section47"),
				100.0 * processes.get("section47") / received, processes.get("childProtectionPlan"),
				100.0 * processes.get("childProtectionPlan") / received, processes.get("childLookedAfter"),
				100.0 * processes.get("childLookedAfter") / received, escalations,
				processes.get("breachEscalation")));
		long mails = bench.count("select count(*) from mail_outbox where created_at >= ?",
				Timestamp.from(FIRST.atStartOfDay(London.ZONE).toInstant()));
		Map<String, Long> clocks = new LinkedHashMap<>();
		for (String outcome : List.of("MET", "MET_LATE", "CANCELLED")) {
			clocks.put(outcome, bench.count("select count(*) from clock where case_ref like 'YR-%' and outcome = ?",
					outcome));
		}
		long open = bench.count("select count(*) from clock where case_ref like 'YR-%' and stopped_at is null");
		bench.figures.add("year", "clocks met / met late / cancelled / still open", String.format("%,d / %,d / %,d / %,d",
				clocks.get("MET"), clocks.get("MET_LATE"), clocks.get("CANCELLED"), open), "", "", null);
		bench.figures.add("year", "escalations raised / mails queued", Figures.count(escalations) + " / "
				+ Figures.count(mails), "", "", null);
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		bench.figures.add("year", "at the end: heap used after a full GC / process RSS",
				String.format("%,d MiB / %,d MiB", (runtime.totalMemory() - runtime.freeMemory()) >> 20, rssMiB()), "",
				"", null);
		if (n < 55_000) {
			bench.figures.note(String.format("year: SCALED DOWN to %,d referrals (bench.scale=%s)", n, bench.scale));
		}
	}

	/** The benchmark JVM's resident set (the application runs in it), from Linux's /proc; -1 elsewhere. */
	private static long rssMiB() {
		try {
			for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
				}
			}
		}
		catch (java.io.IOException | NumberFormatException ex) {
			// not Linux
		}
		return -1;
	}

	private static void at(LocalDate day, int hour, int minute) {
		Bench.clockAt(day.atTime(LocalTime.of(hour, minute)).atZone(London.ZONE).toInstant());
	}

	/** Completes every task of the replayed cases whose turn has come, one case's tasks in order. */
	private void work(LocalDate today) throws Exception {
		Timestamp horizon = Timestamp.from(London.endOfDay(today.plusDays(70)));
		List<Map<String, Object>> rows = bench.jdbc.queryForList(
				"select t.ID_ as id, t.PROC_INST_ID_ as pid, t.TASK_DEF_KEY_ as task_key, t.CREATE_TIME_ as created,"
						+ " t.DUE_DATE_ as due, e.BUSINESS_KEY_ as case_ref from ACT_RU_TASK t"
						+ " join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ where e.BUSINESS_KEY_ like 'YR-%'"
						+ " and t.TASK_DEF_KEY_ <> 'UserTask_ReviewOverdue' and t.DUE_DATE_ <= ?",
				horizon);
		Map<String, List<Work>> byCase = new HashMap<>();
		for (Map<String, Object> row : rows) {
			String taskId = (String) row.get("id");
			LocalDate created = London.dateOf(((Timestamp) row.get("created")).toInstant());
			LocalDate due = London.dateOf(((Timestamp) row.get("due")).toInstant().minusSeconds(1));
			LocalDate doOn = doOn(taskId, created, due);
			if (!doOn.isAfter(today)) {
				String caseRef = (String) row.get("case_ref");
				byCase.computeIfAbsent(caseRef, k -> new ArrayList<>())
					.add(new Work(taskId, (String) row.get("pid"), (String) row.get("task_key"), caseRef, doOn));
			}
		}
		List<List<Work>> cases = new ArrayList<>(byCase.values());
		bench.parallel(cases.size(), bench.threads, k -> cases.get(k).forEach(w -> Bench.retrying(0, i -> complete(w, today))));
	}

	/** When a worker gets to a task: somewhere between its creation and its deadline; about 1 in 12 late. */
	private LocalDate doOn(String taskId, LocalDate created, LocalDate due) {
		SplittableRandom random = new SplittableRandom(taskId.hashCode() * 31L + 5);
		if (random.nextDouble() < 0.08) {
			return calendar.addWorkingDays(due, 1 + random.nextInt(4));
		}
		long span = ChronoUnit.DAYS.between(created, due);
		return created.plusDays((long) Math.floor(span * (0.2 + 0.75 * random.nextDouble())));
	}

	private void complete(Work work, LocalDate today) {
		int caseNo = caseNo(work.caseRef());
		Fate fate = fate(caseNo);
		String team = team(caseNo);
		String now = LocalDateTime.ofInstant(Bench.engineNow(), London.ZONE).minusMinutes(30).format(MINUTES);
		String date = today.toString();
		Map<String, Object> vars = new HashMap<>();
		boolean manager = false;
		switch (work.taskKey()) {
			case "UserTask_DecideOnReferral" -> {
				vars.put("referralDecision", fate == Fate.NFA ? (caseNo % 2 == 0 ? "NFA" : "EARLY_HELP") : "ASSESSMENT");
				vars.put("referralDecisionDate", date);
				vars.put("decisionRationale", "Replayed decision");
			}
			case "UserTask_CompleteAssessment" -> {
				vars.put("assessmentStartDate", date);
				vars.put("assessmentOutcome", fate == Fate.ASSESSED ? (caseNo % 2 == 0 ? "NFA" : "EARLY_HELP")
						: "STRATEGY_DISCUSSION");
				vars.put("assessmentSummary", "Replayed assessment");
				vars.put("primaryNeedCode", "N1");
				vars.put("assessmentFactors", "3B");
				vars.put("childDisabilities", "NONE"); // the form's confirmation of the child's record (issue 11)
			}
			case "UserTask_AuthoriseAssessment" -> {
				manager = true;
				vars.put("assessmentAuthorised", true);
				vars.put("assessmentAuthorisedDate", date);
				vars.put("managerComments", "Agreed");
			}
			case "UserTask_HoldStrategyDiscussion" -> {
				vars.put("strategyDiscussionAt", now);
				vars.put("s47Decision", "yes");
				vars.put("strategyDiscussionSummary", "Police, health and school");
			}
			case "UserTask_SeeTheChild" -> {
				vars.put("childSeenAt", now);
				vars.put("seenAlone", "yes");
				vars.put("visitNotes", "Seen alone");
			}
			case "UserTask_CompleteSection47Enquiry" -> {
				vars.put("s47CompletedDate", date);
				vars.put("s47Outcome", fate == Fate.SECTION_47 ? "NFA" : "ICPC");
				vars.put("enquirySummary", "Replayed enquiry");
			}
			case "UserTask_HoldInitialConference" -> {
				vars.put("icpcDate", date);
				vars.put("planRequired", "yes");
				vars.put("categoryOfAbuse", "NEGLECT");
				if (fate == Fate.CARE) {
					LocalDate care = calendar.addWorkingDays(today, 20 + caseNo % 40);
					if (!care.isAfter(LAST)) {
						careStarts.computeIfAbsent(care, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
							.add(work.caseRef());
					}
				}
			}
			case "UserTask_HoldCoreGroup" -> {
				vars.put("coreGroupDate", date);
				vars.put("coreGroupNotes", "Plan agreed");
			}
			case "UserTask_VisitChild" -> {
				vars.put("visitDate", date);
				vars.put("seenAlone", "yes");
				vars.put("visitNotes", "Seen");
			}
			case "UserTask_HoldReviewConference" -> {
				vars.put("reviewDate", date);
				vars.put("planContinues", "yes");
				vars.put("latestCategoryOfAbuse", "NEGLECT");
			}
			case "UserTask_HoldLookedAfterReview" -> {
				vars.put("claReviewDate", date);
				vars.put("placementUntil18", "no");
			}
			case "UserTask_VisitLookedAfterChild" -> {
				vars.put("claVisitDate", date);
				vars.put("seenAlone", "yes");
			}
			case "UserTask_InitialHealthAssessment" -> vars.put("healthAssessmentDate", date);
			case "UserTask_ReviewHealthAssessment" -> vars.put("rhaDate", date);
			case "UserTask_PersonalEducationPlan" -> vars.put("pepDate", date);
			case "UserTask_ReviewPersonalEducationPlan" -> vars.put("pepReviewDate", date);
			case "UserTask_DentalCheck" -> vars.put("dentalCheckDate", date);
			default -> {
				return; // not part of the replayed pathway: left open
			}
		}
		String user = (manager ? "tm." : "worker.") + team;
		identity.setAuthentication(user, List.of(team, manager ? "team-manager" : "practitioner"));
		try {
			taskService.complete(work.taskId(), vars);
			completed.incrementAndGet();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
