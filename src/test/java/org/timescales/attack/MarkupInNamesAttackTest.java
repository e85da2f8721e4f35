package org.timescales.attack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 4: a child's name went verbatim into the forms' markdown, and form-js (Tasklist's
 * Camunda Forms) inserts a template's values raw, renders the markdown with raw HTML allowed and keeps
 * {@code <img src>}, {@code <a href>}, headings and the like: {@code <img src=x>} in a name rendered in
 * Tasklist, as did a practitioner's markup in the assessment summary on the manager's form. Now a name is
 * refused at the door unless it is letters (any script), spaces, apostrophes, hyphens and full stops;
 * what the forms' markdown shows comes from task-local display variables in which every other character
 * is a character reference (a name already in the database with markup shows as text); free text is
 * shown in a disabled field, never in markdown.
 */
@TimescalesTest
class MarkupInNamesAttackTest extends ProcessTestSupport {

	/** The variables a form's markdown may show: set on each task by TaskContext, escaped for markdown. */
	private static final Set<String> MARKDOWN_SAFE = Set.of("mdCaseRef", "mdChildName", "mdClockLabel", "mdClockDue",
			"mdClockSource", "mdOverdueTask");

	/** A link's destination the forms may insert: a path of safe characters only (asserted below). */
	private static final Set<String> LINK_SAFE = Set.of("mdCaseUrl");

	private static final Pattern INSERT = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

	/** Inert in markdown and HTML: letters, marks, digits, spaces, and numeric character references. */
	private static final Pattern INERT = Pattern.compile("(?:[\\p{L}\\p{M}\\p{Nd} ]|&#[0-9]+;)*");

