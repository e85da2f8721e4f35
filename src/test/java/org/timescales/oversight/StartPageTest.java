package org.timescales.oversight;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.allocation.HolderRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start page, a practitioner's "My children" and the header every page of ours carries, over real
 * HTTP. sam.mine, a north social worker of this test only (so no other test's case is his), holds two
 * children referred on Monday 23 November 2026: one whose referral decision is due by the end of Tuesday 24
 * November, one already decided, its assessment due by the end of Thursday 28 January 2027.
 */
@TimescalesTest
class StartPageTest extends ProcessTestSupport {

	private static final String SAM = "sam.mine";

	private static String undecided;

	private static String assessing;

	@Autowired
	TestRestTemplate http;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@BeforeEach
	void samHoldsTwoChildren() {
		user(SAM, "north", "practitioner", "social-worker");
		if (undecided == null) {
			assessing = newCaseRef("MINE");
			referredForAssessment(assessing);
			undecided = newCaseRef("MINE");
			clockAt("2026-11-23T10:30:00Z");
			referral(undecided, "2026-11-23T10:00:00");
			for (String ref : new String[] { undecided, assessing }) {
				var allocated = HolderRequests.allocate(http, "tm.north", ref, SAM, null, "His");
				assertThat(allocated.getStatusCode().value()).as(allocated.getBody()).isEqualTo(200);
			}
		}
		clockAt("2026-11-23T16:00:00Z");
	}

	@Test
	void samSeesHisChildrenTheMostUrgentFirstEachLinkingItsCasePage() {
		ResponseEntity<String> page = get(SAM, "/my/children");

		assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
		String body = page.getBody();
		int first = body.indexOf("id=\"child-" + undecided + "\"");
		int second = body.indexOf("id=\"child-" + assessing + "\"");
		assertThat(first).isPositive();
		assertThat(second).isGreaterThan(first);
		assertThat(body.substring(first, second)).contains("<a href=\"/cases/" + undecided + "\">" + undecided + "</a>")
			.contains("<td>24/11/2026</td>")
			.contains("Decision on referral");
		assertThat(body.substring(second)).contains("<a href=\"/cases/" + assessing + "\">")
			.contains("<td>28/01/2027</td>");
		// nobody else's child
		assertThat(body.split("id=\"child-", -1)).hasSize(3);
		assertThat(oneNav(body)).contains("href=\"/my/children\"").doesNotContain("href=\"/oversight\"");
	}

	@Test
	void aPractitionersStartPageTakesThemToTheirChildrenAndTasklist() {
		String body = get(SAM, "/start").getBody();
		assertThat(body).contains("id=\"my-children-link\"").contains("id=\"tasklist-link\"")
			.doesNotContain("id=\"my-team-link\"");
	}

	@Test
	void aManagersStartPageShowsTheTeamAndNotMyChildren() {
		ResponseEntity<String> page = get("tm.north", "/start");
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).contains("id=\"my-team-link\"")
			.contains("id=\"caseloads-link\"")
			.contains("id=\"timeliness-link\"")
			.doesNotContain("id=\"my-children-link\"");
		assertThat(oneNav(page.getBody())).contains("href=\"/my/team\"")
			.contains("href=\"/oversight\"")
			.contains("href=\"/oversight/caseloads\"")
			.doesNotContain("href=\"/my/children\"");
	}

	@Test
	void anAuditorIsTakenToTheTimelinessReportAndTheReturnsAndNotToTasksHeHasNone() {
		String body = get("auditor.one", "/start").getBody();
		// the returns on a page of ours: signed in already, no browser password box for /api
		assertThat(body).contains("id=\"timeliness-link\"")
			.contains("<a id=\"returns-link\" href=\"/reports/returns\">")
			.doesNotContain("href=\"/api/returns")
			.doesNotContain("id=\"my-children-link\"");
		assertThat(oneNav(body)).doesNotContain("tasklist").doesNotContain("href=\"/my/children\"");
	}

	@Test
	void signingInWithoutAPageAskedForLandsOnTheStartPage() throws Exception {
		// java.net.http follows no redirect: the answer to the sign-in itself
		java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.build();
		String base = "http://localhost:" + port;
		String form = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString()).body();
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
			.matcher(form);
		assertThat(csrf.find()).as(form).isTrue();
		var signedIn = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("username=" + SAM + "&password=secret-" + SAM + "&_csrf=" + csrf.group(1)))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValue("/start");
	}

	@Test
	void everyPageOfOursCarriesTheNavigation() {
		for (String path : new String[] { "/start", "/oversight", "/oversight/caseloads", "/cases/" + assessing,
				"/cases/" + assessing + "/history", "/reports/timeliness", "/reports/returns", "/my/team" }) {
			ResponseEntity<String> page = get("tm.north", path);
			assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
			oneNav(page.getBody());
		}
		oneNav(get(SAM, "/my/children").getBody());
		oneNav(get("admin.one", "/admin/outbox").getBody());
	}

	/** The page's one main navigation, which also signs out. */
	private static String oneNav(String body) {
		assertThat(body.split("<nav aria-label=\"Main\"", -1)).as(body).hasSize(2);
		String nav = body.substring(body.indexOf("<nav aria-label=\"Main\""), body.indexOf("</nav>",
				body.indexOf("<nav aria-label=\"Main\"")));
		// signing out is a POST, so it carries the page's CSRF token
		assertThat(nav).contains("href=\"/start\"").contains("action=\"/logout\"").contains("name=\"_csrf\"");
		return nav;
	}

	private ResponseEntity<String> get(String user, String path) {
		return http.withBasicAuth(user, "secret-" + user).getForEntity(path, String.class);
	}

}
