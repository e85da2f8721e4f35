package org.timescales.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasklist as a social worker in England finds it, on a browser left in US English (Debian's chromium
 * and most new machines): a date field of a Camunda Form reads dd/mm/yyyy, so "03/04/2026" typed is
 * 3 April 2026 in the process, and Camunda's end-of-life banner is not shown. Both come from the
 * webapps' documented customisation (our app/tasklist/scripts/config.js with its custom script, and
 * each app's styles/user-styles.css under META-INF/resources/webjars/camunda); Cockpit's and Admin's
 * stylesheets are checked as served. Debian's chromium and chromium-driver, as installed; skipped
 * without. Screenshots: {@code target/browser/uk-dates-*}.
 */
@TimescalesTest
class UkDatesBrowserTest extends ProcessTestSupport {

	@RegisterExtension
	final Browser shots = Browser.evidence();

	private ChromeDriver browser;

	private WebDriverWait wait;

	private TasklistPage tasklist;

	@BeforeEach
	void people() {
		// the assessment form test's team: the task is found by its case reference
		user("sw.ukdates", "assessors", "practitioner", "social-worker");
		browser = shots.driver();
		// HeadlessChromium is an English user; this one is a browser nobody set up: US English
		browser.executeCdpCommand("Emulation.setLocaleOverride", Map.of());
		browser.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "en-US"));
		wait = shots.await();
		tasklist = shots.tasklist();
	}

	@Test
	void aPractitionerOnAUsEnglishBrowserTypesTheThirdOfAprilAsTheUkWritesIt() throws Exception {
		// the browser really is in US English: left to itself, form-js would read 03/04/2026 as 4 March
		browser.get("about:blank");
		assertThat(browser.executeScript("return new Intl.DateTimeFormat().format(new Date(2026, 3, 3))"))
			.isEqualTo("4/3/2026");
		tasklist.login("sw.ukdates");
		screenshot("uk-dates-1-signed-in");
		assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
			.as("Camunda's end-of-life banner is in the page (Community Edition) but hidden")
			.isNotEmpty()
			.noneMatch(WebElement::isDisplayed);

		String caseRef = newCaseRef("UKD");
		String pid = referrals
			.receive(new ReferralRequest("REF-" + caseRef, new ReferralRequest.Child(caseRef, "Ada", "Browser",
					"2016-05-01", "F"), "2026-04-02T09:30", "2A", "assessors"))
			.referral()
			.processInstanceId();

		tasklist.selectFilter("My team");
		tasklist.openTask(caseRef);
		tasklist.claimIfNeeded();
		tasklist.waitForFormHeading(caseRef);
		tasklist.clickLabel("No further action");
		WebElement date = tasklist.fieldLabelled("Date of decision");
		assertThat(date.getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
		tasklist.scrollTo(date);
		date.click();
		// typed as a person types it, not through TasklistPage.typeDate (which follows the placeholder)
		date.sendKeys("03/04/2026", Keys.TAB);
		tasklist.typeInto("Rationale for the decision", "Family supported by school; no role for children's social care");
		wait.until(d -> "03/04/2026".equals(tasklist.fieldLabelled("Date of decision").getDomProperty("value")));
		screenshot("uk-dates-2-decision-filled-in");
		tasklist.clickComplete();
		tasklist.waitUntilGone(caseRef);

		assertThat(variable(pid, "referralDecision")).isEqualTo("NFA");
		assertThat(variable(pid, "referralDecisionDate")).hasToString("2026-04-03");
	}

	@Test
	void cockpitAndAdminAreServedTheStylesheetThatHidesTheBanner() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String app : new String[] { "tasklist", "cockpit", "admin" }) {
			HttpResponse<String> css = http.send(HttpRequest
				.newBuilder(URI.create(base() + "/camunda/app/" + app + "/styles/user-styles.css"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(css.statusCode()).as(app).isEqualTo(200);
			assertThat(css.body().replaceAll("\\s+", " ")).as(app)
				.contains("[cam-widget-header] .ce-eol-banner { display: none; }");
		}
	}

	private String base() {
		return shots.base();
	}

	private void screenshot(String name) throws IOException {
		shots.screenshot(name);
	}

}
