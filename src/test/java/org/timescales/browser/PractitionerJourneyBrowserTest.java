package org.timescales.browser;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A practitioner's journey in a real browser, from My children to the next step: {@code sam} holds three
 * children of the west team (one decision due today, one late, one in assessment); My children shows the
 * new referral's decision with its due date (dd/mm/yyyy); its case page leads to its task in Tasklist; sam
 * types the date of the decision as dd/mm/yyyy, as an English social worker writes it, and completes;
 * the task has gone, and My children and the case page now show the assessment, due 45 working days from
 * the referral. Screenshots {@code practitioner-*.png} ({@link Browser#screens()}).
 */
@TimescalesTest
class PractitionerJourneyBrowserTest extends ProcessTestSupport {

	private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@RegisterExtension
	final Browser browser = Browser.screens();

	private WestTeam west;

	@BeforeEach
	void people() {
		user("tm.west", "west", "team-manager");
		user("sam", "west", "practitioner", "social-worker");
		west = new WestTeam(referrals, browser.base());
	}

	@Test
	void aPractitionerCompletesATaskOfAChildFromMyChildrenAndSeesTheNextStep() throws Exception {
		// Given: sam's children: a referral of this morning, one a few days late, one in assessment
		LocalDateTime now = LocalDateTime.now(London.ZONE).truncatedTo(ChronoUnit.MINUTES);
		String caseRef = newCaseRef("C");
		String pid = west.referral(caseRef, "Maya", "Patel", "2019-09-14", "F", now.minusHours(2));
		west.allocate(caseRef, "sam");
		String late = newCaseRef("C");
		west.referral(late, "Noah", "Clarke", "2012-02-03", "M", now.minusDays(4));
		west.allocate(late, "sam");
		String assessing = newCaseRef("C");
		String assessingPid = west.referral(assessing, "Isla", "Ahmed", "2021-06-30", "F", now.minusDays(3));
		complete(assessingPid, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT",
				"referralDecisionDate", now.minusDays(2).toLocalDate().toString(), "decisionRationale",
				"Concerns about neglect reported by the school need assessing"));
		west.allocate(assessing, "sam");
		WebDriver page = browser.driver();

		// 1. My children: the new referral's decision, due on the date its clock says, shown dd/mm/yyyy
		browser.open("/my/children", "sam");
		WebElement child = browser.visible(By.id("child-" + caseRef));
		assertThat(child.getText()).contains("Decision on referral")
			.contains(UK.format(clock(pid, "referral-decision").dueDate()));
		assertThat(page.findElement(By.id("child-" + late)).getText()).contains("Red: late");
		assertThat(page.findElement(By.id("child-" + assessing)).getText()).contains("Child and family assessment");
		browser.screenshot("practitioner-1-my-children");

		// 2. the child's case page, and its tasks in Tasklist
		child.findElement(By.linkText(caseRef)).click();
		browser.await().until(ExpectedConditions.urlToBe(browser.url("/cases/" + caseRef)));
		assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Case " + caseRef + ": Maya Patel");
		assertThat(page.findElement(By.id("worker")).getText()).isEqualTo("sam");
		browser.screenshot("practitioner-2-case-page");
		String tasks = page.findElement(By.id("tasklist-link")).getDomProperty("href");
		TasklistPage tasklist = browser.tasklist();
		tasklist.login("sam");
		page.get(tasks);
		tasklist.openTask("Decide on referral");
		tasklist.claimIfNeeded();
		tasklist.waitForFormHeading(caseRef);

		// 3. the decision: assess, on today's date typed as dd/mm/yyyy
		LocalDate today = LocalDate.now(London.ZONE);
		tasklist.clickLabel("Child and family assessment");
		WebElement date = tasklist.fieldLabelled("Date of decision");
		assertThat(date.getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
		tasklist.scrollTo(date);
		date.click();
		date.sendKeys(UK.format(today), Keys.TAB);
		tasklist.typeInto("Rationale for the decision", "Mother's partner has a history of violence; school reports bruising");
		browser.await().until(d -> UK.format(today).equals(tasklist.valueOf("Date of decision")));
		browser.screenshot("practitioner-3-decision");
		tasklist.clickComplete();
		tasklist.waitUntilGone("Decide on referral");
		assertThat(task(pid, "UserTask_DecideOnReferral")).as("the decision is completed").isNull();
		assertThat(variable(pid, "referralDecisionDate")).hasToString(today.toString());

		// 4. My children and the case page show the next step: the assessment and its due date
		String assessmentDue = UK.format(clock(pid, "assessment").dueDate());
		browser.open("/my/children", "sam");
		child = browser.visible(By.id("child-" + caseRef));
		assertThat(child.getText()).contains("Child and family assessment").contains(assessmentDue)
			.doesNotContain("Decision on referral");
		browser.screenshot("practitioner-4-next-step");
		browser.open("/cases/" + caseRef, "sam");
		assertThat(page.findElement(By.xpath("//table[@aria-labelledby='open-clocks']")).getText())
			.contains("Child and family assessment")
			.contains(assessmentDue)
			.doesNotContain("Decision on referral");
		assertThat(page.findElement(By.xpath("//table[@aria-labelledby='stopped-clocks']")).getText())
			.contains("Decision on referral");
		browser.screenshot("practitioner-5-case-page-next-step");
	}

}
