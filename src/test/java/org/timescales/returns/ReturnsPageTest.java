package org.timescales.returns;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The returns page, signed in to our pages (not the API's basic credentials): the census and Annex A
 * downloaded from its forms; a census the DfE would reject shown as what to put right, each child linked
 * to its case page; practitioners refused.
 */
@TimescalesTest
class ReturnsPageTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Test
	void anAuditorIsShownWhatToPutRightThenDownloadsTheCensusOnceItIsPutRight() {
		// referred on Monday 7 October 2024 and sent for assessment with no disability recorded: DfE rule 8540
		String caseRef = newCaseRef("RETURNS-PAGE");
		clockAt("2024-10-07T09:30:00Z");
		String pid = referrals
			.receive(new ReferralRequest("REF-" + caseRef,
					new ReferralRequest.Child(caseRef, "Test", "Child", "2016-05-01", "F"), "2024-10-07T09:00:00", "2A",
					"north"))
			.referral()
			.processInstanceId();
		clockAt("2024-10-07T14:00:00Z");
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT", "referralDecisionDate",
				"2024-10-07", "decisionRationale", "Needs assessing"));
		clockAt("2025-05-01T09:00:00Z");

		ResponseEntity<String> page = get("auditor.one", "/reports/returns");
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("action=\"/reports/returns/cin-census\"")
			.contains("action=\"/reports/returns/annex-a\"")
			// on 1 May 2025 the year open is 2025-26, ending 31 March 2026
			.contains("<option value=\"2026\" selected=\"selected\">2025-26: 1 April 2025 to 31 March 2026</option>")
			.contains("value=\"2024-11-02\"")
			.contains("value=\"2025-05-01\"");

		ResponseEntity<String> refused = get("auditor.one", "/reports/returns/cin-census?year=2025");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getHeaders().getContentType().toString()).startsWith("text/html");
		String failures = refused.getBody().substring(refused.getBody().indexOf("id=\"census-failures\""));
		assertThat(failures).contains("The 2024-25 census would be rejected by the DfE")
			.contains("<td>8540</td>")
			.contains("<a href=\"/cases/" + caseRef + "\">" + caseRef + "</a>")
			.contains("<td>CINdetails.ReferralNFA</td>");

		// put right at source, the same return downloads
		ResponseEntity<String> recorded = http.withBasicAuth("tm.north", "secret-tm.north")
			.postForEntity("/api/cases/" + caseRef + "/child-details", new HttpEntity<>(Map.of("disabilities",
					List.of("NONE"), "reason", "Disability recorded at the assessment visit"), jsonHeaders()), String.class);
		assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> census = get("auditor.one", "/reports/returns/cin-census?year=2025");
		assertThat(census.getStatusCode()).as(census.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(census.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"cin-census-2025.xml\"");
		assertThat(census.getBody()).contains("<Year>2025</Year>");
	}

	@Test
	void annexADownloadsFromThePageAsAWorkbook() {
		ResponseEntity<byte[]> workbook = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/reports/returns/annex-a?from=2025-04-01&to=2025-09-30", byte[].class);
		assertThat(workbook.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(workbook.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"annex-a-2025-04-01-2025-09-30.xlsx\"");
		// an .xlsx is a zip: PK
		assertThat(workbook.getBody()).startsWith(new byte[] { 'P', 'K' });
	}

	@Test
	void aPractitionerMayNotOpenTheReturns() {
		assertThat(get("worker.north", "/reports/returns").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get("worker.north", "/reports/returns/cin-census?year=2026").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private ResponseEntity<String> get(String user, String path) {
		return http.withBasicAuth(user, "secret-" + user).getForEntity(path, String.class);
	}

}
