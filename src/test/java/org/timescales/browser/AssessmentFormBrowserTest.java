package org.timescales.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A social worker completes a child and family assessment in Tasklist, as the CIN census needs it
 * recorded: the form shows the child's disabilities as the referral recorded them; an unknown factor
 * code is refused with the form's sentence and nothing is completed; put right, the assessment goes to
 * the manager with the primary need, the factors and the disabilities recorded. Team "assessors" is the
 * test's own. Debian's chromium and chromium-driver, as installed; skipped without. Screenshots:
 * {@code target/browser/assessment-*}.
 */
@TimescalesTest
class AssessmentFormBrowserTest extends ProcessTestSupport {

	private static final Path SHOTS = Path.of("target", "browser");

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String FACTORS = "Factors identified at assessment";

	private static final String DISABILITIES = "The child's disabilities";

	@LocalServerPort
	int port;

	private HeadlessChromium chromium;

	private WebDriver browser;

	private TasklistPage tasklist;

	@BeforeEach
	void startBrowser() throws IOException {
		assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
		Files.createDirectories(SHOTS);
		user("sw.assessors", "assessors", "practitioner", "social-worker");
		chromium = HeadlessChromium.start();
		browser = chromium.driver();
		tasklist = new TasklistPage(chromium, new WebDriverWait(browser, WAIT, Duration.ofMillis(100)),
				"http://localhost:" + port);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aSocialWorkerRecordsTheAssessmentsCensusFindingsAndIsToldWhatToPutRight() throws Exception {
		try {
			assessment();
		}
		catch (Throwable failure) {
			screenshot("assessment-failure");
			Files.writeString(SHOTS.resolve("assessment-failure.html"), browser.getPageSource(), StandardCharsets.UTF_8);
			throw failure;
		}
	}

	private void assessment() throws Exception {
		// referred yesterday with no disability recorded (NONE), decided for assessment
		String caseRef = newCaseRef("BRA");
		LocalDate today = LocalDate.now(London.ZONE);
		String receivedAt = LocalDateTime.now(London.ZONE).minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
		String pid = referrals
			.receive(new ReferralRequest("REF-" + caseRef, new ReferralRequest.Child(caseRef, "Ada", "Browser",
					"2016-05-01", "F", null, null, null, null, List.of("NONE")), receivedAt, "2A", "assessors"))
			.referral()
			.processInstanceId();
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT", "referralDecisionDate",
				today.minusDays(1).toString(), "decisionRationale", "Concerns about neglect need assessing"));

		tasklist.login("sw.assessors");
		tasklist.selectFilter("My team");
		tasklist.openTask(caseRef);
		tasklist.claimIfNeeded();
		// the heading links the child's case page
		assertThat(tasklist.waitForFormHeading(caseRef).findElement(By.tagName("a")).getAttribute("href"))
			.endsWith("/cases/" + caseRef);
		assertThat(tasklist.valueOf(DISABILITIES)).as("the disabilities as the referral recorded them").isEqualTo("NONE");

		tasklist.typeDate("Date the assessment started", today);
		tasklist.clickLabel("Child in need plan");
		tasklist.choose("Primary need the assessment found", "N4 Family in acute stress");
		tasklist.typeInto(FACTORS, "3B, 99Z");
		tasklist.replaceText(DISABILITIES, "ld, aut");
		tasklist.typeInto("Summary of the assessment and analysis", "Domestic abuse and a child with autism");
		screenshot("assessment-1-unknown-factor");
		tasklist.clickComplete();

		assertThat(tasklist.errorNotification()).contains(
				"assessmentFactors: 99Z is not a census assessment factor code (the codes are listed above the field)");
		screenshot("assessment-2-refused");
		assertThat(task(pid, "UserTask_CompleteAssessment")).as("the assessment is still open").isNotNull();
		assertThat(variable(pid, "assessmentFactors")).isNull();

		tasklist.replaceText(FACTORS, "3B, 4B");
		tasklist.clickComplete();
		tasklist.waitUntilGone(caseRef);
		screenshot("assessment-3-completed");

		assertThat(task(pid, "UserTask_AuthoriseAssessment")).as("gone to the manager").isNotNull();
		assertThat(variable(pid, "primaryNeedCode")).isEqualTo("N4");
		assertThat(variable(pid, "assessmentFactors")).isEqualTo("3B,4B");
		assertThat(jdbc.sql("select disabilities from child_case where case_ref = ?").param(caseRef).query(String.class)
			.single()).isEqualTo("LD,AUT");
	}

	private void screenshot(String name) throws IOException {
		File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
