package org.timescales.allocation;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;

/** The two commands that change who holds a child, and the case as it reads after, over real HTTP as a test user. */
public final class HolderRequests {

	private HolderRequests() {
	}

	/** {@code POST /api/cases/{caseRef}/allocation}; a null supervisor is left out. */
	public static ResponseEntity<String> allocate(TestRestTemplate http, String user, String caseRef, String worker,
			String supervisor, String reason) {
		Map<String, String> body = new HashMap<>();
		body.put("worker", worker);
		body.put("reason", reason);
		if (supervisor != null) {
			body.put("supervisor", supervisor);
		}
		return post(http, user, caseRef, "allocation", body);
	}

	/** {@code POST /api/cases/{caseRef}/transfer}; nulls are sent as nulls. */
	public static ResponseEntity<String> transfer(TestRestTemplate http, String user, String caseRef, String team,
			String reason) {
		Map<String, String> body = new HashMap<>();
		body.put("team", team);
		body.put("reason", reason);
		return post(http, user, caseRef, "transfer", body);
	}

	/** {@code GET /api/cases/{caseRef}}. */
	public static ResponseEntity<String> getCase(TestRestTemplate http, String user, String caseRef) {
		return http.withBasicAuth(user, "secret-" + user)
			.exchange("/api/cases/" + caseRef, HttpMethod.GET, new HttpEntity<>(ProcessTestSupport.jsonHeaders()), String.class);
	}

	private static ResponseEntity<String> post(TestRestTemplate http, String user, String caseRef, String command,
			Map<String, String> body) {
		return http.withBasicAuth(user, "secret-" + user)
			.exchange("/api/cases/" + caseRef + "/" + command, HttpMethod.POST, new HttpEntity<>(body, ProcessTestSupport.jsonHeaders()),
					String.class);
	}

}
