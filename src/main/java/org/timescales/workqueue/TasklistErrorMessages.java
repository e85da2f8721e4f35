package org.timescales.workqueue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * When a task is completed and one of our checks refuses a value ("visitDate: 2027-01-06 is in the
 * future"), the engine wraps the message in its own ("Cannot submit task form …: ENGINE-03051 There
 * was an exception while invoking the TaskListener …") and answers 500. This puts our sentence back on
 * its own and answers 400, so the worker reads what to fix, not a stack of class names — the same
 * answer whichever API completed the task: Tasklist's (the webapps' engine API) or {@code /engine-rest}
 * (task {@code complete} and {@code submit-form}).
 */
class TasklistErrorMessages extends OncePerRequestFilter {

	/** Our refusals are BadUserRequestExceptions whose message names the field first. */
	private static final Pattern REFUSAL = Pattern.compile("BadUserRequestException: ([A-Za-z0-9.]+: [^']+)'?$");

	private final ObjectMapper json = new ObjectMapper();

	/** Task completions, through the webapps' engine API (Tasklist) and the engine's REST API. */
	private static final Pattern COMPLETION = Pattern.compile("/task/[^/]+/complete$|/submit-form$");

	/** Registered for the webapps' engine API (Tasklist's form submissions) and {@code /engine-rest}. */
	@Configuration
	static class Registration {

		@Bean
		FilterRegistrationBean<TasklistErrorMessages> tasklistErrorMessagesFilter() {
			FilterRegistrationBean<TasklistErrorMessages> registration = new FilterRegistrationBean<>(
					new TasklistErrorMessages());
			registration.addUrlPatterns("/camunda/api/engine/engine/*", "/engine-rest/*");
			return registration;
		}

	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(request.getRequestURI()).find();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		if (wrapper.getStatus() >= 400) {
			rewrite(wrapper);
		}
		wrapper.copyBodyToResponse();
	}

	private void rewrite(ContentCachingResponseWrapper wrapper) throws IOException {
		String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
		try {
			if (!(json.readTree(body) instanceof ObjectNode error) || !error.hasNonNull("message")) {
				return;
			}
			Matcher refusal = REFUSAL.matcher(error.get("message").asText().strip());
			if (refusal.find()) {
				error.put("message", refusal.group(1));
				wrapper.resetBuffer();
				wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				wrapper.getOutputStream().write(json.writeValueAsBytes(error));
			}
		}
		catch (IOException notJson) {
			// not an engine error body: leave it as it is
		}
	}

}
