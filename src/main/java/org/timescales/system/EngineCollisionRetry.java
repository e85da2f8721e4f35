package org.timescales.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A task completed through the engine's APIs — {@code /engine-rest/task/{id}/complete|submit-form} and
 * the webapps' {@code /camunda/api/engine/engine/{engine}/task/{id}/…} that Tasklist calls — that
 * collides with a timer firing on the same case is tried again here, up to {@link Collisions#ATTEMPTS}
 * times, and answered 409 with Retry-After if it still collides. These APIs are Jersey, outside Spring
 * MVC, and the engine turns the {@code OptimisticLockingException} into its own 500 body (code 1, or
 * type OptimisticLockingException), so the collision is recognised in that answer.
 * <p>
 * Replaying is safe: the completion is one engine command in one transaction, rolled back whole when
 * it lost the race, so the task is as it was; the request body is kept to send it again.
 */
class EngineCollisionRetry extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EngineCollisionRetry.class);

	private static final Pattern TASK_COMPLETION = Pattern
		.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/task/[^/]+/(complete|submit-form)$");

	/** The engine's error codes for a lost race: optimistic locking, deadlock (ExceptionCodeProvider). */
	private static final List<Integer> COLLISION_CODES = List.of(1, 10_000);

	/** A form's values are small; a body larger than this (file variables) is passed on once, not kept. */
	static final int MAX_KEPT_BODY = 1 << 20;

	private final ObjectMapper json = new ObjectMapper();

	@Configuration
	static class Registration {

		@Bean
		FilterRegistrationBean<EngineCollisionRetry> engineCollisionRetryFilter() {
			FilterRegistrationBean<EngineCollisionRetry> registration = new FilterRegistrationBean<>(
					new EngineCollisionRetry());
			registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/engine/*");
			// after Spring Security and the engine API's allow-list (LOWEST_PRECEDENCE - 10): the caller is
			// signed in and checked once, only the completion itself is tried again
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
			return registration;
		}

	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || !TASK_COMPLETION.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		InputStream original = request.getInputStream();
		byte[] body = original.readNBytes(MAX_KEPT_BODY + 1);
		if (body.length > MAX_KEPT_BODY) {
			chain.doFilter(new Body(request, () -> new SequenceInputStream(new ByteArrayInputStream(body), original)),
					response);
			return;
		}
		for (int attempt = 1;; attempt++) {
			ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
			chain.doFilter(new Body(request, () -> new ByteArrayInputStream(body)), answer);
			if (!collided(answer)) {
				answer.copyBodyToResponse();
				return;
			}
			if (attempt >= Collisions.ATTEMPTS) {
				conflict(answer);
				answer.copyBodyToResponse();
				return;
			}
			log.info("{} collided with another change to the same case (try {} of {}): trying again",
					request.getRequestURI(), attempt, Collisions.ATTEMPTS);
			Collisions.pause(attempt);
		}
	}

	private boolean collided(ContentCachingResponseWrapper answer) {
		if (answer.getStatus() < 500 || answer.getContentSize() == 0) {
			return false;
		}
		try {
			JsonNode error = json.readTree(answer.getContentAsByteArray());
			return error != null && (COLLISION_CODES.contains(error.path("code").asInt(-1))
					|| "OptimisticLockingException".equals(error.path("type").asText()));
		}
		catch (IOException notJson) {
			return false;
		}
	}

	/** Camunda's own error shape ({@code type}, {@code message}) for clients of the engine's API, with /api's status and errors. */
	private void conflict(ContentCachingResponseWrapper answer) throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("status", HttpServletResponse.SC_CONFLICT);
		error.put("error", "Conflict");
		error.put("message", Collisions.MESSAGE);
		error.put("errors", List.of());
		error.put("type", "OptimisticLockingException");
		answer.resetBuffer();
		answer.setStatus(HttpServletResponse.SC_CONFLICT);
		answer.setContentType("application/json");
		answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
		answer.setHeader(HttpHeaders.RETRY_AFTER, Collisions.RETRY_AFTER_SECONDS);
		answer.getOutputStream().write(json.writeValueAsBytes(error));
	}

	/** The request with its body readable again, for each try. */
	private static final class Body extends HttpServletRequestWrapper {

		private final Supplier<InputStream> content;

		Body(HttpServletRequest request, Supplier<InputStream> content) {
			super(request);
			this.content = content;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = content.get();
			return new ServletInputStream() {

				private boolean finished;

				@Override
				public int read() throws IOException {
					int b = in.read();
					finished = b < 0;
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					finished = n < 0;
					return n;
				}

				@Override
				public boolean isFinished() {
					return finished;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is read blocking");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

}
