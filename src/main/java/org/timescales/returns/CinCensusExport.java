package org.timescales.returns;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.timescales.audit.RecordViews;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.casehistory.CaseHistory;
import org.timescales.casehistory.Episode;
import org.timescales.casehistory.Stage;
import org.timescales.clock.ClockRecord;
import org.timescales.returns.rules.CensusRules;
import org.xml.sax.SAXParseException;

import static org.timescales.pathway.PathwayVariables.CHILD_IN_NEED_PLAN;
import static org.timescales.pathway.PathwayVariables.CHILD_PROTECTION_PLAN;
import static org.timescales.pathway.PathwayVariables.SECTION_47;

/**
 * The DfE Children in Need census for a collection year, as XML in that year's layout: the 2024-25
 * collection ({@code year} 2025) validated against {@code dfe/2025/CIN_schema.xsd}, the 2025-26
 * collection (2026) against {@code dfe/2026/CIN_schema.xsd} (each the 2023-24 schema with the later
 * collections' Sex, and NumberOfPreviousCPP 0: see its header), the 2026-27 collection (2027) against
 * {@code dfe/2027/CIN_schema.xsd} (2026's with the PreProceedingsandFGDM module), then run through the
 * DfE's error-type rules for that year ({@link CensusRules}). A return that breaks one does not leave: the DfE would
 * reject it, and the refusal names each rule, child and field for the performance team to put right.
 * <p>
 * Census year Y covers 1 April Y-1 to 31 March Y. Every child with a CIN episode (a referral and what
 * followed it under the same case reference) open at any time in that period is included, with each
 * such episode; events dated after 31 March Y are left out (the return is as at the end of the year).
 * Every date comes from what was recorded about the event: the engine's historic variables (the dates
 * on the forms, as corrected) and the clock ledger (the ICPC target, the review conferences), never
 * from when someone clicked.
 * <p>
 * Where each value comes from, and what is written when it was not recorded (the schema's own codes):
 * <ul>
 * <li>{@code Sex} (required), recorded at referral: {@code U} for a case recorded before it was.</li>
 * <li>{@code Ethnicity} (required), optional at referral: {@code NOBT}, "Information not yet
 * obtained", when not given.</li>
 * <li>{@code UPN} or {@code UPNunknown} and {@code Disabilities}: recorded at referral or since
 * ({@code POST /api/cases/{ref}/child-details}); not written when not recorded (DfE rule 8540 then
 * refuses a return whose child had further action without a disability code).</li>
 * <li>{@code PrimaryNeedCode} and {@code AssessmentFactors}: recorded on the assessment form; an episode
 * not assessed has {@code N0}, "Not stated".</li>
 * <li>{@code FormerUPN}, {@code AssessmentInternalReviewDate}, {@code ExpectedPersonBirthDate},
 * {@code PersonDeathDate}: optional, not held, not written.</li>
 * <li>Header {@code Source} (its {@code LEA} code is required and not held): not written; the header
 * carries {@code CollectionDetails} only.</li>
 * </ul>
 * Closure reasons: {@code NFA} at the assessment is RC8 ("Case closed after assessment, no further
 * action") and {@code EARLY_HELP} there RC9 ("referred to early help"), when nothing followed the
 * assessment in the episode; every other closure is RC7 ("Services ceased for any other reason,
 * including child no longer in need"): no further action or early help decided at the referral (no
 * assessment: DfE query 8825Q), a strategy discussion that started no enquiry ({@code NO_ENQUIRY}),
 * a section 47 enquiry with no further action (DfE rule 2990 refuses RC8/RC9 with a section 47), a
 * child in need plan closed at review, a protection plan ended with no further plan.
 * <p>
 * An episode open in the year carries only its modules of the year: an assessment authorised before
 * 1 April (DfE rule 8696), a section 47 enquiry whose conference was held before it (8715) and a plan
 * that ended before it (4013, 8930) are left out.
 * <p>
 * From 2026-27 ({@code year} 2027; never before) each pre-proceedings of the episode
 * ({@code bpmn/preProceedings.bpmn}) with something in the year is a {@code PreProceedingsandFGDM}
 * module, after the protection plans. The DfE's rules 9005 to 9013 want every date of it within the
 * year, so each date is written only when it falls in the year (before it is last year's, after the
 * reference date next year's), and a pre-proceedings with nothing in the year has no module:
 * <ul>
 * <li>{@code PPStartDate}, {@code LBPSentDate}, {@code InitialPPMeetingDate}: as recorded
 * ({@code ppStartDate}, {@code lbpSentDate}, {@code initialPpMeetingDate}).</li>
 * <li>{@code FGDMMeetingOffer} (1/0, as the DfE's sample writes it): {@code fgdmOffered}, 0 for a case
 * begun before the duty to offer one ({@code NOT_OFFERED_BEFORE_DUTY}), once the letter was sent by the
 * reference date. {@code FGDMMeetingFac}, only after an offer: 1 when the meeting was held by the
 * reference date, 0 when declined or not in the child's best interests.</li>
 * <li>{@code ReviewMeetingsCount}: the review meetings held in the year, each a met {@code pp-review}
 * clock; written, 0 too, with the initial meeting (DfE query 9015Q) or when any was held.</li>
 * <li>{@code StepDecisionDate} and {@code PPOutcome}: {@code ppOutcomeDate} and {@code ppOutcome},
 * ISSUE as A, STEP_DOWN as B, CONTINUE as C ({@link #PP_OUTCOMES}: not confirmed, see below).</li>
 * <li>{@code CourtAppDate}: after an ISSUE outcome, the {@code applicationIssuedDate} of the episode's
 * first care proceedings ({@code bpmn/careProceedings.bpmn}) started after the pre-proceedings (and
 * before the next), unless it was an urgent application not from pre-proceedings.</li>
 * <li>{@code LetterInitCPDate} (the letter to the parents initiating care proceedings): not held, not
 * written.</li>
 * </ul>
 * The DfE's codeset for PPOutcome (CS131) is not published with its rules, which list only A, B and
 * C. The one return data-to-insight made for it has A with a court application after the decision,
 * so A is taken as issue; B and C follow the order of Timescales' outcomes. The performance team must
 * check the mapping against the DfE's 2026-27 specification before the return is made.
 */
