package org.timescales.returns;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;
import org.timescales.casehistory.Episode;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.timescales.system.SqlTimes.utc;

/**
 * The 2026-27 CIN census ({@code ?year=2027}) writes a PreProceedingsandFGDM module for each
 * pre-proceedings of an episode, from what the pre-proceedings and care proceedings recorded, and the
 * earlier years never do. bpmn/preProceedings.bpmn and bpmn/careProceedings.bpmn are not written yet,
 * so two stand-ins under their process keys ({@code src/test/resources/census27/}: user tasks that
 * record the proceedings contract's variables) are deployed for this test and deleted after it, so
 * that no other test starts them; the met {@code pp-review} clocks that count the review meetings are
 * written into the ledger, as the real process's clock stops would write them.
 * <p>
 * Child A, on a protection plan since May 2026, enters pre-proceedings in September 2026 and the court
 * issues care proceedings in January 2027: every item of the module the council holds is in the year.
 * Child B's pre-proceedings began in 2025-26 and stepped down in April 2026: its 2025-26 return has no
 * module (that layout has none), its 2026-27 one only what happened in 2026-27. The return of these two
 * children must pass the 2026-27 schema and rules (the export refuses otherwise) and no error rule of
 * the DfE validator's closest ruleset (cin2025_26, which has no rules on the module) may fire on it.
 */
@TimescalesTest
class CinCensusPreProceedingsTest extends ProcessTestSupport {

	private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
		.toAbsolutePath();

