package org.timescales.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;

import org.timescales.referral.ReferralRequest;
import org.timescales.referral.ReferralService;

/**
 * The browser journeys' children, in the west team (the browser tests' own, managed by tm.west): a
 * referral received through the service as the front door sends it; an allocation made over HTTP as the
 * team manager makes it ({@code POST /api/cases/{caseRef}/allocation}), and a task completed over HTTP as
 * its worker completes it (Camunda's {@code POST /engine-rest/task/{id}/complete}, Tasklist's own call).
 */
final class WestTeam {

	private final ReferralService referrals;

	private final String base;

	private final HttpClient http = HttpClient.newHttpClient();

	WestTeam(ReferralService referrals, String base) {
		this.referrals = referrals;
		this.base = base;
	}

	/** Receives a referral for the west team; answers the referral's process instance. */
	String referral(String caseRef, String given, String family, String born, String sex, LocalDateTime receivedAt) {
		return referrals
			.receive(new ReferralRequest("REF-" + caseRef, new ReferralRequest.Child(caseRef, given, family, born, sex),
					receivedAt.toString(), "2A", "west"))
			.referral()
			.processInstanceId();
	}

	/** tm.west allocates the case to a worker of the team. */
	void allocate(String caseRef, String worker) throws IOException, InterruptedException {
		post("tm.west", "/api/cases/" + caseRef + "/allocation",
				"{\"worker\": \"" + worker + "\", \"reason\": \"Allocated at the Monday allocation meeting\"}", 200);
	}

	/** A user completes a task through Camunda's REST API, as Tasklist does; variables as its JSON. */
	void complete(String user, String taskId, String variables) throws IOException, InterruptedException {
		post(user, "/engine-rest/task/" + taskId + "/complete", "{\"variables\": " + variables + "}", 204);
	}

	private void post(String user, String path, String json, int expected) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":secret-" + user).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != expected) {
			throw new AssertionError(user + " POST " + path + ": " + answer.statusCode() + " " + answer.body());
		}
	}

}
