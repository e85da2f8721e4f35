package org.timescales.returns;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.calendar.London;
import org.timescales.casefile.ClockView;
import org.timescales.referral.ReferralRequest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The CIN census for the year ending 31 March 2026 of a generated year: about fifty children referred
 * between 1 April 2025 and 31 March 2026 (from a seeded {@link Random}), some referred before the year
 * (still open in it, or closed before it began) and some after it, each driven through the real
 * pathway by completing its tasks with the engine clock moved to the day of each event. Every pathway
 * outcome is taken: no further action and early help at the referral, assessment only, assessment then
 * a child in need plan, a strategy discussion with no enquiry, section 47 with no conference, a
 * conference with no plan, a protection plan with reviews ending in closure or a child in need plan,
 * and second plans (NumberOfPreviousCPP 1), within one episode and after an episode closed before
 * the year.
 * <p>
 * The export, taken over HTTP as an auditor, must validate against our 2025-26 schema and against the
 * shared 2023-24 DfE schema in {@code ../shared/dfe} as it is, where the tolerated errors are the
 * later collections' changes: Sex (M/F/U, DfE rule 4180) where that schema has GenderCurrent, and
 * NumberOfPreviousCPP 0 (that copy says positiveInteger; DfE validation rule 8730 asks for a value
 * of 0 or more); and it must say, of every generated child, exactly what the generator recorded.
 */
@TimescalesTest
class CinCensusGeneratedYearTest extends ProcessTestSupport {

	private static final long SEED = 20_260_331L;

	/** Primary needs an assessment finds (N9 is for cases other than children in need). */
	private static final List<String> NEEDS = List.of("N1", "N1", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

	/**
	 * Disabilities by child, in turn (not from the seeded dice, so the year's dates stay as they were):
	 * most children none, the rest every census code but one, two of them more than one code.
	 */
	private static final List<List<String>> DISABILITIES = List.of(List.of("NONE"), List.of("LD"), List.of("NONE"),
			List.of("AUT", "COMM"), List.of("NONE"), List.of("MOB"), List.of("NONE"), List.of("HEAR"), List.of("NONE"),
			List.of("VIS"), List.of("NONE"), List.of("BEH", "CON"), List.of("NONE"), List.of("HAND"), List.of("PC"),
			List.of("NONE"), List.of("INC"));

	/**
	 * A valid UPN (LA code 201, a serial from the case reference, so each run's children have their
	 * own), its check letter as the DfE's UPN guide computes it: each of characters 2–13 times its
	 * position, the sum's remainder by 23.
	 */
	private static String upn(String caseRef) {
		String digits = "201" + String.format("%09d", Math.floorMod(caseRef.hashCode(), 1_000_000_000));
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (digits.charAt(i) - '0') * (i + 2);
		}
		return "ABCDEFGHJKLMNPQRTUVWXYZ".charAt(sum % 23) + digits;
	}

	/** Factors identified at assessment, the common ones. */
	private static final List<String> FACTORS = List.of("1B", "2B", "3A", "3B", "4A", "4B", "5B", "6B", "7A", "10A",
			"11A", "14A", "16A", "17A", "18C", "20", "24A");

	/**
	 * The collection year generated: the census of the year ending 31 March of it (2026: 2025-26, the
	 * default; CinCensusDfeRulesTest also generates 2025). Every date below is written for 2026 and
	 * moved back a year for each year earlier ({@link #on}).
	 */
	private int collectionYear = 2026;

	private LocalDate from = LocalDate.of(2025, 4, 1);

	private LocalDate to = LocalDate.of(2026, 3, 31);

	/** Nothing is recorded after this day; the census is exported the morning after. */
	private LocalDate horizon = LocalDate.of(2026, 6, 30);

	private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
		.toAbsolutePath();


	/** CI always has the shared folder beside the clone. */
	private static final Path SHARED_SCHEMA = PROJECT.resolve("../shared/dfe/CIN_schema_2024.xsd").normalize();

	private static final String OUR_PREVIOUS_CPP = "<xs:element name=\"NumberOfPreviousCPP\" type=\"xs:nonNegativeInteger\" minOccurs=\"1\" maxOccurs=\"1\"/>";

	private static final String OUR_SEX = "<xs:element name=\"Sex\" type=\"sextype\" minOccurs=\"1\" maxOccurs=\"1\"/>";

	private static final String SHARED_GENDER = "<xs:element name=\"GenderCurrent\" type=\"gendertype\" minOccurs=\"1\" maxOccurs=\"1\"/>";

	/** The type Sex takes, normalised as {@link #normalised} leaves it. */
	private static final String SEX_TYPE = "<xs:simpleType name=\"sextype\"><xs:restriction base=\"nonEmptyString\">"
			+ "<xs:enumeration value=\"M\"><xs:annotation><xs:documentation>Male</xs:documentation></xs:annotation></xs:enumeration>"
			+ "<xs:enumeration value=\"F\"><xs:annotation><xs:documentation>Female</xs:documentation></xs:annotation></xs:enumeration>"
			+ "<xs:enumeration value=\"U\"><xs:annotation><xs:documentation>Unknown or not recorded</xs:documentation></xs:annotation></xs:enumeration>"
			+ "</xs:restriction></xs:simpleType>";

	private static final String SHARED_PREVIOUS_CPP = "<xs:element name=\"NumberOfPreviousCPP\" type=\"xs:positiveInteger\" minOccurs=\"1\" maxOccurs=\"1\"/>";

	private static final List<String> SOURCES = List.of("1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D",
			"3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");

	/** Categories of abuse as recorded, and as the census codes them. */
	private static final Map<String, String> CATEGORIES = new LinkedHashMap<>(Map.of("NEGLECT", "NEG", "PHYSICAL",
			"PHY", "SEXUAL", "SAB", "EMOTIONAL", "EMO"));

	private static final List<String> CATEGORY_NAMES = List.of("NEGLECT", "PHYSICAL", "SEXUAL", "EMOTIONAL");

	/** The pathways a child referred in the year may take, each taken at least once. */
	private enum Kind {

		NFA_AT_REFERRAL(8), EARLY_HELP_AT_REFERRAL(3), ASSESSMENT_ONLY(8), ASSESSMENT_CIN_PLAN(8),
		SECTION_47_NO_CONFERENCE(5), NO_ENQUIRY(2), CONFERENCE_NO_PLAN(2), PROTECTION_PLAN(10),
		ASSESSMENT_THEN_PROTECTION_PLAN(3);

		final int weight;

		Kind(int weight) {
			this.weight = weight;
		}

	}

	@Autowired
	TestRestTemplate http;

	private final Random random = new Random(SEED);

	private final List<Step> steps = new ArrayList<>();

	private final List<GeneratedChild> children = new ArrayList<>();

	private String runPrefix;

