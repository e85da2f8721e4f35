package org.timescales.returns.rules;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A CIN census return as the DfE's validation rules read it: the XML that is about to leave, parsed
 * into its modules (the DfE's tables: ChildIdentifiers, ChildCharacteristics, Disabilities,
 * CINdetails, Assessments, CINplanDates, Section47, ChildProtectionPlans, Reviews and, from 2026-27,
 * PreProceedingsandFGDM). Codes stay the
 * text the file holds, so a rule can say a code is not the DfE's; a date that is not an
 * {@code xs:date} reads as null (the schema has already refused it). {@code year} is the header's
 * collection year as written.
 */
public record CensusReturn(String year, LocalDate referenceDate, List<Child> children) {

	/** The first day of the collection year: 1 April before the reference date (31 March). */
	public LocalDate collectionStart() {
		return referenceDate.minusYears(1).plusDays(1);
	}

	public record Child(String laChildId, String upn, String formerUpn, String upnUnknown, LocalDate personBirthDate,
			LocalDate expectedPersonBirthDate, String sex, LocalDate personDeathDate, String ethnicity,
			List<String> disabilities, List<CinDetails> cinDetails) {
	}

	/** One CIN episode ({@code CINdetails}); {@code referralNfa} is null when absent or not a boolean. */
	public record CinDetails(LocalDate cinReferralDate, String referralSource, String primaryNeedCode,
			LocalDate cinClosureDate, String reasonForClosure, LocalDate dateOfInitialCpc, Boolean referralNfa,
			List<Assessment> assessments, List<CinPlan> cinPlans, List<Section47> section47s,
			List<ChildProtectionPlan> childProtectionPlans, List<PreProceedings> preProceedings) {
	}

	public record Assessment(LocalDate actualStartDate, LocalDate internalReviewDate, LocalDate authorisationDate,
			List<String> factors) {
	}

	public record CinPlan(LocalDate startDate, LocalDate endDate) {
	}

	/** {@code icpcNotRequired} is null when absent or not a boolean. */
	public record Section47(LocalDate actualStartDate, LocalDate initialCpcTarget, LocalDate dateOfInitialCpc,
			Boolean icpcNotRequired) {
	}

	/** {@code numberOfPreviousCpp} is the text the file holds. */
	public record ChildProtectionPlan(LocalDate startDate, LocalDate endDate, String initialCategoryOfAbuse,
			String latestCategoryOfAbuse, String numberOfPreviousCpp, List<LocalDate> reviewDates) {
	}

	/**
	 * A PreProceedingsandFGDM module (2026-27 on): the two FGDM items are null when absent or not a
	 * boolean; {@code reviewMeetingsCount} and {@code ppOutcome} are the text the file holds.
	 */
	public record PreProceedings(LocalDate ppStartDate, LocalDate lbpSentDate, Boolean fgdmMeetingOffer,
			Boolean fgdmMeetingFac, LocalDate initialPpMeetingDate, String reviewMeetingsCount,
			LocalDate stepDecisionDate, String ppOutcome, LocalDate courtAppDate, LocalDate letterInitCpDate) {
	}

