package org.timescales.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;

import static org.assertj.core.api.Assertions.assertThat;
import static org.timescales.system.SqlTimes.utc;

/**
 * The timeliness report over real HTTP, on clocks written straight into the ledger for the south team
 * in 2031 (a year no other test uses, so the shared database's other rows do not count): 20 assessments
 * stopped in 2031, 17 in time; 10 child protection visits, 9 in time; a cancelled assessment and one
 * stopped on 1 January 2032 not counted; health assessments of a child looked after since January 2030
 * (counted) and of one looked after since January 2031 (not); a repeat plan, a first plan, a plan of
 * more than 2 years and one of 10 months; three pre-proceedings concluded, one within its 16 weeks,
 * one late and one within a later extension of them (late for the measure); three care proceedings
 * disposed of, two within 26 weeks (one on its last day after an extension) and one only within its
 * extension.
 */
@TimescalesTest
class TimelinessReportTest extends ProcessTestSupport {

	private static final String YEAR = "?from=2031-01-01&to=2031-12-31";

	/** Built once: the rows stay in the shared database. */
	private static Scenario scenario;

	record Scenario(List<String> lateAssessments, String repeatPlanCase, String longPlanCase,
			String extendedCareProceedingsCase) {
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void theClocksOf2031() {
		if (scenario == null) {
			scenario = build();
		}
	}

	private Scenario build() {
		List<String> late = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String ref = newCaseRef("TL-A");
			LocalDate due = LocalDate.of(2031, 2, 3).plusWeeks(i);
			boolean inTime = i >= 3;
			// the last one stops at 23:30 on 31 December: still in the period
			LocalDateTime stopped = i == 19 ? LocalDateTime.of(2031, 12, 31, 23, 30)
					: (inTime ? due.minusDays(1) : due.plusDays(4)).atTime(11, 0);
			clock(ref, pid(), "assessment", 1, "south", due.minusDays(60).atTime(9, 0), i == 19 ? LocalDate.of(2032, 1, 5) : due,
					stopped, inTime ? "MET" : "MET_LATE");
			if (!inTime) {
				late.add(ref);
			}
		}
		// not counted: cancelled, stopped at the very start of 2032, another team's
		clock(newCaseRef("TL-X"), pid(), "assessment", 1, "south", LocalDateTime.of(2031, 3, 1, 9, 0),
				LocalDate.of(2031, 5, 2), LocalDateTime.of(2031, 4, 1, 10, 0), "CANCELLED");
		clock(newCaseRef("TL-X"), pid(), "assessment", 1, "south", LocalDateTime.of(2031, 10, 1, 9, 0),
				LocalDate.of(2032, 1, 9), LocalDateTime.of(2032, 1, 1, 0, 0), "MET");
		clock(newCaseRef("TL-N"), pid(), "assessment", 1, "north", LocalDateTime.of(2031, 3, 1, 9, 0),
				LocalDate.of(2031, 5, 2), LocalDateTime.of(2031, 4, 1, 10, 0), "MET");

		String plan = pid();
		String visits = newCaseRef("TL-V");
		for (int i = 0; i < 10; i++) {
			LocalDate due = LocalDate.of(2031, 3, 14).plusWeeks(2 * i);
			clock(visits, plan, "cp-visit", i + 1, "south", due.minusDays(14).atTime(9, 0), due,
					(i == 4 ? due.plusDays(1) : due).atTime(15, 0), i == 4 ? "MET_LATE" : "MET");
		}

		// health: looked after since 6 January 2030 (counted: 1 of 2 in time); since 10 January 2031 (not counted)
		String longCare = pid();
		String lac = newCaseRef("TL-H");
		clock(lac, longCare, "cla-review", 1, "south", LocalDateTime.of(2030, 1, 6, 0, 0), LocalDate.of(2030, 2, 3),
				LocalDateTime.of(2030, 1, 30, 10, 0), "MET");
		clock(lac, longCare, "rha", 1, "south", LocalDateTime.of(2030, 3, 1, 0, 0), LocalDate.of(2031, 3, 3),
				LocalDateTime.of(2031, 2, 20, 10, 0), "MET");
		clock(lac, longCare, "rha", 2, "south", LocalDateTime.of(2031, 2, 20, 0, 0), LocalDate.of(2031, 8, 20),
				LocalDateTime.of(2031, 9, 1, 10, 0), "MET_LATE");
		String newCare = pid();
		String newLac = newCaseRef("TL-H");
		clock(newLac, newCare, "cla-review", 1, "south", LocalDateTime.of(2031, 1, 10, 0, 0), LocalDate.of(2031, 2, 7),
				null, null);
		clock(newLac, newCare, "iha", 1, "south", LocalDateTime.of(2031, 1, 10, 0, 0), LocalDate.of(2031, 2, 7),
				LocalDateTime.of(2031, 2, 1, 10, 0), "MET");

		// plans: a repeat (previous plan ended 1 May 2030), a first plan; both still running
		String repeat = newCaseRef("TL-P");
		endedPlan(repeat, LocalDate.of(2028, 3, 1), LocalDate.of(2030, 5, 1));
		runningPlan(repeat, LocalDate.of(2031, 2, 3));
		runningPlan(newCaseRef("TL-P"), LocalDate.of(2031, 5, 5));
		// ended in 2031: after 2 years and 2 months, and after 10 months
		String longPlan = newCaseRef("TL-P");
		endedPlan(longPlan, LocalDate.of(2029, 1, 2), LocalDate.of(2031, 3, 3));
		endedPlan(newCaseRef("TL-P"), LocalDate.of(2030, 6, 2), LocalDate.of(2031, 4, 1));

		// pre-proceedings, 16 weeks from the initial meeting: in time; late; late, though within an extension
		proceedings("pre-proceedings", LocalDate.of(2030, 11, 18), LocalDate.of(2031, 3, 10), null,
				LocalDate.of(2031, 3, 5), "MET");
		proceedings("pre-proceedings", LocalDate.of(2031, 1, 20), LocalDate.of(2031, 5, 12), null,
				LocalDate.of(2031, 5, 20), "MET_LATE");
		proceedings("pre-proceedings", LocalDate.of(2031, 2, 24), LocalDate.of(2031, 8, 11), LocalDate.of(2031, 6, 16),
				LocalDate.of(2031, 7, 28), "MET");
		// care proceedings, 26 weeks from issue: in time; on the 26 weeks' last day, extended all the same;
		// disposed of within an 8-week extension only; one disposed of in 2032
		proceedings("care-proceedings", LocalDate.of(2030, 10, 14), LocalDate.of(2031, 4, 14), null,
				LocalDate.of(2031, 4, 10), "MET");
		proceedings("care-proceedings", LocalDate.of(2030, 12, 2), LocalDate.of(2031, 7, 28), LocalDate.of(2031, 6, 2),
				LocalDate.of(2031, 6, 2), "MET");
		String extended = proceedings("care-proceedings", LocalDate.of(2031, 3, 3), LocalDate.of(2031, 10, 27),
				LocalDate.of(2031, 9, 1), LocalDate.of(2031, 10, 20), "MET");
		proceedings("care-proceedings", LocalDate.of(2031, 7, 7), LocalDate.of(2032, 1, 5), null,
				LocalDate.of(2032, 1, 5), "MET");
		return new Scenario(late, repeat, longPlan, extended);
	}

