package org.timescales.security;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.timescales.web.ApiProblem;

/**
 * Every door where a password is checked, in front of whatever checks it: HTTP basic anywhere (our API,
 * {@code /engine-rest}, our pages, the health endpoints), the form login of our pages ({@code POST
 * /login}) and the Camunda webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}},
 * checked by Camunda itself, outside Spring Security). A client over its budget ({@link LoginThrottle})
 * is answered 429 with Retry-After and its password is not checked.
 * <p>
 * A sign-in failed when Spring Security says so (its bad-credentials event) or, for the webapps'
 * login, when the answer is 401. Basic credentials sent where nothing checks them (a browser repeats
 * them to every path of the site; the webapps answer 401 before their own login) spend nothing.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isSignIn(request);
	}

	static boolean isSignIn(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return true;
		}
		return "POST".equals(request.getMethod()) && (path(request).equals("/login") || isWebappLogin(request));
	}

	private static boolean isWebappLogin(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path(request)).matches();
	}

	/** The container's decoded, normalised path (no ;parameters, no //, no %2F tricks). */
	private static String path(HttpServletRequest request) {
		return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		LoginThrottle.Admission admission = throttle.admit(request.getRemoteAddr());
		if (admission instanceof LoginThrottle.Refused refused) {
			refuse(request, response, refused.retryAfterSeconds());
			return;
		}
		LoginThrottle.Attempt attempt = (LoginThrottle.Attempt) admission;
		throttle.checking(attempt);
		try {
			chain.doFilter(request, response);
		}
		finally {
			throttle.done();
			// not settled by Spring Security's events: the webapps' login (Camunda checks it), or no password checked
			attempt.settle(isWebappLogin(request) && response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED);
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfter)
			throws IOException {
		String message = "Too many failed sign-ins from your address: try again in " + retryAfter + " seconds";
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setCharacterEncoding("UTF-8");
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.getWriter().write(message);
			return;
		}
		// the same problem detail as every other /api refusal (org.timescales.web.ApiProblem)
		ApiProblem.write(request, response, ApiProblem.of(HttpStatus.TOO_MANY_REQUESTS, message, List.of()));
	}

}
