package org.timescales.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Every read of a child's record is logged with who, when (the engine clock) and what, and only
 * auditors, administrators and the case's managers may list who looked.
 */
@TimescalesTest
class RecordViewsTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Autowired
	RecordViews recordViews;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void eachReadOfACaseIsRecordedAndItsManagerCanListWhoLooked() throws Exception {
		String caseRef = newCaseRef("VIEW");
		clockAt("2027-03-01T09:00:00Z");
		referral(caseRef, "2027-03-01T08:00:00");

		clockAt("2027-03-01T10:00:00Z");
		assertThat(get("worker.north", "/api/cases/" + caseRef).getStatusCode().value()).isEqualTo(200);
		clockAt("2027-03-01T11:30:00Z");
		assertThat(get("tm.north", "/api/cases/" + caseRef).getStatusCode().value()).isEqualTo(200);

		assertThat(recordViews.of(caseRef)).extracting("caseRef", "viewedBy", "viewedAt", "what")
			.containsExactly(
					tuple(caseRef, "worker.north", java.time.Instant.parse("2027-03-01T10:00:00Z"), "case"),
					tuple(caseRef, "tm.north", java.time.Instant.parse("2027-03-01T11:30:00Z"), "case"));

		// a practitioner may read the case, not who else read it
		assertThat(get("worker.north", "/api/cases/" + caseRef + "/views").getStatusCode().value()).isEqualTo(403);

		ResponseEntity<String> views = get("tm.north", "/api/cases/" + caseRef + "/views");
		assertThat(views.getStatusCode().value()).isEqualTo(200);
		JsonNode body = json.readTree(views.getBody());
		assertThat(body.get("caseRef").asText()).isEqualTo(caseRef);
		assertThat(body.get("views")).hasSize(2);
		assertThat(body.at("/views/0/viewedBy").asText()).isEqualTo("worker.north");
		assertThat(body.at("/views/0/viewedAt").asText()).isEqualTo("2027-03-01T10:00:00Z");
		assertThat(body.at("/views/0/what").asText()).isEqualTo("case");
		assertThat(body.at("/views/1/viewedBy").asText()).isEqualTo("tm.north");
		assertThat(body.at("/views/1/viewedAt").asText()).isEqualTo("2027-03-01T11:30:00Z");
		assertThat(body.at("/views/1/what").asText()).isEqualTo("case");

		// the service manager answers for the team too; listing the views is not itself a read of the record
		assertThat(get("sm.east", "/api/cases/" + caseRef + "/views").getStatusCode().value()).isEqualTo(200);
		assertThat(recordViews.of(caseRef)).hasSize(2);
	}

	@Test
	void aCaseThatDoesNotExistIsNotRecorded() {
		String caseRef = newCaseRef("NOVIEW");

		assertThat(get("worker.north", "/api/cases/" + caseRef).getStatusCode().value()).isEqualTo(404);
		assertThat(get("tm.north", "/api/cases/" + caseRef + "/views").getStatusCode().value()).isEqualTo(404);

		assertThat(recordViews.of(caseRef)).isEmpty();
	}

	@Test
	void aViewIsKeptWhenTheReadAroundItRollsBackAndIsTheSystemsWithNoOneSignedIn() {
		String caseRef = newCaseRef("ROLLBACK");
		clockAt("2027-03-02T14:00:00Z");

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			recordViews.record(caseRef, RecordViews.EXPORT);
			status.setRollbackOnly();
		});

		assertThat(recordViews.of(caseRef)).extracting("viewedBy", "viewedAt", "what")
			.containsExactly(tuple("system", java.time.Instant.parse("2027-03-02T14:00:00Z"), "export"));
	}

	private ResponseEntity<String> get(String user, String path) {
		return http.withBasicAuth(user, "secret-" + user).getForEntity(path, String.class);
	}

}