	@Test
	void anAuditorGetsExactFiguresForTheSouthTeam() throws Exception {
		JsonNode report = json("auditor.one", "/api/reports/timeliness" + YEAR + "&team=south");

		assertThat(report.get("from").asText()).isEqualTo("2031-01-01");
		assertThat(report.get("to").asText()).isEqualTo("2031-12-31");
		assertThat(report.get("teams").get(0).asText()).isEqualTo("south");
		assertFigure(report, "assessment", 17, 20, "85.0%");
		assertFigure(report, "cp-visit", 9, 10, "90.0%");
		assertFigure(report, "icpc", 0, 0, null);
		assertFigure(report, "rcpc", 0, 0, null); // the ended plans' cancelled clocks are not counted
		assertFigure(report, "cla-review", 0, 0, null);
		assertFigure(report, "health", 1, 2, "50.0%");
		assertFigure(report, "repeat-plan", 1, 2, "50.0%");
		assertFigure(report, "long-plan", 1, 2, "50.0%");
		assertFigure(report, "pre-proceedings", 1, 3, "33.3%");
		assertFigure(report, "care-proceedings", 2, 3, "66.7%");
		assertThat(report.get("rows").isNull()).isTrue();
	}

	@Test
	void theDrillDownListsEachClockAndTheLateCases() throws Exception {
		JsonNode report = json("auditor.one", "/api/reports/timeliness" + YEAR + "&team=south&measure=assessment");

		JsonNode rows = report.get("rows");
		assertThat(rows).hasSize(20);
		List<String> late = new ArrayList<>();
		for (JsonNode row : rows) {
			assertThat(row.get("clockId").asLong()).isPositive();
			assertThat(row.get("dueDate").isNull()).isFalse();
			if (!row.get("onTime").asBoolean()) {
				late.add(row.get("caseRef").asText());
			}
		}
		assertThat(late).containsExactlyInAnyOrderElementsOf(scenario.lateAssessments());
		// the drill-down lists children's cases: each is on its record's read log
		for (String caseRef : scenario.lateAssessments()) {
			assertThat(jdbc.sql("select count(*) from record_view where case_ref = ? and viewed_by = ? and what = ?")
				.params(caseRef, "auditor.one", "timeliness-report")
				.query(Long.class)
				.single()).isPositive();
		}
		JsonNode last = rows.get(19);
		assertThat(last.get("stoppedOn").asText()).isEqualTo("2031-12-31");
		assertThat(last.get("onTime").asBoolean()).isTrue();

		JsonNode plans = json("auditor.one", "/api/reports/timeliness" + YEAR + "&team=south&measure=repeat-plan").get("rows");
		assertThat(plans).hasSize(2);
		JsonNode repeat = plans.get(0);
		assertThat(repeat.get("caseRef").asText()).isEqualTo(scenario.repeatPlanCase());
		assertThat(repeat.get("startedOn").asText()).isEqualTo("2031-02-03");
		assertThat(repeat.get("previousPlanEndedOn").asText()).isEqualTo("2030-05-01");
		assertThat(repeat.get("inNumerator").asBoolean()).isTrue();

		JsonNode ended = json("auditor.one", "/api/reports/timeliness" + YEAR + "&team=south&measure=long-plan").get("rows");
		assertThat(ended).hasSize(2);
		assertThat(ended.get(0).get("caseRef").asText()).isEqualTo(scenario.longPlanCase());
		assertThat(ended.get(0).get("stoppedOn").asText()).isEqualTo("2031-03-03");
		assertThat(ended.get(0).get("inNumerator").asBoolean()).isTrue();
		assertThat(ended.get(1).get("inNumerator").asBoolean()).isFalse();
	}

