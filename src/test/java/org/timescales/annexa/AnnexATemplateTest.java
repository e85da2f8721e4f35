package org.timescales.annexa;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.allocation.HolderRequests;
import org.timescales.lookedafter.LookedAfterService;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.timescales.annexa.AnnexARows.concat;
import static org.timescales.annexa.AnnexARows.values;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our Annex A against Ofsted's template as councils exchange it ({@code ../shared/ofsted/Annex_A-sample.xlsx},
 * from liia-tools), opened with POI: the same sheets in the same order, each list's header row cell
 * for cell, dates in the template's number format, and every coded value in the template's own code
 * style — checked on a year in which three children go through every list we fill (a referral closed
 * at once, an assessment into a child in need plan, a section 47 enquiry into a protection plan, care,
 * a placement change, a missing episode and leaving care at 16). The template lives outside this
 * repository: without it the tests report themselves skipped, never passed.
 */
@TimescalesTest
class AnnexATemplateTest extends ProcessTestSupport {

	static final Path TEMPLATE = Path.of("..", "shared", "ofsted", "Annex_A-sample.xlsx");

	/**
	 * Values in the template's example rows that are no code of their column: the example data is made
	 * up, and these three are slips in it (a gender without its letter; a free-text assessment result; an
	 * adult social care need code in a list of CIN census primary needs).
	 */
	static final Set<String> TEMPLATE_SLIPS = Set.of("List 1|Gender|Female",
			"List 4|Was the child assessed as requiring LA children's social care support?|CS Assessment Updated",
			"List 6|Primary Need Code|PSRMEM - Support with memory and cognition");

	@Autowired
	TestRestTemplate http;

	@Autowired
	LookedAfterService lookedAfter;

	@BeforeEach
	void theTemplateIsHere() {
		assumeTrue(Files.isRegularFile(TEMPLATE),
				TEMPLATE.toAbsolutePath().normalize() + " is absent: Annex A is not compared with Ofsted's template");
	}

	@Test
	void everyListHasTheTemplatesSheetAndHeadingsInOrder() throws IOException {
		try (Workbook template = template(); Workbook ours = export("2030-04-01", "2030-09-30")) {
			assertThat(sheetNames(ours)).containsExactlyElementsOf(sheetNames(template));
			for (Sheet expected : template) {
				Row theirs = expected.getRow(0);
				Row mine = ours.getSheet(expected.getSheetName()).getRow(0);
				assertThat(mine.getLastCellNum()).as(expected.getSheetName() + ": columns")
					.isEqualTo(theirs.getLastCellNum());
				for (int c = 0; c < theirs.getLastCellNum(); c++) {
					assertThat(mine.getCell(c).getStringCellValue())
						.as(expected.getSheetName() + ", column " + (c + 1))
						.isEqualTo(theirs.getCell(c).getStringCellValue());
				}
			}
		}
	}

	@Test
	void everyCodeTheTemplatesRowsUseIsInOurListForItsColumn() throws IOException {
		try (Workbook template = template()) {
			int checked = 0;
			for (AnnexList list : AnnexALists.ALL) {
				Sheet sheet = template.getSheet(list.sheet());
				for (int c = 0; c < list.columns().size(); c++) {
					Column column = list.columns().get(c);
					if (column.kind() != Column.Kind.CODE) {
						continue;
					}
					for (String value : textValues(sheet, c)) {
						if (!TEMPLATE_SLIPS.contains(list.sheet() + "|" + column.heading() + "|" + value)) {
							assertThat(column.codes().values()).as(list.sheet() + ", " + column.heading())
								.contains(value);
							checked++;
						}
					}
				}
			}
			assertThat(checked).as("coded values in the template's rows").isGreaterThan(40);
		}
	}

