package org.timescales.clock;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * complaint.bpmn and clock extensions over real HTTP: a stage 1 complaint is due in 10 working days; a
 * manager may extend it, with a reason, up to 20; a statutory clock of the pathway cannot be extended.
 */
@TimescalesTest
class ClockExtensionApiTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void aComplaintIsDueInTenWorkingDaysAndAManagerMayExtendItWithAReason() throws Exception {
		String caseRef = complaintCase();
		JsonNode complaint = complaint(caseRef);
		String pid = complaint.get("processInstanceId").asText();
		JsonNode clock = complaint.at("/clocks/0");
		assertThat(clock.get("ruleId").asText()).isEqualTo("complaint-stage-1");
		assertThat(clock.get("dueDate").asText()).isEqualTo("2026-12-15");
		assertThat(timerDue(pid, "complaint-stage-1", OVERDUE)).isEqualTo("2026-12-16T00:00:00Z");

		ResponseEntity<String> extended = extend("tm.north", caseRef, clock.get("clockId").asLong(), "2026-12-29",
				"Complainant asked to meet after Christmas");

		assertThat(extended.getStatusCode().value()).as(extended.getBody()).isEqualTo(200);
		ClockRecordAssert.matches(clock(pid, "complaint-stage-1"), "2026-12-29", "2026-12-15", "tm.north",
				"Complainant asked to meet after Christmas");
		// the task and every timer follow the new deadline
		assertThat(task(pid, "UserTask_RespondToComplaint").getDueDate())
			.isEqualTo(Date.from(Instant.parse("2026-12-30T00:00:00Z")));
		assertThat(timerDue(pid, "complaint-stage-1", OVERDUE)).isEqualTo("2026-12-30T00:00:00Z");
		assertThat(timerDue(pid, "complaint-stage-1", DUE_SOON)).isEqualTo("2026-12-24T00:00:00Z");
		assertThat(timerDue(pid, "complaint-stage-1", STILL_OVERDUE)).isEqualTo("2027-01-05T00:00:00Z");
	}

	@Test
	void anExtensionBeyondTwentyWorkingDaysOrWithoutAReasonIsRefused() throws Exception {
		String caseRef = complaintCase();
		long clockId = complaint(caseRef).at("/clocks/0/clockId").asLong();

		assertRefused(extend("tm.north", caseRef, clockId, "2027-01-04", "Too long"), "newDueDate");
		assertRefused(extend("tm.north", caseRef, clockId, "2026-12-20", " "), "reason");
		assertRefused(extend("tm.north", caseRef, clockId, "2026-12-10", "Shorter"), "newDueDate");
		assertRefused(extend("tm.north", caseRef, clockId, "29/12/2026", "Bad date"), "newDueDate");
		assertThat(clock(instanceOf("complaint", caseRef), "complaint-stage-1").extension()).isNull();
	}

	@Test
	void anotherCasesComplaintIdIsAConflictNotItsClocks() throws Exception {
		String caseRef = complaintCase();
		complaint(caseRef);
		String south = newCaseRef("CMPS");
		referrals.receive(new org.timescales.referral.ReferralRequest("REF-" + south,
				new org.timescales.referral.ReferralRequest.Child(south, "Test", "Child", "2016-05-01", "F"),
				"2026-12-01T08:00:00", "2A", "south"));

		ResponseEntity<String> resent = http.withBasicAuth("worker.south", "secret-worker.south")
			.exchange("/api/complaints", HttpMethod.POST, new HttpEntity<>(Map.of("complaintId", "CMP-" + caseRef,
					"caseRef", south, "receivedAt", "2026-12-01T10:00:00"), jsonHeaders()), String.class);

		assertThat(resent.getStatusCode().value()).as(resent.getBody()).isEqualTo(409);
		assertThat(resent.getBody()).contains("complaintId").doesNotContain(caseRef).doesNotContain("processInstanceId");
	}

	@Test
	void onlyAManagerMayExtend() throws Exception {
		String caseRef = complaintCase();
		long clockId = complaint(caseRef).at("/clocks/0/clockId").asLong();
		assertThat(extend("worker.north", caseRef, clockId, "2026-12-29", "Please").getStatusCode().value())
			.isEqualTo(403);
	}

	@Test
	void aStatutoryClockOfThePathwayCannotBeExtended() throws Exception {
		String caseRef = newCaseRef("NOEXT");
		clockAt("2026-12-01T10:30:00Z");
		String pid = referral(caseRef, "2026-12-01T10:00:00").referral().processInstanceId();
		long clockId = clock(pid, "referral-decision").clockId();

		ResponseEntity<String> refused = extend("tm.north", caseRef, clockId, "2026-12-04", "Busy");

		assertRefused(refused, "clockId");
		assertThat(json.readTree(refused.getBody()).get("message").asText()).contains("cannot be extended");
	}

	private String complaintCase() {
		String caseRef = newCaseRef("CMP");
		clockAt("2026-12-01T09:00:00Z");
		referral(caseRef, "2026-12-01T08:00:00");
		clockAt("2026-12-01T11:00:00Z");
		return caseRef;
	}

	/** A stage 1 complaint received on Tuesday 1 December 2026 at 10:00. */
	private JsonNode complaint(String caseRef) throws Exception {
		ResponseEntity<String> response = http.withBasicAuth("worker.north", "secret-worker.north")
			.exchange("/api/complaints", HttpMethod.POST, new HttpEntity<>(Map.of("complaintId", "CMP-" + caseRef,
					"caseRef", caseRef, "receivedAt", "2026-12-01T10:00:00"), jsonHeaders()), String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
		return json.readTree(response.getBody());
	}

	private ResponseEntity<String> extend(String user, String caseRef, long clockId, String newDueDate, String reason) {
		return http.withBasicAuth(user, "secret-" + user)
			.exchange("/api/cases/" + caseRef + "/clocks/" + clockId + "/extension", HttpMethod.POST,
					new HttpEntity<>(Map.of("newDueDate", newDueDate, "reason", reason), jsonHeaders()), String.class);
	}

	private void assertRefused(ResponseEntity<String> response, String field) throws Exception {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
		assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).containsExactly(field);
	}


	/** What an extension leaves on the clock. */
	private static final class ClockRecordAssert {

		static void matches(org.timescales.casefile.ClockView clock, String dueDate, String originalDueDate,
				String extendedBy, String reason) {
			assertThat(clock.dueDate()).hasToString(dueDate);
			assertThat(clock.extension().originalDueDate()).hasToString(originalDueDate);
			assertThat(clock.extension().extendedBy()).isEqualTo(extendedBy);
			assertThat(clock.extension().reason()).isEqualTo(reason);
			assertThat(clock.extension().extendedAt()).isEqualTo("2026-12-01T11:00:00Z");
		}

	}

}