	@Test
	void proceedingsAreInTimeOnlyByTheirDeadlineBeforeAnyExtension() throws Exception {
		JsonNode report = json("auditor.one", "/api/reports/timeliness" + YEAR + "&team=south&measure=care-proceedings");

		JsonNode measure = null;
		for (JsonNode m : report.get("measures")) {
			measure = m.get("id").asText().equals("care-proceedings") ? m : measure;
		}
		assertThat(measure.get("label").asText()).isEqualTo("Care proceedings disposed of within 26 weeks");
		JsonNode rows = report.get("rows");
		assertThat(rows).hasSize(3);
		List<String> late = new ArrayList<>();
		for (JsonNode row : rows) {
			assertThat(row.get("ruleId").asText()).isEqualTo("care-proceedings");
			if (!row.get("onTime").asBoolean()) {
				late.add(row.get("caseRef").asText() + " due " + row.get("dueDate").asText() + " disposed of "
						+ row.get("stoppedOn").asText());
			}
		}
		// the ledger says MET (within the extension); the measure says late, against the 26 weeks
		assertThat(late).containsExactly(scenario.extendedCareProceedingsCase() + " due 2031-09-01 disposed of 2031-10-20");
		assertThat(rows.get(1).get("dueDate").asText()).isEqualTo("2031-06-02");
		assertThat(rows.get(1).get("onTime").asBoolean()).isTrue();
	}

