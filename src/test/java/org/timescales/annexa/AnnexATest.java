package org.timescales.annexa;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.allocation.HolderRequests;
import org.timescales.audit.RecordView;
import org.timescales.audit.RecordViews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.timescales.annexa.AnnexARows.concat;
import static org.timescales.annexa.AnnexARows.values;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Annex A for April–September 2025 over HTTP: a child referred on 2 June 2025, assessed by
 * worker.north and authorised on 15 August, is a row of list 3 and of list 4; a child referred after the
 * period is in neither; a child through a section 47 enquiry and a protection plan into care is a row of
 * lists 3, 5, 6, 7 and 8 for April 2025 – March 2026. Values are the template's codes
 * ({@link AnnexATemplateTest} checks the layout against Ofsted's template itself). The workbook is read back with POI; a practitioner
 * may not have it.
 */
@TimescalesTest
class AnnexATest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	RecordViews recordViews;

	private static void assertDone(ResponseEntity<String> answer) {
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
	}

	@Test
	void referralAndAssessmentInThePeriod() throws Exception {
		String caseRef = newCaseRef("AXA");
		clockAt("2025-06-02T09:30:00Z");
		String pid = referral(caseRef, "2025-06-02T09:00:00").referral().processInstanceId();
		clockAt("2025-06-02T14:00:00Z");
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT", "referralDecisionDate",
				"2025-06-02", "decisionRationale", "Needs assessing"));
		assertDone(HolderRequests.allocate(http, "tm.north", caseRef, "worker.north", null, "Assessment"));
		on("2025-08-15");
		complete(pid, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", "2025-06-03", "assessmentOutcome",
				"CIN_PLAN", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "Child in need"));
		complete(pid, "UserTask_AuthoriseAssessment", Map.of("assessmentAuthorised", true, "assessmentAuthorisedDate",
				"2025-08-15", "managerComments", "Agreed"));

		String later = newCaseRef("AXA-LATER");
		clockAt("2025-10-01T10:00:00Z");
		referral(later, "2025-10-01T09:00:00");
		// moved after the period: the return shows who held the child at its end
		assertDone(HolderRequests.transfer(http, "tm.north", caseRef, "south", "Moved house"));

		clockAt("2025-10-06T09:00:00Z");
		ResponseEntity<byte[]> response = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/returns/annex-a?from=2025-04-01&to=2025-09-30", byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType()).hasToString(
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"annex-a-2025-04-01-2025-09-30.xlsx\"");

		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
			assertThat(sheets).containsExactly("List 1", "List 2", "List 3", "List 4", "List 5", "List 6", "List 7",
					"List 8", "List 9", "List 10", "List 11");

			Sheet referrals = workbook.getSheet("List 3");
			assertThat(values(referrals.getRow(0))).containsExactly("Child Unique ID", "Gender", "Ethnicity",
					"Date of Birth", "Age", "Date of Referral", "Referral Source", "Referral NFA?",
					"Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker");
			Row referral = rowOf(referrals, caseRef);
			assertThat(values(referral)).containsExactly(caseRef, "b) Female", "", "2016-05-01", "9", "2025-06-02",
					"e) 2A: Schools", "No", "1", "north", "worker.north");
			assertThat(rowOf(referrals, later)).isNull();

			Sheet assessments = workbook.getSheet("List 4");
			assertThat(values(assessments.getRow(0))).containsExactly("Child Unique ID", "Gender", "Ethnicity",
					"Date of Birth", "Age", "Does the Child have a Disability", "Continuous Assessment Start Date",
					"Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation",
					"Was the child assessed as requiring LA children's social care support?", "Allocated Team",
					"Allocated Worker");
			// assessed for a child in need plan: children's social care support
			assertThat(values(rowOf(assessments, caseRef))).containsExactly(caseRef, "b) Female", "", "2016-05-01", "9", "b) No",
					"2025-06-03", "", "2025-08-15", "a) Yes", "north", "worker.north");

			// every list of children keeps its headings, the child columns first
			for (int list = 1; list <= 9; list++) {
				assertThat(values(workbook.getSheet("List " + list).getRow(0))).startsWith("Child Unique ID", "Gender",
						"Ethnicity", "Date of Birth", "Age");
			}
		}

		assertThat(recordViews.of(caseRef)).extracting(RecordView::viewedBy, RecordView::what)
			.contains(tuple("auditor.one", "annex-a"));
		assertThat(recordViews.of(later)).extracting(RecordView::what).doesNotContain("annex-a");

		ResponseEntity<String> refused = http.withBasicAuth("worker.north", "secret-worker.north")
			.getForEntity("/api/returns/annex-a?from=2025-04-01&to=2025-09-30", String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	/**
	 * Lists 5, 7 and 8 for April 2025 – March 2026: a strategy discussion and section 47 enquiry, its
	 * conference and the protection plan that followed (a late visit escalated, two reviews), and the
	 * period in care the second review decided on. The child was first held by a family practitioner
	 * under supervision: neither the supervision nor the escalation is a row of any list.
	 */
	@Test
	void aProtectionPlanAndAPeriodInCareInThePeriod() throws Exception {
		String caseRef = newCaseRef("AXB");
		clockAt("2025-09-01T08:30:00Z");
		String referral = referral(caseRef, "2025-09-01T09:00:00").referral().processInstanceId();
		assertDone(HolderRequests.allocate(http, "tm.north", caseRef, "fp.north", "worker.north", "Family help"));
		clockAt("2025-09-01T11:00:00Z");
		complete(referral, "UserTask_DecideOnReferral", Map.of("referralDecision", "STRATEGY_DISCUSSION",
				"referralDecisionDate", "2025-09-01", "decisionRationale", "Injury disclosed at school"));
		assertDone(HolderRequests.allocate(http, "tm.north", caseRef, "worker.north", null, "Child protection"));
		String s47 = instanceOf("section47", caseRef);
		clockAt("2025-09-01T16:00:00Z");
		complete(s47, "UserTask_HoldStrategyDiscussion", Map.of("strategyDiscussionAt", "2025-09-01T15:00",
				"s47Decision", "yes", "strategyDiscussionSummary", "Police and health"));
		clockAt("2025-09-02T11:00:00Z");
		complete(s47, "UserTask_SeeTheChild",
				Map.of("childSeenAt", "2025-09-02T10:00", "seenAlone", "yes", "visitNotes", "Seen alone"));
		on("2025-09-22");
		complete(s47, "UserTask_CompleteSection47Enquiry",
				Map.of("s47CompletedDate", "2025-09-15", "s47Outcome", "ICPC", "enquirySummary", "Substantiated"));
		complete(s47, "UserTask_HoldInitialConference",
				Map.of("icpcDate", "2025-09-22", "planRequired", "yes", "categoryOfAbuse", "PHYSICAL"));
		String plan = instanceOf("childProtectionPlan", caseRef);
		on("2025-09-29");
		complete(plan, "UserTask_HoldCoreGroup", Map.of("coreGroupDate", "2025-09-29", "coreGroupNotes", "Agreed"));
		// the visit is late: escalated to the team manager, then made
		clockAt("2025-10-20T09:00:00Z");
		executeDueJobs();
		on("2025-10-20");
		complete(plan, "UserTask_VisitChild",
				Map.of("visitDate", "2025-10-20", "seenAlone", "yes", "visitNotes", "Seen at home"));
		on("2025-11-10");
		complete(plan, "UserTask_HoldReviewConference",
				Map.of("reviewDate", "2025-11-10", "planContinues", "yes", "latestCategoryOfAbuse", "NEGLECT"));
		on("2026-02-09");
		complete(plan, "UserTask_HoldReviewConference", Map.of("reviewDate", "2026-02-09", "planContinues", "no",
				"nextStep", "LOOKED_AFTER", "becameLookedAfterDate", "2026-02-09", "placementStartDate", "2026-02-09",
				"legalStatus", "C2"));
		String care = instanceOf("childLookedAfter", caseRef);
		on("2026-02-16");
		complete(care, "UserTask_VisitLookedAfterChild",
				Map.of("claVisitDate", "2026-02-16", "seenAlone", "yes", "visitNotes", "Settled"));
		on("2026-03-02");
		complete(care, "UserTask_InitialHealthAssessment", Map.of("healthAssessmentDate", "2026-03-02"));
		on("2026-03-10");
		complete(care, "UserTask_DentalCheck", Map.of("dentalCheckDate", "2026-03-10"));

		clockAt("2026-04-20T09:00:00Z");
		ResponseEntity<byte[]> response = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/returns/annex-a?from=2025-04-01&to=2026-03-31", byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);

		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
			// gender, ethnicity and disability are not held
			List<String> child = List.of(caseRef, "b) Female", "", "2016-05-01", "9");
			List<String> childWithDisability = concat(child, "b) No");
			assertThat(values(rowOf(workbook.getSheet("List 3"), caseRef))).containsExactlyElementsOf(
					concat(child, "2025-09-01", "e) 2A: Schools", "No", "1", "north", "worker.north"));
			assertThat(rowOf(workbook.getSheet("List 4"), caseRef)).isNull();
			// the enquiry of 1 September, its conference of 22 September and the plan it decided on
			assertThat(values(rowOf(workbook.getSheet("List 5"), caseRef))).containsExactlyElementsOf(concat(
					childWithDisability, "2025-09-01", "No", "2025-09-22", "Yes", "1", "1", "north", "worker.north"));
			// no child in need plan: the episode is open, the child looked after at the end of the period,
			// last seen at the visit in care
			assertThat(values(rowOf(workbook.getSheet("List 6"), caseRef))).containsExactlyElementsOf(concat(
					childWithDisability, "2025-09-01", "", "2026-02-16", "", "", "a) Looked after child", "north",
					"worker.north"));
			assertThat(values(rowOf(workbook.getSheet("List 7"), caseRef))).containsExactlyElementsOf(
					concat(childWithDisability, "2025-09-22", "Physical abuse", "Neglect", "2025-10-20", "a) Yes",
							"2026-02-09", "2026-02-09", "", "0", "north", "worker.north"));
			assertThat(values(rowOf(workbook.getSheet("List 8"), caseRef))).containsExactlyElementsOf(concat(child,
					"", "b) No", "2026-02-09", "", "b) No", "2026-02-09", "C2: FCO", "", "2026-02-16", "", "", "2026-03-02",
					"2026-03-10", "1", "", "", "2026-02-09", "", "", "", "", "", "", "0", "", "", "", "north",
					"worker.north"));
			for (Sheet sheet : workbook) {
				assertThat(rows(sheet, caseRef)).as(sheet.getSheetName()).isLessThanOrEqualTo(1);
			}
		}
	}

	@Test
	void aPeriodEndingBeforeItStartsIsABadRequest() {
		ResponseEntity<String> response = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/returns/annex-a?from=2025-09-30&to=2025-04-01", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private static Row rowOf(Sheet sheet, String caseRef) {
		for (Row row : sheet) {
			if (row.getRowNum() > 0 && caseRef.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		return null;
	}

	private static int rows(Sheet sheet, String caseRef) {
		int rows = 0;
		for (Row row : sheet) {
			if (row.getRowNum() > 0 && caseRef.equals(row.getCell(0).getStringCellValue())) {
				rows++;
			}
		}
		return rows;
	}



	/** Work recorded at 17:00 on the day. */
	private static void on(String date) {
		clockAt(LocalDate.parse(date).atTime(17, 0).toInstant(ZoneOffset.UTC));
	}

}
