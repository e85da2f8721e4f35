package org.timescales.browser;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;
import org.timescales.casefile.ClockView.EscalationView;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team manager's journey in a real browser, from a breach to its acknowledgement: on {@code /oversight}
 * the case reference of a late decision opens the child's page (not the case's JSON), which shows the
 * decision in red with its escalation not yet acknowledged, and leads on to the case's history and to
 * its tasks in Tasklist; there the manager completes <b>Review overdue</b> (the reason, the action agreed,
 * a new target date typed dd/mm/yyyy), the task leaves the list, and back on the case page the escalation
 * reads acknowledged by the manager with the action agreed. The engine runs on the real clock; the
 * referral is back-dated a week, so its deadline has passed. The west team is the browser tests' own: its
 * manager is tm.west. Screenshots {@code manager-*.png} ({@link Browser#screens()}).
 */
@TimescalesTest
class ManagerJourneyBrowserTest extends ProcessTestSupport {

	private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final String REASON_FOR_DELAY = "Referral came in on Friday evening and sat with the duty team";

	private static final String ACTION_AGREED = "Sam to record the decision today; duty tray checked every morning";

	@RegisterExtension
	final Browser browser = Browser.screens();

	@BeforeEach
	void people() {
		user("tm.west", "west", "team-manager");
	}

	@Test
	void aManagerGoesFromABreachToTheCasePageAndAcknowledgesTheEscalation() throws Exception {
		// Given: a referral received a week ago, its decision overdue and escalated to tm.west
		String caseRef = newCaseRef("C");
		String receivedAt = LocalDateTime.now(London.ZONE).minusDays(7).truncatedTo(ChronoUnit.MINUTES).toString();
		String pid = referrals
			.receive(new ReferralRequest("REF-" + caseRef,
					new ReferralRequest.Child(caseRef, "Leo", "Hughes", "2016-05-01", "M"), receivedAt, "2A", "west"))
			.referral()
			.processInstanceId();
		executeDueJobsOf(pid);
		assertThat(reviewTasks(caseRef, "tm.west")).hasSize(1);
		WebDriver page = browser.driver();

		// 1. the breaches page: the late decision, escalated to tm.west, not yet acknowledged
		browser.open("/oversight?team=west", "tm.west");
		WebElement breach = browser.visible(
				By.xpath("//tr[starts-with(@id,'breach-')][.//a[normalize-space()='" + caseRef + "']]"));
		assertThat(breach.getText()).contains("Decision on referral").contains("to tm.west").contains("Not yet acknowledged");
		browser.scrollTo(breach);
		browser.screenshot("manager-1-breaches");

		// 2. its case reference opens the case page
		breach.findElement(By.linkText(caseRef)).click();
		browser.await().until(ExpectedConditions.urlToBe(browser.url("/cases/" + caseRef)));
		WebElement heading = browser.visible(By.tagName("h1"));
		assertThat(heading.getText()).isEqualTo("Case " + caseRef + ": Leo Hughes");
		assertThat(page.findElement(By.id("worker")).getText()).isEqualTo("unallocated");
		WebElement late = page.findElement(
				By.xpath("//table[@aria-labelledby='open-clocks']//tr[.//th[contains(., 'Decision on referral')]]"));
		assertThat(late.getText()).contains("Red: late")
			.contains("working days late")
			.contains(UK.format(clock(pid, "referral-decision").dueDate()));
		assertThat(escalations().getText()).contains("Tier 1 to tm.west").contains("Not yet acknowledged");
		browser.screenshot("manager-2-case-page");

		// the case page leads to the case's history...
		String tasks = page.findElement(By.id("tasklist-link")).getDomProperty("href");
		page.findElement(By.id("history-link")).click();
		browser.await()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "History of case " + caseRef));

		// 3. ... and to its tasks in Tasklist, searched for by the case reference
		TasklistPage tasklist = browser.tasklist();
		tasklist.login("tm.west");
		page.get(tasks);
		String review = "Review overdue: Decide on referral for " + caseRef;
		tasklist.waitForTaskInList(review);
		assertThat(page.getCurrentUrl()).contains("searchQuery");
		browser.screenshot("manager-3-case-tasks");

		// 4. the review: why it is late, what is agreed, a new target date typed as dd/mm/yyyy
		tasklist.openTask(review);
		tasklist.claimIfNeeded();
		tasklist.waitForFormHeading(caseRef);
		LocalDate newTarget = LocalDate.now(London.ZONE).plusDays(3);
		tasklist.typeInto("Reason for the delay", REASON_FOR_DELAY);
		tasklist.typeInto("Action agreed", ACTION_AGREED);
		assertThat(tasklist.fieldLabelled("New target date").getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
		tasklist.typeDate("New target date", newTarget);
		assertThat(tasklist.valueOf("New target date")).isEqualTo(UK.format(newTarget));
		browser.screenshot("manager-4-review-overdue");
		tasklist.clickComplete();
		tasklist.waitUntilGone(review);
		EscalationView tier1 = clock(pid, "referral-decision").escalations()
			.stream()
			.filter(e -> e.tier() == 1)
			.findFirst()
			.orElseThrow();
		assertThat(tier1.acknowledgedBy()).isEqualTo("tm.west");
		assertThat(tier1.newTargetDate()).isEqualTo(newTarget);

		// 5. back on the case page: acknowledged by tm.west, with the reason, the action and the new date
		browser.open("/cases/" + caseRef, "tm.west");
		WebElement acknowledged = page.findElement(By.xpath(
				"//table[@aria-labelledby='escalations']//tr[.//td[starts-with(normalize-space(), 'Tier 1 to tm.west')]]"));
		assertThat(acknowledged.getText()).contains("by tm.west, " + UK.format(LocalDate.now(London.ZONE)))
			.contains(REASON_FOR_DELAY)
			.contains(ACTION_AGREED)
			.contains(UK.format(newTarget))
			.doesNotContain("Not yet acknowledged");
		browser.scrollTo(acknowledged);
		browser.screenshot("manager-5-acknowledged");
	}

	private WebElement escalations() {
		return browser.driver().findElement(By.xpath("//table[@aria-labelledby='escalations']"));
	}

}
