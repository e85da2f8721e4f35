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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.allocation.HolderRequests;
import org.timescales.calendar.London;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * WCAG 2.2 AA (the Public Sector Bodies Accessibility Regulations 2018), as axe-core measures it in
 * Debian's chromium: every page of ours breaks none of axe's WCAG 2.0/2.1/2.2 A and AA rules nor its best
 * practices, with cases on them (one a week late, escalated and mailed; one decided; both Sam's); and
 * Tasklist, as a practitioner uses it, breaks exactly the rules the README's "Accessibility" section lists
 * as out of our reach, no more and no fewer. Skipped without chromium or without axe-core (npm).
 * Violations and screenshots: {@code target/browser-a11y/}.
 */
@TimescalesTest
class AccessibilityBrowserTest extends ProcessTestSupport {

	private static final Path EVIDENCE = Path.of("target", "browser-a11y");

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String SAM = "sam.a11y";

	private static final String MANAGER = "tm.north";

	/** A case a week late: its breach on /oversight, its escalation on the case page, its mail in the outbox. */
	private static String late;

	/** A case decided on: an assessment running. */
	private static String decided;

	/**
	 * Our pages (templates under src/main/resources/templates), each as someone who may see it (null: nobody
	 * signed in); {case} is the late case's reference. A new page is a new line here. The sign-in page is
	 * Spring Security's own, generated (no template of ours): held to WCAG 2.2 AA, not to axe's best
	 * practices (it has no main landmark and an h2 for its heading).
	 */
	static Stream<OurPage> ourPages() {
		return Stream.of(new OurPage("login page", null, "/login", WCAG_ONLY),
				new OurPage("login page, refused", null, "/login?error", WCAG_ONLY),
				new OurPage("start page, practitioner", SAM, "/start"), new OurPage("start page, manager", MANAGER, "/start"),
				new OurPage("my children", SAM, "/my/children"), new OurPage("case page", MANAGER, "/cases/{case}"),
				new OurPage("case history", MANAGER, "/cases/{case}/history"),
				new OurPage("oversight", MANAGER, "/oversight"), new OurPage("caseloads", MANAGER, "/oversight/caseloads"),
				new OurPage("timeliness report", MANAGER, "/reports/timeliness"),
				new OurPage("my team", MANAGER, "/my/team"), new OurPage("returns", MANAGER, "/reports/returns"),
				new OurPage("outbox", "admin.one", "/admin/outbox"));
	}

	private static final boolean WCAG_ONLY = false;

	record OurPage(String name, String user, String path, boolean bestPractice) {

		OurPage(String name, String user, String path) {
			this(name, user, path, true);
		}

		@Override
		public String toString() {
			return name + " (" + path + ")";
		}

	}

	/**
	 * The WCAG 2.2 AA rules Tasklist still breaks (README, "Accessibility"): none since user-styles.css and
	 * scripts/a11y-labels.js; before them button-name, aria-allowed-attr, color-contrast, link-name,
	 * link-in-text-block and target-size.
	 */
	private static final Set<String> TASKLIST_WCAG = Set.of();

	/**
	 * The best practices Tasklist still breaks, in Camunda's own markup (README, "Accessibility"): content
	 * outside landmarks, headings skipping levels (the task's process name is an h6 in the list, an h4 on the
	 * task), the sign-in form's tabindex 1-3.
	 */
	private static final Set<String> TASKLIST_BEST_PRACTICE = Set.of("heading-order", "region", "tabindex");

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	private HeadlessChromium chromium;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void casesAndBrowser() throws IOException {
		assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
		assumeTrue(Axe.installed(), Axe.MISSING);
		Files.createDirectories(EVIDENCE);
		user(SAM, "north", "practitioner", "social-worker");
		// the assessment form tests' team: its tasks are told apart by the case reference
		user("sw.a11y", "assessors", "practitioner", "social-worker");
		if (late == null) {
			seedCases();
		}
		chromium = HeadlessChromium.start();
		browser = chromium.driver();
		wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
	}

	private void seedCases() {
		String lateRef = newCaseRef("AXE");
		String weekAgo = LocalDateTime.now(London.ZONE).minusDays(7).truncatedTo(ChronoUnit.MINUTES).toString();
		String pid = referrals
			.receive(new ReferralRequest("REF-" + lateRef,
					new ReferralRequest.Child(lateRef, "Ada", "Axe", "2016-05-01", "F"), weekAgo, "2A", "north"))
			.referral()
			.processInstanceId();
		executeDueJobsOf(pid);
		String decidedRef = newCaseRef("AXE");
		String yesterday = LocalDateTime.now(London.ZONE).minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
		journey(decidedRef).decidedToAssess(journey(decidedRef).referred(yesterday), LocalDate.now(London.ZONE).toString());
		for (String ref : new String[] { lateRef, decidedRef }) {
			var allocated = HolderRequests.allocate(http, MANAGER, ref, SAM, null, "Axe's cases");
			assertThat(allocated.getStatusCode().value()).as(allocated.getBody()).isEqualTo(200);
		}
		decided = decidedRef;
		late = lateRef;
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("ourPages")
	void ourPageBreaksNoWcag22AaRuleNorBestPractice(OurPage page) throws IOException {
		String path = page.path().replace("{case}", late);
		open(page.user(), path);
		List<Axe.Violation> violations = Axe.run(browser, tags(page.bestPractice()));
		evidence(page.name(), violations);
		assertThat(violations).as(Axe.describe(page.toString(), violations)).isEmpty();
	}

	private void open(String user, String path) {
		String url = base() + path;
		browser.get(url);
		if (user != null) {
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(user);
			browser.findElement(By.name("password")).sendKeys("secret-" + user);
			browser.findElement(By.cssSelector("button[type='submit']")).click();
			// signed in, the page asked for (a redirect may add "?continue")
			wait.until(d -> d.getCurrentUrl().startsWith(url));
		}
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1, h2")));
	}

	private static List<String> tags(boolean bestPractice) {
		List<String> tags = new ArrayList<>(Axe.WCAG_22_AA);
		if (bestPractice) {
			tags.add(Axe.BEST_PRACTICE);
		}
		return tags;
	}

	@Test
	void tasklistBreaksOnlyTheRulesOutOfOurReach() throws IOException {
		String caseRef = newCaseRef("AXT");
		referrals.receive(new ReferralRequest("REF-" + caseRef,
				new ReferralRequest.Child(caseRef, "Ada", "Tasklist", "2016-05-01", "F"),
				LocalDateTime.now(London.ZONE).truncatedTo(ChronoUnit.MINUTES).toString(), "2A", "assessors"));
		browser.get(base() + "/camunda/app/tasklist/");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name='signinForm'] input[ng-model='username']")));
		Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();
		measure("Tasklist, sign-in", found);
		TasklistPage tasklist = new TasklistPage(chromium, wait, base());
		tasklist.login("sw.a11y");
		tasklist.selectFilter("My team");
		tasklist.waitForTaskInList(caseRef);
		measure("Tasklist, task list", found);
		tasklist.openTask(caseRef);
		tasklist.claimIfNeeded();
		tasklist.waitForFormHeading(caseRef);
		measure("Tasklist, referral decision", found);
		String all = found.entrySet().stream().map(e -> Axe.describe(e.getKey(), e.getValue()))
			.collect(java.util.stream.Collectors.joining("\n"));
		Set<String> wcag = new TreeSet<>();
		Set<String> bestPractice = new TreeSet<>();
		found.forEach((state, violations) -> violations.forEach(v -> (v.tags().stream().anyMatch(Axe.WCAG_22_AA::contains) ? wcag
				: bestPractice).add(v.rule())));
		assertThat(wcag).as("WCAG 2.2 AA rules broken in Tasklist\n" + all).isEqualTo(TASKLIST_WCAG);
		assertThat(bestPractice).as("best practices broken in Tasklist\n" + all).isEqualTo(TASKLIST_BEST_PRACTICE);
	}

	private void measure(String state, Map<String, List<Axe.Violation>> found) throws IOException {
		List<Axe.Violation> violations = Axe.run(browser, tags(true));
		evidence(state, violations);
		found.put(state, violations);
	}

	private void evidence(String name, List<Axe.Violation> violations) throws IOException {
		String file = name.replaceAll("[^A-Za-z0-9]+", "-");
		Files.writeString(EVIDENCE.resolve(file + ".txt"), Axe.describe(name, violations) + "\n", StandardCharsets.UTF_8);
		File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(png.toPath(), EVIDENCE.resolve(file + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