	@Test
	void aGeneratedYearExportsAsTheGeneratorRecordedAndValidatesAgainstBothSchemas() throws Exception {
		if (!Files.isRegularFile(SHARED_SCHEMA)) {
			fail("The shared DfE schema is missing: expected " + SHARED_SCHEMA
					+ " (../shared/dfe/CIN_schema_2024.xsd beside the project directory " + PROJECT + ")");
		}
		String xml = exportGeneratedYear();
		Document census = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new InputSource(new StringReader(xml)));

		// the data is what this test says it is
		Map<String, GeneratedChild> included = new TreeMap<>();
		children.stream().filter(c -> !c.inCensus().isEmpty()).forEach(c -> included.put(c.caseRef, c));
		List<Episode> generated = children.stream().flatMap(c -> c.episodes.stream()).toList();
		assertThat(generated).filteredOn(e -> !e.referred.isBefore(from) && !e.referred.isAfter(to))
			.as("episodes referred in the year").hasSizeBetween(40, 60);
		assertThat(included.values().stream().flatMap(c -> c.inCensus().stream()))
			.filteredOn(e -> e.referred.isBefore(from))
			.as("episodes referred before the year, open in it").hasSizeGreaterThanOrEqualTo(2);
		assertThat(generated).filteredOn(e -> e.closed != null && e.closed.isBefore(from))
			.as("episodes closed before the year").hasSizeGreaterThanOrEqualTo(2);
		assertThat(generated).filteredOn(e -> e.referred.isAfter(to))
			.as("episodes referred after the year").hasSizeGreaterThanOrEqualTo(5);
		List<Plan> plans = included.values().stream().flatMap(c -> c.inCensus().stream()).flatMap(e -> e.plans.stream())
			.filter(p -> inCensus(p.start, p.end)).toList();
		assertThat(plans).as("second plans in the census").anyMatch(p -> p.previous == 1);
		long firstPlans = plans.stream().filter(p -> p.previous == 0).count();
		assertThat(firstPlans).as("first plans in the census").isPositive();

		// 1. valid against our copy of the schema, and against the shared one but for NumberOfPreviousCPP 0
		schema(new StreamSource(new ClassPathResource(CinCensusExport.schemaOf(2026)).getInputStream())).newValidator()
			.validate(new StreamSource(new StringReader(xml)));
		List<SchemaError> errors = validate(schema(new StreamSource(SHARED_SCHEMA.toFile())), xml);
		assertThat(errors).as("errors against " + SHARED_SCHEMA + " other than NumberOfPreviousCPP 0 and Sex")
			.filteredOn(e -> !e.isPreviousCppZero() && !e.isSexInPlaceOfGenderCurrent())
			.isEmpty();
		long childCount = count(census, "/Message/Children/Child");
		assertThat(errors).filteredOn(SchemaError::isSexInPlaceOfGenderCurrent)
			.as("Sex where the 2023-24 schema has GenderCurrent, once for each child")
			.hasSize((int) childCount);
		long zeros = count(census, "//ChildProtectionPlans/NumberOfPreviousCPP[. = '0']");
		assertThat(errors).filteredOn(e -> e.code().equals("cvc-minInclusive-valid"))
			.as("the positiveInteger facet failing on '0', once for each first plan in the export")
			.hasSize((int) zeros);
		assertThat(errors).filteredOn(e -> e.code().equals("cvc-type.3.1.3")).hasSize((int) zeros);
		assertThat(count(census, mine() + "/CINdetails/ChildProtectionPlans/NumberOfPreviousCPP[. = '0']"))
			.as("first plans of the generated children").isEqualTo(firstPlans);

		// 2. the children whose episode was open at some time in the year, each once, and no other
		List<String> laChildIds = texts(census, "/Message/Children/Child/ChildIdentifiers/LAchildID");
		assertThat(laChildIds).doesNotHaveDuplicates()
			.as("LA child IDs: letters and digits, at most 20 (DfE rules 1580, 1570)")
			.allMatch(id -> id.matches("[A-Za-z0-9]{1,20}"));
		// each LA child ID is one case's: the children exported, by case reference
		List<String> exported = laChildIds.stream().map(this::caseRefOf).toList();
		assertThat(exported).doesNotHaveDuplicates();
		for (GeneratedChild c : included.values()) {
			assertThat(text(census, child(c.caseRef) + "/ChildIdentifiers/Sex")).as(c.caseRef).isEqualTo(c.sex);
		}
		assertThat(exported.stream().filter(ref -> ref.startsWith(runPrefix + "-")))
			.containsExactlyInAnyOrderElementsOf(included.keySet());

		// 3. counts from the generated data
		List<Episode> episodes = included.values().stream().flatMap(c -> c.inCensus().stream()).toList();
		assertThat(count(census, mine() + "/CINdetails")).as("CINdetails").isEqualTo(episodes.size());
		assertThat(count(census, mine() + "/CINdetails/Assessments")).as("Assessments")
			.isEqualTo(episodes.stream().filter(e -> inCensus(e.assessmentStart, e.assessmentAuthorised)).count());
		assertThat(count(census, mine() + "/CINdetails/CINPlanDates")).as("CINPlanDates")
			.isEqualTo(episodes.stream().flatMap(e -> e.cinPlans.stream()).filter(p -> within(p.start) != null).count());
		assertThat(count(census, mine() + "/CINdetails/Section47")).as("Section47")
			.isEqualTo(episodes.stream().flatMap(e -> e.s47s.stream()).filter(s -> inCensus(s.start, s.icpc)).count());
		assertThat(count(census, mine() + "/CINdetails/ChildProtectionPlans")).as("ChildProtectionPlans")
			.isEqualTo(plans.size());
		assertThat(count(census, mine() + "/CINdetails/ChildProtectionPlans/Reviews/CPPreviewDate")).as("CPPreviewDate")
			.isEqualTo(plans.stream().flatMap(p -> p.reviews.stream()).filter(d -> !d.isAfter(to)).count());
		assertThat(count(census, mine() + "/CINdetails[CINclosureDate]")).as("closed in the year")
			.isEqualTo(episodes.stream().filter(e -> within(e.closed) != null).count());
		assertThat(count(census, mine() + "/CINdetails[ReferralNFA = 'true']")).as("ReferralNFA")
			.isEqualTo(episodes.stream().filter(e -> e.referralNfa).count());

		// 4. every generated child's every date, as the generator recorded it
		Map<String, List<String>> actual = new TreeMap<>();
		for (String caseRef : included.keySet()) {
			actual.put(caseRef, render(census, child(caseRef)));
		}
		Map<String, List<String>> expected = new TreeMap<>();
		included.forEach((caseRef, c) -> expected.put(caseRef, c.inCensus().stream().map(Episode::render).toList()));
		assertThat(actual).isEqualTo(expected);

