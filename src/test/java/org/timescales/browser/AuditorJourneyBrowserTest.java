package org.timescales.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor's journey in a real browser: {@code ava} reads a case's history page, with the allocation
 * and sam's decision on it as rows, and downloads it as CSV through the page's link: the CSV has its
 * header and the same rows. The link is fetched with the browser's own session (the cookie of ava's sign-in):
 * it is a page address, not the basic-credentials /api. Screenshot {@code auditor-1-history.png}
 * ({@link Browser#screens()}).
 */
@TimescalesTest
class AuditorJourneyBrowserTest extends ProcessTestSupport {

	private static final String ALLOCATION_REASON = "Allocated at the Monday allocation meeting";

	@RegisterExtension
	final Browser browser = Browser.screens();

	@BeforeEach
	void people() {
		user("tm.west", "west", "team-manager");
		user("sam", "west", "practitioner", "social-worker");
		user("ava", "auditor");
	}

	@Test
	void anAuditorReadsACaseHistoryAndDownloadsItAsCsv() throws Exception {
		// Given: a referral of two days ago, allocated to sam by tm.west, decided by sam: assess
		WestTeam west = new WestTeam(referrals, browser.base());
		LocalDateTime now = LocalDateTime.now(London.ZONE).truncatedTo(ChronoUnit.MINUTES);
		String caseRef = newCaseRef("C");
		String pid = west.referral(caseRef, "Oliver", "Wright", "2014-11-20", "M", now.minusDays(2));
		west.allocate(caseRef, "sam");
		west.complete("sam", task(pid, "UserTask_DecideOnReferral").getId(), """
				{"referralDecision": {"value": "ASSESSMENT"}, "referralDecisionDate": {"value": "%s"},
				 "decisionRationale": {"value": "Health visitor's concerns about neglect need assessing"}}"""
			.formatted(now.minusDays(1).toLocalDate()));

		// 1. the history page: the allocation by tm.west and sam's decision, among the case's events
		browser.open("/cases/" + caseRef + "/history", "ava");
		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("History of case " + caseRef);
		WebElement allocated = browser.visible(By.xpath("//tr[td[@class='what'][normalize-space()='ALLOCATED']]"));
		assertThat(allocated.getText()).contains("tm.west").contains(ALLOCATION_REASON);
		WebElement decided = browser.visible(By.xpath("//tr[td[@class='what'][normalize-space()='TASK_COMPLETED']]"
				+ "[contains(., 'Decide on referral')]"));
		assertThat(decided.getText()).contains("sam");
		browser.screenshot("auditor-1-history");

		// 2. the page's CSV link, fetched as the browser would: with its session cookie and nothing else
		String href = browser.driver().findElement(By.linkText("Download as CSV")).getDomProperty("href");
		assertThat(href).isEqualTo(browser.url("/cases/" + caseRef + "/history.csv"));
		String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<String> csv = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "JSESSIONID=" + session).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"case-" + caseRef + "-history.csv\"");
		List<String> lines = Arrays.asList(csv.body().split("\r\n"));
		assertThat(lines.get(0))
			.isEqualTo("at,who,what,description,processInstanceId,clockId,ruleId,dueDate,oldValue,newValue");
		assertThat(lines).anySatisfy(line -> assertThat(line).contains(",tm.west,ALLOCATED,").contains(ALLOCATION_REASON));
		assertThat(lines).anySatisfy(line -> assertThat(line).contains(",sam,TASK_COMPLETED,").contains("Decide on referral"));
	}

}