@Component
public class CinCensusExport {

	/** The collection years with a layout: the year each collection's reference date (31 March) falls in. */
	public static final Set<Integer> YEARS = CensusRules.YEARS;

	/** What the read log says each included child's record was read for. */
	public static final String RECORD_VIEW = "cin-census";

	/** Timescales' pre-proceedings outcomes as the census's PPOutcome codes (codeset CS131, unconfirmed). */
	public static final Map<String, String> PP_OUTCOMES = Map.of("ISSUE", "A", "STEP_DOWN", "B", "CONTINUE", "C");

	/** The clock of each pre-proceedings review meeting: its met clocks count the meetings held. */
	static final String PP_REVIEW = "pp-review";

	/** The first collection with the PreProceedingsandFGDM module: 2026-27. */
	private static final int PRE_PROCEEDINGS_FROM = 2027;

	private static final Map<String, String> CATEGORY = Map.of("NEGLECT", "NEG", "PHYSICAL", "PHY", "SEXUAL", "SAB",
			"EMOTIONAL", "EMO");

	private final CaseRepository cases;

	private final CaseHistory history;

	private final RecordViews views;

	private final Map<Integer, Schema> schemas;

	CinCensusExport(CaseRepository cases, CaseHistory history, RecordViews views) {
		this.cases = cases;
		this.history = history;
		this.views = views;
		this.schemas = YEARS.stream().collect(Collectors.toMap(year -> year, CinCensusExport::loadSchema));
	}

	/** The census as XML, and the children in it. */
	public record Census(int year, String xml, List<String> caseRefs) {
	}

	/** An export that does not validate against the schema: our bug, never the caller's. */
	public static class InvalidCensusException extends RuntimeException {

		InvalidCensusException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/**
	 * A return the DfE's error-type rules reject: what was recorded must be put right first. Each
	 * failure names the rule, the child (their LA child ID, and the case reference) and the field.
	 */
	public static class RejectedCensusException extends RuntimeException {

		private final List<Failure> failures;

		RejectedCensusException(int year, List<Failure> failures) {
			super("The " + (year - 1) + "-" + (year % 100) + " CIN census breaks the DfE's error rules "
					+ failures.stream().map(Failure::rule).distinct().collect(Collectors.joining(", ")) + " ("
					+ failures.size() + " failures), so the DfE would reject it: " + failures.stream()
						.limit(3)
						.map(Failure::toString)
						.collect(Collectors.joining("; ")) + (failures.size() > 3 ? "; …" : ""));
			this.failures = List.copyOf(failures);
		}

