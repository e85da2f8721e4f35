package org.timescales.attack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * An attacker's HTTP client for the engine's two APIs, as a signed-in person: {@code /engine-rest}
 * with basic credentials, or the webapps' engine API {@code /camunda/api/engine/engine/default} with
 * the session and CSRF token Tasklist itself holds after signing in.
 */
final class EngineClient {

	record Answer(int status, String body) {
	}

	private final String base;

	private final String user;

	private final boolean tasklistSession;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private EngineClient(int port, String user, boolean tasklistSession) {
		this.base = "http://localhost:" + port;
		this.user = user;
		this.tasklistSession = tasklistSession;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** {@code /engine-rest} as {@code user} (test password secret-<user>). */
	static EngineClient rest(int port, String user) {
		return new EngineClient(port, user, false);
	}

	/** Tasklist's own engine API, signed in to Tasklist as {@code user} as the browser would be. */
	static EngineClient tasklist(int port, String user) throws Exception {
		EngineClient client = new EngineClient(port, user, true);
		client.send("GET", "/camunda/app/tasklist/default/", null, null);
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode("secret-" + user, StandardCharsets.UTF_8);
		Answer login = client.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
				"application/x-www-form-urlencoded");
		if (login.status() != 200) {
			throw new AssertionError("Tasklist login of " + user + " answered " + login);
		}
		// the session changes on sign-in: fetch the token that goes with the new one
		client.send("GET", "/camunda/api/admin/auth/user/default", null, null);
		return client;
	}

	/** A path under the engine's root, e.g. {@code /task/123/claim}. */
	Answer engine(String method, String path, String json) throws Exception {
		String root = tasklistSession ? "/camunda/api/engine/engine/default" : "/engine-rest";
		return send(method, root + path, json, json == null ? null : "application/json");
	}

	Answer get(String path) throws Exception {
		return engine("GET", path, null);
	}

	/** Any path of the application, e.g. a Cockpit plugin's. */
	Answer send(String method, String path, String body, String contentType) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Accept", "application/json");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (tasklistSession) {
			csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
		}
		else {
			request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((user + ":secret-" + user).getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	private java.util.Optional<String> csrfToken() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.reduce((first, second) -> second);
	}

}