		// the ICPC targets are the ledger's, for every enquiry in the census
		for (GeneratedChild c : included.values()) {
			List<String> targets = new ArrayList<>();
			for (HistoricProcessInstance s47 : processes(c.caseRef, "section47")) {
				List<ClockView> icpc = clocksOf(s47.getId(), "icpc");
				Object start = variable(s47.getId(), "s47StartDate");
				Object held = variable(s47.getId(), "icpcDate");
				// an enquiry of an episode closed before the year is not in it, nor one conferenced before it
				if (start != null && !LocalDate.parse(start.toString()).isBefore(c.inCensus().get(0).referred)
						&& inCensus(LocalDate.parse(start.toString()), held == null ? null : LocalDate.parse(held.toString()))) {
					targets.add(icpc.get(icpc.size() - 1).dueDate().toString());
				}
			}
			assertThat(texts(census, child(c.caseRef) + "/CINdetails/Section47/InitialCPCtarget")).as(c.caseRef)
				.isEqualTo(targets);
		}

		// spot checks, spelled out: the second plans and the children either side of the year
		GeneratedChild twoPlans = special("SECOND_PLAN_IN_EPISODE");
		String cpp = child(twoPlans.caseRef) + "/CINdetails/ChildProtectionPlans";
		Episode episode = twoPlans.episodes.get(0);
		assertThat(texts(census, cpp + "/NumberOfPreviousCPP")).containsExactly("0", "1");
		assertThat(texts(census, cpp + "/CPPstartDate")).containsExactly(episode.plans.get(0).start.toString(),
				episode.plans.get(1).start.toString());
		assertThat(texts(census, child(twoPlans.caseRef) + "/CINdetails/CINPlanDates/CINPlanStartDate"))
			.containsExactly(episode.plans.get(0).end.toString());
		assertThat(texts(census, child(twoPlans.caseRef) + "/CINdetails/Section47/S47ActualStartDate"))
			.containsExactly(episode.s47s.get(0).start.toString(), episode.s47s.get(1).start.toString());

		GeneratedChild returning = special("SECOND_PLAN_AFTER_CLOSED_EPISODE");
		assertThat(returning.episodes.get(0).closed).isBefore(from);
		assertThat(count(census, child(returning.caseRef) + "/CINdetails")).isEqualTo(1);
		assertThat(text(census, child(returning.caseRef) + "/CINdetails/CINreferralDate"))
			.isEqualTo(returning.episodes.get(1).referred.toString());
		assertThat(text(census, child(returning.caseRef) + "/CINdetails/ChildProtectionPlans/NumberOfPreviousCPP"))
			.isEqualTo("1");

		GeneratedChild twice = special("TWO_EPISODES_IN_YEAR");
		assertThat(texts(census, child(twice.caseRef) + "/CINdetails/CINreferralDate")).containsExactly(
				twice.episodes.get(0).referred.toString(), twice.episodes.get(1).referred.toString());

		assertThat(children).filteredOn(c -> c.kind.startsWith("AFTER_") || c.kind.equals("BEFORE_NFA"))
			.hasSize(5)
			.allSatisfy(c -> assertThat(exported).doesNotContain(c.caseRef));

		GeneratedChild reReferred = special("REFERRED_AGAIN_AFTER_YEAR");
		assertThat(reReferred.episodes.get(1).referred).isAfter(to);
		assertThat(texts(census, child(reReferred.caseRef) + "/CINdetails/CINreferralDate"))
			.containsExactly(reReferred.episodes.get(0).referred.toString());

