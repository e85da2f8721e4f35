package org.timescales.oversight;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.timescales.allocation.Allocations;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.refusal.NotFoundException;
import org.timescales.security.CaseAccess;

/**
 * Caseloads for the teams the viewer answers for: {@code GET /api/caseloads?team=} and the page
 * {@code /oversight/caseloads?team=}, from which a manager allocates an unallocated child
 * ({@code POST /oversight/caseloads/allocation}, the same command as the API's). Without {@code team},
 * the viewer's only team, or 400 naming {@code team} when they answer for several.
 */
@Controller
class CaseloadController {

	private final Caseloads caseloads;

	private final OversightScope scope;

	private final Allocations allocations;

	private final CaseAccess access;

	CaseloadController(Caseloads caseloads, OversightScope scope, Allocations allocations, CaseAccess access) {
		this.access = access;
		this.caseloads = caseloads;
		this.scope = scope;
		this.allocations = allocations;
	}

	@GetMapping(path = "/api/caseloads", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Caseloads.Caseload json(@RequestParam(required = false) String team) {
		return caseloads.of(teamToShow(team));
	}

	@GetMapping("/oversight/caseloads")
	String page(@RequestParam(required = false) String team, Model model) {
		Viewer viewer = OversightScope.requireViewer();
		List<OversightScope.TeamRef> mine = scope.teamRefsOf(viewer);
		String shown = team == null || team.isBlank() ? (mine.isEmpty() ? null : mine.get(0).id()) : team;
		model.addAttribute("caseload", caseloads.of(teamToShow(shown)));
		model.addAttribute("myTeams", mine);
		return "caseloads";
	}

	@PostMapping("/oversight/caseloads/allocation")
	String allocate(@RequestParam String team, @RequestParam String caseRef, @RequestParam(required = false) String worker,
			@RequestParam(required = false) String supervisor, @RequestParam(required = false) String reason,
			Principal user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		String shown = teamToShow(team);
		if (java.util.stream.Stream.of(caseRef, worker, supervisor, reason)
			.anyMatch(value -> value != null && value.indexOf('\0') >= 0)) {
			return again(shown, caseRef, "a field holds a NUL character", HttpStatus.BAD_REQUEST, model, response);
		}
		try {
			// as /api/cases/{caseRef}/** is checked: a case the manager may not read does not exist for them
			access.requireWrite(caseRef);
			allocations.allocate(caseRef, worker, supervisor, reason, user.getName());
		}
		catch (NotFoundException notTheirs) {
			return again(shown, caseRef, notTheirs.getMessage(), HttpStatus.NOT_FOUND, model, response);
		}
		catch (InvalidRequestException refused) {
			return again(shown, caseRef, refused.errors().get(0).field() + ": " + refused.errors().get(0).message(),
					HttpStatus.BAD_REQUEST, model, response);
		}
		catch (ResponseStatusException refused) {
			return again(shown, caseRef, refused.getReason(), HttpStatus.valueOf(refused.getStatusCode().value()), model,
					response);
		}
		redirect.addFlashAttribute("allocated", caseRef + " is allocated to " + worker.strip());
		redirect.addAttribute("team", shown);
		return "redirect:/oversight/caseloads";
	}

	/** The page again, saying what was refused and why, with the status of the API's answer. */
	private String again(String team, String caseRef, String why, HttpStatus status, Model model,
			HttpServletResponse response) {
		response.setStatus(status.value());
		model.addAttribute("caseload", caseloads.of(team));
		model.addAttribute("myTeams", scope.teamRefsOf(OversightScope.requireViewer()));
		model.addAttribute("refused", caseRef + " was not allocated: " + why);
		return "caseloads";
	}

	private String teamToShow(String team) {
		Viewer viewer = OversightScope.requireViewer();
		List<String> teams = scope.teamsToShow(viewer, team);
		if (teams.size() > 1) {
			throw new InvalidRequestException("team", "is required: you answer for " + String.join(", ", teams));
		}
		return teams.get(0);
	}

}
