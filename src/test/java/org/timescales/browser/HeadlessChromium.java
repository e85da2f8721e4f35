package org.timescales.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.timescales.calendar.London;

/**
 * Debian's chromium, headless, driven through Debian's chromium-driver, for the browser tests: an
 * English user in London on a profile of its own, deleted when closed. Selenium is given both paths,
 * so Selenium Manager never looks for, or downloads, a browser or a driver.
 */
public final class HeadlessChromium implements AutoCloseable {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Why a browser test is skipped (reported as skipped, not passed) where they are not installed. */
	public static final String MISSING = "Browser test skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER
			+ " (apt-get install chromium chromium-driver; .ci/run installs them)";

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	public static boolean installed() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	public static HeadlessChromium start() throws IOException {
		Path profile = Files.createTempDirectory("timescales-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath(),
				// an English user: form-js shows and reads dates in the browser's locale (dd/mm/yyyy)
				"--lang=en-GB", "--accept-lang=en-GB,en");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			// the browser's "today" is London's, like the engine's
			.withEnvironment(Map.of("TZ", London.ZONE.getId()))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		// Debian's chromium ships only the en-US locale pack, so --lang alone leaves JavaScript in en-US
		driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "en-GB"));
		return new HeadlessChromium(driver, profile);
	}

	/** Opens Tasklist and sends its sign-in form for {@code user} (test password secret-<user>). */
	public void submitTasklistSignIn(String baseUrl, String user, WebDriverWait wait) {
		driver.get(baseUrl + "/camunda/app/tasklist/");
		WebElement username = wait.until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("form[name='signinForm'] input[ng-model='username']")));
		WebElement password = driver.findElement(By.cssSelector("form[name='signinForm'] input[type='password']"));
		// on a loaded machine Tasklist still moving focus as the page settles once took the password into the
		// user name field: each field is typed until it holds exactly its value
		for (int attempt = 1; !(user.equals(username.getDomProperty("value"))
				&& ("secret-" + user).equals(password.getDomProperty("value"))); attempt++) {
			if (attempt > 3) {
				throw new AssertionError("Tasklist's sign-in form would not take the user name and password");
			}
			username.clear();
			username.sendKeys(user);
			password.clear();
			password.sendKeys("secret-" + user);
		}
		driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
	}

	public ChromeDriver driver() {
		return driver;
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