		System.out.printf("Generated CIN census year: %d children (%d in the census, %d episodes, %d plans, %d first), "
				+ "%d steps driven in %d ms%n", children.size(), included.size(), episodes.size(), plans.size(),
				firstPlans, steps.size(), drivenMillis);
	}

	/** Where the export is kept, for the DfE's rules ({@link CinCensusDfeRulesTest}). */
	static final Path KEPT = Path.of("target", "returns", "cin-census-generated-year.xml");

	private long drivenMillis;

	/**
	 * Generates the year, drives it through the engine, takes the census over HTTP as an auditor the
	 * morning after the horizon and keeps it in {@link #KEPT}.
	 */
	String exportGeneratedYear() throws java.io.IOException {
		runPrefix = newCaseRef("GY");
		generate();
		long started = System.nanoTime();
		run();
		drivenMillis = (System.nanoTime() - started) / 1_000_000;

		clockAt(horizon.plusDays(1).atTime(9, 0).atZone(London.ZONE).toInstant());
		ResponseEntity<String> response = http.withBasicAuth("auditor.one", "secret-auditor.one")
			.getForEntity("/api/returns/cin-census?year=" + collectionYear, String.class);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		String xml = response.getBody();
		// kept for the DfE's rules, which run in Python: bash ../shared/tools/cin-validate.sh <this file>
		Files.createDirectories(KEPT.getParent());
		Files.writeString(KEPT, xml);
		return xml;
	}

	/** Generates the collection year ending 31 March {@code year} instead of 2026's (before the export). */
	void generateCollectionYear(int year) {
		collectionYear = year;
		from = on(2025, 4, 1);
		to = on(2026, 3, 31);
		horizon = on(2026, 6, 30);
	}

	/** A date of the 2026 collection's script, in the collection year generated. */
	private LocalDate on(int year, int month, int day) {
		return LocalDate.of(year - (2026 - collectionYear), month, day);
	}

	/** The LA child IDs of this run's children (the database holds other tests' children too). */
	java.util.Set<String> generatedLaChildIds() {
		return children.stream().map(c -> laChildIdOf(c.caseRef)).collect(java.util.stream.Collectors.toSet());
	}

	/**
	 * Each collection year's schema (2024-25, 2025-26) is the shared 2023-24 one but for Sex in place
	 * of GenderCurrent (with its
	 * type), NumberOfPreviousCPP's type, comments and whitespace: a later edit of ours cannot drift
	 * from the DfE's without this failing. The 2026-27 schema is the 2025-26 one plus exactly the
	 * PreProceedingsandFGDM module (its element in CINdetails, its type and PPOutcome's codes).
	 */
	@org.junit.jupiter.params.ParameterizedTest(name = "the {0} layout")
	@org.junit.jupiter.params.provider.ValueSource(ints = { 2025, 2026, 2027 })
	void ourSchemaDiffersFromTheSharedOneOnlyInSexAndNumberOfPreviousCpp(int year) throws Exception {
		Path ourSchema = PROJECT.resolve("src/main/resources/dfe/" + year + "/CIN_schema.xsd");
		if (!Files.isRegularFile(SHARED_SCHEMA)) {
			fail("The shared DfE schema is missing: expected " + SHARED_SCHEMA
					+ " (../shared/dfe/CIN_schema_2024.xsd beside the project directory " + PROJECT + ")");
		}
		String ours = normalised(Files.readString(ourSchema));
		if (year >= 2027) {
			assertThat(occurrences(ours, PRE_PROCEEDINGS_ELEMENT)).as("PreProceedingsandFGDM after ChildProtectionPlans in "
					+ ourSchema).isEqualTo(1);
			assertThat(occurrences(ours, PRE_PROCEEDINGS_TYPE)).as("preproceedingstype in " + ourSchema).isEqualTo(1);
			assertThat(occurrences(ours, PP_OUTCOME_TYPE)).as("ppoutcometype in " + ourSchema).isEqualTo(1);
			ours = ours.replace(PRE_PROCEEDINGS_ELEMENT, CHILD_PROTECTION_PLANS_ELEMENT)
				.replace(PRE_PROCEEDINGS_TYPE, "")
				.replace(PP_OUTCOME_TYPE, "");
			String lastYear = normalised(Files.readString(PROJECT.resolve("src/main/resources/dfe/2026/CIN_schema.xsd")));
			assertThat(tags(ours)).as("the 2026-27 schema without its module is the 2025-26 one")
				.containsExactlyElementsOf(tags(lastYear));
		}
		String shared = normalised(Files.readString(SHARED_SCHEMA));
		assertThat(occurrences(ours, OUR_PREVIOUS_CPP)).as("NumberOfPreviousCPP in " + ourSchema).isEqualTo(1);
		assertThat(occurrences(shared, SHARED_PREVIOUS_CPP)).as("NumberOfPreviousCPP in " + SHARED_SCHEMA).isEqualTo(1);
		assertThat(occurrences(ours, OUR_SEX)).as("Sex in " + ourSchema).isEqualTo(1);
		assertThat(occurrences(shared, SHARED_GENDER)).as("GenderCurrent in " + SHARED_SCHEMA).isEqualTo(1);
		assertThat(occurrences(ours, SEX_TYPE)).as("sextype in " + ourSchema).isEqualTo(1);
		String undone = ours.replace(OUR_PREVIOUS_CPP, SHARED_PREVIOUS_CPP).replace(OUR_SEX, SHARED_GENDER)
			.replace(SEX_TYPE, "");
		assertThat(tags(undone)).containsExactlyElementsOf(tags(shared));
	}

	private static final String CHILD_PROTECTION_PLANS_ELEMENT = "<xs:element name=\"ChildProtectionPlans\" type=\"childprotectionplanstype\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>";

	/** The 2026-27 module, in CINdetails after the protection plans, normalised as {@link #normalised} leaves it. */
	private static final String PRE_PROCEEDINGS_ELEMENT = CHILD_PROTECTION_PLANS_ELEMENT
			+ "<xs:element name=\"PreProceedingsandFGDM\" type=\"preproceedingstype\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>";

	private static final String PRE_PROCEEDINGS_TYPE = "<xs:complexType name=\"preproceedingstype\"><xs:sequence>"
			+ optional("PPStartDate", "xs:date") + optional("LBPSentDate", "xs:date")
			+ optional("FGDMMeetingOffer", "yesnotype") + optional("FGDMMeetingFac", "yesnotype")
			+ optional("InitialPPMeetingDate", "xs:date") + optional("ReviewMeetingsCount", "xs:nonNegativeInteger")
			+ optional("StepDecisionDate", "xs:date") + optional("PPOutcome", "ppoutcometype")
			+ optional("CourtAppDate", "xs:date") + optional("LetterInitCPDate", "xs:date")
			+ "</xs:sequence></xs:complexType>";

	private static final String PP_OUTCOME_TYPE = "<xs:simpleType name=\"ppoutcometype\"><xs:restriction base=\"nonEmptyString\">"
			+ "<xs:enumeration value=\"A\"/><xs:enumeration value=\"B\"/><xs:enumeration value=\"C\"/>"
			+ "</xs:restriction></xs:simpleType>";

	private static String optional(String name, String type) {
		return "<xs:element name=\"" + name + "\" type=\"" + type + "\" minOccurs=\"0\" maxOccurs=\"1\"/>";
	}

	// ---- generating the year

	private void generate() {
		// every pathway once, then the weighted mix
		List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
		int weights = 0;
		for (Kind k : Kind.values()) {
			weights += k.weight;
		}
		while (kinds.size() < 46) {
			int pick = random.nextInt(weights);
			for (Kind k : Kind.values()) {
				pick -= k.weight;
				if (pick < 0) {
					kinds.add(k);
					break;
				}
			}
		}
		int yearDays = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
		for (Kind kind : kinds) {
			script(kind.name()).pathway(kind, workingDay(from.plusDays(random.nextInt(yearDays))));
		}

		// before the year: two still open in it whatever the dice, the rest as they fall
		script("BEFORE_PROTECTION_PLAN").pathway(Kind.PROTECTION_PLAN, workingDay(on(2025, 2, 3)));
		script("BEFORE_CIN_PLAN").pathway(Kind.ASSESSMENT_CIN_PLAN, workingDay(on(2025, 2, 17)));
		script("BEFORE_NFA").pathway(Kind.NFA_AT_REFERRAL, workingDay(on(2025, 2, 24)));
		for (Kind kind : List.of(Kind.ASSESSMENT_ONLY, Kind.PROTECTION_PLAN, Kind.ASSESSMENT_CIN_PLAN)) {
			script("BEFORE_" + kind.name()).pathway(kind, workingDay(on(2025, 1, 6).plusDays(random.nextInt(80))));
		}

		// after the year: not in it
		for (Kind kind : List.of(Kind.NFA_AT_REFERRAL, Kind.ASSESSMENT_ONLY, Kind.PROTECTION_PLAN, Kind.NO_ENQUIRY)) {
			script("AFTER_" + kind.name()).pathway(kind, workingDay(on(2026, 4, 1).plusDays(random.nextInt(70))));
		}

		// a second plan in the same episode: plan, child in need plan, stepped up, another plan
		Script s = script("SECOND_PLAN_IN_EPISODE");
		LocalDate day = workingDay(on(2025, 5, 12).plusDays(random.nextInt(14)));
		s.refer(day);
		s.decide("STRATEGY_DISCUSSION");
		LocalDate icpc = s.section47(day.atTime(15, 0), "ICPC", true);
		LocalDate review = s.coreGroupAndReviews(icpc, 1, "CIN_PLAN");
		LocalDate cinReview = workingDay(review.plusDays(85));
		s.cinReview(cinReview, "STRATEGY_DISCUSSION");
		icpc = s.section47(nextWorkingDay(cinReview).atTime(11, 0), "ICPC", true);
		s.coreGroupAndReviews(icpc, 2, "CLOSE");

		// a second plan after an episode closed before the year
		s = script("SECOND_PLAN_AFTER_CLOSED_EPISODE");
		day = workingDay(on(2024, 10, 7));
		s.refer(day);
		s.decide("STRATEGY_DISCUSSION");
		icpc = s.section47(day.atTime(15, 0), "ICPC", true);
		s.coreGroup(workingDay(icpc.plusDays(7)));
		s.review(workingDay(icpc.plusDays(80)), "CLOSE");
		day = workingDay(on(2025, 6, 2).plusDays(random.nextInt(60)));
		s.refer(day);
		s.decide("STRATEGY_DISCUSSION");
		icpc = s.section47(day.atTime(15, 0), "ICPC", true);
		s.coreGroupAndReviews(icpc, 1 + random.nextInt(2), random.nextBoolean() ? "CLOSE" : "CIN_PLAN");

		// two episodes in the year
		s = script("TWO_EPISODES_IN_YEAR");
		s.pathway(Kind.NFA_AT_REFERRAL, workingDay(on(2025, 5, 6).plusDays(random.nextInt(30))));
		s.pathway(Kind.ASSESSMENT_CIN_PLAN, workingDay(on(2025, 10, 6).plusDays(random.nextInt(30))));

		// in the year, and again after it: only the first episode
		s = script("REFERRED_AGAIN_AFTER_YEAR");
		s.pathway(Kind.ASSESSMENT_ONLY, workingDay(on(2025, 11, 3).plusDays(random.nextInt(20))));
		s.pathway(Kind.NFA_AT_REFERRAL, workingDay(on(2026, 4, 13).plusDays(random.nextInt(20))));
	}

	private Script script(String kind) {
		GeneratedChild child = new GeneratedChild(runPrefix + "-" + (children.size() + 1), kind,
				on(2008, 1, 1).plusDays(random.nextInt(15 * 365)));
		children.add(child);
		return new Script(child);
	}

	private GeneratedChild special(String kind) {
		return children.stream().filter(c -> c.kind.equals(kind)).findFirst().orElseThrow();
	}

	/** Every step of every child in time order, the engine clock at each step's time. */
	private void run() {
		List<Step> ordered = steps.stream().sorted(Comparator.comparing(Step::at).thenComparing(Step::order)).toList();
		for (Step step : ordered) {
			clockAt(step.at());
			try {
				step.action().run();
			}
			catch (RuntimeException | AssertionError e) {
				throw new AssertionError("Generated step failed: " + step.caseRef() + " " + step.what() + " at "
						+ step.at() + ": " + e.getMessage(), e);
			}
		}
	}

	/** One child's events, queued as steps; the expected census is recorded as each is queued. */
	private final class Script {

		private final GeneratedChild child;

		private Episode episode;

		private S47 s47;

		private Plan plan;

		private CinPlan cinPlan;

		private LocalDateTime last = LocalDateTime.MIN;

		/** Set once an event falls after the horizon: nothing later happens to this child. */
		private boolean stopped;

		Script(GeneratedChild child) {
			this.child = child;
		}

		void pathway(Kind kind, LocalDate day) {
			refer(day);
			switch (kind) {
				case NFA_AT_REFERRAL -> decide("NFA");
				case EARLY_HELP_AT_REFERRAL -> decide("EARLY_HELP");
				case ASSESSMENT_ONLY -> {
					decide("ASSESSMENT");
					assessment(day, random.nextBoolean() ? "NFA" : "EARLY_HELP");
				}
				case ASSESSMENT_CIN_PLAN -> {
					decide("ASSESSMENT");
					cinPlanUntilItEnds(assessment(day, "CIN_PLAN"));
				}
				case SECTION_47_NO_CONFERENCE -> {
					decide("STRATEGY_DISCUSSION");
					boolean cin = random.nextBoolean();
					LocalDate completed = section47(day.atTime(15, 0), cin ? "CIN_PLAN" : "NFA", false);
					if (cin) {
						cinPlanUntilItEnds(completed);
					}
				}
				case NO_ENQUIRY -> {
					decide("STRATEGY_DISCUSSION");
					strategyDiscussion(day.atTime(15, 0), false);
				}
				case CONFERENCE_NO_PLAN -> {
					decide("STRATEGY_DISCUSSION");
					cinPlanUntilItEnds(section47(day.atTime(15, 0), "ICPC", false));
				}
				case PROTECTION_PLAN -> {
					decide("STRATEGY_DISCUSSION");
					LocalDate icpc = section47(day.atTime(15, 0), "ICPC", true);
					String next = random.nextInt(3) == 0 ? "CIN_PLAN" : "CLOSE";
					LocalDate ended = coreGroupAndReviews(icpc, 1 + random.nextInt(3), next);
					if (next.equals("CIN_PLAN")) {
						cinPlanUntilItEnds(ended);
					}
				}
				case ASSESSMENT_THEN_PROTECTION_PLAN -> {
					decide("ASSESSMENT");
					LocalDate authorised = assessment(day, "STRATEGY_DISCUSSION");
					LocalDate icpc = section47(nextWorkingDay(authorised).atTime(11, 0), "ICPC", true);
					coreGroupAndReviews(icpc, 1 + random.nextInt(2), "CLOSE");
				}
			}
		}

		void refer(LocalDate day) {
			LocalDateTime received = day.atTime(9, 0).plusMinutes(random.nextInt(150));
			String source = SOURCES.get(random.nextInt(SOURCES.size()));
			String referralId = "REF-" + child.caseRef + "-" + (child.episodes.size() + 1);
			if (step(received.plusMinutes(20), "referral received " + received,
					() -> referrals.receive(new ReferralRequest(referralId,
							new ReferralRequest.Child(child.caseRef, "Generated", "Child", child.dateOfBirth.toString(),
									child.sex, null, null, child.upn, child.upnUnknown, child.disabilities),
							received.toString(), source, "north")))) {
				episode = new Episode(day, source);
				child.episodes.add(episode);
			}
		}

		/** Decided the day the referral came in. */
		void decide(String decision) {
			if (stopped) {
				return;
			}
			LocalDate day = episode.referred;
			if (step(day.atTime(12, 30), "referral decision " + decision,
					() -> complete("UserTask_DecideOnReferral", Map.of("referralDecision", decision,
							"referralDecisionDate", day.toString(), "decisionRationale", "Generated")))) {
				switch (decision) {
					case "NFA" -> {
						episode.referralNfa = true;
						close(day, "RC7"); // no assessment: not "closed after assessment" (8825Q)
					}
					case "EARLY_HELP" -> close(day, "RC7"); // no assessment: not "closed after assessment" (8825Q)
					default -> {
					}
				}
			}
		}

		/** Started within three working days of the referral, authorised 2 to 9 weeks later. */
		LocalDate assessment(LocalDate referred, String outcome) {
			LocalDate start = workingDay(referred.plusDays(random.nextInt(4)));
			LocalDate authorised = workingDay(start.plusDays(14 + random.nextInt(50)));
			String need = NEEDS.get(random.nextInt(NEEDS.size()));
			// "no factors identified" only where the assessment ends the work; otherwise one to three factors
			String factors = (outcome.equals("NFA") || outcome.equals("EARLY_HELP")) && random.nextInt(3) == 0 ? "21"
					: String.join(", ", FACTORS.subList(random.nextInt(FACTORS.size() - 3), FACTORS.size()).subList(0,
							1 + random.nextInt(3)));
			if (step(authorised.atTime(17, 0), "assessment " + start + " authorised " + authorised + ": " + outcome,
					() -> {
						complete("UserTask_CompleteAssessment", Map.of("assessmentStartDate", start.toString(),
								"assessmentOutcome", outcome, "primaryNeedCode", need, "assessmentFactors", factors,
								"assessmentSummary", "Generated"));
						complete("UserTask_AuthoriseAssessment", Map.of("assessmentAuthorised", true,
								"assessmentAuthorisedDate", authorised.toString(), "managerComments", "Agreed"));
					})) {
				episode.assessmentStart = start;
				episode.assessmentAuthorised = authorised;
				switch (outcome) {
					case "NFA" -> close(authorised, "RC8");
					case "EARLY_HELP" -> close(authorised, "RC9");
					case "CIN_PLAN" -> startCinPlan(authorised);
					default -> {
					}
				}
			}
			return authorised;
		}

		void strategyDiscussion(LocalDateTime at, boolean enquiry) {
			if (step(at.plusMinutes(30), "strategy discussion, enquiry " + enquiry,
					() -> complete("UserTask_HoldStrategyDiscussion", Map.of("strategyDiscussionAt", at.toString(),
							"s47Decision", enquiry ? "yes" : "no", "strategyDiscussionSummary", "Generated")))) {
				if (enquiry) {
					s47 = new S47(at.toLocalDate());
					episode.s47s.add(s47);
				}
				else {
					close(at.toLocalDate(), "RC7"); // no enquiry, no assessment (8825Q)
				}
			}
		}

		/**
		 * Strategy discussion, the child seen the next morning, the enquiry concluded 1 to 2 weeks later
		 * and, for {@code ICPC}, the conference within a week of that (sometimes after its target).
		 * Returns the conference date, or the enquiry's.
		 */
		LocalDate section47(LocalDateTime discussion, String outcome, boolean planRequired) {
			strategyDiscussion(discussion, true);
			LocalDateTime seen = discussion.toLocalDate().plusDays(1).atTime(10, 0);
			step(seen.plusMinutes(30), "child seen", () -> complete("UserTask_SeeTheChild",
					Map.of("childSeenAt", seen.toString(), "seenAlone", "yes", "visitNotes", "Generated")));
			LocalDate completed = workingDay(discussion.toLocalDate().plusDays(5 + random.nextInt(10)));
			if (step(completed.atTime(16, 0), "enquiry concluded: " + outcome,
					() -> complete("UserTask_CompleteSection47Enquiry", Map.of("s47CompletedDate", completed.toString(),
							"s47Outcome", outcome, "enquirySummary", "Generated")))) {
				switch (outcome) {
					case "NFA" -> {
						s47.icpcNotRequired = true;
						close(completed, "RC7"); // RC8/RC9 cannot go with a section 47 (DfE rule 2990)
					}
					case "CIN_PLAN" -> {
						s47.icpcNotRequired = true;
						startCinPlan(completed);
					}
					default -> {
					}
				}
			}
			if (!outcome.equals("ICPC")) {
				return completed;
			}
			LocalDate icpc = workingDay(completed.plusDays(random.nextInt(7)));
			String category = CATEGORY_NAMES.get(random.nextInt(CATEGORY_NAMES.size()));
			Map<String, Object> conference = planRequired
					? Map.of("icpcDate", icpc.toString(), "planRequired", "yes", "categoryOfAbuse", category)
					: Map.of("icpcDate", icpc.toString(), "planRequired", "no");
			if (step(icpc.atTime(16, 30), "initial conference, plan " + planRequired,
					() -> complete("UserTask_HoldInitialConference", conference))) {
				s47.icpc = icpc;
				if (planRequired) {
					plan = new Plan(icpc, CATEGORIES.get(category), child.plans++);
					episode.plans.add(plan);
				}
				else {
					startCinPlan(icpc);
				}
			}
			return icpc;
		}

		void coreGroup(LocalDate day) {
			step(day.atTime(11, 0), "core group",
					() -> complete("UserTask_HoldCoreGroup", Map.of("coreGroupDate", day.toString(), "coreGroupNotes", "Generated")));
		}

		/** The first review within about 3 months of the conference, then about every 6; the last ends the plan. */
		LocalDate coreGroupAndReviews(LocalDate icpc, int reviews, String then) {
			coreGroup(workingDay(icpc.plusDays(3 + random.nextInt(10))));
			LocalDate day = icpc;
			for (int i = 1; i <= reviews; i++) {
				day = workingDay(day.plusDays(i == 1 ? 75 + random.nextInt(18) : 160 + random.nextInt(25)));
				review(day, i == reviews ? then : null);
			}
			return day;
		}

		/** {@code then} null: the plan continues; else CLOSE or CIN_PLAN. */
		void review(LocalDate day, String then) {
			String latest = random.nextInt(4) == 0 ? CATEGORY_NAMES.get(random.nextInt(CATEGORY_NAMES.size())) : null;
			Map<String, Object> form = new HashMap<>();
			form.put("reviewDate", day.toString());
			form.put("planContinues", then == null ? "yes" : "no");
			if (then != null) {
				form.put("nextStep", then);
			}
			if (latest != null) {
				form.put("latestCategoryOfAbuse", latest);
			}
			if (step(day.atTime(14, 0), "review conference, then " + then,
					() -> complete("UserTask_HoldReviewConference", form))) {
				plan.reviews.add(day);
				if (latest != null) {
					plan.latest = CATEGORIES.get(latest);
				}
				if (then != null) {
					plan.end = day;
					if (then.equals("CLOSE")) {
						close(day, "RC7");
					}
					else {
						startCinPlan(day);
					}
				}
			}
		}

		/** Reviewed about every 3 months, 1 to 3 times, then closed or stepped down. */
		void cinPlanUntilItEnds(LocalDate start) {
			int reviews = 1 + random.nextInt(3);
			LocalDate day = start;
			for (int i = 1; i <= reviews; i++) {
				day = workingDay(day.plusDays(80 + random.nextInt(16)));
				cinReview(day, i < reviews ? null : random.nextBoolean() ? "CLOSE" : "EARLY_HELP");
			}
		}

		/** {@code then} null: the plan continues; else CLOSE, EARLY_HELP or STRATEGY_DISCUSSION. */
		void cinReview(LocalDate day, String then) {
			Map<String, Object> form = new HashMap<>();
			form.put("cinReviewDate", day.toString());
			form.put("cinPlanContinues", then == null ? "yes" : "no");
			form.put("reviewNotes", "Generated");
			if (then != null) {
				form.put("cinNextStep", then);
			}
			if (step(day.atTime(15, 0), "child in need review, then " + then,
					() -> complete("UserTask_ReviewChildInNeedPlan", form)) && then != null) {
				cinPlan.end = day;
				if (!then.equals("STRATEGY_DISCUSSION")) {
					close(day, "RC7");
				}
			}
		}

		private void startCinPlan(LocalDate day) {
			cinPlan = new CinPlan(day);
			episode.cinPlans.add(cinPlan);
		}

		private void close(LocalDate day, String reason) {
			episode.closed = day;
			episode.reason = reason;
		}

		/** Queues a step at a London time; false, and nothing more for this child, once past the horizon. */
		private boolean step(LocalDateTime at, String what, Runnable action) {
			if (stopped || at.toLocalDate().isAfter(horizon)) {
				stopped = true;
				return false;
			}
			if (!at.isAfter(last)) {
				throw new IllegalStateException("Generator bug: " + child.caseRef + " " + what + " at " + at
						+ " is not after " + last);
			}
			last = at;
			steps.add(new Step(at.atZone(London.ZONE).toInstant(), steps.size(), child.caseRef, what, action));
			return true;
		}

		private void complete(String taskKey, Map<String, Object> variables) {
			List<Task> open = taskService.createTaskQuery()
				.processInstanceBusinessKey(child.caseRef)
				.taskDefinitionKey(taskKey)
				.list();
			assertThat(open).as("open " + taskKey + " of " + child.caseRef).hasSize(1);
			taskService.complete(open.get(0).getId(), variables);
		}

	}

	private record Step(Instant at, int order, String caseRef, String what, Runnable action) {
	}

	/** A generated child, and what the census should say about each of its episodes. */
	private final class GeneratedChild {

		final String caseRef;

		final String kind;

		final LocalDate dateOfBirth;

		/** Girls and boys in turn (not from the seeded dice, so the year's dates stay as they were). */
		final String sex;

		final List<Episode> episodes = new ArrayList<>();

		/** Protection plans so far: the next plan's NumberOfPreviousCPP. */
		int plans;

		GeneratedChild(String caseRef, String kind, LocalDate dateOfBirth) {
			this.caseRef = caseRef;
			this.kind = kind;
			this.dateOfBirth = dateOfBirth;
			this.sex = caseRef.hashCode() % 2 == 0 ? "F" : "M";
			int number = Integer.parseInt(caseRef.substring(caseRef.lastIndexOf('-') + 1));
			this.disabilities = DISABILITIES.get(number % DISABILITIES.size());
			// a child of school age by the September after the year has a UPN; a younger one "not of
			// school age" (UN1), as DfE query 8770Q counts school age
			boolean schoolAge = !dateOfBirth.isAfter(to.withMonth(8).withDayOfMonth(31).minusYears(5));
			this.upn = schoolAge ? upn(caseRef) : null;
			this.upnUnknown = schoolAge ? null : "UN1";
		}

		final List<String> disabilities;

		final String upn;

		final String upnUnknown;

		/** The inclusion rule: referred by the end of the year and not closed before it began. */
		List<Episode> inCensus() {
			return episodes.stream()
				.filter(e -> !e.referred.isAfter(to) && (e.closed == null || !e.closed.isBefore(from)))
				.toList();
		}

	}

	private final class Episode {

		final LocalDate referred;

		final String source;

		boolean referralNfa;

		LocalDate closed;

		String reason;

		LocalDate assessmentStart;

		LocalDate assessmentAuthorised;

		final List<CinPlan> cinPlans = new ArrayList<>();

		final List<S47> s47s = new ArrayList<>();

		final List<Plan> plans = new ArrayList<>();

		Episode(LocalDate referred, String source) {
			this.referred = referred;
			this.source = source;
		}

		/** What the census should say: nothing dated after the year's end. */
		String render() {
			StringBuilder out = new StringBuilder("referred " + referred + " source " + source + " NFA " + referralNfa);
			if (within(closed) != null) {
				out.append(" closed ").append(closed).append(' ').append(reason);
			}
			if (inCensus(assessmentStart, assessmentAuthorised)) {
				out.append(" | assessment ").append(assessmentStart).append(" authorised ").append(or(within(assessmentAuthorised)));
			}
			// a plan that ended before the year is last year's (DfE rules 4013, 8930)
			cinPlans.stream().filter(p -> inCensus(p.start, p.end))
				.forEach(p -> out.append(" | CIN plan ").append(p.start).append(" to ").append(or(within(p.end))));
			s47s.stream().filter(s -> inCensus(s.start, s.icpc))
				.forEach(s -> out.append(" | S47 ").append(s.start).append(" ICPC ").append(or(within(s.icpc)))
					.append(" not required ").append(s.icpcNotRequired));
			plans.stream().filter(p -> inCensus(p.start, p.end))
				.forEach(p -> out.append(" | CPP ").append(p.start).append(" to ").append(or(within(p.end)))
					.append(' ').append(p.initial).append('/').append(p.latest).append(" previous ").append(p.previous)
					.append(" reviews ").append(p.reviews.stream().filter(d -> !d.isAfter(to)).toList()));
			return out.toString();
		}

	}

	private static final class CinPlan {

		final LocalDate start;

		LocalDate end;

		CinPlan(LocalDate start) {
			this.start = start;
		}

	}

	private static final class S47 {

		final LocalDate start;

		LocalDate icpc;

		boolean icpcNotRequired;

		S47(LocalDate start) {
			this.start = start;
		}

	}

	private static final class Plan {

		final LocalDate start;

		final String initial;

		String latest;

		final int previous;

		LocalDate end;

		final List<LocalDate> reviews = new ArrayList<>();

		Plan(LocalDate start, String initial, int previous) {
			this.start = start;
			this.initial = initial;
			this.latest = initial;
			this.previous = previous;
		}

	}

	// ---- reading the export

	/** One child's CINdetails, in the form {@link Episode#render()} writes. */
	private static List<String> render(Document census, String child) throws Exception {
		List<String> rendered = new ArrayList<>();
		NodeList details = nodes(census, child + "/CINdetails");
		for (int i = 0; i < details.getLength(); i++) {
			Element d = (Element) details.item(i);
			StringBuilder out = new StringBuilder("referred " + value(d, "CINreferralDate") + " source "
					+ value(d, "ReferralSource") + " NFA " + value(d, "ReferralNFA"));
			if (value(d, "CINclosureDate") != null) {
				out.append(" closed ").append(value(d, "CINclosureDate")).append(' ').append(value(d, "ReasonForClosure"));
			}
			for (Element a : elements(d, "Assessments")) {
				out.append(" | assessment ").append(value(a, "AssessmentActualStartDate")).append(" authorised ")
					.append(or(value(a, "AssessmentAuthorisationDate")));
			}
			for (Element p : elements(d, "CINPlanDates")) {
				out.append(" | CIN plan ").append(value(p, "CINPlanStartDate")).append(" to ")
					.append(or(value(p, "CINPlanEndDate")));
			}
			for (Element s : elements(d, "Section47")) {
				out.append(" | S47 ").append(value(s, "S47ActualStartDate")).append(" ICPC ")
					.append(or(value(s, "DateOfInitialCPC"))).append(" not required ").append(value(s, "ICPCnotRequired"));
			}
			for (Element p : elements(d, "ChildProtectionPlans")) {
				List<String> reviews = new ArrayList<>();
				for (Element r : elements(p, "Reviews")) {
					elements(r, "CPPreviewDate").forEach(e -> reviews.add(e.getTextContent()));
				}
				out.append(" | CPP ").append(value(p, "CPPstartDate")).append(" to ").append(or(value(p, "CPPendDate")))
					.append(' ').append(value(p, "InitialCategoryOfAbuse")).append('/')
					.append(value(p, "LatestCategoryOfAbuse")).append(" previous ").append(value(p, "NumberOfPreviousCPP"))
					.append(" reviews ").append(reviews);
			}
			rendered.add(out.toString());
		}
		return rendered;
	}

	private List<HistoricProcessInstance> processes(String caseRef, String key) {
		return engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(key)
			.processInstanceBusinessKey(caseRef)
			.orderByProcessInstanceStartTime()
			.asc()
			.list();
	}

	private String mine() {
		// one contains() over the run's LA child IDs, spaced: an "or" of each would exceed XPath's operator limit
		String ids = children.stream().map(c -> laChildIdOf(c.caseRef)).reduce(" ", (a, b) -> a + b + " ");
		return "/Message/Children/Child[contains('" + ids + "', concat(' ', ChildIdentifiers/LAchildID, ' '))]";
	}

	private String child(String caseRef) {
		return "/Message/Children/Child[ChildIdentifiers/LAchildID='" + laChildIdOf(caseRef) + "']";
	}

	/** The LA child ID the case was given (the export carries it, not the case reference). */
	private String laChildIdOf(String caseRef) {
		return jdbc.sql("select la_child_id from child_case where case_ref = ?").param(caseRef).query(String.class)
			.optional().orElse("(no case " + caseRef + ")");
	}

	private String caseRefOf(String laChildId) {
		return jdbc.sql("select case_ref from child_case where la_child_id = ?").param(laChildId).query(String.class)
			.single();
	}

	private static List<Element> elements(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && e.getTagName().equals(name)) {
				found.add(e);
			}
		}
		return found;
	}

	private static String value(Element parent, String name) {
		List<Element> found = elements(parent, name);
		assertThat(found.size()).as(name).isLessThanOrEqualTo(1);
		return found.isEmpty() ? null : found.get(0).getTextContent();
	}

	private static String or(Object value) {
		return value == null ? "-" : value.toString();
	}

	private LocalDate within(LocalDate date) {
		return date == null || date.isAfter(to) ? null : date;
	}

	/**
	 * A module of an episode open in the year is in the census if it started by the year's end and did
	 * not end before the year began: an assessment authorised, or a conference held, before 1 April is
	 * last year's (DfE rules 8696, 8715).
	 */
	private boolean inCensus(LocalDate start, LocalDate ended) {
		return within(start) != null && (ended == null || !ended.isBefore(from));
	}

	private static NodeList nodes(Document doc, String path) throws Exception {
		XPath xpath = XPathFactory.newInstance().newXPath();
		return (NodeList) xpath.evaluate(path, doc, XPathConstants.NODESET);
	}

	private static List<String> texts(Document doc, String path) throws Exception {
		NodeList nodes = nodes(doc, path);
		List<String> values = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			values.add(nodes.item(i).getTextContent());
		}
		return values;
	}

	private static String text(Document doc, String path) throws Exception {
		List<String> all = texts(doc, path);
		assertThat(all).as(path).hasSize(1);
		return all.get(0);
	}

	private static long count(Document doc, String path) throws Exception {
		return nodes(doc, path).getLength();
	}

	// ---- validating

	private static Schema schema(StreamSource source) throws Exception {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		return factory.newSchema(source);
	}

	/**
	 * A validation error, with the element being validated when it was raised and that element's
	 * text: an error in a simple value is raised at the element's end tag, before it is passed on.
	 */
	private record SchemaError(String message, String element, String value, int line, int column) {

		private static final Pattern CODE = Pattern.compile("^(cvc-[A-Za-z0-9.-]+):");

		String code() {
			Matcher m = CODE.matcher(message);
			return m.find() ? m.group(1) : "";
		}

		/** The 2025-26 layout's Sex, where the 2023-24 schema wants GenderCurrent. */
		boolean isSexInPlaceOfGenderCurrent() {
			return code().equals("cvc-complex-type.2.4.a") && message.contains("'Sex'")
					&& message.contains("GenderCurrent");
		}

		/**
		 * A tolerated error against the shared schema: NumberOfPreviousCPP 0 failing its
		 * positiveInteger type (the facet, and the element's value as a result). The codes and the
		 * quoted values are the same in any locale.
		 */
		boolean isPreviousCppZero() {
			if (!element.equals("NumberOfPreviousCPP") || !value.equals("0")) {
				return false;
			}
			return switch (code()) {
				case "cvc-minInclusive-valid" -> message.contains("'0'") && message.contains("'1'")
						&& message.contains("'positiveInteger'");
				case "cvc-type.3.1.3" -> message.contains("'0'") && message.contains("'NumberOfPreviousCPP'");
				default -> false;
			};
		}

	}

	/** Every error (and warning) against the schema, not just the first. */
	private static List<SchemaError> validate(Schema schema, String xml) throws Exception {
		List<SchemaError> errors = new ArrayList<>();
		CurrentElement current = new CurrentElement();
		ValidatorHandler validator = schema.newValidatorHandler();
		validator.setContentHandler(current);
		validator.setErrorHandler(new ErrorHandler() {

			@Override
			public void warning(SAXParseException e) {
				record(e);
			}

			@Override
			public void error(SAXParseException e) {
				record(e);
			}

			@Override
			public void fatalError(SAXParseException e) throws SAXParseException {
				throw e;
			}

			private void record(SAXParseException e) {
				errors.add(new SchemaError(e.getMessage(), current.name(), current.text(), e.getLineNumber(),
						e.getColumnNumber()));
			}

		});
		SAXParserFactory parsers = SAXParserFactory.newInstance();
		parsers.setNamespaceAware(true);
		XMLReader reader = parsers.newSAXParser().getXMLReader();
		reader.setContentHandler(validator);
		reader.parse(new InputSource(new StringReader(xml)));
		return errors;
	}

	/** The innermost open element and its text so far, as passed on by the validator. */
	private static final class CurrentElement extends DefaultHandler {

		private final List<String> open = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			open.add(localName.isEmpty() ? qName : localName);
			text.setLength(0);
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			text.append(ch, start, length);
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			open.remove(open.size() - 1);
			text.setLength(0);
		}

		String name() {
			return open.isEmpty() ? "" : open.get(open.size() - 1);
		}

		String text() {
			return text.toString().strip();
		}

	}

	// ---- comparing the schema files

	/** Without comments, whitespace collapsed and none between tags. */
	private static String normalised(String xsd) {
		return xsd.replaceAll("(?s)<!--.*?-->", "").replaceAll("\\s+", " ").replaceAll(">\\s+<", "><").strip();
	}

	/** One tag a line, so a difference shows as the tags that differ. */
	private static List<String> tags(String normalised) {
		return List.of(normalised.split("(?<=>)"));
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

	// ---- dates

	/** The day, or the Monday after if it falls at a weekend. */
	private static LocalDate workingDay(LocalDate day) {
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return day;
	}

	private static LocalDate nextWorkingDay(LocalDate day) {
		return workingDay(day.plusDays(1));
	}

}
