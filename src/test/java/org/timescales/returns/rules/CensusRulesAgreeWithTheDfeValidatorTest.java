package org.timescales.returns.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our port of the DfE's error-type CIN census rules gives the DfE validator's answers. Every file in
 * {@code src/test/resources/census-rules/} is a return of children made to break rules; each is run
 * through data-to-insight's validator ({@code ../shared/tools/cin-validate.sh}, the DfE's rules as the
 * sector runs them) and through {@link CensusRules}, and the two must name the same rules for the
 * same children, for every rule we have ported. Every ported rule must fire somewhere in the corpus,
 * so a rule that checks nothing fails here.
 * <p>
 * Without {@code ../shared/tools} beside the clone the test is skipped, never passed.
 */
class CensusRulesAgreeWithTheDfeValidatorTest {

	private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
		.toAbsolutePath();

	private static final Path SCRIPT = PROJECT.resolve("../shared/tools/cin-validate.sh").normalize();

	private static final Path CORPUS = PROJECT.resolve("src/test/resources/census-rules");

	/**
	 * Rules the validator cannot be asked about, each with why; {@code CensusRulesTest} checks them
	 * on their own.
	 */
	static final Map<String, String> NOT_CROSS_CHECKED = Map.of("8500",
			"a child with no LAchildID makes the validator itself fail (cannot convert NaN to integer)", "8540",
			"the validator never reports it: it pushes its results under a column name the engine drops", "8614",
			"the validator crashes (unhashable type: 'list') whenever it should fire", "8898",
			"the validator crashes (unhashable type: 'list') whenever it should fire", "8869",
			"the validator compares the list of factors with the text \"21\", so it never fires");

	/**
	 * Rules the validator reports for the whole return, naming no child: compared as whether they fire
	 * on a file at all (ours name every child concerned, for the refusal to point at).
	 */
	static final Set<String> RETURN_LEVEL = Set.of("2883");

	@Test
	void everyPortedRuleFiresForTheSameChildrenAsTheDfeValidator() throws Exception {
		assumeTrue(Files.isRegularFile(SCRIPT), "the DfE validator is not beside this clone: " + SCRIPT);
		List<Path> files;
		try (Stream<Path> listed = Files.list(CORPUS)) {
			files = listed.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
		}
		assertThat(files).isNotEmpty();
		Set<String> ported = CensusRules.of(2026).stream().map(CensusRule::code).collect(Collectors.toSet());
		Set<String> firedSomewhere = new TreeSet<>();
		for (Path file : files) {
			String xml = Files.readString(file);
			Set<String> theirs = validatorErrors(file).stream()
				.filter(hit -> ported.contains(rule(hit)))
				.map(CensusRulesAgreeWithTheDfeValidatorTest::returnLevel)
				.collect(Collectors.toCollection(TreeSet::new));
			Set<String> ours = CensusRules.check(xml, 2026)
				.stream()
				.filter(f -> !NOT_CROSS_CHECKED.containsKey(f.rule()))
				.map(f -> returnLevel(f.rule() + " " + f.laChildId()))
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(ours).as("the rules ours and the DfE validator's fire on " + file.getFileName())
				.containsExactlyElementsOf(theirs);
			ours.forEach(hit -> firedSomewhere.add(rule(hit)));
		}
		Set<String> untested = new TreeSet<>(ported);
		untested.removeAll(firedSomewhere);
		untested.removeAll(NOT_CROSS_CHECKED.keySet());
		assertThat(untested).as("ported rules no corpus child breaks").isEmpty();
	}

	/** "2883 (the return)" for a return-level rule's hit, whichever child it names. */
	private static String returnLevel(String hit) {
		return RETURN_LEVEL.contains(rule(hit)) ? rule(hit) + " (the return)" : hit;
	}

	private static String rule(String hit) {
		return hit.substring(0, hit.indexOf(' '));
	}

	/** "rule child" for each error-type rule the validator fires on the file. */
	private static Set<String> validatorErrors(Path xml) throws IOException, InterruptedException {
		Path json = Files.createTempFile("cin-validate", ".json");
		ProcessBuilder validator = new ProcessBuilder("bash", SCRIPT.toString(), xml.toString(), "cin2025_26")
			.directory(PROJECT.toFile())
			.redirectErrorStream(true);
		validator.environment().put("CIN_VALIDATE_JSON", json.toString());
		Process process = validator.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.MINUTES)).as("the validator finished").isTrue();
		assertThat(process.exitValue()).as(output).isIn(0, 1);
		assertThat(output).as("no rule of the validator crashed on " + xml.getFileName()).doesNotContain("\nCRASH ");
		JsonNode report = new ObjectMapper().readTree(json.toFile());
		Files.deleteIfExists(json);
		Map<String, String> types = new HashMap<>();
		report.get("fired").forEach(f -> types.put(f.get("rule_code").asText(), f.get("type").asText()));
		Set<String> errors = new TreeSet<>();
		report.get("issues").forEach(issue -> {
			String code = issue.get("rule_code").asText();
			if ("ERROR".equals(types.get(code))) {
				errors.add(code + " " + issue.get("LAchildID").asText());
			}
		});
		return errors;
	}

}
