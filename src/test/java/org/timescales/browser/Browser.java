package org.timescales.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The browser of a browser test, as a JUnit 5 extension ({@code @RegisterExtension}): Debian's chromium
 * started before each test and closed after it, the test reported skipped ({@link HeadlessChromium#MISSING})
 * where it is not installed; a wait, our pages signed in to and Tasklist ({@link #tasklist()}), and
 * screenshots. A failing test leaves its page (PNG, HTML, URL) in {@code target/browser/}.
 * <p>
 * {@link #evidence()} keeps a test's screenshots in {@code target/browser/}; {@link #screens()} writes a
 * journey's into {@code target/screens/}, or the directory {@code -Dscreens.dir} names: the README's
 * pictures are refreshed with {@code -Dscreens.dir=docs/screens}.
 */
final class Browser implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

	static final Duration WAIT = Duration.ofSeconds(20);

	static final Path EVIDENCE = Path.of("target", "browser");

	private final Path shots;

	private HeadlessChromium chromium;

	private WebDriverWait wait;

	private String base;

	private TasklistPage tasklist;

	private Browser(Path shots) {
		this.shots = shots;
	}

	/** Screenshots are evidence of a run: {@code target/browser/}. */
	static Browser evidence() {
		return new Browser(EVIDENCE);
	}

	/** Screenshots are the README's pictures: {@code target/screens/}, or {@code -Dscreens.dir}. */
	static Browser screens() {
		return new Browser(Path.of(System.getProperty("screens.dir", "target/screens")));
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
		base = "http://localhost:"
				+ SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
		chromium = HeadlessChromium.start();
		wait = new WebDriverWait(chromium.driver(), WAIT, Duration.ofMillis(100));
		tasklist = new TasklistPage(chromium, wait, base);
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		if (chromium != null) {
			chromium.close();
			chromium = null;
		}
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		if (chromium != null) {
			String name = context.getRequiredTestClass().getSimpleName() + "-failure";
			try {
				Files.createDirectories(EVIDENCE);
				copyScreenshot(EVIDENCE.resolve(name + ".png"));
				Files.writeString(EVIDENCE.resolve(name + ".html"), driver().getPageSource(), StandardCharsets.UTF_8);
				Files.writeString(EVIDENCE.resolve(name + ".url"), driver().getCurrentUrl(), StandardCharsets.UTF_8);
			}
			catch (Exception evidenceFailed) {
				failure.addSuppressed(evidenceFailed);
			}
		}
		throw failure;
	}

	ChromeDriver driver() {
		return chromium.driver();
	}

	HeadlessChromium chromium() {
		return chromium;
	}

	WebDriverWait await() {
		return wait;
	}

	TasklistPage tasklist() {
		return tasklist;
	}

	/** http://localhost:port */
	String base() {
		return base;
	}

	/** The address of one of our pages: {@code url("/cases/C-1")}. */
	String url(String path) {
		return base + path;
	}

	/**
	 * Opens one of our pages, signing in on our sign-in form as {@code user} (test password
	 * secret-<user>) when asked; Tasklist and our pages share the session, so often nobody asks.
	 */
	void open(String path, String user) {
		driver().get(url(path));
		wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
		if (signInAsked()) {
			signIn(user);
		}
	}

	/** Sends our sign-in form, shown, and waits until it has gone. */
	void signIn(String user) {
		WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
		username.sendKeys(user);
		driver().findElement(By.name("password")).sendKeys("secret-" + user);
		driver().findElement(By.cssSelector("button[type='submit']")).click();
		wait.until(d -> !d.getCurrentUrl().contains("/login") && d.findElements(By.name("password")).isEmpty());
	}

	private boolean signInAsked() {
		return driver().getCurrentUrl().contains("/login") && !driver().findElements(By.name("password")).isEmpty();
	}

	WebElement visible(By locator) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	void scrollTo(WebElement element) {
		((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	/** The page as it is now, as {@code <name>.png} in this browser's screenshot directory. */
	Path screenshot(String name) throws IOException {
		Files.createDirectories(shots);
		Path png = shots.resolve(name + ".png");
		copyScreenshot(png);
		return png;
	}

	private void copyScreenshot(Path to) throws IOException {
		File png = driver().getScreenshotAs(OutputType.FILE);
		Files.copy(png.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
	}

}