		public List<Failure> failures() {
			return failures;
		}

	}

	/** A DfE rule a child breaks: what a performance officer needs to find and fix the record. */
	public record Failure(String rule, String message, String laChildId, String caseRef, String field, String value) {

		@Override
		public String toString() {
			String who = laChildId == null ? "the return" : "child " + laChildId + " (case " + caseRef + ")";
			return "rule " + rule + " (" + message + ") for " + who + ", " + field
					+ (value == null ? " missing" : " = " + value);
		}

	}

	/**
	 * Builds, records in the read log (each child included), validates against the year's schema and
	 * checks against the year's DfE rules the census of year {@code year}; {@code null} when no child
	 * had an episode open in the year (the schema needs at least one child).
	 *
	 * @throws IllegalArgumentException when {@code year} is not one of {@link #YEARS}
	 * @throws InvalidCensusException when the XML does not validate against the schema
	 * @throws RejectedCensusException when a DfE error-type rule fires
	 */
	public Census export(int year) {
		return export(year, caseRef -> true);
	}

	/**
	 * {@link #export(int)} of the children of some cases only: what the return would say of them, for a
	 * test in a database other children share.
	 */
	Census export(int year, Predicate<String> only) {
		if (!YEARS.contains(year)) {
			throw new IllegalArgumentException("No CIN census layout for " + year + ": only for " + YEARS);
		}
		LocalDate from = LocalDate.of(year - 1, 4, 1);
		LocalDate to = LocalDate.of(year, 3, 31);
		List<Child> children = children(from, to).stream().filter(c -> only.test(c.child().caseRef())).toList();
		if (children.isEmpty()) {
			return null;
		}
		List<String> caseRefs = children.stream().map(c -> c.child().caseRef()).toList();
		caseRefs.forEach(caseRef -> views.record(caseRef, RECORD_VIEW));
		String xml = write(year, to, children);
		validate(xml, year);
		Map<String, String> caseRefOf = new HashMap<>();
		children.forEach(c -> caseRefOf.put(c.child().laChildId(), c.child().caseRef()));
		List<Failure> failures = CensusRules.check(xml, year)
			.stream()
			.map(f -> new Failure(f.rule(), f.message(), f.laChildId(), caseRefOf.get(f.laChildId()), f.field(),
					f.value()))
			.toList();
		if (!failures.isEmpty()) {
			throw new RejectedCensusException(year, failures);
		}
		return new Census(year, xml, caseRefs);
	}

	/** The schema of the collection year's layout. */
	public static String schemaOf(int year) {
		return "dfe/" + year + "/CIN_schema.xsd";
	}

	/** Validates against the year's schema; the message names the line and what is wrong. */
	public void validate(String xml, int year) {
		Validator validator = schemas.get(year).newValidator();
		try {
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.validate(new StreamSource(new StringReader(xml)));
		}
		catch (SAXParseException invalid) {
			throw new InvalidCensusException("CIN census export does not validate against " + schemaOf(year)
					+ " (line " + invalid.getLineNumber() + ", column " + invalid.getColumnNumber() + "): "
					+ invalid.getMessage(), invalid);
		}
		catch (org.xml.sax.SAXException | IOException invalid) {
			throw new InvalidCensusException(
					"CIN census export does not validate against " + schemaOf(year) + ": " + invalid.getMessage(),
					invalid);
		}
	}

	// ---- reading what was recorded

	private record Child(ChildCase child, List<Episode> episodes) {
	}

	private List<Child> children(LocalDate from, LocalDate to) {
		List<Child> children = new ArrayList<>();
		for (String caseRef : history.casesReferredBy(to)) {
			ChildCase child = cases.findCase(caseRef).orElse(null);
			if (child == null) {
				continue;
			}
			List<Episode> open = episodes(caseRef).stream().filter(e -> openIn(e, from, to)).toList();
			if (!open.isEmpty()) {
				children.add(new Child(child, open));
			}
		}
		return children;
	}

	private List<Episode> episodes(String caseRef) {
		return Episode.of(cases.referralsOf(caseRef), history.stages(caseRef));
	}

