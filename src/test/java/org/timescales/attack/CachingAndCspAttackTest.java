package org.timescales.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.timescales.attack.RawHttp.basic;

/**
 * A browser, a proxy or a shared computer must not keep a child's data: every answer that can carry it
 * ({@code /api}, {@code /engine-rest}, the webapps' engine API, our pages) says {@code no-store}, errors
 * included. Our pages send a strict Content-Security-Policy (nothing inline, nothing from elsewhere, no
 * framing) and still render under it: no inline style or script, and each stylesheet they link loads.
 */
@TimescalesTest
class CachingAndCspAttackTest extends ProcessTestSupport {

	private static final Pattern LINK = Pattern.compile("<link\\b[^>]*>");

	private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	String caseRef;

	String taskId;

	@BeforeEach
	void aCase() {
		caseRef = newCaseRef("CACHE");
		clockAt("2026-11-23T10:30:00Z");
		referral(caseRef, "2026-11-23T10:00:00");
		taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseRef).singleResult().getId();
	}

	@Test
	void answersCarryingAChildsDataAreNeverStored() {
		RawHttp http = new RawHttp(port, "127.0.0.1");
		String worker = basic("worker.north", "secret-worker.north");
		List<String> paths = List.of("/engine-rest/task?processInstanceBusinessKey=" + caseRef,
				"/engine-rest/task/" + taskId, "/engine-rest/task/" + taskId + "/form-variables",
				"/engine-rest/task/no-such-task", "/engine-rest/history/process-instance", "/api/cases/" + caseRef,
				"/api/cases/NO-SUCH-CASE");
		for (String path : paths) {
			assertNoStore(path, http.get(path, "Authorization", worker, "Accept", "application/json"));
		}
		assertNoStore("/oversight", http.get("/oversight", "Authorization", basic("tm.north", "secret-tm.north"), "Accept",
				"text/html"));
		String auditor = basic("auditor.one", "secret-auditor.one");
		assertNoStore("history page", http.get("/cases/" + caseRef + "/history", "Authorization", auditor, "Accept", "text/html"));
		assertNoStore("timeliness page", http.get("/reports/timeliness", "Authorization", auditor, "Accept", "text/html"));

		// the webapps' engine API, with Tasklist's session
		RawHttp tasklist = new RawHttp(port, "127.0.0.1");
		assertThat(tasklist.webappLogin("tasklist", "worker.north", "secret-worker.north").status()).isEqualTo(200);
		assertNoStore("webapp task list", tasklist.get("/camunda/api/engine/engine/default/task?processInstanceBusinessKey="
				+ caseRef, "Accept", "application/json"));
		assertNoStore("webapp task", tasklist.get("/camunda/api/engine/engine/default/task/" + taskId + "/form-variables",
				"Accept", "application/json"));
	}

	@Test
	void ourPagesSendAStrictContentSecurityPolicyAndRenderUnderIt() {
		RawHttp http = new RawHttp(port, "127.0.0.1");
		String auditor = basic("auditor.one", "secret-auditor.one");
		check("/login", http.get("/login", "Accept", "text/html"), http);
		check("/oversight", http.get("/oversight", "Authorization", basic("tm.north", "secret-tm.north"), "Accept",
				"text/html"), http);
		check("/reports/timeliness", http.get("/reports/timeliness", "Authorization", auditor, "Accept", "text/html"), http);
		check("/cases/../history",
				http.get("/cases/" + caseRef + "/history", "Authorization", auditor, "Accept", "text/html"), http);
		check("/admin/outbox", http.get("/admin/outbox", "Authorization", basic("admin.one", "secret-admin.one"), "Accept",
				"text/html"), http);

		// the webapps keep their own policy (nonces for their scripts)
		String tasklist = http.get("/camunda/app/tasklist/default/", "Accept", "text/html").header("Content-Security-Policy");
		assertThat(tasklist).contains("strict-dynamic");
	}

	private void check(String page, RawHttp.Answer answer, RawHttp http) {
		assertThat(answer.status()).as(page).isEqualTo(200);
		String csp = answer.header("Content-Security-Policy");
		assertThat(csp).as(page + ": Content-Security-Policy")
			.isNotNull()
			.contains("default-src 'none'")
			.contains("style-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("form-action 'self'")
			.contains("base-uri 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval")
			.doesNotContain("*");
		// what the policy would block: inline style and script
		assertThat(answer.body()).as(page).doesNotContain("<style").doesNotContain("style=\"").doesNotContain("<script");
		List<String> stylesheets = new ArrayList<>();
		Matcher link = LINK.matcher(answer.body());
		while (link.find()) {
			if (link.group().contains("rel=\"stylesheet\"")) {
				Matcher href = HREF.matcher(link.group());
				assertThat(href.find()).as(link.group()).isTrue();
				stylesheets.add(href.group(1));
			}
		}
		assertThat(stylesheets).as(page + ": its stylesheets").isNotEmpty();
		for (String href : stylesheets) {
			assertThat(href).as(page).startsWith("/").doesNotStartWith("//");
			RawHttp.Answer css = http.get(href, "Accept", "text/css");
			assertThat(css.status()).as(page + " " + href).isEqualTo(200);
			assertThat(css.header("Content-Type")).as(href).startsWith("text/css");
		}
	}

	private static void assertNoStore(String what, RawHttp.Answer answer) {
		assertThat(answer.header("Cache-Control")).as(what + " (" + answer.status() + "): Cache-Control")
			.isNotNull()
			.contains("no-store");
		assertThat(answer.all("Cache-Control")).as(what).hasSize(1);
	}

}
