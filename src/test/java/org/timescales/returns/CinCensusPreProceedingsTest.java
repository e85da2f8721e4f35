package org.timescales.returns;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.casefile.ClockView;
import org.timescales.clock.ClockStatus;
import org.timescales.proceedings.CareProceedingsVariables;
import org.timescales.proceedings.PreProceedingsVariables;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The 2026-27 CIN census ({@code ?year=2027}) writes a PreProceedingsandFGDM module for each
 * pre-proceedings of an episode, from what bpmn/preProceedings.bpmn and bpmn/careProceedings.bpmn
 * recorded, and the earlier years never do. Both children are walked through the real processes from a
 * real start (a child protection review referring to legal planning; the manager's
 * {@code POST /api/cases/{caseRef}/pre-proceedings}), each task completed with its form's fields, the
 * review meetings counted from the real {@code pp-review} clocks and the court's issue recorded in the
 * care proceedings that the pre-proceedings' ISSUE outcome started (CareProceedingsStarted).
 * <p>
 * Child A, on a protection plan since May 2026, enters pre-proceedings in September 2026 and the court
 * issues care proceedings in January 2027: every item of the module the council holds is in the year.
 * Child B's pre-proceedings began in 2025-26 and stepped down in April 2026: its 2025-26 return has no
 * module (that layout has none), its 2026-27 one only what happened in 2026-27. Both began before
 * timescales.law.fgdm-offer-from (2027-04-01), so no decision to issue is gated by s.31ZA. The return of
 * these two children must pass the 2026-27 schema and rules (the export refuses otherwise) and no error
 * rule of the DfE validator's closest ruleset (cin2025_26, which has no rules on the module) may fire on it.
 */
@TimescalesTest
class CinCensusPreProceedingsTest extends ProcessTestSupport {

	private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
		.toAbsolutePath();

	private static final Path VALIDATOR = PROJECT.resolve("../shared/tools/cin-validate.sh").normalize();

