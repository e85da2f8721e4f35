package org.timescales.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.timescales.casefile.CaseRecordRead;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.refusal.NotFoundException;
import org.timescales.rules.TimescalesProperties.Team;
import org.timescales.rules.TimescalesProperties;

/**
 * Who may see or change a child's case in our own API: the case's team (its practitioners and its
 * manager), the manager of the team's service, auditors (read only) and administrators. The holding team
 * is the case record's ({@code child_case.team}): a transfer changes it, and with it everyone's access.
 * Tasklist and /engine-rest see only the tasks the engine grants their candidates and assignee, and the
 * door to them checks the holding team as well ({@link EngineApiDoor}).
 */
@Component
public class CaseAccess {

	private final CaseRepository cases;

	private final TimescalesProperties properties;

	private final ApplicationEventPublisher events;

	CaseAccess(CaseRepository cases, TimescalesProperties properties,
			ApplicationEventPublisher events) {
		this.cases = cases;
		this.properties = properties;
		this.events = events;
	}

	/**
	 * Refuses unless the current user may read the case. A case they may not read is answered as one
	 * that does not exist (404, the same words), so the answer says nothing about another team's child;
	 * the refused look at an existing case is on the record-view log.
	 */
	public void requireRead(String caseRef) {
		requireRead(caseRef, holderOf(caseRef));
	}

	private void requireRead(String caseRef, String team) {
		if (!canRead(current(), team)) {
			events.publishEvent(CaseRecordRead.bySignedInUser(caseRef, CaseRecordRead.REFUSED));
			throw noSuchCase(caseRef);
		}
	}

	/**
	 * Refuses unless the current user may change the case: 404 as above, 403 for a reader who may not
	 * write. The front door records work (referrals, complaints) for any case without reading it.
	 */
	public void requireWrite(String caseRef) {
		String team = holderOf(caseRef);
		if (!isFrontDoor()) {
			requireRead(caseRef, team);
		}
		requireWriteForTeam(team);
	}

	/** Whether the current user may read the case (false for one that does not exist). */
	public boolean mayRead(String caseRef) {
		return cases.findCase(caseRef).map(ChildCase::team).map(team -> canRead(current(), team)).orElse(false);
	}

	/** Whether the case is recorded and held by a team the current user may not read. */
	public boolean heldOutOfSight(String caseRef) {
		return cases.findCase(caseRef).map(ChildCase::team).map(team -> !canRead(current(), team)).orElse(false);
	}

	/** Whether the current user records referrals for any team: the front door (MASH) and administrators. */
	public boolean isFrontDoor() {
		Set<String> groups = groups(current());
		return groups.contains(Roles.FRONT_DOOR) || groups.contains(Roles.ADMIN);
	}

	private String holderOf(String caseRef) {
		return cases.findCase(caseRef).map(ChildCase::team).orElseThrow(() -> noSuchCase(caseRef));
	}

	private static NotFoundException noSuchCase(String caseRef) {
		return new NotFoundException("No case with reference " + caseRef);
	}

	/** Refuses (403) unless the current user may record work for the team. */
	public void requireWriteForTeam(String team) {
		Authentication user = current();
		if (!isFrontDoor() && !worksFor(user, team)) {
			throw forbidden("You may not record work for team " + team);
		}
	}

	/**
	 * Refuses (403) unless the current user answers for the team: its manager, the manager of its
	 * service, or an administrator. Who holds a child (allocation, transfer) is theirs to change.
	 */
	public void requireManagerOf(String team, String what) {
		if (!managesTeam(team)) {
			throw forbidden("Only the manager of team " + team + " or of its service may " + what);
		}
	}

	/** Whether the current user is the team's manager, its service's manager or an administrator. */
	public boolean managesTeam(String team) {
		Authentication user = current();
		if (user == null || team == null) {
			return false;
		}
		if (groups(user).contains(Roles.ADMIN)) {
			return true;
		}
		Team configured = properties.teams().get(team);
		if (configured == null) {
			return false;
		}
		var service = properties.services().get(configured.service());
		return user.getName().equals(configured.manager()) || (service != null && user.getName().equals(service.manager()));
	}

	/** Whether the current user is an auditor (reads every case, changes none). */
	public boolean isAuditor() {
		return groups(current()).contains(Roles.AUDITOR);
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
