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
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;
import org.timescales.casefile.ClockView.EscalationView;
import org.timescales.clock.ClockStatus;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * {@code target/browser/}.
 */
@TimescalesTest
class OverdueJourneyBrowserTest extends ProcessTestSupport {

	private static final Path SHOTS = Path.of("target", "browser");

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String REASON_FOR_DELAY = "Referral sat in the unallocated tray over the weekend";

	private static final String ACTION_AGREED = "Worker to record the decision today; duty worker clears the tray every morning";

	@LocalServerPort
	int port;

	private WebDriver browser;

	private WebDriverWait wait;

	private HeadlessChromium chromium;

	private String caseRef;

	private String pid;


	@BeforeEach
	void startBrowser() throws IOException {
		assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
		Files.createDirectories(SHOTS);
		user("tm.west", "west", "team-manager");
		user("worker.west", "west", "practitioner");
		try (Stream<Path> old = Files.list(SHOTS)) {
			for (Path file : old.toList()) {
				Files.deleteIfExists(file);
			}
		}
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
	void aPractitionerRecordsAnOverdueDecisionAndTheManagerAcknowledgesTheBreach() throws Exception {
		try {
			journey();
		}
		catch (Throwable failure) {
			evidence("failure");
			throw failure;
		}
	}

	private void journey() throws Exception {
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
		tasklistLogin("tm.west");
		selectFilter("My work");
		String review = "Review overdue: Decide on referral for " + caseRef;
		waitForTaskInList(review);
		screenshot("02-manager-my-work");
		openTask(review);
		claimIfNeeded();
		waitForFormHeading(caseRef);
		LocalDate newTarget = today.plusDays(3);
		typeInto("Reason for the delay", REASON_FOR_DELAY);
		typeInto("Action agreed", ACTION_AGREED);
		typeDate("New target date", newTarget);
		screenshot("03-review-filled-in");
		clickComplete();
		wait.until(d -> d.findElements(taskInListLocator(review)).isEmpty());
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
		tasklistLogout();

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
		tasklistLogin("worker.west");
		screenshot("06-worker-signed-in");
		selectFilter("Overdue");
		WebElement listed = waitForTaskInList(caseRef);
		assertThat(listed.getText()).contains("Decide on referral").contains("Ada Browser");
		screenshot("07-overdue-filter");
		openTask(caseRef);
		claimIfNeeded();
		WebElement heading = waitForFormHeading(caseRef);
		assertThat(heading.getText()).contains("Case " + caseRef).contains("Ada Browser");
		screenshot("08-decision-form");

		// 5. Complete with nothing filled in: the form says what is missing and nothing is completed
		clickComplete();
		wait.until(d -> d.findElements(By.xpath("//*[contains(@class,'fjs-form-field-error')]"
				+ "[contains(normalize-space(),'Field is required')]")).size() == 3);
		screenshot("09-decision-validation-errors");
		assertThat(task(pid, "UserTask_DecideOnReferral")).as("the task is still open").isNotNull();

		// 6. filled in, completed: gone from the list, the clock stopped late
		clickLabel("No further action");
		typeDate("Date of decision", today);
		typeInto("Rationale for the decision", "No role for children's social care: family supported by school");
		wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field-error")).stream().noneMatch(WebElement::isDisplayed));
		screenshot("10-decision-filled-in");
		clickComplete();
		wait.until(d -> d.findElements(taskInListLocator(caseRef)).isEmpty());
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
		tasklistLogout();

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

	// --- Tasklist

	private String base() {
		return "http://localhost:" + port;
	}

	private void tasklistLogin(String user) {
		chromium.submitTasklistSignIn(base(), user, wait);
		wait.until(ExpectedConditions.visibilityOfElementLocated(filterLocator("My work")));
	}

	private void tasklistLogout() {
		// the account menu in the header carries the user's name and "Log out"
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account .dropdown-toggle"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account li.logout a"))).click();
		wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("form[name='signinForm'] input[ng-model='username']")));
	}

	/** A filter in the left column, by its name (the focused one also shows its task count). */
	private static By filterLocator(String name) {
		return By.xpath("//*[contains(@class,'task-filters')]//h4[contains(@class,'name')]/a[normalize-space(text())='"
				+ name + "']");
	}

	private void selectFilter(String name) {
		wait.until(ExpectedConditions.elementToBeClickable(filterLocator(name))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'task-filter ')]"
				+ "[contains(@class,'active')]//h4/a[normalize-space(text())='" + name + "']")));
	}

	/** An entry of the task list showing the text (the task's name or a variable such as the case). */
	private static By taskInListLocator(String text) {
		return By.xpath("//*[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//*[contains(normalize-space(),'"
				+ text + "')]]");
	}

	private WebElement waitForTaskInList(String text) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(taskInListLocator(text)));
	}

	private void openTask(String text) {
		WebElement entry = waitForTaskInList(text);
		WebElement link = entry.findElement(By.xpath(".//a[contains(@class,'clickable') or ancestor::h4 or @href][1]"));
		// a long list puts the task under Tasklist's fixed footer
		scrollTo(link);
		link.click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task], .task-details, .task-card")));
	}

	private WebElement waitForFormHeading(String caseRef) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//*[contains(@class,'fjs-container')]//h1[contains(normalize-space(),'" + caseRef + "')]")));
	}

	private void claimIfNeeded() {
		By claim = By.xpath("//button[normalize-space()='Claim' or .//span[normalize-space()='Claim']]");
		List<WebElement> buttons = wait.until(d -> {
			List<WebElement> found = d.findElements(claim);
			boolean formShown = !d.findElements(By.cssSelector(".fjs-container")).isEmpty();
			return found.isEmpty() && !formShown ? null : found;
		});
		if (!buttons.isEmpty() && buttons.get(0).isDisplayed()) {
			buttons.get(0).click();
			wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
		}
	}

	private void clickComplete() {
		dismissNotifications();
		WebElement complete = wait.until(ExpectedConditions
			.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")));
		scrollTo(complete);
		complete.click();
	}

	/** Closes Tasklist's notifications (an error stays until closed, covering the form's buttons). */
	private void dismissNotifications() {
		By close = By.cssSelector(".page-notifications .alert button.close:not(.ng-hide)");
		for (WebElement button : browser.findElements(close)) {
			if (button.isDisplayed()) {
				button.click();
			}
		}
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
	}

	// --- Camunda Forms (form-js): fields found by their labels, as a person finds them

	private WebElement fieldLabelled(String label) {
		WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//*[contains(@class,'fjs-container')]//label[starts-with(normalize-space(),'" + label + "')]")));
		return browser.findElement(By.id(labelElement.getAttribute("for")));
	}

	private void clickLabel(String text) {
		wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//*[contains(@class,'fjs-container')]//label[normalize-space()='" + text + "']"))).click();
	}

	private void typeInto(String label, String text) {
		WebElement field = fieldLabelled(label);
		scrollTo(field);
		field.click();
		field.sendKeys(text, Keys.TAB);
	}

	/**
	 * Types a date the way the date field shows it: form-js formats and parses dates in the browser's
	 * locale, shown as the field's placeholder (dd/mm/yyyy for en-GB, mm/dd/yyyy for en-US), and takes the
	 * typed date when the field loses focus.
	 */
	private void typeDate(String label, LocalDate date) {
		WebElement field = fieldLabelled(label);
		scrollTo(field);
		String placeholder = field.getAttribute("placeholder");
		String typed = datePattern(placeholder).format(date);
		field.click();
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		field.sendKeys(typed);
		// Tab, never Enter: Enter would submit the whole form
		field.sendKeys(Keys.TAB);
		wait.until(d -> {
			try {
				return typed.equals(field.getAttribute("value"));
			}
			catch (StaleElementReferenceException rerendered) {
				return typed.equals(fieldLabelled(label).getAttribute("value"));
			}
		});
	}

	/** "dd/mm/yyyy", "mm/dd/yyyy", "yyyy-mm-dd", "d.m.yyyy"… as a formatter. */
	static DateTimeFormatter datePattern(String placeholder) {
		if (placeholder == null || placeholder.isBlank()) {
			return DateTimeFormatter.ofPattern("MM/dd/yyyy");
		}
		String pattern = placeholder.toLowerCase()
			.replace("yyyy", "uuuu")
			.replace("yy", "uu")
			.replace("mm", "MM")
			.replaceAll("(?<![dM])m(?!M)", "M");
		return DateTimeFormatter.ofPattern(pattern);
	}

	// --- our pages

	/**
	 * Opens the oversight page, signing in when asked: the webapps and our pages share the servlet
	 * session, so logging out of Tasklist signs the user out of our pages too.
	 */
	private void openOversight(String user) {
		browser.get(base() + "/oversight");
		By page = By.id("team-west");
		By login = By.name("username");
		wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(page),
				ExpectedConditions.visibilityOfElementLocated(login)));
		if (browser.findElements(page).isEmpty()) {
			pageLogin(user);
		}
		wait.until(ExpectedConditions.visibilityOfElementLocated(page));
	}

	private void pageLogin(String user) {
		WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
		username.sendKeys(user);
		browser.findElement(By.name("password")).sendKeys("secret-" + user);
		browser.findElement(By.cssSelector("button[type='submit']")).click();
	}

	private By breachRowLocator() {
		return By.xpath("//tr[starts-with(@id,'breach-')][.//a[normalize-space()='" + caseRef + "']]");
	}

	private WebElement breachRow() {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(breachRowLocator()));
	}

	// --- evidence

	private void scrollTo(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	private void screenshot(String name) throws IOException {
		File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private void evidence(String name) {
		try {
			screenshot(name);
			Files.writeString(SHOTS.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
			Files.writeString(SHOTS.resolve(name + ".url"), browser.getCurrentUrl(), StandardCharsets.UTF_8);
		}
		catch (Exception ignored) {
			// the failure itself is what matters
		}
	}

}
