package org.timescales.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.timescales.system.DatabaseUnavailable;

/**
 * Checks credentials against Camunda's identity service, so the same users and groups serve the API,
 * the engine REST API and the webapps (and an LDAP identity provider later replaces all at once).
 * Each Camunda group becomes an authority {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	static final String GROUP_PREFIX = "GROUP_";

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String userId = authentication.getName();
		Object password = authentication.getCredentials();
		try {
			if (userId == null || password == null || !identityService.checkPassword(userId, password.toString())) {
				throw new BadCredentialsException("Bad credentials");
			}
			List<SimpleGrantedAuthority> groups = identityService.createGroupQuery()
				.groupMember(userId)
				.list()
				.stream()
				.map(Group::getId)
				.map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
				.toList();
			return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
		}
		catch (RuntimeException ex) {
			// the users are in the database: without it nobody can be checked, which is not "bad credentials"
			if (!(ex instanceof AuthenticationException) && DatabaseUnavailable.causedBy(ex)) {
				throw new DatabaseUnavailableException(ex);
			}
			throw ex;
		}
	}

	/** Sign-in failed because the database is out of reach: answered 503, not 401 (SecurityConfig). */
	static class DatabaseUnavailableException extends AuthenticationServiceException {

		DatabaseUnavailableException(Throwable cause) {
			super(DatabaseUnavailable.MESSAGE, cause);
		}

	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
