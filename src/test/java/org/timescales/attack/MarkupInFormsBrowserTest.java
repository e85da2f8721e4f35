package org.timescales.attack;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.browser.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 11, point 4, seen where it happened: the real Tasklist renders the manager's Authorise assessment
 * form for a child whose name, recorded before names were checked, is markup, with a practitioner's
 * summary that is markup too. Before, form-js rendered both as HTML (an {@code <img>}, a link, bold);
 * now the name shows as the text it is, and the summary is the value of a disabled field. Skipped where
 * Debian's chromium and chromium-driver are not installed (as the other browser test).
 */
@TimescalesTest
class MarkupInFormsBrowserTest extends ProcessTestSupport {

	private static final String GIVEN = "<img src=x onerror=alert(1)>";

	private static final String FAMILY = "**Bold** [link](https://evil.example) www.evil.example";

	private static final String SUMMARY = "Seen at home.\n<img src=\"https://evil.example/pixel\">\n"
			+ "[Open the file](https://evil.example) **urgent** # not a heading";

	@LocalServerPort
	int port;

	private WebDriver browser;

	private WebDriverWait wait;

	private HeadlessChromium chromium;

	@BeforeEach
	void startBrowser() throws IOException {
		assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
		chromium = HeadlessChromium.start();
		browser = chromium.driver();
		wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void theManagersFormShowsMarkupInANameAndInASummaryAsText() {
		String caseRef = newCaseRef("MKB");
		jdbc.sql("insert into child_case (case_ref, given_name, family_name, date_of_birth, team, created_at, held_since) "
				+ "values (?, ?, ?, date '2016-05-01', 'north', current_timestamp, current_timestamp)")
			.params(caseRef, GIVEN, FAMILY)
			.update();
		String pid = referredForAssessment(caseRef);
		clockAt("2026-11-25T10:00:00Z");
		taskService.claim(task(pid, "UserTask_CompleteAssessment").getId(), "worker.north");
		complete(pid, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", "2026-11-24", "assessmentOutcome",
				"CIN_PLAN", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", SUMMARY));
		String authorise = task(pid, "UserTask_AuthoriseAssessment").getId();
		// the browser works on the real clock
		ClockUtil.reset();

		tasklistLogin("tm.north");
		browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + authorise);
		WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//*[contains(@class,'fjs-container')]//h1[contains(normalize-space(),'" + caseRef + "')]")));
		WebElement form = browser.findElement(By.cssSelector(".fjs-container"));

		assertThat(heading.getText()).contains("Authorise assessment: case " + caseRef)
			.contains(GIVEN + " " + FAMILY);
		assertThat(form.findElements(By.tagName("img"))).as("images in the form").isEmpty();
		// the only link in the form's text is ours, the case reference to the case page (form-js's own
		// "powered by bpmn.io" is outside it): the name and the summary make none
		assertThat(form.findElements(By.cssSelector(".fjs-form-field-text a"))).as("links in the form's text")
			.singleElement()
			.satisfies(link -> {
				assertThat(link.getText()).isEqualTo(caseRef);
				assertThat(link.getAttribute("href")).endsWith("/cases/" + caseRef);
			});
		// the name is the text of the heading's bold, not bold and links of its own
		assertThat(heading.findElements(By.tagName("strong"))).singleElement()
			.satisfies(bold -> assertThat(bold.getText()).isEqualTo(GIVEN + " " + FAMILY));
		WebElement summary = fieldLabelled("Summary of the assessment and analysis");
		assertThat(summary.getTagName()).isEqualTo("textarea");
		assertThat(summary.getAttribute("value")).isEqualTo(SUMMARY);
		assertThat(summary.isEnabled()).as("the summary can be read, not changed").isFalse();
		WebElement outcome = form.findElement(By.xpath(".//label[normalize-space()='Child in need plan']"));
		assertThat(outcome.getAttribute("class")).contains("fjs-checked");
		assertThat(outcome.findElement(By.tagName("input")).isEnabled()).isFalse();
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private void tasklistLogin(String user) {
		for (int attempt = 1;; attempt++) {
			chromium.submitTasklistSignIn(base(), user, wait);
			try {
				wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
				return;
			}
			catch (org.openqa.selenium.TimeoutException stillSigningIn) {
				// a loaded CI machine once left the sign-in form up: once more, then say what the page said
				if (attempt == 2) {
					throw new AssertionError("Tasklist sign-in of " + user + " did not complete; the page said: "
							+ browser.findElement(By.tagName("body")).getText(), stillSigningIn);
				}
			}
		}
	}

	private WebElement fieldLabelled(String label) {
		WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//*[contains(@class,'fjs-container')]//label[starts-with(normalize-space(),'" + label + "')]")));
		return browser.findElement(By.id(labelElement.getAttribute("for")));
	}

}
