package org.timescales.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.timescales.calendar.IntervalUnit;
import org.timescales.calendar.London;
import org.timescales.calendar.WorkingCalendar;
import org.timescales.clock.ClockLedger;
import org.timescales.clock.ClockRecord;
import org.timescales.rules.Rules;
import org.timescales.security.AsSystem;
import org.timescales.team.Teams;

/**
 * The start page {@code /start} (not {@code /}: the Camunda webapps answer that), which takes each role to
 * its pages, and a practitioner's {@code /my/children}: the open children they hold in each of their teams
 * (the caseloads' own count, {@link Caseloads#heldBy}), each with what falls due next, most urgent first.
 * It shows case references, clocks and due dates only, never a child's details, as the caseloads page does.
 */
@Controller
class StartPageController {

	private final Caseloads caseloads;

	private final ClockLedger clocks;

	private final Teams teams;

	private final OversightScope scope;

	private final AsSystem asSystem;

	private final WorkingCalendar calendar;

	private final Rules rules;

	private final Clock clock;

	StartPageController(Caseloads caseloads, ClockLedger clocks, Teams teams, OversightScope scope, AsSystem asSystem,
			WorkingCalendar calendar, Rules rules, Clock clock) {
		this.caseloads = caseloads;
		this.clocks = clocks;
		this.teams = teams;
		this.scope = scope;
		this.asSystem = asSystem;
		this.calendar = calendar;
		this.rules = rules;
		this.clock = clock;
	}

	/** A child held: what is due soonest, when, red / amber / green as the case page counts it. */
	record Child(String caseRef, String team, String due, String dueOn, String rag, String standing, int openClocks,
			Instant dueAt) {
	}

	@GetMapping("/start")
	String start(Model model) {
		Viewer viewer = OversightScope.requireViewer();
		model.addAttribute("myTeams", scope.teamRefsOf(viewer));
		return "start";
	}

	@GetMapping("/my/children")
	String myChildren(Model model) {
		Viewer viewer = OversightScope.requireViewer();
		Instant now = clock.instant();
		LocalDate today = London.dateOf(now);
		LocalDate dueSoonUntil = calendar.addWorkingDays(today, Oversight.DUE_SOON_WORKING_DAYS);
		List<Child> children = new ArrayList<>();
		// the worker's teams: their groups that are teams
		for (String team : asSystem.call(() -> teams.groupsOf(viewer.userId()))) {
			if (!teams.exists(team)) {
				continue;
			}
			for (String caseRef : caseloads.heldBy(team, viewer.userId())) {
				children.add(child(caseRef, scope.nameOf(team), now, today, dueSoonUntil));
			}
		}
		// the soonest deadline first (the most late first of all); children with no clock running last
		children.sort(Comparator.comparing(Child::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Child::caseRef));
		model.addAttribute("children", children);
		model.addAttribute("asAt", CasePageController.time(now));
		model.addAttribute("dueSoonUntil", CasePageController.date(dueSoonUntil));
		return "my-children";
	}

	private Child child(String caseRef, String team, Instant now, LocalDate today, LocalDate dueSoonUntil) {
		List<ClockRecord> open = clocks.forCase(caseRef).stream().filter(ClockRecord::isOpen).toList();
		ClockRecord next = open.stream().min(Comparator.comparing(ClockRecord::dueAt)).orElse(null);
		if (next == null) {
			return new Child(caseRef, team, null, null, null, "No clock running", 0, null);
		}
		boolean hours = rules.ids().contains(next.ruleId()) && rules.get(next.ruleId()).unit() == IntervalUnit.HOURS;
		String dueOn = hours ? CasePageController.time(next.dueAt()) : CasePageController.date(next.dueDate());
		ClockStanding standing = ClockStanding.of(next.dueAt(), next.dueDate(), hours, now, today, dueSoonUntil,
				calendar);
		return new Child(caseRef, team, next.label(), dueOn, standing.rag(), standing.text(), open.size(),
				next.dueAt());
	}

}
