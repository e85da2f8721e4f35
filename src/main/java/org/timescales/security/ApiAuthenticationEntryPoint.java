package org.timescales.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.timescales.system.DatabaseUnavailable;
import org.timescales.web.ApiProblem;

/**
 * The API's answer to a request that could not be authenticated: 401 asking for basic credentials, as
 * usual; but 503 when the credentials could not be checked because the database is out of reach, so
 * that a client retries instead of doubting its password. On {@code /api} the 401 is a problem detail
 * like every other /api error (org.timescales.web.ApiProblem); the engine's API and actuator keep
 * Spring's (the JSON of /error), the 503 is the problem detail everywhere.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private static final String REALM = "Realm";

	private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

	ApiAuthenticationEntryPoint() {
		basic.setRealmName(REALM);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof CamundaIdentityAuthenticationProvider.DatabaseUnavailableException) {
			response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
			ApiProblem.write(request, response,
					ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE, List.of()));
			return;
		}
		if (ApiProblem.isApi(request)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
			ApiProblem.write(request, response, ApiProblem.of(HttpStatus.UNAUTHORIZED, null, List.of()));
			return;
		}
		basic.commence(request, response, authException);
	}

}
