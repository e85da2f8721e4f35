package org.timescales.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;
import org.timescales.calendar.IntervalUnit;
import org.timescales.calendar.London;
import org.timescales.calendar.WorkingCalendar;
import org.timescales.casefile.CaseStages;
import org.timescales.casefile.CaseViews;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;
import org.timescales.rules.Rules;
import org.timescales.security.CaseAccess;
import org.timescales.security.Roles;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The case page {@code GET /cases/{caseRef}}: one child at a glance for everyone who may read the case (the
 * API's {@link CaseViews}, laid out for a person): who the child is and who holds them, every open clock
 * red, amber or green as the breaches page counts them (red: past its deadline; amber: due within
 * {@link Oversight#DUE_SOON_WORKING_DAYS} working days; green: later), the clocks stopped, the stages, the
 * escalations and who acknowledged them, and who has held the case. Someone who may not read it is answered
 * 404, as the API answers; each showing goes on the read log (CaseViews records it).
 */
@Controller
class CasePageController {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(London.ZONE);

	/** Who may open the history page (its controller refuses everyone else with 403). */
	private static final Set<String> SEE_HISTORY = Set.of(Roles.AUDITOR, Roles.TEAM_MANAGER, Roles.SERVICE_MANAGER,
			Roles.ADMIN);

	private final CaseViews views;

	private final CaseAccess access;

	private final OversightScope scope;

	private final WorkingCalendar calendar;

	private final Rules rules;

	private final Clock clock;

	CasePageController(CaseViews views, CaseAccess access, OversightScope scope, WorkingCalendar calendar, Rules rules,
			Clock clock) {
		this.views = views;
		this.access = access;
		this.scope = scope;
		this.calendar = calendar;
		this.rules = rules;
		this.clock = clock;
	}

	/** An open clock: {@code rag} is red, amber or green; {@code standing} says how late or how long is left. */
	record OpenRow(long clockId, String label, String basis, String due, String rag, String standing,
			Instant dueAt) {
	}

	/** A stopped clock: met, met late (with how late) or cancelled. */
	record StoppedRow(long clockId, String label, String due, String stopped, String outcome, String reason) {
	}

	record EscalationRow(String label, int tier, String manager, String raised, String acknowledgedBy,
			String acknowledged, String reasonForDelay, String actionAgreed, String newTargetDate) {
	}

	record StageRow(String name, String started, String ended, String state, String outcome) {
	}

	record HoldingRow(String worker, String team, String supervisor, String from, String to, String by,
			String reason, String endedBecause) {
	}

	record TransferRow(String from, String to, String at, String by, String reason) {
	}

	@GetMapping("/cases/{caseRef}")
	String page(@PathVariable String caseRef, Model model) {
		// 404 for a case the viewer may not read, the refusal on the read log; CaseViews logs the read
		access.requireRead(caseRef);
		CaseViews.CaseView view = views.of(caseRef);
		Instant now = clock.instant();
		LocalDate today = London.dateOf(now);
		LocalDate dueSoonUntil = calendar.addWorkingDays(today, Oversight.DUE_SOON_WORKING_DAYS);

		List<OpenRow> open = new ArrayList<>();
		List<StoppedRow> stopped = new ArrayList<>();
		List<EscalationRow> escalations = new ArrayList<>();
		for (ClockView c : view.clocks()) {
			if (c.stoppedAt() == null) {
				open.add(open(c, now, today, dueSoonUntil));
			}
			else {
				stopped.add(stopped(c));
			}
			c.escalations()
				.forEach(e -> escalations.add(new EscalationRow(c.label(), e.tier(), e.manager(), time(e.raisedAt()),
						e.acknowledgedBy(), time(e.acknowledgedAt()), e.reasonForDelay(), e.actionAgreed(),
						date(e.newTargetDate()))));
		}
		// red first, then amber, then green; within each the earliest deadline first
		open.sort(Comparator.comparing((OpenRow r) -> List.of("red", "amber", "green").indexOf(r.rag()))
			.thenComparing(OpenRow::dueAt));

		CaseViews.Child child = view.child();
		model.addAttribute("caseRef", view.caseRef());
		model.addAttribute("childName", (nonNull(child.givenName()) + " " + nonNull(child.familyName())).trim());
		model.addAttribute("dateOfBirth", date(child.dateOfBirth()));
		model.addAttribute("age", child.dateOfBirth() == null ? null : Period.between(child.dateOfBirth(), today).getYears());
		model.addAttribute("team", scope.nameOf(view.team()));
		model.addAttribute("worker", view.allocatedWorker());
		model.addAttribute("supervisor", view.supervisor());
		model.addAttribute("asAt", time(now));
		model.addAttribute("dueSoonUntil", date(dueSoonUntil));
		model.addAttribute("open", open);
		model.addAttribute("stopped", stopped);
		model.addAttribute("escalations", escalations);
		model.addAttribute("stages", view.stages().stream().map(CasePageController::stage).toList());
		model.addAttribute("holdings", view.allocations()
			.stream()
			.map(a -> new HoldingRow(a.worker(), scope.nameOf(a.team()), a.supervisor(), time(a.from()), time(a.to()),
					a.by(), a.reason(), a.endedBecause()))
			.toList());
		model.addAttribute("transfers", view.transfers()
			.stream()
			.map(t -> new TransferRow(scope.nameOf(t.fromTeam()), scope.nameOf(t.toTeam()), time(t.at()), t.by(),
					t.reason()))
			.toList());
		String ref = UriUtils.encodePathSegment(view.caseRef(), UTF_8);
		model.addAttribute("historyUrl", seesHistory() ? "/cases/" + ref + "/history" : null);
		model.addAttribute("tasklistUrl", tasklistUrl(view.caseRef()));
		return "case";
	}

	private OpenRow open(ClockView c, Instant now, LocalDate today, LocalDate dueSoonUntil) {
		boolean hours = rules.ids().contains(c.ruleId()) && rules.get(c.ruleId()).unit() == IntervalUnit.HOURS;
		String basis = rules.ids().contains(c.ruleId()) && rules.get(c.ruleId()).basis() != null
				? rules.get(c.ruleId()).basis().name() : null;
		String due = hours ? time(c.dueAt()) : date(c.dueDate());
		ClockStanding standing = ClockStanding.of(c.dueAt(), c.dueDate(), hours, now, today, dueSoonUntil, calendar);
		return new OpenRow(c.clockId(), c.label(), basis, due, standing.rag(), standing.text(), c.dueAt());
	}

	private StoppedRow stopped(ClockView c) {
		LocalDate stoppedOn = London.dateOf(c.stoppedAt());
		String outcome = switch (c.status()) {
			case MET -> "Met";
			case MET_LATE -> "Met late, " + workingDays(Math.max(0, calendar.workingDaysBetween(c.dueDate(), stoppedOn)))
					+ " late";
			case CANCELLED -> "Cancelled";
			default -> c.status().name();
		};
		return new StoppedRow(c.clockId(), c.label(), date(c.dueDate()), date(stoppedOn), outcome,
				c.status() == ClockStatus.CANCELLED ? c.stopReason() : null);
	}

	private static StageRow stage(CaseStages.Stage s) {
		String state = s.endedAt() == null ? "Open" : switch (s.state() == null ? "" : s.state()) {
			case "COMPLETED" -> "Ended";
			case "EXTERNALLY_TERMINATED", "INTERNALLY_TERMINATED" -> "Stopped";
			default -> "Ended";
		};
		return new StageRow(s.name() == null ? s.process() : s.name(), time(s.startedAt()), time(s.endedAt()), state,
				s.outcome());
	}

	/** Tasklist with the case's tasks searched for by its reference (the business key of each of its processes). */
	static String tasklistUrl(String caseRef) {
		String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\""
				+ caseRef.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"name\":\"\"}]";
		return "/camunda/app/tasklist/default/#/?searchQuery=" + UriUtils.encodeQueryParam(query, UTF_8);
	}

	private static boolean seesHistory() {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		return user != null && user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(a -> a.startsWith("GROUP_") && SEE_HISTORY.contains(a.substring("GROUP_".length())));
	}

	static String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	static String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	/** "1 working day", "4 working days". */
	static String workingDays(int n) {
		return n + (n == 1 ? " working day" : " working days");
	}

	static String hours(long n) {
		return n + (n == 1 ? " hour" : " hours");
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}

}
