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

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.timescales.audit.RecordViews;
import org.timescales.calendar.London;
import org.timescales.casefile.CaseRepository;
import org.timescales.casefile.ChildCase;
import org.timescales.casefile.ReferralRecord;
import org.timescales.clock.ClockLedger;
import org.timescales.clock.ClockRecord;
import org.timescales.clock.ClockStatus;
import org.timescales.security.AsSystem;
import org.xml.sax.SAXParseException;

import static org.timescales.system.SqlTimes.utc;

/**
 * The DfE Children in Need census for a collection year, as XML that validates against
 * {@code dfe/CIN_schema_2024.xsd}.
 * <p>
 * Census year Y covers 1 April Y-1 to 31 March Y. Every child with a CIN episode (a referral and what
 * followed it under the same case reference) open at any time in that period is included, with each
 * such episode; events dated after 31 March Y are left out (the return is as at the end of the year).
 * Every date comes from what was recorded about the event: the engine's historic variables (the dates
 * on the forms, as corrected) and the clock ledger (the ICPC target, the review conferences), never
 * from when someone clicked.
 * <p>
 * Values Timescales does not hold, and what is written instead (all from the schema's own codes):
 * <ul>
 * <li>{@code GenderCurrent} (required): {@code 0}, "Not recorded or unborn".</li>
 * <li>{@code Ethnicity} (required): {@code NOBT}, "Information not yet obtained".</li>
 * <li>{@code PrimaryNeedCode} (optional): {@code N0}, "Not stated".</li>
 * <li>{@code UPN}, {@code FormerUPN}, {@code UPNunknown}, {@code Disabilities},
 * {@code AssessmentFactors}, {@code AssessmentInternalReviewDate}, {@code ExpectedPersonBirthDate},
 * {@code PersonDeathDate}: optional, not written.</li>
 * <li>Header {@code Source} (its {@code LEA} code is required and not held): not written; the header
 * carries {@code CollectionDetails} only.</li>
 * </ul>
 * Closure reasons: {@code NFA} at the referral, the assessment or the section 47 enquiry, and
 * {@code NO_ENQUIRY} (a strategy discussion that started no section 47 enquiry), is RC8 ("Case closed
 * after assessment, no further action"); {@code EARLY_HELP} there is RC9 ("referred to early
 * help"); a child in need plan closed at review ({@code NFA} or {@code EARLY_HELP}) or a protection
 * plan ended with no further plan ({@code PLAN_ENDED}) is RC7 ("Services ceased for any other reason,
 * including child no longer in need").
 */
@Component
public class CinCensusExport {

	public static final String SCHEMA = "dfe/CIN_schema_2024.xsd";

	/** What the read log says each included child's record was read for. */
	public static final String RECORD_VIEW = "cin-census";

	private static final String REFERRAL = "referral";

	private static final String SECTION_47 = "section47";

	private static final String CP_PLAN = "childProtectionPlan";

	private static final String CIN_PLAN = "childInNeedPlan";

	private static final Set<String> PATHWAY = Set.of(REFERRAL, SECTION_47, CP_PLAN, CIN_PLAN);

	private static final Map<String, String> CATEGORY = Map.of("NEGLECT", "NEG", "PHYSICAL", "PHY", "SEXUAL", "SAB",
			"EMOTIONAL", "EMO");

	private final JdbcClient jdbc;

	private final CaseRepository cases;

	private final ClockLedger ledger;

	private final HistoryService history;

	private final AsSystem asSystem;

	private final RecordViews views;

	private final Schema schema;

	CinCensusExport(JdbcClient jdbc, CaseRepository cases, ClockLedger ledger, HistoryService history,
			AsSystem asSystem, RecordViews views) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.ledger = ledger;
		this.history = history;
		this.asSystem = asSystem;
		this.views = views;
		this.schema = loadSchema();
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
	 * Builds, records in the read log (each child included) and validates the census of year
	 * {@code year}; {@code null} when no child had an episode open in the year (the schema needs at
	 * least one child).
	 *
	 * @throws InvalidCensusException when the XML does not validate against the schema
	 */
	public Census export(int year) {
		LocalDate from = LocalDate.of(year - 1, 4, 1);
		LocalDate to = LocalDate.of(year, 3, 31);
		List<Child> children = asSystem.call(() -> children(from, to));
		if (children.isEmpty()) {
			return null;
		}
		List<String> caseRefs = children.stream().map(c -> c.child().caseRef()).toList();
		caseRefs.forEach(caseRef -> views.record(caseRef, RECORD_VIEW));
		String xml = write(year, to, children);
		validate(xml);
		return new Census(year, xml, caseRefs);
	}

	/** Validates against the schema; the message names the line and what is wrong. */
	public void validate(String xml) {
		Validator validator = schema.newValidator();
		try {
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.validate(new StreamSource(new StringReader(xml)));
		}
		catch (SAXParseException invalid) {
			throw new InvalidCensusException("CIN census export does not validate against " + SCHEMA + " (line "
					+ invalid.getLineNumber() + ", column " + invalid.getColumnNumber() + "): "
					+ invalid.getMessage(), invalid);
		}
		catch (org.xml.sax.SAXException | IOException invalid) {
			throw new InvalidCensusException(
					"CIN census export does not validate against " + SCHEMA + ": " + invalid.getMessage(), invalid);
		}
	}

