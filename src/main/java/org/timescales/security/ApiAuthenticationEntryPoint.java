package org.timescales.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.timescales.system.DatabaseUnavailable;

/**
 * The API's answer to a request that could not be authenticated: 401 asking for basic credentials, as
 * usual; but 503 when the credentials could not be checked because the database is out of reach, so
 * that a client retries instead of doubting its password.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

	ApiAuthenticationEntryPoint() {
		basic.setRealmName("Realm");
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof CamundaIdentityAuthenticationProvider.DatabaseUnavailableException) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			// the same shape as every other /api error (org.timescales.web.ApiErrors)
			response.getWriter()
				.write("{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"" + DatabaseUnavailable.MESSAGE
						+ "\",\"errors\":[]}");
			return;
		}
		basic.commence(request, response, authException);
	}

}
