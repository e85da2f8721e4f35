package org.timescales.oversight;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.allocation.HolderRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team manager's "My team", over real HTTP: mt.worker, a north social worker of this test only, holds a
 * child referred on Monday 23 November 2026 whose referral decision was due by the end of Tuesday 24th and
 * is still not made on Thursday 26th; a second child referred the same day is held by nobody.
 */
@TimescalesTest
class MyTeamTest extends ProcessTestSupport {

	private static final String WORKER = "mt.worker";

	@Autowired
	TestRestTemplate http;

	@Test
	void theManagerSeesEachWorkersCaseloadBesideTheirBreachesAndTheChildrenNobodyHolds() {
		user(WORKER, "north", "practitioner", "social-worker");
		String late = newCaseRef("MYTEAM");
		String nobodys = newCaseRef("MYTEAM");
		clockAt("2026-11-23T10:30:00Z");
		referral(late, "2026-11-23T10:00:00");
		referral(nobodys, "2026-11-23T10:00:00");
		var allocated = HolderRequests.allocate(http, "tm.north", late, WORKER, null, "Hers");
		assertThat(allocated.getStatusCode().value()).as(allocated.getBody()).isEqualTo(200);
		clockAt("2026-11-26T12:00:00Z");

		ResponseEntity<String> page = get("tm.north", "/my/team");

		assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
		String body = page.getBody();
		String north = body.substring(body.indexOf("id=\"team-north\""));
		// the worker's caseload beside their breach: 1 child (in need), 1 open breach 2 working days late
		String row = north.substring(north.indexOf("id=\"worker-north-" + WORKER + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row.replaceAll("\\s+", " ")).contains("<td>social-worker</td>")
			.contains("<td class=\"num\">1</td> <td class=\"num\">0</td> <td class=\"num\">0</td> <td class=\"num\">1</td>")
			.contains("<span class=\"badge late\">1</span>")
			.contains("<td>2 working days late</td>");
		// the child nobody holds, linked to its case page, waiting since the referral
		String unallocated = north.substring(north.indexOf("id=\"unallocated-north\""));
		unallocated = unallocated.substring(0, unallocated.indexOf("</table>")).replaceAll("\\s+", " ");
		assertThat(unallocated).contains("<td><a href=\"/cases/" + nobodys + "\">" + nobodys + "</a></td> <td>3 working days</td>")
			.doesNotContain(late);
		assertThat(north).contains("href=\"/oversight/caseloads?team=north\"").contains("href=\"/oversight?team=north\"");
		// the worst five breaches at most
		String worst = north.substring(north.indexOf("id=\"worst-north\""));
		worst = worst.substring(0, worst.indexOf("</table>"));
		assertThat(worst.split("<tr>", -1).length - 2).isBetween(1, MyTeamController.WORST);
	}

	@Test
	void aPractitionerHasNoTeamPage() {
		assertThat(get("worker.north", "/my/team").getStatusCode().value()).isEqualTo(403);
	}

	private ResponseEntity<String> get(String user, String path) {
		return http.withBasicAuth(user, "secret-" + user).getForEntity(path, String.class);
	}

}
