package org.timescales.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is making this request, so the user operation log and the engine's
 * authorizations see the real person, and forgets it afterwards: the engine keeps it per thread.
 * Our own API and pages check each case themselves (CaseAccess) before touching it: for them the engine
 * also sees {@link Roles#READS}, and for a change (a write to {@code /api}, a page's form) one of our
 * audited commands, {@link Roles#COMMANDS}, whose permissions let the command do what the person may not
 * do through the engine's API directly. The engine's API ({@code /engine-rest}) sees the person alone.
 */
class EngineUserFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	EngineUserFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		List<String> groups = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
			.map(a -> a.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
			.collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
		if (isOurs(request)) {
			groups.add(Roles.READS);
			// an auditor's form post changes nothing: the commands' permissions are for those who may write
			if (isCommand(request) && groups.stream().anyMatch(Roles.WRITERS::contains)) {
				groups.add(Roles.COMMANDS);
			}
		}
		identityService.setAuthentication(authentication.getName(), groups);
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	/** Our API and pages (this filter sits only in their security chains), not the engine's own API. */
	private static boolean isOurs(HttpServletRequest request) {
		return !request.getServletPath().startsWith("/engine-rest");
	}

	/** A change: a write to our API, or a page's form (which Spring Security has checked for its CSRF token). */
	private static boolean isCommand(HttpServletRequest request) {
		String method = request.getMethod();
		String path = request.getServletPath();
		return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)
				&& !path.equals("/login") && !path.equals("/logout");
	}

}
