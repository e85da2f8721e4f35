package org.timescales.attack;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An attacker's client for the engine's two APIs, as a signed-in person: {@code /engine-rest} with
 * basic credentials, or the webapps' engine API {@code /camunda/api/engine/engine/default} with the
 * session and CSRF token Tasklist itself holds after signing in ({@link TasklistSession}).
 */
final class EngineClient {

	record Answer(int status, String body) {

		static Answer of(ResponseEntity<String> response) {
			return new Answer(response.getStatusCode().value(), response.getBody() == null ? "" : response.getBody());
		}

	}

	private final TestRestTemplate http;

	private final TasklistSession tasklist;

	private EngineClient(TestRestTemplate http, TasklistSession tasklist) {
		this.http = http;
		this.tasklist = tasklist;
	}

	/** {@code /engine-rest} as {@code user} (test password secret-<user>). */
	static EngineClient rest(TestRestTemplate http, String user) {
		return new EngineClient(http.withBasicAuth(user, "secret-" + user), null);
	}

	/** Tasklist's own engine API, signed in to Tasklist as {@code user} as the browser would be. */
	static EngineClient tasklist(TestRestTemplate http, String user) {
		return new EngineClient(http, TasklistSession.logIn(http, user, "secret-" + user));
	}

	/** A path under the engine's root, e.g. {@code /task/123/claim}. */
	Answer engine(String method, String path, String json) {
		String root = tasklist != null ? "/camunda/api/engine/engine/default" : "/engine-rest";
		return send(method, root + path, json);
	}

	Answer get(String path) {
		return engine("GET", path, null);
	}

	/** Any path of the application, e.g. a Cockpit plugin's. */
	Answer send(String method, String path, String json) {
		if (tasklist != null) {
			return Answer.of(tasklist.exchange(HttpMethod.valueOf(method), path, json));
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
		if (json != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return Answer.of(http.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(json, headers), String.class));
	}

}
