package org.timescales.attack;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the census needs of an assessment (primary need, factors identified) is refused with the
 * form's sentence when wrong, through Tasklist and {@code /engine-rest} alike, and the task stays
 * open with nothing saved; right, it is kept as the census's codes.
 */
@TimescalesTest
class AssessmentFindingsRefusalTest extends ProcessTestSupport {

	private static final String COMPLETE = "UserTask_CompleteAssessment";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void eachWrongFindingIsRefusedWithItsSentenceAndNothingIsSaved() throws Exception {
		String caseRef = newCaseRef("FINDINGS");
		String pid = assessmentToComplete(caseRef);
		String taskId = task(pid, COMPLETE).getId();
		Map<String, String> refusals = new LinkedHashMap<>();
		refusals.put("N0|3B|CIN_PLAN",
				"primaryNeedCode: choose the primary need the assessment found, one of the census codes N1 to N9");
		refusals.put("N1|3B, 99Z|CIN_PLAN",
				"assessmentFactors: 99Z is not a census assessment factor code (the codes are listed above the field)");
		refusals.put("N1|3B 3b|CIN_PLAN", "assessmentFactors: 3B is given twice");
		refusals.put("N1|21, 3B|NFA", "assessmentFactors: 21 (no factors identified) cannot be given with other factors");
		refusals.put("N1|21|CIN_PLAN",
				"assessmentFactors: 21 (no factors identified) is only for an assessment that ends with no further action or early help;"
						+ " record the factors that lead to the plan or the strategy discussion");
		refusals.put("N1| , |NFA", "assessmentFactors: record the factors identified at assessment as census codes"
				+ " separated by commas (for example 3B, 4B), or 21 if none were identified");
		refusals.put("N1|3B|CIN_PLAN|NONE, MOB", "childDisabilities: may not hold NONE with another code (DfE rule 8790)");
		refusals.put("N1|3B|CIN_PLAN| ", "childDisabilities: must name at least one CIN census disability code"
				+ " (NONE when the child has no disability)");
		int i = 0;
		for (Map.Entry<String, String> refusal : refusals.entrySet()) {
			String[] values = refusal.getKey().split("\\|");
			Map<String, Object> body = assessment(values[0], values[1], values[2],
					values.length > 3 ? values[3] : null);
			ResponseEntity<String> answer = i++ % 2 == 0
					? http.withBasicAuth("worker.north", "secret-worker.north")
						.exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
								new HttpEntity<>(body, jsonHeaders()), String.class)
					: TasklistSession.logIn(http, "worker.north", "secret-worker.north")
						.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
								json.writeValueAsString(body));
			assertThat(answer.getStatusCode().value()).as(refusal.getKey() + ": " + answer.getBody()).isEqualTo(400);
			assertThat(json.readTree(answer.getBody()).get("message").asText()).as(refusal.getKey())
				.isEqualTo(refusal.getValue());
			assertThat(task(pid, COMPLETE).getId()).isEqualTo(taskId);
			assertThat(variable(pid, "assessmentFactors")).isNull();
			assertThat(variable(pid, "primaryNeedCode")).isNull();
			assertThat(jdbc.sql("select disabilities from child_case where case_ref = ?")
				.param(caseRef)
				.query(String.class)
				.single()).isEqualTo("NONE");
		}
	}

	@Test
	void theFindingsAreKeptAsTheCensusCodesAndTheDisabilitiesOnTheChild() {
		String caseRef = newCaseRef("FINDINGS-KEPT");
		String pid = assessmentToComplete(caseRef);
		String taskId = task(pid, COMPLETE).getId();
		// the form shows the disabilities the referral recorded, to confirm or correct
		assertThat(taskService.getVariable(taskId, "childDisabilities")).isEqualTo("NONE");

		ResponseEntity<String> answer = http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
					new HttpEntity<>(assessment("n4", " 3b; 4B,16a ", "CIN_PLAN", "ld, aut"), jsonHeaders()),
					String.class);

		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
		assertThat(variable(pid, "primaryNeedCode")).isEqualTo("N4");
		assertThat(variable(pid, "assessmentFactors")).isEqualTo("3B,4B,16A");
		assertThat(jdbc.sql("select disabilities from child_case where case_ref = ?").param(caseRef).query(String.class)
			.single()).isEqualTo("LD,AUT");
		assertThat(jdbc.sql("""
				select field || ': ' || old_value || ' -> ' || new_value || ' by ' || changed_by || ' (' || reason || ')'
				from child_detail_change where case_ref = ?""").param(caseRef).query(String.class).list())
			.containsExactly("disabilities: NONE -> LD,AUT by worker.north"
					+ " (Recorded on the assessment (Complete child and family assessment))");
	}

	/** Referred and decided for assessment on Monday 23 November 2026; the worker holds the assessment. */
	private String assessmentToComplete(String caseRef) {
		String pid = referredForAssessment(caseRef);
		clockAt("2026-12-01T10:00:00Z");
		taskService.setAssignee(task(pid, COMPLETE).getId(), "worker.north");
		return pid;
	}

	/** The form's fields; {@code disabilities} null leaves the field as the form showed it. */
	private static Map<String, Object> assessment(String need, String factors, String outcome, String disabilities) {
		Map<String, Object> variables = new LinkedHashMap<>(Map.of("assessmentStartDate",
				Map.of("value", "2026-11-24", "type", "String"), "assessmentOutcome",
				Map.of("value", outcome, "type", "String"), "primaryNeedCode", Map.of("value", need, "type", "String"),
				"assessmentFactors", Map.of("value", factors, "type", "String"), "assessmentSummary",
				Map.of("value", "Assessed", "type", "String")));
		if (disabilities != null) {
			variables.put("childDisabilities", Map.of("value", disabilities, "type", "String"));
		}
		return Map.of("variables", variables);
	}

}
