package org.timescales.returns;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.audit.RecordView;
import org.timescales.audit.RecordViews;
import org.timescales.referral.ReferralRequest;
import org.timescales.referral.ReferralService;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CIN census for the year ending 31 March 2026, exported over HTTP: three children through
 * different paths inside the year (no further action at referral; assessment, child in need plan,
 * closure; strategy discussion, section 47, ICPC, a protection plan reviewed and ended), one referred
 * the day after the year ends. The export validates against the DfE schema and carries the recorded
 * dates; a practitioner may not have it.
 */
@TimescalesTest
class CinCensusExportTest extends ProcessTestSupport {

	@Autowired
	TestRestTemplate http;

	@Autowired
	RecordViews recordViews;

	@Test
	void theCensusYearEndingMarch2026() throws Exception {
		// 1. No further action at the referral decision
		String nfa = newCaseRef("CIN-NFA");
		clockAt("2025-06-02T09:30:00Z");
		String nfaReferral = referral(nfa, "2025-06-02T09:00:00").referral().processInstanceId();
		clockAt("2025-06-02T14:00:00Z");
		complete(nfaReferral, "UserTask_DecideOnReferral", Map.of("referralDecision", "NFA", "referralDecisionDate",
				"2025-06-02", "decisionRationale", "Information and advice given"));

		// 2. Assessed, a child in need plan, closed at its review
		String cinPlan = newCaseRef("CIN-PLAN");
		clockAt("2025-07-07T10:30:00Z");
		String cinReferral = referral(cinPlan, "2025-07-07T10:00:00").referral().processInstanceId();
		clockAt("2025-07-07T15:00:00Z");
		complete(cinReferral, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT",
				"referralDecisionDate", "2025-07-07", "decisionRationale", "Needs assessing"));
		on("2025-08-15");
		complete(cinReferral, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", "2025-07-08",
				"assessmentOutcome", "CIN_PLAN", "primaryNeedCode", "N1", "assessmentFactors", "3B", "assessmentSummary", "Child in need"));
		complete(cinReferral, "UserTask_AuthoriseAssessment", Map.of("assessmentAuthorised", true,
				"assessmentAuthorisedDate", "2025-08-15", "managerComments", "Agreed"));
		String cin = instanceOf("childInNeedPlan", cinPlan);
		on("2025-11-03");
		complete(cin, "UserTask_ReviewChildInNeedPlan", Map.of("cinReviewDate", "2025-11-03", "cinPlanContinues", "no",
				"cinNextStep", "CLOSE", "reviewNotes", "Plan achieved"));

		// 3. Strategy discussion at referral, section 47, ICPC, a plan reviewed twice and ended
		String cp = newCaseRef("CIN-CPP");
		clockAt("2025-09-01T08:30:00Z");
		String cpReferral = referral(cp, "2025-09-01T09:00:00").referral().processInstanceId();
		clockAt("2025-09-01T11:00:00Z");
		complete(cpReferral, "UserTask_DecideOnReferral", Map.of("referralDecision", "STRATEGY_DISCUSSION",
				"referralDecisionDate", "2025-09-01", "decisionRationale", "Injury disclosed at school"));
		String s47 = instanceOf("section47", cp);
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
		String plan = instanceOf("childProtectionPlan", cp);
		on("2025-09-29");
		complete(plan, "UserTask_HoldCoreGroup", Map.of("coreGroupDate", "2025-09-29", "coreGroupNotes", "Agreed"));
		on("2025-11-10");
		complete(plan, "UserTask_HoldReviewConference",
				Map.of("reviewDate", "2025-11-10", "planContinues", "yes", "latestCategoryOfAbuse", "NEGLECT"));
		on("2026-02-09");
		complete(plan, "UserTask_HoldReviewConference",
				Map.of("reviewDate", "2026-02-09", "planContinues", "no", "nextStep", "CLOSE"));

		// 4. Referred the day after the census year ends: not in it
		String later = newCaseRef("CIN-LATER");
		clockAt("2026-04-01T10:00:00Z");
		referral(later, "2026-04-01T09:00:00");

		// 5. Referred on the year's last day, no further action decided the next day: open at its end
		String lastDay = newCaseRef("CIN-LAST-DAY");
		clockAt("2026-03-31T16:30:00Z");
		String lastDayReferral = referral(lastDay, "2026-03-31T16:00:00").referral().processInstanceId();
		clockAt("2026-04-01T11:00:00Z");
		complete(lastDayReferral, "UserTask_DecideOnReferral", Map.of("referralDecision", "NFA",
				"referralDecisionDate", "2026-04-01", "decisionRationale", "Information and advice given"));

		clockAt("2026-04-20T09:00:00Z");
		ResponseEntity<String> response = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/returns/cin-census?year=2026", String.class);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
		String xml = response.getBody();

		// valid against the DfE schema, checked here too
		SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(new StreamSource(new ClassPathResource(CinCensusExport.schemaOf(2026)).getInputStream()))
			.newValidator()
			.validate(new StreamSource(new StringReader(xml)));

		Document census = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new InputSource(new StringReader(xml)));
		assertThat(text(census, "/Message/Header/CollectionDetails/Year")).isEqualTo("2026");
		assertThat(text(census, "/Message/Header/CollectionDetails/ReferenceDate")).isEqualTo("2026-03-31");

		String a = child(nfa);
		assertThat(count(census, a)).isEqualTo(1);
		assertThat(text(census, a + "/ChildIdentifiers/PersonBirthDate")).isEqualTo("2016-05-01");
		// sex as recorded at referral (ProcessTestSupport sends F), where the 2023-24 layout had GenderCurrent;
		// ethnicity not given: "information not yet obtained"
		assertThat(count(census, a + "/ChildIdentifiers/GenderCurrent")).isZero();
		assertThat(text(census, a + "/ChildIdentifiers/Sex")).isEqualTo("F");
		assertThat(text(census, a + "/ChildCharacteristics/Ethnicity")).isEqualTo("NOBT");
		assertThat(count(census, a + "/CINdetails")).isEqualTo(1);
		assertThat(text(census, a + "/CINdetails/CINreferralDate")).isEqualTo("2025-06-02");
		assertThat(text(census, a + "/CINdetails/ReferralSource")).isEqualTo("2A");
		assertThat(text(census, a + "/CINdetails/PrimaryNeedCode")).isEqualTo("N0");
		assertThat(text(census, a + "/CINdetails/ReferralNFA")).isEqualTo("true");
		assertThat(text(census, a + "/CINdetails/CINclosureDate")).isEqualTo("2025-06-02");
		// no further action at the referral, with no assessment: not RC8 "closed after assessment" (8825Q)
		assertThat(text(census, a + "/CINdetails/ReasonForClosure")).isEqualTo("RC7");
		assertThat(count(census, a + "/CINdetails/Assessments")).isZero();

		String b = child(cinPlan);
		assertThat(text(census, b + "/CINdetails/CINreferralDate")).isEqualTo("2025-07-07");
		assertThat(text(census, b + "/CINdetails/ReferralNFA")).isEqualTo("false");
		assertThat(text(census, b + "/CINdetails/Assessments/AssessmentActualStartDate")).isEqualTo("2025-07-08");
		assertThat(text(census, b + "/CINdetails/Assessments/AssessmentAuthorisationDate")).isEqualTo("2025-08-15");
		assertThat(text(census, b + "/CINdetails/CINPlanDates/CINPlanStartDate")).isEqualTo("2025-08-15");
		assertThat(text(census, b + "/CINdetails/CINPlanDates/CINPlanEndDate")).isEqualTo("2025-11-03");
		assertThat(text(census, b + "/CINdetails/CINclosureDate")).isEqualTo("2025-11-03");
		assertThat(text(census, b + "/CINdetails/ReasonForClosure")).isEqualTo("RC7");
		assertThat(count(census, b + "/CINdetails/Section47")).isZero();

		String c = child(cp);
		assertThat(text(census, c + "/CINdetails/CINreferralDate")).isEqualTo("2025-09-01");
		assertThat(text(census, c + "/CINdetails/ReferralNFA")).isEqualTo("false");
		assertThat(count(census, c + "/CINdetails/Assessments")).isZero();
		assertThat(text(census, c + "/CINdetails/Section47/S47ActualStartDate")).isEqualTo("2025-09-01");
		// 15 working days after the strategy discussion on Monday 1 September 2025, as the ledger has it
		assertThat(text(census, c + "/CINdetails/Section47/InitialCPCtarget")).isEqualTo("2025-09-22")
			.isEqualTo(clock(s47, "icpc").dueDate().toString());
		assertThat(text(census, c + "/CINdetails/Section47/DateOfInitialCPC")).isEqualTo("2025-09-22");
		assertThat(text(census, c + "/CINdetails/Section47/ICPCnotRequired")).isEqualTo("false");
		String cpp = c + "/CINdetails/ChildProtectionPlans";
		assertThat(text(census, cpp + "/CPPstartDate")).isEqualTo("2025-09-22");
		assertThat(text(census, cpp + "/CPPendDate")).isEqualTo("2026-02-09");
		assertThat(text(census, cpp + "/InitialCategoryOfAbuse")).isEqualTo("PHY");
		assertThat(text(census, cpp + "/LatestCategoryOfAbuse")).isEqualTo("NEG");
		assertThat(text(census, cpp + "/NumberOfPreviousCPP")).isEqualTo("0");
		assertThat(texts(census, cpp + "/Reviews/CPPreviewDate")).containsExactly("2025-11-10", "2026-02-09");
		assertThat(text(census, c + "/CINdetails/CINclosureDate")).isEqualTo("2026-02-09");
		assertThat(text(census, c + "/CINdetails/ReasonForClosure")).isEqualTo("RC7");

		assertThat(count(census, child(later))).isZero();

		// the decision came after 31 March: on the reference date the referral was still open, undecided
		String e = child(lastDay);
		assertThat(text(census, e + "/CINdetails/CINreferralDate")).isEqualTo("2026-03-31");
		assertThat(text(census, e + "/CINdetails/ReferralNFA")).isEqualTo("false");
		assertThat(count(census, e + "/CINdetails/CINclosureDate")).isZero();

		// the export is on the read log of each child in it, and only theirs
		for (String caseRef : List.of(nfa, cinPlan, cp)) {
			assertThat(recordViews.of(caseRef)).extracting(RecordView::viewedBy, RecordView::what)
				.contains(org.assertj.core.groups.Tuple.tuple("auditor.one", "cin-census"));
		}
		assertThat(recordViews.of(later)).extracting(RecordView::what).doesNotContain("cin-census");

		// a practitioner may not have the return
		ResponseEntity<String> refused = http.withBasicAuth("worker.north", "secret-worker.north")
			.getForEntity("/api/returns/cin-census?year=2026", String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Autowired
	CinCensusExport export;

	@Autowired
	ReferralService referrals;

	@Autowired
	com.fasterxml.jackson.databind.ObjectMapper json;

	@Test
	void aReturnTheDfeWouldRejectIsRefusedNamingTheRuleTheChildAndTheField() throws Exception {
		// referred in the year and assessed, but recorded without a disability code (DfE rule 8540)
		String caseRef = newCaseRef("CIN-NO-DISABILITY");
		clockAt("2025-10-06T09:30:00Z");
		String pid = referrals
			.receive(new ReferralRequest("REF-" + caseRef,
					new ReferralRequest.Child(caseRef, "Test", "Child", "2016-05-01", "F"), "2025-10-06T09:00:00", "2A",
					"north"))
			.referral()
			.processInstanceId();
		clockAt("2025-10-06T14:00:00Z");
		complete(pid, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT", "referralDecisionDate",
				"2025-10-06", "decisionRationale", "Needs assessing"));
		String laChildId = jdbc.sql("select la_child_id from child_case where case_ref = ?")
			.param(caseRef)
			.query(String.class)
			.single();
		clockAt("2026-05-01T09:00:00Z");

		ResponseEntity<String> refused = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/returns/cin-census?year=2026", String.class);

		assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
		com.fasterxml.jackson.databind.JsonNode problem = json.readTree(refused.getBody());
		assertThat(problem.get("detail").asText()).contains("8540").contains("so the DfE would reject it");
		List<String> failures = new java.util.ArrayList<>();
		problem.get("failures")
			.forEach(f -> failures.add(f.get("rule").asText() + " " + f.get("laChildId").asText() + " "
					+ f.get("caseRef").asText() + " " + f.get("field").asText()));
		assertThat(failures).containsExactlyInAnyOrder(
				"8540 " + laChildId + " " + caseRef + " ChildIdentifiers.PersonBirthDate",
				"8540 " + laChildId + " " + caseRef + " CINdetails.ReferralNFA");

		// put right at source, the same return leaves
		ResponseEntity<String> recorded = http.withBasicAuth("tm.north", "secret-tm.north")
			.postForEntity("/api/cases/" + caseRef + "/child-details",
					new org.springframework.http.HttpEntity<>(Map.of("disabilities", List.of("NONE"), "reason",
							"Disability recorded at the assessment visit"), jsonHeaders()),
					String.class);
		assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> accepted = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/returns/cin-census?year=2026", String.class);
		assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(accepted.getBody()).contains("<LAchildID>" + laChildId + "</LAchildID>");
	}

	@Test
	void aReReferralWhileTheEpisodeIsOpenIsPartOfIt() throws Exception {
		// referred on Monday 2 June 2025 and again on Thursday 5th before the first was decided
		String caseRef = newCaseRef("CIN-REREFERRED");
		clockAt("2025-06-02T09:30:00Z");
		String first = referrals
			.receive(new ReferralRequest("REF-" + caseRef + "-1", new ReferralRequest.Child(caseRef, "Test", "Child",
					"2016-05-01", "F", null, null, null, null, List.of("NONE")), "2025-06-02T09:00:00", "2A", "north"))
			.referral()
			.processInstanceId();
		clockAt("2025-06-05T09:30:00Z");
		String second = referrals
			.receive(new ReferralRequest("REF-" + caseRef + "-2", new ReferralRequest.Child(caseRef, "Test", "Child",
					"2016-05-01", "F"), "2025-06-05T09:00:00", "1B", "north"))
			.referral()
			.processInstanceId();
		// on Friday 6th the first is closed with no further action, the second goes to assessment and is
		// closed after it with none
		clockAt("2025-06-06T14:00:00Z");
		complete(first, "UserTask_DecideOnReferral", Map.of("referralDecision", "NFA", "referralDecisionDate",
				"2025-06-06", "decisionRationale", "The same concerns as the second referral"));
		complete(second, "UserTask_DecideOnReferral", Map.of("referralDecision", "ASSESSMENT", "referralDecisionDate",
				"2025-06-06", "decisionRationale", "Needs assessing"));
		on("2025-07-10");
		complete(second, "UserTask_CompleteAssessment", Map.of("assessmentStartDate", "2025-06-09", "assessmentOutcome",
				"NFA", "primaryNeedCode", "N4", "assessmentFactors", "21", "assessmentSummary", "No further action"));
		complete(second, "UserTask_AuthoriseAssessment", Map.of("assessmentAuthorised", true,
				"assessmentAuthorisedDate", "2025-07-10", "managerComments", "Agreed"));
		clockAt("2026-05-01T09:00:00Z");

		ResponseEntity<String> response = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/returns/cin-census?year=2026", String.class);

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		Document census = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new InputSource(new StringReader(response.getBody())));
		String e = child(caseRef) + "/CINdetails";
		// one episode from the first referral to the assessment's closure, not two overlapping
		assertThat(count(census, e)).isEqualTo(1);
		assertThat(text(census, e + "/CINreferralDate")).isEqualTo("2025-06-02");
		assertThat(text(census, e + "/ReferralSource")).isEqualTo("2A");
		assertThat(text(census, e + "/PrimaryNeedCode")).isEqualTo("N4");
		assertThat(text(census, e + "/CINclosureDate")).isEqualTo("2025-07-10");
		assertThat(text(census, e + "/ReasonForClosure")).isEqualTo("RC8");
		assertThat(text(census, e + "/ReferralNFA")).isEqualTo("false");
		assertThat(text(census, e + "/Assessments/AssessmentActualStartDate")).isEqualTo("2025-06-09");
		assertThat(text(census, e + "/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors")).isEqualTo("21");
	}

	@Test
	void aYearWithoutALayoutIs400NamingTheYear() throws Exception {
		for (String year : List.of("2024", "2028")) {
			ResponseEntity<String> answer = http.withBasicAuth("auditor.one", "secret-auditor.one")
				.getForEntity("/api/returns/cin-census?year=" + year, String.class);
			assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(json.readTree(answer.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("year");
		}
	}

	@Test
	void anExportThatDoesNotValidateNamesTheProblem() {
		String xml = "<Message><Children><Child><ChildIdentifiers><LAchildID>X</LAchildID>"
				+ "<Sex>1</Sex></ChildIdentifiers></Child></Children></Message>";
		assertThatThrownBy(() -> export.validate(xml, 2026)).isInstanceOf(CinCensusExport.InvalidCensusException.class)
			.hasMessageContaining("dfe/2026/CIN_schema.xsd")
			.hasMessageContaining("line 1")
			.hasMessageContaining("'1'");
	}

	/** The child's entry, by the LA child ID the case was given (the export carries it, not the case reference). */
	private String child(String caseRef) {
		String laChildId = jdbc.sql("select la_child_id from child_case where case_ref = ?")
			.param(caseRef)
			.query(String.class)
			.single();
		return "/Message/Children/Child[ChildIdentifiers/LAchildID='" + laChildId + "']";
	}

	private static String text(Document doc, String path) throws Exception {
		List<String> all = texts(doc, path);
		assertThat(all).as(path).hasSize(1);
		return all.get(0);
	}

	private static List<String> texts(Document doc, String path) throws Exception {
		XPath xpath = XPathFactory.newInstance().newXPath();
		NodeList nodes = (NodeList) xpath.evaluate(path, doc, XPathConstants.NODESET);
		List<String> values = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node node = nodes.item(i);
			values.add(node.getTextContent());
		}
		return values;
	}

	private static int count(Document doc, String path) throws Exception {
		return texts(doc, path).size();
	}

	/** Work recorded at 17:00 on the day. */
	private static void on(String date) {
		clockAt(LocalDate.parse(date).atTime(17, 0).toInstant(ZoneOffset.UTC));
	}

}
