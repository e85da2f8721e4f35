package org.timescales.oversight;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person making this request, as Spring Security knows them: their user id and their Camunda
 * groups (authorities {@code GROUP_<groupId>}, set by the security package's authentication provider).
 */
public record Viewer(String userId, Set<String> groups) {

	/** Sees every team's work (and every record's views): administrators. */
	public static final String ADMIN_GROUP = "camunda-admin";

	/** Sees every team's work, read-only: auditors. */
	public static final String AUDITOR_GROUP = "auditor";

	static final String GROUP_PREFIX = "GROUP_";

	public Viewer {
		groups = Set.copyOf(groups);
	}

	/** Whoever is signed in on this thread; empty for nobody (or an anonymous request). */
	public static Optional<Viewer> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null) {
			return Optional.empty();
		}
		Set<String> groups = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a != null && a.startsWith(GROUP_PREFIX))
			.map(a -> a.substring(GROUP_PREFIX.length()))
			.collect(Collectors.toSet());
		return Optional.of(new Viewer(authentication.getName(), groups));
	}

	/** An administrator or an auditor: every team, every record. */
	public boolean seesEverything() {
		return groups.contains(ADMIN_GROUP) || groups.contains(AUDITOR_GROUP);
	}

}
