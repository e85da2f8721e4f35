package org.timescales.browser;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;
import org.timescales.casefile.ClockView.EscalationView;
import org.timescales.clock.ClockStatus;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue journey in a real browser against the running application. A referral's decision is
 * days overdue and escalated: the team manager sees the breach on {@code /oversight}, acknowledges it
 * by completing the review task in Tasklist's <b>My work</b> and sees the acknowledgement there; the
 * practitioner finds the task in Tasklist's <b>Overdue</b> filter, is stopped by the form's validation,
 * records the decision, and the clock stops late. The manager's part comes first: once the decision is
 * recorded the case leaves the open breaches, and only a review still waiting (here the service
 * manager's) keeps it on the page.
 * <p>
 * The engine runs on the real clock here (the browser does): the referral is back-dated a week, so its
 * deadline has passed. Debian's {@code chromium} and {@code chromium-driver} are used as installed
 * ({@code .ci/run} installs them); without them the test is skipped. Selenium is given both paths, so
 * Selenium Manager never looks for, or downloads, a browser or a driver. Screenshots of each step:
 * {@code target/browser/overdue-*}.
 */
@TimescalesTest
class OverdueJourneyBrowserTest extends ProcessTestSupport {

	private static final String REASON_FOR_DELAY = "Referral sat in the unallocated tray over the weekend";

	private static final String ACTION_AGREED = "Worker to record the decision today; duty worker clears the tray every morning";

	@RegisterExtension
	final Browser shots = Browser.evidence();

	private WebDriver browser;

	private WebDriverWait wait;

	private TasklistPage tasklist;

	private String caseRef;

	private String pid;

	@BeforeEach
	void people() {
		user("tm.west", "west", "team-manager");
		user("worker.west", "west", "practitioner");
		browser = shots.driver();
		wait = shots.await();
		tasklist = shots.tasklist();
	}

	@Test
	void aPractitionerRecordsAnOverdueDecisionAndTheManagerAcknowledgesTheBreach() throws Exception {
		// 1. Given: a referral to the west team (its own, so no other class's tasks share its lists) received a
		// week ago, its decision overdue and escalated to tm.west
		caseRef = newCaseRef("BRW");
		String receivedAt = LocalDateTime.now(London.ZONE).minusDays(7).truncatedTo(ChronoUnit.MINUTES).toString();
		pid = referrals
			.receive(new ReferralRequest("REF-" + caseRef, new ReferralRequest.Child(caseRef, "Ada", "Browser",
					"2016-05-01", "F"), receivedAt, "2A", "west"))
			.referral()
			.processInstanceId();
		executeDueJobsOfThisCase();
		Task decision = task(pid, "UserTask_DecideOnReferral");
		assertThat(decision.getDueDate()).isInThePast();
		assertThat(reviewTasks(caseRef, "tm.west")).hasSize(1);
		LocalDate today = LocalDate.now(London.ZONE);

		// 2. the team manager sees the breach on the oversight page (our login form)
		openOversight("tm.west");
		WebElement row = breachRow();
		assertThat(row.getText()).contains(caseRef)
			.contains("Decision on referral")
			.contains("Tier 1 raised")
			.contains("to tm.west")
			.contains("Not yet acknowledged");
		scrollTo(row);
		screenshot("01-oversight-breach-not-acknowledged");

		// 3. ... and acknowledges it: completes the review task in Tasklist's "My work"
		tasklist.login("tm.west");
		tasklist.selectFilter("My work");
		String review = "Review overdue: Decide on referral for " + caseRef;
		tasklist.waitForTaskInList(review);
		screenshot("02-manager-my-work");
		tasklist.openTask(review);
		tasklist.claimIfNeeded();
		tasklist.waitForFormHeading(caseRef);
		LocalDate newTarget = today.plusDays(3);
		tasklist.typeInto("Reason for the delay", REASON_FOR_DELAY);
		tasklist.typeInto("Action agreed", ACTION_AGREED);
		tasklist.typeDate("New target date", newTarget);
		screenshot("03-review-filled-in");
		tasklist.clickComplete();
		wait.until(d -> d.findElements(TasklistPage.taskInListLocator(review)).isEmpty());
		screenshot("04-review-completed");
		EscalationView tier1 = clock(pid, "referral-decision").escalations()
			.stream()
			.filter(e -> e.tier() == 1)
			.findFirst()
			.orElseThrow();
		assertThat(tier1.acknowledgedBy()).isEqualTo("tm.west");
		assertThat(tier1.reasonForDelay()).isEqualTo(REASON_FOR_DELAY);
		assertThat(tier1.actionAgreed()).isEqualTo(ACTION_AGREED);
		assertThat(tier1.newTargetDate()).isEqualTo(newTarget);
		tasklist.logout();

		openOversight("tm.west");
		row = breachRow();
		assertThat(row.getText()).contains(caseRef)
			.contains("Acknowledged")
			.contains("by tm.west")
			.contains(REASON_FOR_DELAY)
			.contains(ACTION_AGREED);
		scrollTo(row);
		screenshot("05-oversight-acknowledged");

		// 4. the practitioner opens Tasklist's Overdue filter and the task of the case
		tasklist.login("worker.west");
		screenshot("06-worker-signed-in");
		tasklist.selectFilter("Overdue");
		WebElement listed = tasklist.waitForTaskInList(caseRef);
		assertThat(listed.getText()).contains("Decide on referral").contains("Ada Browser");
		screenshot("07-overdue-filter");
		tasklist.openTask(caseRef);
		tasklist.claimIfNeeded();
		WebElement heading = tasklist.waitForFormHeading(caseRef);
		assertThat(heading.getText()).contains("Case " + caseRef).contains("Ada Browser");
		screenshot("08-decision-form");

		// 5. Complete with nothing filled in: the form says what is missing and nothing is completed
		tasklist.clickComplete();
		wait.until(d -> d.findElements(By.xpath("//*[contains(@class,'fjs-form-field-error')]"
				+ "[contains(normalize-space(),'Field is required')]")).size() == 3);
		screenshot("09-decision-validation-errors");
		assertThat(task(pid, "UserTask_DecideOnReferral")).as("the task is still open").isNotNull();

		// 6. filled in, completed: gone from the list, the clock stopped late
		tasklist.clickLabel("No further action");
		tasklist.typeDate("Date of decision", today);
		tasklist.typeInto("Rationale for the decision", "No role for children's social care: family supported by school");
		wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field-error")).stream().noneMatch(WebElement::isDisplayed));
		screenshot("10-decision-filled-in");
		tasklist.clickComplete();
		wait.until(d -> d.findElements(TasklistPage.taskInListLocator(caseRef)).isEmpty());
		screenshot("11-decision-completed");

		HistoricTaskInstance done = engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.taskId(decision.getId())
			.singleResult();
		assertThat(done.getEndTime()).as("task completed").isNotNull();
		assertThat(done.getDeleteReason()).isEqualTo("completed");
		assertThat(done.getAssignee()).isEqualTo("worker.west");
		assertThat(variable(pid, "referralDecision")).isEqualTo("NFA");
		assertThat(variable(pid, "referralDecisionDate")).hasToString(today.toString());
		assertThat(clock(pid, "referral-decision").status()).isEqualTo(ClockStatus.MET_LATE);
		tasklist.logout();

		// 7. the breach is closed: no longer an open breach; the service manager's review (tier 2) still waits
		openOversight("tm.west");
		assertThat(browser.findElements(breachRowLocator())).isEmpty();
		assertThat(browser.findElements(By.xpath("//tr[starts-with(@id,'awaiting-')][.//a[normalize-space()='"
				+ caseRef + "']]")))
			.singleElement()
			.satisfies(waiting -> assertThat(waiting.getText()).contains("sm.east"));
		screenshot("12-oversight-after-decision");
	}

	// --- the case's timers, on the real clock

	/**
	 * Runs this case's due timers (the reminder, the overdue and the still-overdue escalation). Only
	 * this case's: on the real clock other classes' leftover timers may be due too.
	 */
	private void executeDueJobsOfThisCase() {
		executeDueJobsOf(pid);
	}

	// --- our pages

	/**
	 * Opens the oversight page, signing in when asked: the webapps and our pages share the servlet
	 * session, so logging out of Tasklist signs the user out of our pages too.
	 */
	private void openOversight(String user) {
		shots.open("/oversight", user);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("team-west")));
	}

	private By breachRowLocator() {
		return By.xpath("//tr[starts-with(@id,'breach-')][.//a[normalize-space()='" + caseRef + "']]");
	}

	private WebElement breachRow() {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(breachRowLocator()));
	}

	// --- evidence

	private void scrollTo(WebElement element) {
		shots.scrollTo(element);
	}

	private void screenshot(String name) throws IOException {
		shots.screenshot("overdue-" + name);
	}

}
