package org.timescales.attack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signed in to Tasklist, as the browser is: the webapps' session cookie and their CSRF token
 * (cookie and header) on every call to the webapps' engine API under {@code /camunda/api/engine/}.
 */
final class TasklistSession {

	private final TestRestTemplate http;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private TasklistSession(TestRestTemplate http) {
		this.http = http;
	}

	static TasklistSession logIn(TestRestTemplate http, String user, String password) {
		TasklistSession session = new TasklistSession(http);
		session.remember(http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
				new HttpEntity<>(session.headers(MediaType.TEXT_HTML)), String.class));
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", password);
		HttpHeaders headers = session.headers(MediaType.APPLICATION_JSON);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
				HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
		assertThat(login.getStatusCode().value()).as("Tasklist login: " + login.getBody()).isEqualTo(200);
		session.remember(login);
		// the session changed at login: fetch the token that belongs to it
		session.remember(http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
				new HttpEntity<>(session.headers(MediaType.APPLICATION_JSON)), String.class));
		return session;
	}

	ResponseEntity<String> post(String path, String json) {
		return exchange(HttpMethod.POST, path, json);
	}

	/** Any call with the session, e.g. {@code PUT /camunda/api/engine/engine/default/task/{id}}. */
	ResponseEntity<String> exchange(HttpMethod method, String path, String json) {
		HttpHeaders headers = headers(MediaType.APPLICATION_JSON);
		if (json != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
		remember(response);
		return response;
	}

	private HttpHeaders headers(MediaType accept) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(accept));
		if (!cookies.isEmpty()) {
			headers.add(HttpHeaders.COOKIE,
					String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
		}
		if (cookies.containsKey("XSRF-TOKEN")) {
			headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
		}
		return headers;
	}

	private void remember(ResponseEntity<?> response) {
		for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
			String pair = cookie.split(";", 2)[0];
			int eq = pair.indexOf('=');
			cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
		}
		String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
		if (token != null) {
			cookies.put("XSRF-TOKEN", token);
		}
	}

}