	@Test
	void datesAndCountsAreWhereTheTemplateHasThemInItsNumberFormat() throws IOException {
		try (Workbook template = template()) {
			for (AnnexList list : AnnexALists.ALL) {
				Sheet sheet = template.getSheet(list.sheet());
				for (int c = 0; c < list.columns().size(); c++) {
					Column column = list.columns().get(c);
					for (Row row : sheet) {
						Cell cell = row.getRowNum() == 0 ? null : row.getCell(c);
						if (cell == null || cell.getCellType() == CellType.BLANK
								|| (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isEmpty())) {
							continue;
						}
						String where = list.sheet() + ", " + column.heading() + ", row " + (row.getRowNum() + 1);
						boolean date = isDate(cell);
						assertThat(column.kind() == Column.Kind.DATE).as(where + ": a date").isEqualTo(date);
						if (date) {
							assertThat(list.dateFormat()).as(where).isEqualTo(cell.getCellStyle().getDataFormatString());
						}
						if (column.kind() == Column.Kind.NUMBER) {
							assertThat(cell.getCellType()).as(where).isIn(CellType.NUMERIC, CellType.FORMULA);
						}
					}
				}
			}
		}
	}

	@Test
	void aYearOfChildrenIsWrittenInTheTemplatesCodesAndFormats() throws Exception {
		String closed = newCaseRef("ATC-NFA");
		clockAt("2025-04-07T10:00:00Z");
		String nfa = child(closed, "2014-06-10", "2025-04-07T09:00:00", "6");
		complete(nfa, "UserTask_DecideOnReferral", Map.of("referralDecision", "NFA", "referralDecisionDate",
				"2025-04-07", "decisionRationale", "Advice given"));

		String assessed = newCaseRef("ATC-CIN");
		clockAt("2025-04-14T10:00:00Z");
		String referral = child(assessed, "2018-01-20", "2025-04-14T09:00:00", "1A");
		complete(referral, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT",
				"referralDecisionDate", "2025-04-14", "decisionRationale", "Needs assessing"));
		on("2025-05-30");
		complete(referral, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", "2025-04-15",
				"assessmentOutcome", "CIN_PLAN", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "Child in need"));
		complete(referral, "UserTask_AuthoriseAssessment", Map.of("assessmentAuthorised", true,
				"assessmentAuthorisedDate", "2025-05-30", "managerComments", "Agreed"));

		String leaver = newCaseRef("ATC-CL");
		clockAt("2025-04-22T10:00:00Z");
		referral = child(leaver, "2009-03-01", "2025-04-22T09:00:00", "2A");
		complete(referral, "UserTask_DecideOnReferral", Map.of("referralDecision", "STRATEGY_DISCUSSION",
				"referralDecisionDate", "2025-04-22", "decisionRationale", "Disclosure at school"));
		assertDone(HolderRequests.allocate(http, "tm.north", leaver, "worker.north", null, "Child protection"));
		String s47 = instanceOf("section47", leaver);
		complete(s47, "UserTask_HoldStrategyDiscussion", Map.of("strategyDiscussionAt", "2025-04-22T09:30",
				"s47Decision", "yes", "strategyDiscussionSummary", "Police and health"));
		on("2025-04-23");
		complete(s47, "UserTask_SeeTheChild",
				Map.of("childSeenAt", "2025-04-23T10:00", "seenAlone", "yes", "visitNotes", "Seen at school"));
		on("2025-05-12");
		complete(s47, "UserTask_CompleteSection47Enquiry",
				Map.of("s47CompletedDate", "2025-05-09", "s47Outcome", "ICPC", "enquirySummary", "Substantiated"));
		complete(s47, "UserTask_HoldInitialConference",
				Map.of("icpcDate", "2025-05-12", "planRequired", "yes", "categoryOfAbuse", "EMOTIONAL"));
		String plan = instanceOf("childProtectionPlan", leaver);
		on("2025-05-19");
		complete(plan, "UserTask_VisitChild",
				Map.of("visitDate", "2025-05-19", "seenAlone", "no", "visitNotes", "Seen with mother"));
		on("2025-07-21");
		complete(plan, "UserTask_HoldReviewConference", Map.of("reviewDate", "2025-07-21", "planContinues", "no",
				"nextStep", "LOOKED_AFTER", "becameLookedAfterDate", "2025-07-21", "placementStartDate", "2025-07-21",
				"legalStatus", "C2"));
		on("2025-09-01");
		lookedAfter.changePlacement(leaver, "2025-09-01");
		clockAt("2025-10-05T09:00:00Z");
		String missing = lookedAfter.missingEpisode(leaver, "2025-10-03T20:00:00", "2025-10-04T08:00:00");
		on("2025-10-06");
		complete(missing, "UserTask_OfferReturnHomeInterview",
				Map.of("rhiOfferedAt", "2025-10-06T11:00", "rhiAccepted", "yes", "rhiNotes", "Talked it through"));
		on("2025-12-01");
		lookedAfter.leaveCare(leaver, "2025-12-01", "Moved to supported lodgings");

		clockAt("2026-04-20T09:00:00Z");
		try (Workbook template = template(); Workbook ours = export("2025-04-01", "2026-03-31")) {
			Set<String> asInTheTemplate = new LinkedHashSet<>();
			for (AnnexList list : AnnexALists.ALL) {
				Sheet theirs = template.getSheet(list.sheet());
				Sheet mine = ours.getSheet(list.sheet());
				for (int c = 0; c < list.columns().size(); c++) {
					Column column = list.columns().get(c);
					List<String> templateValues = textValues(theirs, c);
					String dateFormat = dateFormat(theirs, c);
					for (Row row : mine) {
						Cell cell = row.getRowNum() == 0 ? null : row.getCell(c);
						if (cell == null) {
							continue;
						}
						String where = list.sheet() + ", " + column.heading() + ", row " + (row.getRowNum() + 1);
						if (dateFormat != null) {
							assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
							assertThat(cell.getCellStyle().getDataFormatString()).as(where).isEqualTo(dateFormat);
						}
						if (column.kind() == Column.Kind.CODE) {
							String value = cell.getStringCellValue();
							assertThat(column.codes().values()).as(where).contains(value);
							if (templateValues.contains(value)) {
								asInTheTemplate.add(list.sheet() + ": " + value);
							}
						}
					}
				}
			}
			// values our three children have that the template's own rows show, letter for letter
			assertThat(asInTheTemplate).contains("List 3: q) 6: Police", "List 3: e) 2A: Schools", "List 3: No",
					"List 5: No", "List 5: Yes", "List 6: c) Child in need plan", "List 7: Emotional abuse",
					"List 8: C2: FCO", "List 8: b) No");

			List<String> child = List.of(leaver, "a) Male", "", "2009-03-01", "16");
			assertThat(values(rowOf(ours.getSheet("List 3"), leaver))).containsExactlyElementsOf(
					concat(child, "2025-04-22", "e) 2A: Schools", "No", "1", "north", "worker.north"));
			assertThat(values(rowOf(ours.getSheet("List 3"), closed))).containsExactlyElementsOf(
					concat(List.of(closed, "a) Male", "", "2014-06-10", "10"), "2025-04-07", "q) 6: Police", "Yes", "1", "north",
							""));
			assertThat(values(rowOf(ours.getSheet("List 4"), assessed))).containsExactlyElementsOf(
					concat(List.of(assessed, "a) Male", "", "2018-01-20", "7", "b) No"), "2025-04-15", "", "2025-05-30", "a) Yes",
							"north", ""));
			assertThat(values(rowOf(ours.getSheet("List 6"), closed))).containsExactlyElementsOf(
					concat(List.of(closed, "a) Male", "", "2014-06-10", "10", "b) No"), "2025-04-07", "", "", "2025-04-07",
							"RC7 - Services ceased for any other reason, including child no longer in need",
							"e) Closed episode", "north", ""));
			assertThat(values(rowOf(ours.getSheet("List 6"), assessed))).containsExactlyElementsOf(
					concat(List.of(assessed, "a) Male", "", "2018-01-20", "7", "b) No"), "2025-04-14",
							"N1 - Abuse or Neglect", "", "", "",
							"c) Child in need plan", "north", ""));
			assertThat(values(rowOf(ours.getSheet("List 7"), leaver))).containsExactlyElementsOf(concat(child, "b) No",
					"2025-05-12", "Emotional abuse", "Emotional abuse", "2025-05-19", "b) No", "2025-07-21", "2025-07-21", "",
					"0",
					"north", "worker.north"));
			// two placements, one missing episode with its interview offered and accepted, left care at 16
			assertThat(values(rowOf(ours.getSheet("List 8"), leaver))).containsExactlyElementsOf(concat(child, "", "b) No",
					"2025-07-21", "", "b) No", "2025-07-21", "C2: FCO", "", "", "", "", "", "", "2", "2025-12-01", "",
					"2025-09-01", "", "", "", "", "", "", "1", "", "a) Yes", "a) Yes", "north", "worker.north"));
			// 19 weeks in care after the 14th birthday, 17 at the end of the period: a relevant child
			assertThat(values(rowOf(ours.getSheet("List 9"), leaver))).containsExactlyElementsOf(
					List.of(leaver, "a) Male", "", "2009-03-01", "17", "b) No", "north", "worker.north", "a) Relevant child", "", "",
							"", ""));
		}
	}

	// ---- the template and our export

	private static Workbook template() throws IOException {
		try (InputStream in = Files.newInputStream(TEMPLATE)) {
			return new XSSFWorkbook(in);
		}
	}

	private Workbook export(String from, String to) throws IOException {
		ResponseEntity<byte[]> response = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/returns/annex-a?from=" + from + "&to=" + to, byte[].class);
		assertThat(response.getStatusCode()).as(new String(response.getBody() == null ? new byte[0] : response.getBody()))
			.isEqualTo(HttpStatus.OK);
		return new XSSFWorkbook(new ByteArrayInputStream(response.getBody()));
	}

	private static List<String> sheetNames(Workbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

	/** The text values of a column in the sheet's rows below its headings, blanks left out. */
	private static List<String> textValues(Sheet sheet, int column) {
		List<String> values = new ArrayList<>();
		for (Row row : sheet) {
			Cell cell = row.getRowNum() == 0 ? null : row.getCell(column);
			if (cell != null && cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isBlank()) {
				values.add(cell.getStringCellValue());
			}
		}
		return values;
	}

	/** The number format of the column's date cells in the template, {@code null} if it shows no date there. */
	private static String dateFormat(Sheet sheet, int column) {
		for (Row row : sheet) {
			Cell cell = row.getRowNum() == 0 ? null : row.getCell(column);
			if (cell != null && isDate(cell)) {
				return cell.getCellStyle().getDataFormatString();
			}
		}
		return null;
	}

	/** A number (or a formula's, as the template computes some dates) in a date format. */
	private static boolean isDate(Cell cell) {
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell);
	}

	// ---- driving the children

	private String child(String caseRef, String dateOfBirth, String receivedAt, String source) {
		return referrals.receive(new ReferralRequest("REF-" + caseRef,
				new ReferralRequest.Child(caseRef, "Test", "Child", dateOfBirth, "M", null, null, null, null,
						List.of("NONE")),
				receivedAt, source, "north"))
			.referral()
			.processInstanceId();
	}

	private static void assertDone(ResponseEntity<String> answer) {
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
	}

	/** Work recorded at 17:00 on the day. */
	private static void on(String date) {
		clockAt(LocalDate.parse(date).atTime(17, 0).toInstant(ZoneOffset.UTC));
	}

	private static Row rowOf(Sheet sheet, String caseRef) {
		for (Row row : sheet) {
			if (row.getRowNum() > 0 && caseRef.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		return null;
	}



}
