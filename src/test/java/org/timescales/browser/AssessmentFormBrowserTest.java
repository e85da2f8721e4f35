package org.timescales.browser;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static final String FACTORS = "Factors identified at assessment";

	private static final String DISABILITIES = "The child's disabilities";

	@RegisterExtension
	final Browser shots = Browser.evidence();

	private TasklistPage tasklist;

	@BeforeEach
	void people() {
		user("sw.assessors", "assessors", "practitioner", "social-worker");
		tasklist = shots.tasklist();
	}

	@Test
	void aSocialWorkerRecordsTheAssessmentsCensusFindingsAndIsToldWhatToPutRight() throws Exception {
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
		shots.screenshot(name);
	}

}
