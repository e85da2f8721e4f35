package org.timescales.browser;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

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
import org.timescales.calendar.London;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A manager goes from a breach on {@code /oversight} to the case page in a real browser: the case reference
 * opens the child's page (not the case's JSON), which shows the late decision in red with its escalation not
 * yet acknowledged, and leads on to the case's history. The engine runs on the real clock; the referral is
 * back-dated a week, so its deadline has passed. Debian's chromium and chromium-driver, as installed;
 * skipped without.
 */
@TimescalesTest
class CasePageBrowserTest extends ProcessTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	private HeadlessChromium chromium;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
		user("tm.west", "west", "team-manager");
		chromium = HeadlessChromium.start();
		browser = chromium.driver();
		wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aManagerGoesFromABreachOnTheBreachesPageToTheCasePage() throws IOException {
		String caseRef = newCaseRef("BRC");
		String receivedAt = LocalDateTime.now(London.ZONE).minusDays(7).truncatedTo(ChronoUnit.MINUTES).toString();
		String pid = referrals
			.receive(new ReferralRequest("REF-" + caseRef,
					new ReferralRequest.Child(caseRef, "Ada", "Casepage", "2016-05-01", "F"), receivedAt, "2A", "west"))
			.referral()
			.processInstanceId();
		executeDueJobsOf(pid);
		assertThat(reviewTasks(caseRef, "tm.west")).hasSize(1);

		browser.get("http://localhost:" + port + "/oversight?team=west");
		WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
		username.sendKeys("tm.west");
		browser.findElement(By.name("password")).sendKeys("secret-tm.west");
		browser.findElement(By.cssSelector("button[type='submit']")).click();
		WebElement breach = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//tr[starts-with(@id,'breach-')][.//a[normalize-space()='" + caseRef + "']]")));
		breach.findElement(By.linkText(caseRef)).click();

		wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/cases/" + caseRef));
		WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
		assertThat(heading.getText()).isEqualTo("Case " + caseRef + ": Ada Casepage");
		assertThat(browser.findElement(By.id("worker")).getText()).isEqualTo("unallocated");
		WebElement late = browser.findElement(By.xpath("//table[@aria-labelledby='open-clocks']//tr[.//th[contains(., 'Decision on referral')]]"));
		assertThat(late.getText()).contains("Red: late").contains("working days late");
		assertThat(browser.findElement(By.xpath("//table[@aria-labelledby='escalations']")).getText())
			.contains("Tier 1 to tm.west")
			.contains("Not yet acknowledged");

		screenshot("case-page");
		String tasks = browser.findElement(By.id("tasklist-link")).getDomProperty("href");
		browser.findElement(By.id("history-link")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "History of case " + caseRef));

		// the case's tasks in Tasklist: searched for by the case reference
		TasklistPage tasklist = new TasklistPage(chromium, wait, "http://localhost:" + port);
		tasklist.login("tm.west");
		browser.get(tasks);
		tasklist.waitForTaskInList("Review overdue: Decide on referral for " + caseRef);
		assertThat(browser.getCurrentUrl()).contains("searchQuery");
		screenshot("case-tasks-in-tasklist");
	}

	/** Evidence in target/browser-case-page/ (the overdue journey empties target/browser/). */
	private void screenshot(String name) throws IOException {
		java.nio.file.Path dir = java.nio.file.Path.of("target", "browser-case-page");
		java.nio.file.Files.createDirectories(dir);
		java.io.File png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE);
		java.nio.file.Files.copy(png.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

}
