package org.timescales.team;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.timescales.rules.TimescalesProperties;
import org.timescales.rules.TimescalesProperties.Service;
import org.timescales.rules.TimescalesProperties.Team;

/**
 * Who is responsible for a team's work: the team (a Camunda group), its manager and its service
 * manager come from configuration; people's e-mail addresses from the identity service (database
 * or LDAP alike). Exposed to BPMN as {@code teams}.
 */
@Component("teams")
public class Teams {

	private final TimescalesProperties properties;

	private final IdentityService identityService;

	Teams(TimescalesProperties properties, IdentityService identityService) {
		this.properties = properties;
		this.identityService = identityService;
	}

	public boolean exists(String teamId) {
		return teamId != null && properties.teams().containsKey(teamId);
	}

	public Team team(String teamId) {
		Team team = properties.teams().get(teamId);
		if (team == null) {
			throw new IllegalArgumentException("Unknown team '" + teamId + "': not in timescales.teams");
		}
		return team;
	}

	/** The team manager's user id: authorises assessments and takes first-tier escalations. */
	public String managerOf(String teamId) {
		return team(teamId).manager();
	}

	/** The service (district) manager's user id: takes second-tier escalations. */
	public String serviceManagerOf(String teamId) {
		Team team = team(teamId);
		Service service = properties.services().get(team.service());
		if (service == null) {
			throw new IllegalArgumentException(
					"Team '" + teamId + "' belongs to unknown service '" + team.service() + "'");
		}
		return service.manager();
	}

	/** The people in the team's group, by user id. */
	public List<String> membersOf(String teamId) {
		return identityService.createUserQuery().memberOfGroup(teamId).orderByUserId().asc().list().stream()
			.map(User::getId)
			.toList();
	}

	/** The groups a person belongs to (teams and roles), none for an unknown id. */
	public Set<String> groupsOf(String userId) {
		return identityService.createGroupQuery().groupMember(userId).list().stream()
			.map(Group::getId)
			.collect(Collectors.toSet());
	}

	public boolean userExists(String userId) {
		return userId != null && identityService.createUserQuery().userId(userId).count() > 0;
	}

	/** The teams a person manages, or whose service they manage. */
	public List<String> teamsManagedBy(String userId) {
		return properties.teams().entrySet().stream()
			.filter(team -> userId.equals(team.getValue().manager()) || userId.equals(serviceManagerOf(team.getKey())))
			.map(Map.Entry::getKey)
			.toList();
	}

	/** A person's e-mail address, else the team's shared mailbox, so a mail always has somewhere to go. */
	public String emailOf(String userId, String teamId) {
		return Optional.ofNullable(userId)
			.map(id -> identityService.createUserQuery().userId(id).singleResult())
			.map(User::getEmail)
			.filter(email -> !email.isBlank())
			.orElseGet(() -> team(teamId).email());
	}

}
