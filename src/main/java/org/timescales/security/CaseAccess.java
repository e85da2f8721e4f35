package org.timescales.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.rules.TimescalesProperties;
import org.timescales.rules.TimescalesProperties.Team;

/**
 * Who may see or change a child's case in our own API: the case's team (its practitioners and its
 * manager), the manager of the team's service, auditors (read only) and administrators. The engine's
 * authorizations say the same for Tasklist and /engine-rest (see {@link Access}).
 */
@Component
public class CaseAccess {

	private final CaseRepository cases;

	private final TimescalesProperties properties;

	CaseAccess(CaseRepository cases, TimescalesProperties properties) {
		this.cases = cases;
		this.properties = properties;
	}

	/** Refuses (403) unless the current user may read the case; an unknown case passes (the API answers 404). */
	public void requireRead(String caseRef) {
		cases.findCase(caseRef).map(ChildCase::team).ifPresent(team -> {
			if (!canRead(current(), team)) {
				throw forbidden("You may not see case " + caseRef);
			}
		});
	}

	/** Refuses (403) unless the current user may change the case. */
	public void requireWrite(String caseRef) {
		cases.findCase(caseRef).map(ChildCase::team).ifPresent(this::requireWriteForTeam);
	}

	/** Refuses (403) unless the current user may record work for the team. */
	public void requireWriteForTeam(String team) {
		Authentication user = current();
		boolean frontDoor = groups(user).contains(Roles.FRONT_DOOR) || groups(user).contains(Roles.ADMIN);
		if (!frontDoor && !worksFor(user, team)) {
			throw forbidden("You may not record work for team " + team);
		}
	}

	public boolean canRead(Authentication user, String team) {
		Set<String> groups = groups(user);
		return groups.contains(Roles.AUDITOR) || groups.contains(Roles.ADMIN) || worksFor(user, team);
	}

	/** A member of the team, its manager, or the manager of its service. */
	private boolean worksFor(Authentication user, String team) {
		if (user == null || team == null) {
			return false;
		}
		Team configured = properties.teams().get(team);
		if (groups(user).contains(team) || (configured != null && user.getName().equals(configured.manager()))) {
			return true;
		}
		var service = configured == null ? null : properties.services().get(configured.service());
		return service != null && user.getName().equals(service.manager());
	}

	static Set<String> groups(Authentication user) {
		if (user == null) {
			return Set.of();
		}
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
			.map(a -> a.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
			.collect(Collectors.toSet());
	}

	private static Authentication current() {
		return SecurityContextHolder.getContext().getAuthentication();
	}

	private static ResponseStatusException forbidden(String message) {
		return new ResponseStatusException(HttpStatus.FORBIDDEN, message);
	}

}