	private static final Path VALIDATOR = PROJECT.resolve("../shared/tools/cin-validate.sh").normalize();

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	CinCensusExport export;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	@Test
	void eachPreProceedingsOfAnEpisodeIsAModuleOfThe2026To27ReturnWithItsDatesInTheYear() throws Exception {
		String deployment = deployStandIns();
		try {
			String a = childAEntersPreProceedingsAndTheCourtIssues();
			String b = childBStepsDownEarlyIn2026To27();

			clockAt("2027-04-15T09:00:00Z");
			CinCensusExport.Census census = export.export(2027, Set.of(a, b)::contains);
			assertThat(census.caseRefs()).containsExactlyInAnyOrder(a, b);
			Document xml = parse(census.xml());

			// A: every item the council holds, in the DfE's sample's order, after the protection plan
			assertThat(items(xml, module(a))).containsExactly("PPStartDate=2026-09-07", "LBPSentDate=2026-09-14",
					"FGDMMeetingOffer=1", "FGDMMeetingFac=1", "InitialPPMeetingDate=2026-09-28",
					// met on 9 November (in time) and 14 December (late); not the cancelled one, nor April's
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
		finally {
			// the stand-ins must not be the latest versions of these keys for any other test
			repositoryService.deleteDeployment(deployment, true, true);
		}
	}

	/**
	 * Referred on Monday 4 May 2026, a strategy discussion, a section 47 enquiry and a protection plan
	 * from the conference on 22 May; pre-proceedings decided on 7 September, the letter sent on the
	 * 14th offering a family group decision-making meeting (held on 5 October), the first meeting on
	 * the 28th, two reviews; care proceedings decided on 11 January 2027 and issued on the 20th.
	 */
	private String childAEntersPreProceedingsAndTheCourtIssues() {
		String caseRef = newCaseRef("CIN27-A");
		var journey = journey(caseRef);
		String referral = journey.at("2026-05-04T09:30:00Z").referred("2026-05-04T09:00:00");
		String s47 = journey.at("2026-05-04T11:00:00Z").decidedOnStrategyDiscussion(referral, "2026-05-04");
		journey.at("2026-05-04T16:00:00Z").enquiryAgreed(s47, "2026-05-04T15:00");
		journey.at("2026-05-05T11:00:00Z").childSeen(s47, "2026-05-05T10:00");
		journey.on("2026-05-22").conferenceNeeded(s47, "2026-05-15");
		journey.planAgreed(s47, "2026-05-22", "NEGLECT");

		journey.on("2026-09-07");
		String pp = runtimeService.startProcessInstanceByKey(Episode.PRE_PROCEEDINGS, caseRef,
				Map.of("caseRef", caseRef, "team", "north", "ppStartDate", "2026-09-07"))
			.getId();
		journey.on("2026-09-14");
		complete(pp, "UserTask_SendLetterBeforeProceedings", Map.of("lbpSentDate", "2026-09-14", "fgdmOffered", true));
		journey.on("2026-10-05");
		complete(pp, "UserTask_HoldInitialMeeting",
				Map.of("initialPpMeetingDate", "2026-09-28", "fgdmOutcome", "HELD", "fgdmHeldDate", "2026-10-05"));
		review(caseRef, pp, 1, "2026-11-09", "MET");
		review(caseRef, pp, 2, "2026-12-14", "MET_LATE");
		review(caseRef, pp, 3, "2027-01-11", "CANCELLED");
		journey.on("2027-01-11");
		complete(pp, "UserTask_DecideOutcome", Map.of("ppOutcome", "ISSUE", "ppOutcomeDate", "2027-01-11"));

		journey.at("2027-01-12T10:00:00Z");
		String court = runtimeService.startProcessInstanceByKey(Episode.CARE_PROCEEDINGS, caseRef, Map.of("caseRef",
				caseRef, "team", "north", "decisionToIssueDate", "2027-01-11", "fromPreProceedings", true))
			.getId();
		journey.on("2027-01-20");
		complete(court, "UserTask_RecordApplicationIssued", Map.of("applicationIssuedDate", "2027-01-20"));
		// a review after the reference date is next year's
		review(caseRef, pp, 4, "2027-04-12", "MET");
		return caseRef;
	}

	/**
	 * Referred on 6 October 2025 and being assessed; pre-proceedings decided on 2 March 2026 for a case
	 * begun before the duty to offer a meeting, the letter sent on the 9th; stepped down on 20 April 2026.
	 */
	private String childBStepsDownEarlyIn2026To27() {
		String caseRef = newCaseRef("CIN27-B");
		var journey = journey(caseRef);
		String referral = journey.at("2025-10-06T09:30:00Z").referred("2025-10-06T09:00:00");
		journey.at("2025-10-06T14:00:00Z").decidedToAssess(referral, "2025-10-06");

		journey.on("2026-03-02");
		String pp = runtimeService.startProcessInstanceByKey(Episode.PRE_PROCEEDINGS, caseRef,
				Map.of("caseRef", caseRef, "team", "north", "ppStartDate", "2026-03-02"))
			.getId();
		journey.on("2026-03-09");
		complete(pp, "UserTask_SendLetterBeforeProceedings",
				Map.of("lbpSentDate", "2026-03-09", "fgdmOffered", false));
		journey.on("2026-03-23");
		complete(pp, "UserTask_HoldInitialMeeting",
				Map.of("initialPpMeetingDate", "2026-03-23", "fgdmOutcome", "NOT_OFFERED_BEFORE_DUTY"));
		journey.on("2026-04-20");
		complete(pp, "UserTask_DecideOutcome", Map.of("ppOutcome", "STEP_DOWN", "ppOutcomeDate", "2026-04-20"));
		return caseRef;
	}

	/**
	 * {@code GET /api/returns/cin-census?year=2027} is a collection year now. The database holds other
	 * tests' children in 2026-27 too: the return either leaves, with child A's module as above, or is
	 * refused for records that are not these children's.
	 */
	private void theEndpointTakes2027(String a, String b) throws Exception {
		ResponseEntity<String> response = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/returns/cin-census?year=2027", String.class);
		if (response.getStatusCode() == HttpStatus.CONFLICT) {
			List<String> refused = new ArrayList<>();
			json.readTree(response.getBody()).get("failures").forEach(f -> refused.add(f.get("caseRef").asText()));
			assertThat(refused).as(response.getBody()).doesNotContain(a, b);
			return;
		}
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("cin-census-2027.xml");
		Document whole = parse(response.getBody());
		assertThat(items(whole, module(a))).contains("PPOutcome=A", "CourtAppDate=2027-01-20");
		assertThat(texts(whole, "/Message/Header/CollectionDetails/ReferenceDate")).containsExactly("2027-03-31");
	}

	/** A met (or cancelled) pre-proceedings review clock, stopped at 17:00 on the day of the meeting. */
	private void review(String caseRef, String pp, int sequence, String meetingDate, String outcome) {
		LocalDate met = LocalDate.parse(meetingDate);
		jdbc.sql("""
				insert into clock (case_ref, process_instance_id, rule_id, label, team, started_at, due_date, due_at,
				                   stopped_at, outcome, sequence_no)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseRef, pp, CinCensusExport.PP_REVIEW, "Pre-proceedings review meeting", "north",
					utc(London.toInstant(met.minusWeeks(4).atStartOfDay())), met.plusDays(1),
					utc(London.endOfDay(met.plusDays(1))), utc(London.toInstant(met.atTime(17, 0))),
					outcome, sequence)
			.update();
	}

	private String deployStandIns() throws Exception {
		try (InputStream pre = getClass().getResourceAsStream("/census27/preProceedings.bpmn");
				InputStream care = getClass().getResourceAsStream("/census27/careProceedings.bpmn")) {
			return repositoryService.createDeployment()
				.name("census27 stand-ins for the proceedings processes")
				.addInputStream("census27-preProceedings.bpmn", pre)
				.addInputStream("census27-careProceedings.bpmn", care)
				.deploy()
				.getId();
		}
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
