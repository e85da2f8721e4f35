package org.timescales.browser;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;
import org.timescales.casefile.Holdings;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team manager's Monday morning in a real browser: the caseload page lists a child nobody holds; the
 * manager picks a worker and a reason and allocates; the page says so, the child leaves the
 * unallocated list and counts in the worker's caseload, and the child's open task is the worker's.
 * A refused allocation (no reason) is shown on the page with the reason, and changes nothing. The team
 * "allocation" is this test's own. Debian's chromium and chromium-driver, as installed; skipped without.
 */
@TimescalesTest
class CaseloadAllocationBrowserTest extends ProcessTestSupport {

	@Autowired
	Holdings holdings;

	@RegisterExtension
	final Browser shots = Browser.evidence();

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void people() {
		user("tm.allocation", "allocation", "team-manager");
		user("sw.allocation", "allocation", "practitioner", "social-worker");
		browser = shots.driver();
		wait = shots.await();
	}

	@Test
	void aManagerAllocatesAnUnallocatedChildFromTheCaseloadPage() {
		String caseRef = newCaseRef("BRA");
		String receivedAt = LocalDateTime.now(London.ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
		String pid = referrals
			.receive(new ReferralRequest("REF-" + caseRef,
					new ReferralRequest.Child(caseRef, "Ada", "Browser", "2016-05-01", "F"), receivedAt, "2A", "allocation"))
			.referral()
			.processInstanceId();

		browser.get(shots.base() + "/oversight/caseloads?team=allocation");
		WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
		username.sendKeys("tm.allocation");
		browser.findElement(By.name("password")).sendKeys("secret-tm.allocation");
		browser.findElement(By.cssSelector("button[type='submit']")).click();
		WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unallocated-" + caseRef)));
		assertThat(row.getText()).contains(caseRef);

		// no reason: the browser's own check is bypassed to show that the server refuses it too
		new Select(row.findElement(By.name("worker"))).selectByValue("sw.allocation");
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("arguments[0].removeAttribute('required')", row.findElement(By.name("reason")));
		row.findElement(By.cssSelector("button[type='submit']")).click();
		WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")));
		assertThat(refused.getText()).contains(caseRef).contains("reason");
		assertThat(holdings.current(caseRef)).isEmpty();

		row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unallocated-" + caseRef)));
		new Select(row.findElement(By.name("worker"))).selectByValue("sw.allocation");
		row.findElement(By.name("reason")).sendKeys("Monday allocation meeting");
		row.findElement(By.cssSelector("button[type='submit']")).click();

		WebElement allocated = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("allocated")));
		assertThat(allocated.getText()).isEqualTo(caseRef + " is allocated to sw.allocation");
		assertThat(browser.findElements(By.id("unallocated-" + caseRef))).isEmpty();
		assertThat(browser.findElement(By.id("worker-row-sw.allocation")).getText()).startsWith("sw.allocation social-worker");
		var allocation = holdings.current(caseRef).orElseThrow();
		assertThat(allocation.worker()).isEqualTo("sw.allocation");
		assertThat(allocation.by()).isEqualTo("tm.allocation");
		assertThat(allocation.reason()).isEqualTo("Monday allocation meeting");
		assertThat(task(pid, "UserTask_DecideOnReferral").getAssignee()).isEqualTo("sw.allocation");
	}

}
