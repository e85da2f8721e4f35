package org.timescales.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.timescales.refusal.FieldError;

/**
 * The body of every error our API answers: an RFC 9457 problem detail, {@code application/problem+json}.
 * {@code type} is {@code about:blank} (the status says what kind of problem it is), {@code title} the
 * status's reason phrase, {@code detail} the sentence saying what was wrong (when there is one),
 * {@code instance} the path asked for. Members of our own: {@code errors}, the fields at fault
 * ({@code []} when the problem is not a field's), and {@code error} and {@code message}, the title and
 * the detail again under the names the API's clients read before it answered problem details.
 * <p>
 * A 400 that names no field (a report's {@code ResponseStatusException}, the firewall refusing a path)
 * has no {@code errors}: a 400's list always names one. The engine's API ({@code /engine-rest}) is not
 * ours: it keeps Camunda's own {@code {type, message}} (security.EngineApiDoor,
 * system.EngineCollisionRetry, workqueue.TasklistErrorMessages), which its clients expect; our pages
 * keep their HTML errors.
 */
public final class ApiProblem {

	/** For the answers written before Spring MVC (filters): Spring's own mix-in puts the members at the top. */
	private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class,
			ProblemDetailJacksonMixin.class);

	private ApiProblem() {
	}

	/** The problem for a status, with its sentence (or null) and the fields at fault (null: a 400 naming none). */
	public static ProblemDetail of(HttpStatusCode status, String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setDetail(detail);
		problem.setProperty("error", problem.getTitle());
		if (detail != null) {
			problem.setProperty("message", detail);
		}
		if (errors != null) {
			problem.setProperty("errors", List.copyOf(errors));
		}
		return problem;
	}

	/** A 400 naming the fields at fault; its detail says each, "team must not be blank; source must not be blank". */
	public static ProblemDetail badRequest(List<FieldError> errors) {
		String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
		return of(HttpStatus.BAD_REQUEST, detail, errors);
	}

	/**
	 * Writes the problem as the whole answer, for the refusals made before a controller is reached
	 * (Spring Security's 401 and 403, the database out of reach while checking a password). Headers
	 * the caller set (Retry-After, WWW-Authenticate) are kept.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		if (problem.getInstance() == null) {
			problem.setInstance(instance(request));
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(problem));
	}

	/** Whether the request is one of our API's ({@code /api/**}), not a page, the engine's API or actuator. */
	public static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}

	/** The path asked for, as sent; none when it is not a URI (Tomcat refuses most such paths first). */
	private static URI instance(HttpServletRequest request) {
		try {
			return URI.create(request.getRequestURI());
		}
		catch (IllegalArgumentException notAUri) {
			return null;
		}
	}

}
