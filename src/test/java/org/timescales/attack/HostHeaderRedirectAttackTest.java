package org.timescales.attack;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forged {@code Host} header (a poisoned cache or a proxy that passes it on) must never become the
 * address a person is sent to: every redirect stays on this site, as a path.
 */
@TimescalesTest
class HostHeaderRedirectAttackTest extends ProcessTestSupport {

	private static final String FORGED = "evil.example";

	@LocalServerPort
	int port;

	@Test
	void aStrangerIsSentToThisSitesLoginPageNotTheForgedHosts() {
		RawHttp client = new RawHttp(port, "127.0.0.41").host(FORGED);
		for (String page : new String[] { "/oversight", "/admin/outbox", "/reports/timeliness", "/cases/ANY/history" }) {
			RawHttp.Answer answer = client.get(page, "Accept", "text/html");
			assertThat(answer.status()).as(page).isEqualTo(302);
			assertOnThisSite(page, answer.header("Location"));
			assertThat(answer.header("Location")).as(page).endsWith("/login");
		}
	}

	@Test
	void signingInAndOutNeverRedirectsToTheForgedHost() {
		RawHttp browser = new RawHttp(port, "127.0.0.42").host(FORGED);
		// the page asked for is remembered, and after signing in the browser is sent back to it
		assertOnThisSite("/admin/outbox", browser.get("/admin/outbox", "Accept", "text/html").header("Location"));
		RawHttp.Answer signedIn = browser.formLogin("admin.one", "secret-admin.one");
		assertThat(signedIn.status()).isEqualTo(302);
		assertOnThisSite("after signing in", signedIn.header("Location"));
		assertThat(signedIn.header("Location")).startsWith("/admin/outbox");
		assertThat(browser.get(signedIn.header("Location"), "Accept", "text/html").status()).isEqualTo(200);

		RawHttp.Answer wrong = new RawHttp(port, "127.0.0.42").host(FORGED).formLogin("mistyped.password", "wrong");
		assertOnThisSite("a failed sign-in", wrong.header("Location"));

		RawHttp.Answer signedOut = browser.logout();
		assertThat(signedOut.status()).isEqualTo(302);
		assertOnThisSite("after signing out", signedOut.header("Location"));
	}

	@Test
	void theRootAndTheWebappsRedirectWithinThisSite() {
		RawHttp client = new RawHttp(port, "127.0.0.43").host(FORGED);
		for (String path : new String[] { "/", "/camunda", "/camunda/app/", "/camunda/app/tasklist" }) {
			RawHttp.Answer answer = client.get(path, "Accept", "text/html");
			if (answer.status() / 100 == 3) {
				assertOnThisSite(path, answer.header("Location"));
			}
		}
	}

	private static void assertOnThisSite(String what, String location) {
		assertThat(location).as(what + ": Location").isNotNull().doesNotContainIgnoringCase(FORGED);
		// a path on this site, never scheme- or protocol-relative (//host)
		assertThat(location).as(what + ": Location").startsWith("/").doesNotStartWith("//");
	}

}