	/** Reads a census file; the reference date comes from its header ({@code CollectionDetails}). */
	public static CensusReturn parse(String xml) {
		Document doc;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
		}
		catch (Exception unreadable) {
			throw new IllegalArgumentException("Not a readable CIN census file: " + unreadable.getMessage(),
					unreadable);
		}
		Element message = doc.getDocumentElement();
		Element details = first(first(message, "Header"), "CollectionDetails");
		String year = text(details, "Year");
		LocalDate reference = date(text(details, "ReferenceDate"));
		List<Child> children = new ArrayList<>();
		for (Element child : all(first(message, "Children"), "Child")) {
			Element ids = first(child, "ChildIdentifiers");
			Element characteristics = first(child, "ChildCharacteristics");
			List<String> disabilities = all(first(characteristics, "Disabilities"), "Disability").stream()
				.map(CensusReturn::text)
				.toList();
			List<CinDetails> episodes = all(child, "CINdetails").stream().map(CensusReturn::cinDetails).toList();
			children.add(new Child(text(ids, "LAchildID"), text(ids, "UPN"), text(ids, "FormerUPN"),
					text(ids, "UPNunknown"), date(text(ids, "PersonBirthDate")),
					date(text(ids, "ExpectedPersonBirthDate")), text(ids, "Sex"), date(text(ids, "PersonDeathDate")),
					text(characteristics, "Ethnicity"), disabilities, episodes));
		}
		return new CensusReturn(year, reference, List.copyOf(children));
	}

	private static CinDetails cinDetails(Element e) {
		List<Assessment> assessments = all(e, "Assessments").stream()
			.map(a -> new Assessment(date(text(a, "AssessmentActualStartDate")),
					date(text(a, "AssessmentInternalReviewDate")), date(text(a, "AssessmentAuthorisationDate")),
					all(first(a, "FactorsIdentifiedAtAssessment"), "AssessmentFactors").stream()
						.map(CensusReturn::text)
						.toList()))
			.toList();
		List<CinPlan> plans = all(e, "CINPlanDates").stream()
			.map(p -> new CinPlan(date(text(p, "CINPlanStartDate")), date(text(p, "CINPlanEndDate"))))
			.toList();
		List<Section47> s47s = all(e, "Section47").stream()
			.map(s -> new Section47(date(text(s, "S47ActualStartDate")), date(text(s, "InitialCPCtarget")),
					date(text(s, "DateOfInitialCPC")), bool(text(s, "ICPCnotRequired"))))
			.toList();
		List<ChildProtectionPlan> cpps = all(e, "ChildProtectionPlans").stream()
			.map(p -> new ChildProtectionPlan(date(text(p, "CPPstartDate")), date(text(p, "CPPendDate")),
					text(p, "InitialCategoryOfAbuse"), text(p, "LatestCategoryOfAbuse"),
					text(p, "NumberOfPreviousCPP"),
					all(first(p, "Reviews"), "CPPreviewDate").stream().map(r -> date(text(r))).toList()))
			.toList();
		List<PreProceedings> preProceedings = all(e, "PreProceedingsandFGDM").stream()
			.map(p -> new PreProceedings(date(text(p, "PPStartDate")), date(text(p, "LBPSentDate")),
					bool(text(p, "FGDMMeetingOffer")), bool(text(p, "FGDMMeetingFac")),
					date(text(p, "InitialPPMeetingDate")), text(p, "ReviewMeetingsCount"),
					date(text(p, "StepDecisionDate")), text(p, "PPOutcome"), date(text(p, "CourtAppDate")),
					date(text(p, "LetterInitCPDate"))))
			.toList();
		return new CinDetails(date(text(e, "CINreferralDate")), text(e, "ReferralSource"), text(e, "PrimaryNeedCode"),
				date(text(e, "CINclosureDate")), text(e, "ReasonForClosure"), date(text(e, "DateOfInitialCPC")),
				bool(text(e, "ReferralNFA")), assessments, plans, s47s, cpps, preProceedings);
	}

	/** The first child element called {@code name}, or null (also when {@code parent} is null). */
	private static Element first(Element parent, String name) {
		if (parent == null) {
			return null;
		}
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && e.getTagName().equals(name)) {
				return e;
			}
		}
		return null;
	}

	private static List<Element> all(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		if (parent != null) {
			for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
				if (n instanceof Element e && e.getTagName().equals(name)) {
					found.add(e);
				}
			}
		}
		return found;
	}

	/** The trimmed text of a child element; null when absent or empty (the DfE's "missing"). */
	private static String text(Element parent, String name) {
		return text(first(parent, name));
	}

	private static String text(Element e) {
		if (e == null) {
			return null;
		}
		String text = e.getTextContent().strip();
		return text.isEmpty() ? null : text;
	}

	private static LocalDate date(String text) {
		try {
			return text == null ? null : LocalDate.parse(text);
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

	private static Boolean bool(String text) {
		if (text == null) {
			return null;
		}
		return switch (text) {
			case "true", "1" -> Boolean.TRUE;
			case "false", "0" -> Boolean.FALSE;
			default -> null;
		};
	}

}
