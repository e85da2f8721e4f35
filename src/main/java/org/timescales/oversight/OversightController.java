package org.timescales.oversight;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The breaches page {@code GET /oversight} and its JSON twin {@code GET /api/oversight}, for the
 * teams the viewer answers for ({@code ?team=} narrows to one of them): open breaches, breaches done
 * late whose review is still awaited ({@code awaitingReview}), deadlines due soon. Who may see what is decided
 * here ({@link OversightScope}: 401 for nobody, 403 for a practitioner or someone else's team),
 * whatever the security configuration in front does.
 */
@Controller
class OversightController {

	private final Oversight oversight;

	private final OversightScope scope;

	OversightController(Oversight oversight, OversightScope scope) {
		this.oversight = oversight;
		this.scope = scope;
	}

	@GetMapping(path = "/api/oversight", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	OversightReport json(@RequestParam(required = false) String team) {
		Viewer viewer = OversightScope.requireViewer();
		return oversight.report(viewer, scope.teamsToShow(viewer, team));
	}

	@GetMapping("/oversight")
	String page(@RequestParam(required = false) String team, Model model) {
		Viewer viewer = OversightScope.requireViewer();
		model.addAttribute("report", oversight.report(viewer, scope.teamsToShow(viewer, team)));
		model.addAttribute("myTeams", scope.teamRefsOf(viewer));
		model.addAttribute("selectedTeam", team == null || team.isBlank() ? null : team);
		model.addAttribute("fmt", OversightFormat.INSTANCE);
		return "oversight";
	}

}
