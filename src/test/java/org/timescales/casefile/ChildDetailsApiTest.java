package org.timescales.casefile;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.refusal.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * POST /api/cases/{caseRef}/child-details over real HTTP: the child's census details recorded or corrected
 * later, each changed field audited in child_detail_change, and the case view showing them.
 */
@TimescalesTest
class ChildDetailsApiTest extends ProcessTestSupport {

	/** LA 201, check letter Z computed as the DfE's rule 1510 does. */
	static final String UPN = "Z201000012345";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	ChildDetails childDetails;

	@Test
	void theCommandChangesTheFieldsGivenAndWritesOneChangeRowEach() throws Exception {
		String caseRef = newCaseRef("CD");
		referral(caseRef, "2026-11-20T09:00:00");

		ResponseEntity<String> upn = post("worker.north", caseRef, Map.of("upn", UPN, "reason", "UPN from the school"));

		assertThat(upn.getStatusCode().value()).as(upn.getBody()).isEqualTo(200);
		JsonNode body = json.readTree(upn.getBody());
		assertThat(body.get("caseRef").asText()).isEqualTo(caseRef);
		assertThat(body.at("/child/upn").asText()).isEqualTo(UPN);
		assertThat(body.at("/child/upnUnknown").isNull()).isTrue();
		assertThat(body.at("/child/sex").asText()).isEqualTo("F");
		assertThat(body.get("childDetailChanges")).hasSize(1);
		JsonNode change = body.at("/childDetailChanges/0");
		assertThat(change.get("field").asText()).isEqualTo("upn");
		assertThat(change.get("oldValue").isNull()).isTrue();
		assertThat(change.get("newValue").asText()).isEqualTo(UPN);
		assertThat(change.get("changedBy").asText()).isEqualTo("worker.north");
		assertThat(change.get("reason").asText()).isEqualTo("UPN from the school");
		// the exact row, in the table
		assertThat(jdbc.sql("select changed_by, field, old_value, new_value, reason from child_detail_change"
				+ " where case_ref = ?")
			.param(caseRef)
			.query((rs, n) -> java.util.Arrays.asList(rs.getString("changed_by"), rs.getString("field"),
					rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason")))
			.list()).containsExactly(java.util.Arrays.asList("worker.north", "upn", null, UPN, "UPN from the school"));

		// why it is unknown clears the UPN: two rows; the disabilities and sex each one; a field unchanged none
		assertThat(post("worker.north", caseRef, Map.of("upnUnknown", "UN5", "reason", "School disputes the UPN"))
			.getStatusCode()
			.value()).isEqualTo(200);
		ResponseEntity<String> more = post("tm.north", caseRef,
				Map.of("sex", "M", "ethnicity", "NOBT", "disabilities", List.of("LD", "COMM"), "reason", "Assessment"));
		assertThat(more.getStatusCode().value()).as(more.getBody()).isEqualTo(200);

		JsonNode shown = json.readTree(get("worker.north", "/api/cases/" + caseRef).getBody());
		assertThat(shown.at("/child/upn").isNull()).isTrue();
		assertThat(shown.at("/child/upnUnknown").asText()).isEqualTo("UN5");
		assertThat(shown.at("/child/sex").asText()).isEqualTo("M");
		assertThat(shown.at("/child/ethnicity").asText()).isEqualTo("NOBT");
		assertThat(json.convertValue(shown.at("/child/disabilities"), List.class)).containsExactly("LD", "COMM");
		List<String> changes = new java.util.ArrayList<>();
		shown.get("childDetailChanges")
			.forEach(c -> changes.add(c.get("field").asText() + ": " + c.get("oldValue").asText(null) + " -> "
					+ c.get("newValue").asText(null) + " by " + c.get("changedBy").asText() + " (" + c.get("reason").asText()
					+ ")"));
		assertThat(changes).containsExactly("upn: null -> " + UPN + " by worker.north (UPN from the school)",
				"upn: " + UPN + " -> null by worker.north (School disputes the UPN)",
				"upnUnknown: null -> UN5 by worker.north (School disputes the UPN)",
				"sex: F -> M by tm.north (Assessment)", "ethnicity: null -> NOBT by tm.north (Assessment)",
				"disabilities: NONE -> LD,COMM by tm.north (Assessment)");
	}

	@Test
	void aMissingReasonOrABadValueIs400NamingTheFieldAndChangesNothing() throws Exception {
		String caseRef = newCaseRef("CDBAD");
		referral(caseRef, "2026-11-20T09:00:00");

		assertRefused(caseRef, Map.of("upn", UPN), "reason");
		assertRefused(caseRef, Map.of("upn", UPN, "reason", " "), "reason");
		assertRefused(caseRef, Map.of("upn", "A201000012345", "reason", "r"), "upn",
				"has the wrong check letter (expected Z)");
		assertRefused(caseRef, Map.of("upn", "12345", "reason", "r"), "upn", "must be 13 characters: a check letter");
		assertRefused(caseRef, Map.of("upnUnknown", "UN8", "reason", "r"), "upnUnknown");
		assertRefused(caseRef, Map.of("upn", UPN, "upnUnknown", "UN1", "reason", "r"), "upnUnknown");
		assertRefused(caseRef, Map.of("disabilities", List.of("NONE", "MOB"), "reason", "r"), "disabilities");
		assertRefused(caseRef, Map.of("disabilities", List.of("MOB", "MOB"), "reason", "r"), "disabilities");
		assertRefused(caseRef, Map.of("disabilities", List.of("BLIND"), "reason", "r"), "disabilities");
		assertRefused(caseRef, Map.of("disabilities", List.of(), "reason", "r"), "disabilities");
		assertRefused(caseRef, Map.of("sex", "X", "reason", "r"), "sex");
		assertRefused(caseRef, Map.of("ethnicity", "BRIT", "reason", "r"), "ethnicity");
		assertRefused(caseRef, Map.of("reason", "nothing named"), "body");
		assertRefused(caseRef, Map.of("upn", UPN, "reason", "r", "school", "Hill"), "school");

		JsonNode shown = json.readTree(get("worker.north", "/api/cases/" + caseRef).getBody());
		assertThat(shown.at("/child/upn").isNull()).isTrue();
		// as the referral recorded it (ProcessTestSupport refers every child with NONE)
		assertThat(json.convertValue(shown.at("/child/disabilities"), List.class)).containsExactly("NONE");
		assertThat(shown.get("childDetailChanges")).isEmpty();
	}

	@Test
	void anotherTeamsWorkerIsAnswered404AndAnAuditor403() throws Exception {
		String caseRef = newCaseRef("CDWHO");
		referral(caseRef, "2026-11-20T09:00:00");
		Map<String, Object> request = Map.of("upn", UPN, "reason", "UPN from the school");

		assertThat(post("worker.south", caseRef, request).getStatusCode().value()).isEqualTo(404);
		assertThat(post("auditor.one", caseRef, request).getStatusCode().value()).isEqualTo(403);
		// the front door records referrals for any case, but this answers with the child's record
		assertThat(post("frontdoor.one", caseRef, request).getStatusCode().value()).isEqualTo(404);
		assertThat(post("worker.north", "NO-SUCH-" + caseRef, request).getStatusCode().value()).isEqualTo(404);

		assertThat(jdbc.sql("select count(*) from child_detail_change where case_ref = ?")
			.param(caseRef)
			.query(Integer.class)
			.single()).isZero();
		// the auditor may still read it
		assertThat(get("auditor.one", "/api/cases/" + caseRef).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void otherModulesRecordDisabilitiesThroughTheSameChecks() {
		String caseRef = newCaseRef("CDJAVA");
		referral(caseRef, "2026-11-20T09:00:00");

		assertThatThrownBy(() -> childDetails.recordDisabilities(caseRef, List.of("NONE", "AUT"), "worker.north",
				"Assessment form"))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("disabilities"));

		List<ChildDetails.Change> written = childDetails.recordDisabilities(caseRef, List.of("AUT", "COMM"),
				"worker.north", "Assessment form");

		assertThat(written).extracting(ChildDetails.Change::field, ChildDetails.Change::oldValue,
				ChildDetails.Change::newValue, ChildDetails.Change::changedBy, ChildDetails.Change::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("disabilities", "NONE", "AUT,COMM", "worker.north",
					"Assessment form"));
		// the same again changes nothing
		assertThat(childDetails.recordDisabilities(caseRef, List.of("AUT", "COMM"), "worker.north", "Again")).isEmpty();
		assertThat(childDetails.changesOf(caseRef)).hasSize(1);
	}

	private void assertRefused(String caseRef, Map<String, Object> request, String field) throws Exception {
		assertRefused(caseRef, request, field, "");
	}

	private void assertRefused(String caseRef, Map<String, Object> request, String field, String message)
			throws Exception {
		ResponseEntity<String> response = post("worker.north", caseRef, request);
		assertThat(response.getStatusCode().value()).as("status for a bad %s: %s", field, response.getBody())
			.isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).as(response.getBody())
			.matches(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype, "application/problem+json");
		JsonNode body = json.readTree(response.getBody());
		assertThat(body.get("errors").findValuesAsText("field")).as(response.getBody()).containsExactly(field);
		assertThat(body.at("/errors/0/message").asText()).as(response.getBody()).startsWith(message);
		assertThat(body.get("detail").asText()).contains(field);
	}

	private ResponseEntity<String> post(String user, String caseRef, Map<String, Object> request) {
		return http.withBasicAuth(user, "secret-" + user)
			.exchange("/api/cases/" + caseRef + "/child-details", HttpMethod.POST,
					new HttpEntity<>(request, jsonHeaders()), String.class);
	}

	private ResponseEntity<String> get(String user, String path) {
		return http.withBasicAuth(user, "secret-" + user).getForEntity(path, String.class);
	}

}