	private static boolean openIn(Episode e, LocalDate from, LocalDate to) {
		LocalDate referred = e.start();
		LocalDate closed = e.closedBy() == null ? null : e.closedBy().cinClosureDate();
		return !referred.isAfter(to) && (closed == null || !closed.isBefore(from));
	}

	// ---- writing

	private String write(int year, LocalDate to, List<Child> children) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("Message");
			xml.writeStartElement("Header");
			xml.writeStartElement("CollectionDetails");
			text(xml, "Collection", "CIN");
			text(xml, "Year", Integer.toString(year));
			text(xml, "ReferenceDate", to.toString());
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeStartElement("Children");
			for (Child child : children) {
				child(xml, child, year, to);
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("Could not write the CIN census", e);
		}
		return out.toString();
	}

	private static LocalDate from(int year) {
		return LocalDate.of(year - 1, 4, 1);
	}

	private void child(XMLStreamWriter xml, Child child, int year, LocalDate to) throws XMLStreamException {
		LocalDate from = from(year);
		xml.writeStartElement("Child");
		xml.writeStartElement("ChildIdentifiers");
		text(xml, "LAchildID", child.child().laChildId());
		// as recorded at referral or since (casefile.ChildDetails); neither when not known
		if (child.child().upn() != null) {
			text(xml, "UPN", child.child().upn());
		}
		else if (child.child().upnUnknown() != null) {
			text(xml, "UPNunknown", child.child().upnUnknown());
		}
		if (child.child().dateOfBirth() != null) {
			text(xml, "PersonBirthDate", child.child().dateOfBirth().toString());
		}
		// recorded at referral; a case recorded before sex was captured is "unknown or not recorded"
		text(xml, "Sex", child.child().sex() == null ? "U" : child.child().sex());
		xml.writeEndElement();
		xml.writeStartElement("ChildCharacteristics");
		// when not given at referral: "information not yet obtained"
		text(xml, "Ethnicity", child.child().ethnicity() == null ? "NOBT" : child.child().ethnicity());
		// never invented: a child with none recorded has none here, and DfE rule 8540 refuses the return
		if (!child.child().disabilities().isEmpty()) {
			xml.writeStartElement("Disabilities");
			for (String disability : child.child().disabilities()) {
				text(xml, "Disability", disability);
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
		for (Episode e : child.episodes()) {
			details(xml, e, year >= PRE_PROCEEDINGS_FROM, from, to);
		}
		xml.writeEndElement();
	}

	private void details(XMLStreamWriter xml, Episode e, boolean withPreProceedings, LocalDate from, LocalDate to)
			throws XMLStreamException {
		Stage referral = e.referralStage();
		xml.writeStartElement("CINdetails");
		text(xml, "CINreferralDate", e.start().toString());
		String source = referral == null || referral.referralSource() == null ? e.referral().source()
				: referral.referralSource();
		text(xml, "ReferralSource", String.valueOf(source));
		// found at the episode's first assessment of the year; an episode with none has its need "not stated"
		String need = e.referralStages()
			.stream()
			.filter(r -> within(r.assessmentStartDate(), to) != null && r.primaryNeedCode() != null)
			.map(Stage::primaryNeedCode)
			.findFirst()
			.orElse("N0");
		text(xml, "PrimaryNeedCode", need);
		Stage closedBy = e.closedBy();
		LocalDate closed = closedBy == null ? null : within(closedBy.cinClosureDate(), to);
		if (closed != null) {
			text(xml, "CINclosureDate", closed.toString());
			text(xml, "ReasonForClosure", e.reasonForClosure(closedBy));
		}
		// the assessment of each referral of the episode (a re-referral's joined it)
		for (Stage assessedOn : e.referralStages()) {
			assessment(xml, assessedOn, from, to);
		}
		for (Stage plan : e.of(CHILD_IN_NEED_PLAN)) {
			LocalDate start = within(plan.cinPlanStartDate(), to);
			// a plan that ended before the year is last year's (DfE rule 4013: its end date in the year)
			if (start != null && !endedBefore(plan.cinPlanEndDate(), from)) {
				xml.writeStartElement("CINPlanDates");
				text(xml, "CINPlanStartDate", start.toString());
				optional(xml, "CINPlanEndDate", within(plan.cinPlanEndDate(), to));
				xml.writeEndElement();
			}
		}
		for (Stage s47 : e.of(SECTION_47)) {
			LocalDate start = within(s47.s47StartDate(), to);
			// an enquiry whose conference was held before the year is last year's (DfE rule 8715)
			LocalDate icpc = s47.icpcDate();
			if (start != null && (icpc == null || !icpc.isBefore(from))) {
				xml.writeStartElement("Section47");
				text(xml, "S47ActualStartDate", start.toString());
				optional(xml, "InitialCPCtarget", s47.latestClock("icpc").map(ClockRecord::dueDate).orElse(null));
				optional(xml, "DateOfInitialCPC", within(s47.icpcDate(), to));
				text(xml, "ICPCnotRequired", Boolean.toString(s47.icpcNotRequired()));
				xml.writeEndElement();
			}
		}
		// no further action only if every referral of the episode was so decided by the reference date
		// (a decision after it is next year's)
		boolean nfa = !e.referralStages().isEmpty() && e.referralStages()
			.stream()
			.allMatch(r -> "NFA".equals(r.referralDecision()) && within(r.referralDecisionDate(), to) != null);
		text(xml, "ReferralNFA", Boolean.toString(nfa));
		for (Stage plan : e.of(CHILD_PROTECTION_PLAN)) {
			LocalDate start = within(plan.cppStartDate(), to);
			// as for a child in need plan (DfE rule 8930)
			if (start == null || endedBefore(plan.cppEndDate(), from)) {
				continue;
			}
			xml.writeStartElement("ChildProtectionPlans");
			text(xml, "CPPstartDate", start.toString());
			optional(xml, "CPPendDate", within(plan.cppEndDate(), to));
			String initial = category(plan.categoryOfAbuse());
			String latest = plan.latestCategoryOfAbuse();
			text(xml, "InitialCategoryOfAbuse", initial);
			text(xml, "LatestCategoryOfAbuse", latest == null ? initial : category(latest));
			text(xml, "NumberOfPreviousCPP", Long.toString(plan.numberOfPreviousPlans()));
			List<LocalDate> reviews = plan.metOn("rcpc").stream().filter(d -> !d.isAfter(to)).toList();
			if (!reviews.isEmpty()) {
				xml.writeStartElement("Reviews");
				for (LocalDate review : reviews) {
					text(xml, "CPPreviewDate", review.toString());
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
		}
		if (withPreProceedings) {
			for (Stage pp : e.of(Episode.PRE_PROCEEDINGS)) {
				preProceedings(xml, e, pp, from, to);
			}
		}
		xml.writeEndElement();
	}

	/** A pre-proceedings' PreProceedingsandFGDM module: its dates in the year, none when it has none. */
	private static void preProceedings(XMLStreamWriter xml, Episode e, Stage pp, LocalDate from, LocalDate to)
			throws XMLStreamException {
		LocalDate start = inYear(pp.ppStartDate(), from, to);
		LocalDate letter = inYear(pp.lbpSentDate(), from, to);
		LocalDate initial = inYear(pp.initialPpMeetingDate(), from, to);
		long reviews = pp.metOn(PP_REVIEW).stream().filter(d -> inYear(d, from, to) != null).count();
		LocalDate decided = inYear(pp.ppOutcomeDate(), from, to);
		Stage court = "ISSUE".equals(pp.ppOutcome()) ? careProceedingsAfter(e, pp) : null;
		LocalDate applied = court == null ? null : inYear(court.applicationIssuedDate(), from, to);
		if (start == null && letter == null && initial == null && reviews == 0 && decided == null && applied == null) {
			return;
		}
		// the offer is made in the letter: known once it was sent
		boolean letterSent = pp.lbpSentDate() != null && !pp.lbpSentDate().isAfter(to);
		Boolean offered = !letterSent ? null : pp.fgdmOffered() != null ? pp.fgdmOffered()
				: "NOT_OFFERED_BEFORE_DUTY".equals(pp.fgdmOutcome()) ? Boolean.FALSE : null;
		xml.writeStartElement("PreProceedingsandFGDM");
		optional(xml, "PPStartDate", start);
		optional(xml, "LBPSentDate", letter);
		if (offered != null) {
			text(xml, "FGDMMeetingOffer", offered ? "1" : "0");
		}
		Boolean facilitated = Boolean.TRUE.equals(offered) ? facilitated(pp, to) : null;
		if (facilitated != null) {
			text(xml, "FGDMMeetingFac", facilitated ? "1" : "0");
		}
		optional(xml, "InitialPPMeetingDate", initial);
		if (initial != null || reviews > 0) {
			text(xml, "ReviewMeetingsCount", Long.toString(reviews));
		}
		optional(xml, "StepDecisionDate", decided);
		if (decided != null && pp.ppOutcome() != null) {
			text(xml, "PPOutcome", PP_OUTCOMES.getOrDefault(pp.ppOutcome(), pp.ppOutcome()));
		}
		optional(xml, "CourtAppDate", applied);
		xml.writeEndElement();
	}

	/** Whether the offered meeting was held by the reference date; {@code null} while not known. */
	private static Boolean facilitated(Stage pp, LocalDate to) {
		String outcome = String.valueOf(pp.fgdmOutcome());
		return switch (outcome) {
			case "HELD" -> pp.fgdmHeldDate() != null && !pp.fgdmHeldDate().isAfter(to) ? Boolean.TRUE : null;
			case "DECLINED", "NOT_IN_BEST_INTERESTS" -> Boolean.FALSE;
			default -> null;
		};
	}

	/**
	 * The care proceedings the pre-proceedings led to: the episode's first started after it (and
	 * before the episode's next pre-proceedings), unless that was an urgent application made without them.
	 */
	private static Stage careProceedingsAfter(Episode e, Stage pp) {
		Instant next = e.of(Episode.PRE_PROCEEDINGS)
			.stream()
			.map(Stage::startedAt)
			.filter(t -> t.isAfter(pp.startedAt()))
			.min(Comparator.naturalOrder())
			.orElse(null);
		return e.of(Episode.CARE_PROCEEDINGS)
			.stream()
			.filter(c -> !c.startedAt().isBefore(pp.startedAt()) && (next == null || c.startedAt().isBefore(next)))
			.filter(c -> !Boolean.FALSE.equals(c.fromPreProceedings()))
			.min(Comparator.comparing(Stage::startedAt))
			.orElse(null);
	}

	private static LocalDate inYear(LocalDate date, LocalDate from, LocalDate to) {
		return date == null || date.isBefore(from) || date.isAfter(to) ? null : date;
	}

	/** A referral's assessment, when it started by the year's end and was not authorised before the year. */
	private static void assessment(XMLStreamWriter xml, Stage referral, LocalDate from, LocalDate to)
			throws XMLStreamException {
		LocalDate assessed = within(referral.assessmentStartDate(), to);
		// an assessment authorised before the year is last year's (DfE rule 8696: its end date in the year)
		LocalDate authorised = referral.assessmentAuthorisedDate();
		if (assessed == null || authorised != null && authorised.isBefore(from)) {
			return;
		}
		xml.writeStartElement("Assessments");
		text(xml, "AssessmentActualStartDate", assessed.toString());
		LocalDate authorisedInYear = within(authorised, to);
		optional(xml, "AssessmentAuthorisationDate", authorisedInYear);
		// the factors belong to the completed assessment (DfE rule 8614: only with an authorisation date)
		if (authorisedInYear != null && !referral.assessmentFactors().isEmpty()) {
			xml.writeStartElement("FactorsIdentifiedAtAssessment");
			for (String factor : referral.assessmentFactors()) {
				text(xml, "AssessmentFactors", factor);
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	/** NEGLECT → NEG, …; anything else is written as recorded, and validation names it. */
	private static String category(String recorded) {
		String value = String.valueOf(recorded);
		return CATEGORY.getOrDefault(value, value);
	}

	private static boolean endedBefore(LocalDate end, LocalDate from) {
		return end != null && end.isBefore(from);
	}

	private static LocalDate within(LocalDate date, LocalDate to) {
		return date == null || date.isAfter(to) ? null : date;
	}

	private static void optional(XMLStreamWriter xml, String name, LocalDate value) throws XMLStreamException {
		if (value != null) {
			text(xml, name, value.toString());
		}
	}

	private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}


	private static Schema loadSchema(int year) {
		String schema = schemaOf(year);
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			return factory.newSchema(new StreamSource(new ClassPathResource(schema).getInputStream(), schema));
		}
		catch (org.xml.sax.SAXException | IOException e) {
			throw new IllegalStateException("Cannot load " + schema, e);
		}
	}

}