	@Autowired
	CinCensusExport export;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void eachPreProceedingsOfAnEpisodeIsAModuleOfThe2026To27ReturnWithItsDatesInTheYear() throws Exception {
		String a = childAEntersPreProceedingsAndTheCourtIssues();
		String b = childBStepsDownEarlyIn2026To27();

		clockAt("2027-04-15T09:00:00Z");
		CinCensusExport.Census census = export.export(2027, Set.of(a, b)::contains);
		assertThat(census.caseRefs()).containsExactlyInAnyOrder(a, b);
		Document xml = parse(census.xml());

		// A: every item the council holds, in the DfE's sample's order, after the protection plan
		assertThat(items(xml, module(a))).containsExactly("PPStartDate=2026-09-07", "LBPSentDate=2026-09-14",
				"FGDMMeetingOffer=1", "FGDMMeetingFac=1", "InitialPPMeetingDate=2026-09-28",
				// held on 9 November (in time) and 22 December (late); not the one the outcome cancelled
				"ReviewMeetingsCount=2", "StepDecisionDate=2027-01-11", "PPOutcome=A", "CourtAppDate=2027-01-20");
		assertThat(lastModule(xml, a)).isEqualTo("PreProceedingsandFGDM");
		assertThat(texts(xml, episode(a) + "/ChildProtectionPlans/CPPstartDate")).containsExactly("2026-05-22");
		// the running care proceedings hold the episode open
		assertThat(texts(xml, episode(a) + "/CINclosureDate")).isEmpty();

		// B: the letter (March 2026) was last year's, the step down this year's; not offered before the duty
		assertThat(items(xml, module(b))).containsExactly("FGDMMeetingOffer=0", "StepDecisionDate=2026-04-20",
				"PPOutcome=B");

		CinCensusExport.Census lastYear = export.export(2026, Set.of(b)::contains);
		assertThat(lastYear.xml()).doesNotContain("PreProceedingsandFGDM");
		assertThat(export.export(2025, Set.of(a, b)::contains)).isNull();

		// the 2026-27 schema, checked here too (the export has checked it and the 2026-27 rules)
		SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(new StreamSource(new ClassPathResource(CinCensusExport.schemaOf(2027)).getInputStream()))
			.newValidator()
			.validate(new StreamSource(new StringReader(census.xml())));

		theEndpointTakes2027(a, b);

		Path file = PROJECT.resolve("target/returns/cin-census-2027-pre-proceedings.xml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, census.xml());
		assumeTrue(Files.isRegularFile(VALIDATOR), "the DfE validator is not beside this clone: " + VALIDATOR);
		assertThat(validatorErrors(file)).as("error rules of the DfE validator (cin2025_26) firing on " + file)
			.isEmpty();
	}

	/**
	 * Referred on Monday 4 May 2026, a strategy discussion, a section 47 enquiry and a protection plan
	 * from the conference on 22 May. The review conference on Friday 21 August refers the case to legal
	 * planning; the meeting on Monday 7 September (the last of its 10 working days, the summer bank
	 * holiday between) decides pre-proceedings. The letter on the 14th offers a family group
	 * decision-making meeting; the initial meeting on the 28th (the letter comes first in the real
	 * process, so the initial meeting follows it); the family meeting held on 5 October; reviews on 9
	 * November and 22 December (a day late); care proceedings decided on 11 January 2027 and issued on the
	 * 20th.
	 */
	private String childAEntersPreProceedingsAndTheCourtIssues() {
		String caseRef = newCaseRef("CIN27-A");
		var journey = journey(caseRef);
		String referral = journey.at("2026-05-04T09:30:00Z").referred("2026-05-04T09:00:00");
		String s47 = journey.at("2026-05-04T11:00:00Z").decidedOnStrategyDiscussion(referral, "2026-05-04");
		journey.at("2026-05-04T16:00:00Z").enquiryAgreed(s47, "2026-05-04T15:00");
		journey.at("2026-05-05T11:00:00Z").childSeen(s47, "2026-05-05T10:00");
		journey.on("2026-05-22").conferenceNeeded(s47, "2026-05-15");
		String plan = journey.planAgreed(s47, "2026-05-22", "NEGLECT");

		journey.on("2026-08-21");
		complete(plan, "UserTask_HoldReviewConference", Map.of("reviewDate", "2026-08-21", "planContinues", "yes",
				"latestCategoryOfAbuse", "NEGLECT", "referToLegalPlanning", true, "legalPlanningReason",
				"Neglect persists under the plan"));
		String pp = instanceOf(PreProceedingsVariables.PROCESS_KEY, caseRef);
		assertThat(clock(pp, "pp-legal-planning").dueDate()).isEqualTo("2026-09-07");

		journey.on("2026-09-07");
		complete(pp, "UserTask_HoldLegalPlanningMeeting", Map.of("legalPlanningMeetingDate", "2026-09-07",
				"legalPlanningDecision", "PRE_PROCEEDINGS", "legalPlanningNotes", "Threshold met"));
		journey.on("2026-09-14");
		complete(pp, "UserTask_SendLetterBeforeProceedings", Map.of("lbpSentDate", "2026-09-14", "fgdmOffered", true));
		journey.on("2026-09-28");
		complete(pp, "UserTask_HoldInitialMeeting",
				Map.of("initialPpMeetingDate", "2026-09-28", "initialPpMeetingNotes", "Parents and their solicitors attended"));
		journey.on("2026-10-05");
		complete(pp, "UserTask_RecordFgdmAnswer",
				Map.of("fgdmOffered", true, "fgdmOutcome", "HELD", "fgdmHeldDate", "2026-10-05"));
		reviewMeeting(pp, "2026-11-09");
		reviewMeeting(pp, "2026-12-22");
		journey.on("2027-01-11");
		complete(pp, "UserTask_DecideOutcome",
				Map.of("ppOutcome", "ISSUE", "ppOutcomeDate", "2027-01-11", "ppOutcomeReasons", "No progress on the plan"));
		// the real clocks the module counts: due 6 weeks after the initial meeting, then after each review
		assertThat(clocksOf(pp, "pp-review")).extracting(c -> c.dueDate().toString(), ClockView::status)
			.containsExactly(tuple("2026-11-09", ClockStatus.MET), tuple("2026-12-21", ClockStatus.MET_LATE),
					tuple("2027-02-02", ClockStatus.CANCELLED));

		String court = instanceOf(CareProceedingsVariables.PROCESS_KEY, caseRef);
		assertThat(variable(court, "decisionToIssueDate")).isEqualTo("2027-01-11");
		journey.on("2027-01-20");
		complete(court, "UserTask_RecordApplicationIssued", Map.of("applicationIssuedDate", "2027-01-20"));
		return caseRef;
	}

	/**
	 * Referred on 6 October 2025 and being assessed; the team manager refers the case to legal planning
	 * on Monday 23 February 2026 ({@code POST /api/cases/{caseRef}/pre-proceedings}), whose meeting on 2
	 * March decides pre-proceedings for a case begun before the duty to offer a meeting; the letter sent
	 * on the 9th offers none, the initial meeting on the 23rd; stepped down on 20 April 2026.
	 */
	private String childBStepsDownEarlyIn2026To27() throws Exception {
		String caseRef = newCaseRef("CIN27-B");
		var journey = journey(caseRef);
		String referral = journey.at("2025-10-06T09:30:00Z").referred("2025-10-06T09:00:00");
		journey.at("2025-10-06T14:00:00Z").decidedToAssess(referral, "2025-10-06");

		journey.at("2026-02-23T12:00:00Z");
		ResponseEntity<String> referred = http.withBasicAuth("tm.north", "secret-tm.north")
			.exchange("/api/cases/" + caseRef + "/pre-proceedings", HttpMethod.POST,
					new HttpEntity<>(Map.of("reason", "Neglect despite support", "decidedOn", "2026-02-23"), jsonHeaders()),
					String.class);
		assertThat(referred.getStatusCode().value()).as(referred.getBody()).isEqualTo(201);
		String pp = json.readTree(referred.getBody()).get("processInstanceId").asText();

		journey.on("2026-03-02");
		complete(pp, "UserTask_HoldLegalPlanningMeeting", Map.of("legalPlanningMeetingDate", "2026-03-02",
				"legalPlanningDecision", "PRE_PROCEEDINGS", "legalPlanningNotes", "Threshold met"));
		assertThat(variable(pp, "fgdmDutyApplies")).isEqualTo(false);
		journey.on("2026-03-09");
		complete(pp, "UserTask_SendLetterBeforeProceedings", Map.of("lbpSentDate", "2026-03-09", "fgdmOffered", false));
		assertThat(variable(pp, "fgdmOutcome")).isEqualTo("NOT_OFFERED_BEFORE_DUTY");
		journey.on("2026-03-23");
		complete(pp, "UserTask_HoldInitialMeeting",
				Map.of("initialPpMeetingDate", "2026-03-23", "initialPpMeetingNotes", "Mother attended with her solicitor"));
		journey.on("2026-04-20");
		complete(pp, "UserTask_DecideOutcome", Map.of("ppOutcome", "STEP_DOWN", "ppOutcomeDate", "2026-04-20",
				"ppOutcomeReasons", "Progress under the plan"));
		assertThat(ended(pp)).isTrue();
		return caseRef;
	}

	/** A pre-proceedings review meeting held, and recorded, on the day. */
	private void reviewMeeting(String pp, String date) {
		clockAt(date + "T17:00:00Z");
		complete(pp, "UserTask_HoldReviewMeeting", Map.of("ppReviewMeetingDate", date, "ppReviewNotes", "Progress reviewed"));
	}

	/**
	 * {@code GET /api/returns/cin-census?year=2027} is a collection year now. The database holds other
	 * tests' children in 2026-27 too: the return either leaves, with child A's module as above, or is
	 * refused for records that are not these children's (a whole-return count aside).
	 */
	private void theEndpointTakes2027(String a, String b) throws Exception {
		ResponseEntity<String> response = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/returns/cin-census?year=2027", String.class);
		if (response.getStatusCode() == HttpStatus.CONFLICT) {
			List<String> refused = new ArrayList<>();
			// 2883 counts plans against conferences over the whole return: when other tests' plans (started
			// without a conference) outnumber them, it names every child with a plan, ours too
			json.readTree(response.getBody())
				.get("failures")
				.forEach(f -> {
					if (!"2883".equals(f.get("rule").asText())) {
						refused.add(f.get("caseRef").asText());
					}
				});
			assertThat(refused).as(response.getBody()).doesNotContain(a, b);
			return;
		}
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("cin-census-2027.xml");
		Document whole = parse(response.getBody());
		assertThat(items(whole, module(a))).contains("PPOutcome=A", "CourtAppDate=2027-01-20");
		assertThat(texts(whole, "/Message/Header/CollectionDetails/ReferenceDate")).containsExactly("2027-03-31");
	}

	/** "rule child" for each error-type rule the DfE validator fires on the file. */
	private static Set<String> validatorErrors(Path xml) throws Exception {
		Path report = Files.createTempFile("cin-validate", ".json");
		ProcessBuilder validator = new ProcessBuilder("bash", VALIDATOR.toString(), xml.toString(), "cin2025_26")
			.directory(PROJECT.toFile())
			.redirectErrorStream(true);
		validator.environment().put("CIN_VALIDATE_JSON", report.toString());
		Process process = validator.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.MINUTES)).as("the validator finished").isTrue();
		assertThat(process.exitValue()).as(output).isIn(0, 1);
		assertThat(output).as("no rule of the validator crashed").doesNotContain("\nCRASH ");
		JsonNode found = new ObjectMapper().readTree(report.toFile());
		Files.deleteIfExists(report);
		Set<String> errors = new TreeSet<>();
		Map<String, String> types = new java.util.HashMap<>();
		found.get("fired").forEach(f -> types.put(f.get("rule_code").asText(), f.get("type").asText()));
		found.get("issues").forEach(issue -> {
			if ("ERROR".equals(types.get(issue.get("rule_code").asText()))) {
				errors.add(issue.get("rule_code").asText() + " " + issue.get("LAchildID").asText());
			}
		});
		return errors;
	}

	private String episode(String caseRef) {
		String laChildId = jdbc.sql("select la_child_id from child_case where case_ref = ?")
			.param(caseRef)
			.query(String.class)
			.single();
		return "/Message/Children/Child[ChildIdentifiers/LAchildID='" + laChildId + "']/CINdetails";
	}

	private String module(String caseRef) {
		return episode(caseRef) + "/PreProceedingsandFGDM";
	}

	private String lastModule(Document xml, String caseRef) throws Exception {
		return (String) XPathFactory.newInstance().newXPath().evaluate("name(" + episode(caseRef) + "/*[last()])", xml,
				XPathConstants.STRING);
	}

	/** "Element=value" for each element of the one module at {@code path}, in order. */
	private static List<String> items(Document xml, String path) throws Exception {
		NodeList modules = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
		assertThat(modules.getLength()).as(path).isEqualTo(1);
		List<String> items = new ArrayList<>();
		NodeList children = modules.item(0).getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof org.w3c.dom.Element e) {
				items.add(e.getTagName() + "=" + e.getTextContent());
			}
		}
		return items;
	}

	private static List<String> texts(Document xml, String path) throws Exception {
		NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}

	private static Document parse(String xml) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

}