	// ---- reading what was recorded

	private record Child(ChildCase child, List<Episode> episodes) {
	}

	/** One referral and the processes that followed it, with their variables. */
	private record Episode(ReferralRecord referral, Process referralProcess, List<Process> followers) {

		List<Process> of(String key) {
			return followers.stream().filter(p -> p.key().equals(key)).toList();
		}

	}

	private record Process(String id, String key, Instant startTime, Map<String, Object> variables) {

		Object get(String name) {
			return variables.get(name);
		}

	}

	private List<Child> children(LocalDate from, LocalDate to) {
		List<String> caseRefs = jdbc
			.sql("select distinct case_ref from referral where received_at < ? order by case_ref")
			.param(utc(London.endOfDay(to)))
			.query(String.class)
			.list();
		List<Child> children = new ArrayList<>();
		for (String caseRef : caseRefs) {
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
		List<Process> processes = processes(caseRef);
		Map<String, Process> byId = new HashMap<>();
		processes.forEach(p -> byId.put(p.id(), p));
		List<Episode> episodes = new ArrayList<>();
		for (ReferralRecord referral : cases.referralsOf(caseRef)) {
			Process process = referral.processInstanceId() == null ? null : byId.get(referral.processInstanceId());
			episodes.add(new Episode(referral, process, new ArrayList<>()));
		}
		// each later process of the pathway belongs to the latest referral started before it
		for (Process p : processes) {
			if (p.key().equals(REFERRAL)) {
				continue;
			}
			Episode owner = null;
			for (Episode e : episodes) {
				Instant started = e.referralProcess() == null ? e.referral().receivedAt() : e.referralProcess().startTime();
				if (!started.isAfter(p.startTime())) {
					owner = e;
				}
			}
			if (owner != null) {
				owner.followers().add(p);
			}
		}
		return episodes;
	}

	private List<Process> processes(String caseRef) {
		List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseRef)
			.list()
			.stream()
			.filter(p -> PATHWAY.contains(p.getProcessDefinitionKey()))
			.sorted(Comparator.comparing(HistoricProcessInstance::getStartTime)
				.thenComparing(HistoricProcessInstance::getId))
			.toList();
		if (instances.isEmpty()) {
			return List.of();
		}
		Map<String, Map<String, Object>> variables = new HashMap<>();
		List<HistoricVariableInstance> all = history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
			.disableCustomObjectDeserialization()
			.list();
		// process-scope values win over task-local ones of the same name
		all.stream()
			.sorted(Comparator.comparing(v -> v.getProcessInstanceId().equals(v.getExecutionId()) ? 1 : 0))
			.forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
				.put(v.getName(), v.getValue()));
		return instances.stream()
			.map(p -> new Process(p.getId(), p.getProcessDefinitionKey(), p.getStartTime().toInstant(),
					variables.getOrDefault(p.getId(), Map.of())))
			.toList();
	}

	private static boolean openIn(Episode e, LocalDate from, LocalDate to) {
		LocalDate referred = referralDate(e);
		LocalDate closed = closure(e) == null ? null : date(closure(e).get("cinClosureDate"));
		return !referred.isAfter(to) && (closed == null || !closed.isBefore(from));
	}

	private static LocalDate referralDate(Episode e) {
		Object received = e.referralProcess() == null ? null : e.referralProcess().get("referralReceivedAt");
		return received == null ? London.dateOf(e.referral().receivedAt()) : date(received);
	}

	/** The process that closed the episode, if one did. */
	private static Process closure(Episode e) {
		Process closedBy = null;
		List<Process> all = new ArrayList<>();
		if (e.referralProcess() != null) {
			all.add(e.referralProcess());
		}
		all.addAll(e.followers());
		for (Process p : all) {
			if (p.get("cinClosureDate") != null) {
				closedBy = p;
			}
		}
		return closedBy;
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
				child(xml, child, to);
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

	private void child(XMLStreamWriter xml, Child child, LocalDate to) throws XMLStreamException {
		xml.writeStartElement("Child");
		xml.writeStartElement("ChildIdentifiers");
		text(xml, "LAchildID", child.child().caseRef());
		if (child.child().dateOfBirth() != null) {
			text(xml, "PersonBirthDate", child.child().dateOfBirth().toString());
		}
		text(xml, "GenderCurrent", "0"); // not held: "Not recorded or unborn"
		xml.writeEndElement();
		xml.writeStartElement("ChildCharacteristics");
		text(xml, "Ethnicity", "NOBT"); // not held: "Information not yet obtained"
		xml.writeEndElement();
		for (Episode e : child.episodes()) {
			details(xml, e, to);
		}
		xml.writeEndElement();
	}

	private void details(XMLStreamWriter xml, Episode e, LocalDate to) throws XMLStreamException {
		Process referral = e.referralProcess();
		Map<String, Object> rv = referral == null ? Map.of() : referral.variables();
		xml.writeStartElement("CINdetails");
		text(xml, "CINreferralDate", referralDate(e).toString());
		Object source = rv.getOrDefault("referralSource", e.referral().source());
		text(xml, "ReferralSource", String.valueOf(source));
		text(xml, "PrimaryNeedCode", "N0"); // not held: "Not stated"
		Process closedBy = closure(e);
		LocalDate closed = closedBy == null ? null : within(date(closedBy.get("cinClosureDate")), to);
		if (closed != null) {
			text(xml, "CINclosureDate", closed.toString());
			text(xml, "ReasonForClosure", reasonForClosure(closedBy));
		}
		LocalDate assessed = within(date(rv.get("assessmentStartDate")), to);
		if (assessed != null) {
			xml.writeStartElement("Assessments");
			text(xml, "AssessmentActualStartDate", assessed.toString());
			optional(xml, "AssessmentAuthorisationDate", within(date(rv.get("assessmentAuthorisedDate")), to));
			xml.writeEndElement();
		}
		for (Process plan : e.of(CIN_PLAN)) {
			LocalDate start = within(date(plan.get("cinPlanStartDate")), to);
			if (start != null) {
				xml.writeStartElement("CINPlanDates");
				text(xml, "CINPlanStartDate", start.toString());
				optional(xml, "CINPlanEndDate", within(date(plan.get("cinPlanEndDate")), to));
				xml.writeEndElement();
			}
		}
		for (Process s47 : e.of(SECTION_47)) {
			LocalDate start = within(date(s47.get("s47StartDate")), to);
			if (start != null) {
				xml.writeStartElement("Section47");
				text(xml, "S47ActualStartDate", start.toString());
				optional(xml, "InitialCPCtarget",
						ledger.findLatest(s47.id(), "icpc").map(ClockRecord::dueDate).orElse(null));
				optional(xml, "DateOfInitialCPC", within(date(s47.get("icpcDate")), to));
				text(xml, "ICPCnotRequired", Boolean.toString(Boolean.TRUE.equals(s47.get("icpcNotRequired"))));
				xml.writeEndElement();
			}
		}
		// no further action only if decided by the reference date: a decision after it is next year's
		boolean nfa = "NFA".equals(rv.get("referralDecision"))
				&& within(date(rv.get("referralDecisionDate")), to) != null;
		text(xml, "ReferralNFA", Boolean.toString(nfa));
		for (Process plan : e.of(CP_PLAN)) {
			LocalDate start = within(date(plan.get("cppStartDate")), to);
			if (start == null) {
				continue;
			}
			xml.writeStartElement("ChildProtectionPlans");
			text(xml, "CPPstartDate", start.toString());
			optional(xml, "CPPendDate", within(date(plan.get("cppEndDate")), to));
			String initial = category(plan.get("categoryOfAbuse"));
			Object latest = plan.get("latestCategoryOfAbuse");
			text(xml, "InitialCategoryOfAbuse", initial);
			text(xml, "LatestCategoryOfAbuse", latest == null ? initial : category(latest));
			Object previous = plan.get("numberOfPreviousPlans");
			text(xml, "NumberOfPreviousCPP", previous == null ? "0" : String.valueOf(previous));
			List<LocalDate> reviews = ledger.forProcessInstance(plan.id())
				.stream()
				.filter(c -> c.ruleId().equals("rcpc") && c.stoppedAt() != null
						&& (c.outcome() == ClockStatus.MET || c.outcome() == ClockStatus.MET_LATE))
				.map(c -> London.dateOf(c.stoppedAt()))
				.filter(d -> !d.isAfter(to))
				.sorted()
				.toList();
			if (!reviews.isEmpty()) {
				xml.writeStartElement("Reviews");
				for (LocalDate review : reviews) {
					text(xml, "CPPreviewDate", review.toString());
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	/** See the class comment; an unknown reason is written as recorded, and validation names it. */
	private static String reasonForClosure(Process closedBy) {
		String reason = String.valueOf(closedBy.get("cinClosureReason"));
		boolean atAssessment = closedBy.key().equals(REFERRAL) || closedBy.key().equals(SECTION_47);
		return switch (reason) {
			case "NFA", "NO_ENQUIRY" -> atAssessment ? "RC8" : "RC7";
			case "EARLY_HELP" -> atAssessment ? "RC9" : "RC7";
			case "PLAN_ENDED" -> "RC7";
			default -> reason;
		};
	}

	/** NEGLECT → NEG, …; anything else is written as recorded, and validation names it. */
	private static String category(Object recorded) {
		String value = String.valueOf(recorded);
		return CATEGORY.getOrDefault(value, value);
	}

	private static LocalDate date(Object value) {
		Instant at = London.toInstant(value);
		return at == null ? null : London.dateOf(at);
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


	private static Schema loadSchema() {
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			return factory.newSchema(new StreamSource(new ClassPathResource(SCHEMA).getInputStream(), SCHEMA));
		}
		catch (org.xml.sax.SAXException | IOException e) {
			throw new IllegalStateException("Cannot load " + SCHEMA, e);
		}
	}

}
