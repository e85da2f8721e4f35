package org.timescales.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (from npm, src/test/axe; installed by {@link AxeInstall}) run in the page a browser test has
 * open: the WCAG 2.0, 2.1 and 2.2 A and AA rules, and axe's best practices where asked for. The
 * violations come back with the CSS selectors of the elements that break each rule, and read as a list
 * in an assertion message.
 */
final class Axe {

	static final Path SCRIPT = AxeInstall.DIR.resolve("node_modules/axe-core/axe.min.js");

	/** Why the accessibility tests are skipped (reported as skipped, not passed) without axe-core. */
	static final String MISSING = "Accessibility test skipped: needs axe-core in " + SCRIPT
			+ " (npm on the PATH; the build runs npm ci --prefix " + AxeInstall.DIR + " before the tests)";

	/** WCAG 2.0, 2.1 and 2.2, levels A and AA (WCAG 2.2 added AA rules only). */
	static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	static final String BEST_PRACTICE = "best-practice";

	private Axe() {
	}

	static boolean installed() {
		return Files.isRegularFile(SCRIPT);
	}

	/** One rule broken, by which elements of the page. */
	record Violation(String rule, String impact, String help, List<String> tags, List<String> targets, List<String> details) {

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder(rule + " (" + impact + ", " + targets.size() + "): " + help);
			for (int i = 0; i < targets.size(); i++) {
				text.append("\n      ").append(targets.get(i));
				if (i < details.size()) {
					text.append("\n        ").append(details.get(i).replace("\n", " "));
				}
			}
			return text.toString();
		}

	}

	/** The violations of the rules tagged {@code tags} in the page the browser shows. */
	static List<Violation> run(WebDriver browser, Collection<String> tags) {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
			js.executeScript(script());
		}
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
				  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, tags: v.tags,
				      targets: v.nodes.map(n => n.target.map(t => Array.isArray(t) ? t.join(' >> ') : t).join(' | ')),
				      html: v.nodes.map(n => n.html.substring(0, 200) + ' ' + n.any.concat(n.all).map(c => c.message).join('; ')) }))))
				  .catch(e => done({ error: String(e) }));
				""", List.copyOf(tags));
		if (result instanceof Map<?, ?> failed) {
			throw new IllegalStateException("axe.run failed: " + failed.get("error"));
		}
		return ((List<?>) result).stream().map(Map.class::cast).map(v -> new Violation((String) v.get("id"),
				String.valueOf(v.get("impact")), (String) v.get("help"), strings(v.get("tags")),
				strings(v.get("targets")), strings(v.get("html")))).toList();
	}

	private static List<String> strings(Object list) {
		return ((List<?>) list).stream().map(String::valueOf).toList();
	}

	/** The rules broken, by id. */
	static Set<String> rules(List<Violation> violations) {
		return violations.stream().map(Violation::rule).collect(Collectors.toCollection(TreeSet::new));
	}

	/** The violations as an assertion message reads them: each rule, then each element breaking it. */
	static String describe(String page, List<Violation> violations) {
		if (violations.isEmpty()) {
			return page + ": no violations";
		}
		return page + ": " + violations.size() + " axe-core rule(s) broken\n  "
				+ violations.stream().map(Violation::toString).collect(Collectors.joining("\n  "));
	}

	private static String script() {
		try {
			return Files.readString(SCRIPT, StandardCharsets.UTF_8);
		}
		catch (IOException unreadable) {
			throw new IllegalStateException(MISSING, unreadable);
		}
	}

}
