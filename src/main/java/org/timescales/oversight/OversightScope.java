package org.timescales.oversight;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.rules.TimescalesProperties;
import org.timescales.rules.TimescalesProperties.Service;
import org.timescales.rules.TimescalesProperties.Team;

/**
 * Which teams' work a person answers for, from configuration ({@code timescales.teams},
 * {@code timescales.services}): a team manager their teams, a service manager every team of their
 * services, an administrator or auditor every team. A practitioner answers for none.
 * <p>
 * The checks are made here, in the application, so they hold whatever the security configuration
 * in front of the endpoint does.
 */
@Component
public class OversightScope {

	private final TimescalesProperties properties;

	OversightScope(TimescalesProperties properties) {
		this.properties = properties;
	}

	/** The teams the viewer oversees, in configuration order; empty for a practitioner. */
	public List<String> teamsOf(Viewer viewer) {
		Map<String, Team> teams = properties.teams();
		if (viewer.seesEverything()) {
			return List.copyOf(teams.keySet());
		}
		return teams.entrySet()
			.stream()
			.filter(e -> viewer.userId().equals(e.getValue().manager())
					|| viewer.userId().equals(serviceManagerOf(e.getValue())))
			.map(Map.Entry::getKey)
			.toList();
	}

	/** Whether the viewer answers for the team (its manager, its service's manager, an admin or auditor). */
	public boolean oversees(Viewer viewer, String teamId) {
		return teamId != null && teamsOf(viewer).contains(teamId);
	}

	/** A team as a person knows it: its id (the Camunda group) and its name. */
	public record TeamRef(String id, String name) {
	}

	/** The teams the viewer oversees, with their names. */
	public List<TeamRef> teamRefsOf(Viewer viewer) {
		return teamsOf(viewer).stream().map(id -> new TeamRef(id, nameOf(id))).toList();
	}

	public String nameOf(String teamId) {
		Team team = properties.teams().get(teamId);
		return team == null || team.name() == null ? teamId : team.name();
	}

	public String managerOf(String teamId) {
		Team team = properties.teams().get(teamId);
		return team == null ? null : team.manager();
	}

	/** The signed-in viewer, or 401 when there is none. */
	public static Viewer requireViewer() {
		return Viewer.current()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to see this"));
	}

	/**
	 * The teams to show: the one asked for (403 unless the viewer oversees it) or all the viewer
	 * oversees (403 when that is none: a practitioner, not a manager).
	 */
	public List<String> teamsToShow(Viewer viewer, String requestedTeam) {
		List<String> teams = teamsOf(viewer);
		if (teams.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Only team managers, service managers, auditors and administrators see breaches");
		}
		if (requestedTeam == null || requestedTeam.isBlank()) {
			return teams;
		}
		if (!teams.contains(requestedTeam)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Not one of your teams: " + requestedTeam);
		}
		return List.of(requestedTeam);
	}

	private String serviceManagerOf(Team team) {
		Service service = team.service() == null ? null : properties.services().get(team.service());
		return service == null ? null : service.manager();
	}

}