	@Test
	void csvHasAHeaderAndALinePerMeasure() {
		ResponseEntity<String> csv = get("auditor.one", "/api/reports/timeliness" + YEAR + "&team=south&format=csv");

		assertThat(csv.getStatusCode().value()).isEqualTo(200);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		String[] lines = csv.getBody().split("\r\n");
		assertThat(lines[0]).isEqualTo("measure,label,numerator,denominator,percentage");
		assertThat(lines[1]).isEqualTo("assessment,Assessments authorised within 45 working days,17,20,85.0%");
		assertThat(lines).hasSize(1 + TimelinessMeasure.values().length);
		assertThat(lines).contains("icpc,Initial child protection conferences within 15 working days,0,0,");

		String[] rows = get("auditor.one", "/api/reports/timeliness" + YEAR + "&team=south&measure=assessment&format=csv")
			.getBody()
			.split("\r\n");
		assertThat(rows).hasSize(21);
		assertThat(rows[0]).startsWith("measure,case_ref,clock_id,rule_id,team,started_on,due_date,stopped_on,on_time");
		assertThat(java.util.Arrays.stream(rows).filter(r -> r.contains(",no,")).count()).isEqualTo(3);
	}

	@Test
	void eachManagerSeesOnlyTheirTeams() throws Exception {
		JsonNode south = json("tm.south", "/api/reports/timeliness" + YEAR);
		assertThat(south.get("teams").get(0).asText()).isEqualTo("south");
		assertThat(south.get("teams")).hasSize(1);
		assertFigure(south, "assessment", 17, 20, "85.0%");

		JsonNode north = json("tm.north", "/api/reports/timeliness" + YEAR);
		assertThat(north.get("teams")).hasSize(1);
		assertThat(north.get("teams").get(0).asText()).isEqualTo("north");
		assertFigure(north, "assessment", 1, 1, "100.0%");
		assertFigure(north, "cp-visit", 0, 0, null);

		assertThat(get("tm.north", "/api/reports/timeliness" + YEAR + "&team=south").getStatusCode().value())
			.isEqualTo(403);
		assertThat(get("tm.north", "/reports/timeliness" + YEAR + "&team=south").getStatusCode().value())
			.isEqualTo(403);
	}

	@Test
	void practitionersAndStrangersAreRefused() {
		assertThat(get("worker.north", "/api/reports/timeliness" + YEAR).getStatusCode().value()).isEqualTo(403);
		assertThat(get("worker.north", "/reports/timeliness" + YEAR).getStatusCode().value()).isEqualTo(403);
		assertThat(http.getForEntity("/api/reports/timeliness" + YEAR, String.class).getStatusCode().value())
			.isEqualTo(401);
	}

	@Test
	void badParametersAre400() {
		assertThat(get("auditor.one", "/api/reports/timeliness?from=2031-13-01").getStatusCode().value()).isEqualTo(400);
		assertThat(get("auditor.one", "/api/reports/timeliness?from=2031-02-01&to=2031-01-01").getStatusCode().value())
			.isEqualTo(400);
		assertThat(get("auditor.one", "/api/reports/timeliness" + YEAR + "&measure=nope").getStatusCode().value())
			.isEqualTo(400);
	}

	@Test
	void thePageShowsTheFiguresAndLinksEachMeasureToItsRows() {
		ResponseEntity<String> page = get("auditor.one", "/reports/timeliness" + YEAR + "&team=south");
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).contains("85.0%", "90.0%", "measure=assessment", "measure=long-plan", "format=csv");