	private static final String IMG = "<img src=x onerror=alert(1)>";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void aNameCarryingMarkupIsRefusedWith400NamingTheFieldAndNothingIsCreated() throws Exception {
		List<String> hostile = List.of(IMG, "<script>alert(1)</script>", "**Bold**", "_Ada_", "[Ada](https://evil.example)",
				"# Ada", "`Ada`", "Ada2", "Ada\nEvil", "Ada\tEvil", "Ada > Evil", "Ada ~~x~~", "Ada{{caseRef}}", "Ada|x",
				"Ada\u202Eevil", "Ada&amp;", "Ada@evil.example", "'", "-.-");
		List<String> failures = new ArrayList<>();
		for (String field : List.of("givenName", "familyName")) {
			for (String name : hostile) {
				String caseRef = newCaseRef("MKP");
				ResponseEntity<String> answer = postReferral(caseRef,
						field.equals("givenName") ? name : "Ada", field.equals("familyName") ? name : "Example");
				JsonNode body = answer.getBody() == null ? null : json.readTree(answer.getBody());
				boolean named = body != null && body.path("errors").findValuesAsText("field").contains("child." + field);
				boolean problem = MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(answer.getHeaders().getContentType());
				if (answer.getStatusCode().value() != 400 || !named || !problem) {
					failures.add(field + " " + json.writeValueAsString(name) + ": " + answer.getStatusCode().value() + " "
							+ answer.getBody());
				}
				if (caseRows(caseRef) != 0 || processes(caseRef) != 0) {
					failures.add(field + " " + json.writeValueAsString(name) + ": created a case or a process");
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void namesInAnyScriptAreAcceptedAndShowOnTheFormAsWritten() throws Exception {
		List<String[]> names = List.of(new String[] { "Zoë", "Nguyễn" },
				new String[] { Normalizer.normalize("Zoë", Normalizer.Form.NFD), Normalizer.normalize("Nguyễn", Normalizer.Form.NFD) },
				new String[] { "Siobhán", "Ó Briain" }, new String[] { "Priya", "D'Souza" },
				new String[] { "Mary-Jane", "Smith-Jones" }, new String[] { "Seán", "O’Neill" },
				new String[] { "J. R.", "St. John" }, new String[] { "Мария", "Иванова" }, new String[] { "محمد", "علي" },
				new String[] { "小明", "王" }, new String[] { "Chinedu", "Okafor" });
		for (String[] name : names) {
			String caseRef = newCaseRef("NAME");
			ResponseEntity<String> answer = postReferral(caseRef, name[0], name[1]);
			assertThat(answer.getStatusCode().value()).as(name[0] + " " + name[1] + ": " + answer.getBody()).isEqualTo(201);
			assertThat(jdbc.sql("select given_name || '|' || family_name from child_case where case_ref = ?")
				.param(caseRef)
				.query(String.class)
				.single()).isEqualTo(name[0] + "|" + name[1]);
			Task decide = taskService.createTaskQuery().processInstanceBusinessKey(caseRef).singleResult();
			Map<String, Object> local = taskService.getVariablesLocal(decide.getId());
			// the list column shows the name as it is; the form shows it from the escaped copy, reading the same
			assertThat(local.get("childName")).isEqualTo(name[0] + " " + name[1]);
			assertThat(local.get("mdChildName")).as("the form's copy of " + name[0] + " " + name[1]).isNotNull();
			assertThat((String) local.get("mdChildName")).matches(INERT);
			assertThat(shown((String) local.get("mdChildName"))).isEqualTo(name[0] + " " + name[1]);
		}
	}

	@Test
	void markupInANameAlreadyInTheDatabaseReachesTheFormsAsText() {
		// an older row, recorded before names were checked at the door
		String caseRef = newCaseRef("OLD");
		String given = IMG;
		String family = "**Bold** [link](https://evil.example) www.evil.example <a href=\"https://evil.example\">x</a>";
		jdbc.sql("insert into child_case (case_ref, given_name, family_name, date_of_birth, team, created_at, held_since) "
				+ "values (?, ?, ?, date '2016-05-01', 'north', current_timestamp, current_timestamp)")
			.params(caseRef, given, family)
			.update();
		clockAt("2026-11-23T10:30:00Z");
		String pid = referrals
			.receive(new ReferralRequest("REF-" + caseRef, new ReferralRequest.Child(caseRef, "Ignored", "Ignored",
					"2016-05-01", "F"), "2026-11-23T10:00:00", "2A", "north"))
			.referral()
			.processInstanceId();
		Task decide = task(pid, "UserTask_DecideOnReferral");
		assertInertDisplay(taskService.getVariablesLocal(decide.getId()), given + " " + family,
				Set.of("mdCaseRef", "mdChildName", "mdClockLabel", "mdClockDue", "mdClockSource"));
		// the heading's link to the case page: a path of letters, digits, . _ - and percent-encoded bytes only
		assertThat((String) taskService.getVariableLocal(decide.getId(), "mdCaseUrl"))
			.isEqualTo("/cases/" + caseRef)
			.matches("/cases/[A-Za-z0-9._%-]+");

		// days later, overdue: the manager's review task shows the same name, and the overdue task's name
		clockAt("2026-11-27T10:00:00Z");
		executeDueJobs();
		List<Task> reviews = reviewTasks(caseRef, "tm.north");
		assertThat(reviews).hasSize(1);
		Map<String, Object> review = taskService.getVariablesLocal(reviews.get(0).getId());
		assertInertDisplay(review, given + " " + family, MARKDOWN_SAFE);
		assertThat(shown((String) review.get("mdOverdueTask"))).isEqualTo("Decide on referral");
	}

	@Test
	void noFormsMarkdownInsertsAValueThatIsNotEscapedForIt() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("forms"))) {
			for (Path form : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
				walk(json.readTree(form.toFile()).path("components"), form.getFileName().toString(), problems);
			}
		}
		assertThat(problems).isEmpty();
		// the practitioner's summary still reaches the manager: as a field's value, not as markdown
		JsonNode summary = component(Path.of("forms", "authorise-assessment.form"), "assessmentSummary");
		assertThat(summary).as("authorise-assessment shows assessmentSummary").isNotNull();
		assertThat(summary.path("type").asText()).isEqualTo("textarea");
		// disabled: shown, never submitted, so the manager's form cannot rewrite the practitioner's record
		assertThat(summary.path("disabled").asBoolean()).isTrue();
	}

	// --- what a form shows

	private void walk(JsonNode components, String form, List<String> problems) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			if (type.equals("text") || type.equals("html")) {
				String template = component.path(type.equals("text") ? "text" : "content").asText();
				if (template.startsWith("=")) {
					problems.add(form + " " + component.path("id").asText() + ": a FEEL expression rendered as markdown");
				}
				Matcher insert = INSERT.matcher(template);
				while (insert.find()) {
					String inserted = insert.group(1).strip();
					if (!MARKDOWN_SAFE.contains(inserted) && !LINK_SAFE.contains(inserted)) {
						problems.add(form + " " + component.path("id").asText() + " inserts {{" + inserted
								+ "}}: only " + MARKDOWN_SAFE + " are escaped for markdown");
					}
				}
			}
			walk(component.path("components"), form, problems);
		}
	}

	private JsonNode component(Path form, String key) throws IOException {
		List<JsonNode> found = new ArrayList<>();
		collect(json.readTree(form.toFile()).path("components"), key, found);
		return found.isEmpty() ? null : found.get(0);
	}

	private static void collect(JsonNode components, String key, List<JsonNode> found) {
		for (JsonNode component : components) {
			if (key.equals(component.path("key").asText())) {
				found.add(component);
			}
			collect(component.path("components"), key, found);
		}
	}

	private static void assertInertDisplay(Map<String, Object> local, String name, Set<String> expected) {
		for (String variable : expected) {
			assertThat(local.get(variable)).as(variable).isInstanceOf(String.class);
			assertThat((String) local.get(variable)).as(variable).matches(INERT);
		}
		assertThat(shown((String) local.get("mdChildName"))).isEqualTo(name);
	}

	/** What the browser shows for text of letters and character references. */
	private static String shown(String markdown) {
		Matcher reference = Pattern.compile("&#([0-9]+);").matcher(markdown);
		StringBuilder text = new StringBuilder();
		while (reference.find()) {
			reference.appendReplacement(text, Matcher.quoteReplacement(Character.toString(Integer.parseInt(reference.group(1)))));
		}
		reference.appendTail(text);
		return text.toString();
	}

	// --- the front door, as the north team's practitioner

	private ResponseEntity<String> postReferral(String caseRef, String givenName, String familyName) {
		clockAt("2026-11-23T10:30:00Z");
		Map<String, Object> body = Map.of("referralId", "REF-" + caseRef, "child",
				Map.of("caseRef", caseRef, "givenName", givenName, "familyName", familyName, "dateOfBirth", "2016-05-01",
						"sex", "F"),
				"receivedAt", "2026-11-23T10:00:00", "source", "2A", "team", "north");
		return http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange("/api/referrals", HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()), String.class);
	}

	private int caseRows(String caseRef) {
		return jdbc.sql("select count(*) from child_case where case_ref = ?").param(caseRef).query(Integer.class).single()
				+ jdbc.sql("select count(*) from referral where case_ref = ?").param(caseRef).query(Integer.class).single();
	}

	private long processes(String caseRef) {
		return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef).count();
	}

}
