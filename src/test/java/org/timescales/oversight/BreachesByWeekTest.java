package org.timescales.oversight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaches page's weeks, for a team of this test alone: a referral received Monday 2 November 2026 whose
 * decision (due by the end of Tuesday 3rd) is never made, and one received Monday 9th whose decision (due by
 * the end of Tuesday 10th) is made late on Tuesday 17th. On Wednesday 25 November the twelve weeks from
 * Monday 7 September count, at each week's end, the breaches open then.
 */
@TimescalesTest
class BreachesByWeekTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void eachWeekCountsTheBreachesOpenAtItsEnd() throws Exception {
		user("tm.weekly", "weekly", "team-manager");
		String never = newCaseRef("WEEKLY");
		String late = newCaseRef("WEEKLY");
		clockAt("2026-11-02T10:30:00Z");
		receive(never, "2026-11-02T10:00:00");
		clockAt("2026-11-09T10:30:00Z");
		String lateReferral = receive(late, "2026-11-09T10:00:00");
		clockAt("2026-11-17T15:00:00Z");
		complete(lateReferral, "UserTask_DecideOnReferral", Map.of("referralDecision", "NFA", "referralDecisionDate",
				"2026-11-17", "decisionRationale", "Information and advice given"));
		clockAt("2026-11-25T12:00:00Z");

		JsonNode team = json.readTree(http.withBasicAuth("tm.weekly", "secret-tm.weekly")
			.getForObject("/api/oversight", String.class)).get("teams").get(0);
		List<String> weeks = new ArrayList<>();
		team.get("byWeek").forEach(w -> weeks.add(w.get("weekStarting").asText() + " " + w.get("openAtEnd").asInt()));

		assertThat(weeks).containsExactly("2026-09-07 0", "2026-09-14 0", "2026-09-21 0", "2026-09-28 0",
				"2026-10-05 0", "2026-10-12 0", "2026-10-19 0", "2026-10-26 0", "2026-11-02 1", "2026-11-09 2",
				"2026-11-16 1", "2026-11-23 1");

		// the page draws them, the busiest week the tallest bar, with the numbers for screen readers
		String page = http.withBasicAuth("tm.weekly", "secret-tm.weekly").getForObject("/oversight", String.class);
		String chart = page.substring(page.indexOf("id=\"by-week-weekly\""));
		chart = chart.substring(0, chart.indexOf("</figure>"));
		assertThat(chart).contains("<rect fill=\"#1d70b8\" width=\"32\" x=\"440\" y=\"20.0\" height=\"100.0\"/>")
			.contains("09/11: 2 breaches open at the end of the week beginning 09/11/2026")
			.contains("<th scope=\"row\">23/11/2026</th>");
	}

	private String receive(String caseRef, String receivedAt) {
		return referrals.receive(new ReferralRequest("REF-" + caseRef, new ReferralRequest.Child(caseRef, "Test",
				"Child", "2016-05-01", "F", null, null, null, null, List.of("NONE")), receivedAt, "2A", "weekly"))
			.referral()
			.processInstanceId();
	}

}
