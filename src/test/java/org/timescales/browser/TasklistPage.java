package org.timescales.browser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a person uses it, for the browser tests: signing in, the filters, a task opened
 * from the list and claimed, and its Camunda Form (form-js) filled in by the fields' labels and
 * completed. One place for Tasklist's markup, which the tests otherwise each have to know.
 */
final class TasklistPage {

	private final HeadlessChromium chromium;

	private final WebDriver browser;

	private final WebDriverWait wait;

	private final String base;

	TasklistPage(HeadlessChromium chromium, WebDriverWait wait, String base) {
		this.chromium = chromium;
		this.browser = chromium.driver();
		this.wait = wait;
		this.base = base;
	}

	/** The sentence of the error Tasklist shows after a refused completion. */
	String errorNotification() {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page-notifications .alert-danger")))
			.getText();
	}

	/** Replaces what a text field holds. */
	void replaceText(String label, String text) {
		WebElement field = fieldLabelled(label);
		scrollTo(field);
		field.click();
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		field.sendKeys(text, Keys.TAB);
	}

	/** Waits until the task list no longer shows the text (the task completed). */
	void waitUntilGone(String text) {
		wait.until(d -> d.findElements(taskInListLocator(text)).isEmpty());
	}

	/** What a text field holds. */
	String valueOf(String label) {
		return fieldLabelled(label).getDomProperty("value");
	}

	/** Chooses an option of a form-js select by the option's text. */
	void choose(String label, String option) {
		// the label names a hidden input; the select shows (and is clicked) as the element beside it
		WebElement display = browser.findElement(By.id(fieldLabelled(label).getAttribute("id") + "-display"));
		scrollTo(display);
		display.click();
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
				"//*[contains(@class,'fjs-dropdownlist')]//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()="
						+ literal(option) + "]")))
			.click();
	}

	/** A string as an XPath literal, whatever quotes it holds ("The child's disabilities"). */
	static String literal(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

	void scrollTo(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	void login(String user) {
		chromium.submitTasklistSignIn(base, user, wait);
		wait.until(ExpectedConditions.visibilityOfElementLocated(filterLocator("My work")));
	}


	void logout() {
		// the account menu in the header carries the user's name and "Log out"
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account .dropdown-toggle"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account li.logout a"))).click();
		wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("form[name='signinForm'] input[ng-model='username']")));
	}


	/** A filter in the left column, by its name (the focused one also shows its task count). */
	static By filterLocator(String name) {
		return By.xpath("//*[contains(@class,'task-filters')]//h4[contains(@class,'name')]/a[normalize-space(text())="
				+ literal(name) + "]");
	}


	void selectFilter(String name) {
		wait.until(ExpectedConditions.elementToBeClickable(filterLocator(name))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'task-filter ')]"
				+ "[contains(@class,'active')]//h4/a[normalize-space(text())=" + literal(name) + "]")));
	}


	/** An entry of the task list showing the text (the task's name or a variable such as the case). */
	static By taskInListLocator(String text) {
		return By.xpath("//*[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//*[contains(normalize-space(),"
				+ literal(text) + ")]]");
	}


	WebElement waitForTaskInList(String text) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(taskInListLocator(text)));
	}


	void openTask(String text) {
		WebElement entry = waitForTaskInList(text);
		WebElement link = entry.findElement(By.xpath(".//a[contains(@class,'clickable') or ancestor::h4 or @href][1]"));
		// a long list puts the task under Tasklist's fixed footer
		scrollTo(link);
		link.click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task], .task-details, .task-card")));
	}


	WebElement waitForFormHeading(String caseRef) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//*[contains(@class,'fjs-container')]//h1[contains(normalize-space()," + literal(caseRef) + ")]")));
	}


	void claimIfNeeded() {
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


	void clickComplete() {
		dismissNotifications();
		WebElement complete = wait.until(ExpectedConditions
			.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")));
		scrollTo(complete);
		complete.click();
	}


	/** Closes Tasklist's notifications (an error stays until closed, covering the form's buttons). */
	void dismissNotifications() {
		By close = By.cssSelector(".page-notifications .alert button.close:not(.ng-hide)");
		for (WebElement button : browser.findElements(close)) {
			if (button.isDisplayed()) {
				button.click();
			}
		}
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
	}


	WebElement fieldLabelled(String label) {
		WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//*[contains(@class,'fjs-container')]//label[starts-with(normalize-space()," + literal(label) + ")]")));
		return browser.findElement(By.id(labelElement.getAttribute("for")));
	}


	void clickLabel(String text) {
		wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//*[contains(@class,'fjs-container')]//label[normalize-space()=" + literal(text) + "]"))).click();
	}


	void typeInto(String label, String text) {
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
	void typeDate(String label, LocalDate date) {
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

}