		ResponseEntity<String> drill = get("auditor.one", "/reports/timeliness" + YEAR + "&team=south&measure=assessment");
		assertThat(drill.getStatusCode().value()).isEqualTo(200);
		assertThat(drill.getBody()).contains("17 of 20 (85.0%)");
		for (String ref : scenario.lateAssessments()) {
			assertThat(drill.getBody()).contains(ref);
		}
		assertThat(drill.getBody().split(">Late<", -1)).hasSize(4);
	}

	@Test
	void thePageChartsEachMeasureMonthByMonthInSvg() {
		String page = get("auditor.one", "/reports/timeliness" + YEAR + "&team=south").getBody();

		// the visits: 2 of 2 in March and April, 1 of 2 in May (the one a day late), none from August
		String visits = page.substring(page.indexOf("id=\"chart-cp-visit\""));
		visits = visits.substring(0, visits.indexOf("</figure>"));
		String svg = visits.substring(visits.indexOf("<svg"), visits.indexOf("</svg>"));
		List<String> labels = new ArrayList<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text class=\"month\"[^>]*>([^<]*)</text>").matcher(svg);
		while (m.find()) {
			labels.add(m.group(1));
		}
		assertThat(labels).containsExactly("Jan 2031", "Feb 2031", "Mar 2031", "Apr 2031", "May 2031", "Jun 2031",
				"Jul 2031", "Aug 2031", "Sep 2031", "Oct 2031", "Nov 2031", "Dec 2031");
		assertThat(svg).contains("<title id=\"chart-cp-visit-title\">Child protection visits on time, by month</title>");
		assertThat(svg).contains("Mar 2031: 100.0% (2 of 2); Apr 2031: 100.0% (2 of 2); May 2031: 50.0% (1 of 2);",
				"Aug 2031: no cases");
		assertThat(svg).contains(">50.0%</text>", ">no cases</text>");
		assertThat(svg).doesNotContain(">0.0%<");
		// the May bar: 50 units of 100, from y=70
		assertThat(svg).contains("y=\"70.0\" height=\"50.0\"");
		// the same numbers in a table for screen readers
		assertThat(visits).contains("<th scope=\"row\">May 2031</th>");
		assertThat(page).doesNotContain("<script");
	}

	private static void assertFigure(JsonNode report, String id, long numerator, long denominator, String percentage) {
		JsonNode figure = null;
		for (JsonNode m : report.get("measures")) {
			if (m.get("id").asText().equals(id)) {
				figure = m;
			}
		}
		assertThat(figure).as(id).isNotNull();
		assertThat(figure.get("numerator").asLong()).as(id + " numerator").isEqualTo(numerator);
		assertThat(figure.get("denominator").asLong()).as(id + " denominator").isEqualTo(denominator);
		if (percentage == null) {
			assertThat(figure.get("percentage").isNull()).as(id + " percentage").isTrue();
		}
		else {
			assertThat(figure.get("percentage").asText()).as(id + " percentage").isEqualTo(percentage);
		}
	}

	private JsonNode json(String user, String path) throws Exception {
		ResponseEntity<String> response = get(user, path);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return json.readTree(response.getBody());
	}

	private ResponseEntity<String> get(String user, String path) {
		return http.withBasicAuth(user, "secret-" + user).getForEntity(path, String.class);
	}

	private static String pid() {
		return "tl-" + UUID.randomUUID();
	}

	private void endedPlan(String caseRef, LocalDate start, LocalDate end) {
		String plan = pid();
		clock(caseRef, plan, "core-group", 1, "south", start.atStartOfDay(), start.plusDays(14),
				start.plusDays(7).atTime(10, 0), "MET");
		clock(caseRef, plan, "rcpc", 1, "south", start.atStartOfDay(), start.plusMonths(3), end.atTime(16, 0),
				"CANCELLED");
	}

	private void runningPlan(String caseRef, LocalDate start) {
		String plan = pid();
		clock(caseRef, plan, "core-group", 1, "south", start.atStartOfDay(), start.plusDays(14),
				start.plusDays(7).atTime(10, 0), "MET");
		clock(caseRef, plan, "rcpc", 1, "south", start.atStartOfDay(), start.plusMonths(3), null, null);
	}

	/** A proceedings clock for the south team stopped at 15:00 on the day, extended when {@code originalDueDate} is given. */
	private String proceedings(String rule, LocalDate started, LocalDate dueDate, LocalDate originalDueDate,
			LocalDate stopped, String outcome) {
		String ref = newCaseRef("TL-C");
		String pid = pid();
		clock(ref, pid, rule, 1, "south", started.atTime(10, 0), dueDate, stopped.atTime(15, 0), outcome);
		if (originalDueDate != null) {
			jdbc.sql("update clock set original_due_date = ?, extended_by = 'judge', extension_reason = 's.32(5)'"
					+ " where process_instance_id = ?")
				.params(originalDueDate, pid)
				.update();
		}
		return ref;
	}

	/** A row of the ledger; times are London times, the due instant the end of the due date. */
	private void clock(String caseRef, String pid, String rule, int sequence, String team, LocalDateTime started,
			LocalDate dueDate, LocalDateTime stopped, String outcome) {
		jdbc.sql("""
				insert into clock (case_ref, process_instance_id, rule_id, label, team, started_at, due_date, due_at,
				                   stopped_at, outcome, sequence_no)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseRef, pid, rule, rule, team, utc(London.toInstant(started)), dueDate,
					utc(London.endOfDay(dueDate)), stopped == null ? null : utc(London.toInstant(stopped)), outcome,
					sequence)
			.update();
	}

}
