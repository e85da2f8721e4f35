package org.timescales.oversight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.timescales.oversight.OversightReport.Breach;
import org.timescales.oversight.OversightReport.TeamOversight;
import org.timescales.oversight.OversightReport.WorkerSummary;

/**
 * A manager's {@code /my/team}: each team they answer for on one screen — every worker's caseload beside
 * their breaches and what falls due, the children nobody holds, the worst breaches — each linking on to
 * the breaches page, the caseloads page (to allocate) and the case pages. The same counts as those pages:
 * {@link Caseloads} and {@link Oversight}, read once each.
 */
@Controller
class MyTeamController {

	/** The worst breaches shown here; the breaches page lists them all. */
	static final int WORST = 5;

	private final Oversight oversight;

	private final Caseloads caseloads;

	private final OversightScope scope;

	MyTeamController(Oversight oversight, Caseloads caseloads, OversightScope scope) {
		this.oversight = oversight;
		this.caseloads = caseloads;
		this.scope = scope;
	}

	/** A worker's line: their children (the caseloads page's) beside their breaches (the breaches page's). */
	record Worker(String worker, String role, int children, int childProtection, int lookedAfter, int childInNeed,
			int breaches, Integer worstWorkingDaysLate, int dueSoon) {
	}

	/** One team: its figures and the children nobody holds (the breaches page's), its workers, its worst breaches. */
	record Team(TeamOversight oversight, List<Worker> workers, List<Breach> worstBreaches, int unallocatedBreaches) {
	}

	@GetMapping("/my/team")
	String page(@RequestParam(required = false) String team, Model model) {
		Viewer viewer = OversightScope.requireViewer();
		OversightReport report = oversight.report(viewer, scope.teamsToShow(viewer, team));
		List<Team> teams = new ArrayList<>();
		for (TeamOversight t : report.teams()) {
			teams.add(team(t, caseloads.of(t.team())));
		}
		model.addAttribute("report", report);
		model.addAttribute("teams", teams);
		model.addAttribute("myTeams", scope.teamRefsOf(viewer));
		model.addAttribute("selectedTeam", team == null || team.isBlank() ? null : team);
		model.addAttribute("fmt", OversightFormat.INSTANCE);
		return "my-team";
	}

	private static Team team(TeamOversight t, Caseloads.Caseload caseload) {
		Map<String, WorkerSummary> exposure = t.workers()
			.stream()
			.collect(Collectors.toMap(WorkerSummary::worker, Function.identity()));
		List<Worker> workers = new ArrayList<>();
		for (Caseloads.WorkerCaseload w : caseload.workers()) {
			WorkerSummary e = exposure.get(w.worker());
			workers.add(new Worker(w.worker(), w.role(), w.children(), w.childProtection(), w.lookedAfter(),
					w.childInNeed(), e == null ? 0 : e.breaches(), e == null ? null : e.worstWorkingDaysLate(),
					e == null ? 0 : e.dueSoon()));
		}
		// the heaviest exposure first, as the breaches page orders its workers; then the biggest caseload
		workers.sort(Comparator.comparingInt(Worker::breaches)
			.reversed()
			.thenComparing(Comparator.comparingInt(Worker::children).reversed())
			.thenComparing(Worker::worker));
		WorkerSummary nobody = exposure.get(OversightReport.UNALLOCATED);
		return new Team(t, workers, t.breaches().stream().limit(WORST).toList(),
				nobody == null ? 0 : nobody.breaches());
	}

}
