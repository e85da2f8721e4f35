package org.timescales.returns.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules {@link CensusRulesAgreeWithTheDfeValidatorTest} cannot hold to the DfE validator's answers,
 * each checked on its own: 8500 (the validator fails outright on a child with no LAchildID), 8540 (the
 * validator never reports it), 8614 and 8898 (the validator crashes whenever they fire) and 8869 (the
 * validator never fires it on a file).
 */
class CensusRulesTest {

	private static final String ASSESSED = """
			<Assessments><AssessmentActualStartDate>2025-06-03</AssessmentActualStartDate><AssessmentAuthorisationDate>2025-07-10</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>""";

	@Test
	void rule8500FiresForAChildWithNoLaChildId() {
		RuleFailure missing = new RuleFailure("8500", "LA Child ID must be present", null,
				"ChildIdentifiers.LAchildID", null);
		assertThat(run(rule("8500"), census(child("OK1"), child(null)))).containsExactly(missing);
		// an empty LAchildID is missing too
		assertThat(run(rule("8500"), census(child("OK1"), child("")))).containsExactly(missing);
		assertThat(run(rule("8500"), census(child("OK1")))).isEmpty();
	}

	@Test
	void rule8540FiresForAReferredChildWithADisabilityMissingOrInvalid() {
		String message = "Child’s disability is missing or invalid (see Disability table)";
		String xml = census(child("OK1"),
				referred("R8540", "<Disabilities><Disability>MOB</Disability><Disability>XYZ</Disability></Disabilities>"),
				referred("R8540M", ""),
				// case-sensitive, unlike 8790
				referred("R8540L", "<Disabilities><Disability>none</Disability></Disabilities>"),
				// no Disability, but every referral was NFA
				child("OK8540", "", "<CINclosureDate>2025-06-02</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure>",
						"true", ""),
				// no Disability, but no birth date either (unborn)
				"""
						<Child><ChildIdentifiers><LAchildID>OK8540U</LAchildID><UPNunknown>UN1</UPNunknown><ExpectedPersonBirthDate>2026-05-01</ExpectedPersonBirthDate><Sex>U</Sex></ChildIdentifiers>
						<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
						<CINdetails><CINreferralDate>2025-10-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA></CINdetails></Child>
						""");
		assertThat(run(ChildRules.RULE_8540, xml)).containsExactly(
				new RuleFailure("8540", message, "R8540", "ChildIdentifiers.PersonBirthDate", "2023-05-01"),
				new RuleFailure("8540", message, "R8540", "Disabilities.Disability", "XYZ"),
				new RuleFailure("8540", message, "R8540", "CINdetails.ReferralNFA", "false"),
				new RuleFailure("8540", message, "R8540M", "ChildIdentifiers.PersonBirthDate", "2023-05-01"),
				new RuleFailure("8540", message, "R8540M", "CINdetails.ReferralNFA", "false"),
				new RuleFailure("8540", message, "R8540L", "ChildIdentifiers.PersonBirthDate", "2023-05-01"),
				new RuleFailure("8540", message, "R8540L", "Disabilities.Disability", "none"),
				new RuleFailure("8540", message, "R8540L", "CINdetails.ReferralNFA", "false"));
	}

	@Test
	void rule8614FiresForFactorsOnAnAssessmentNotCompleted() {
		String message = "Parental or child factors at assessment should only be present for a completed assessment.";
		String xml = census(child("OK1"),
				child("R8614", assessment(null, "2A", "3A")),
				child("OK8614", assessment(null)));
		assertThat(run(AssessmentRules.RULE_8614, xml)).containsExactly(
				new RuleFailure("8614", message, "R8614", "Assessments.AssessmentAuthorisationDate", null),
				new RuleFailure("8614", message, "R8614", "Assessments.AssessmentFactors", "2A 3A"));
	}

	@Test
	void rule8869FiresForFactor21BesideAnother() {
		String message = "The assessment factors code “21” cannot be used in conjunction with any other assessment factors.";
		String xml = census(child("OK1"),
				child("R8869", assessment("2025-07-10", "21", "2A", "3A")),
				child("OK8869", assessment("2025-07-10", "21")));
		assertThat(run(AssessmentRules.RULE_8869, xml)).containsExactly(
				new RuleFailure("8869", message, "R8869", "Assessments.AssessmentFactors", "2A"),
				new RuleFailure("8869", message, "R8869", "Assessments.AssessmentFactors", "3A"));
	}

	@Test
	void rule8898FiresForAFactorGivenTwiceInOneAssessment() {
		String message = " The assessment has more than one parental or child factors with the same code";
		String xml = census(child("OK1"),
				child("R8898", assessment("2025-07-10", "2A", "3A", "2A")),
				// the same factor on two assessments of one episode is no fault
				child("OK8898", assessment("2025-07-10", "2A") + assessment("2025-07-10", "2A")));
		assertThat(run(AssessmentRules.RULE_8898, xml))
			.containsExactly(new RuleFailure("8898", message, "R8898", "Assessments.AssessmentFactors", "2A"));
	}

	@Test
	void theRulesTheValidatorCannotCheckAreTheOnesListedHere() {
		Set<String> codes = new LinkedHashSet<>();
		ChildRules.NOT_CROSS_CHECKED.forEach(r -> codes.add(r.code()));
		AssessmentRules.NOT_CROSS_CHECKED.forEach(r -> codes.add(r.code()));
		assertThat(codes).containsExactly("8540", "8614", "8869", "8898");
	}

	private static CensusRule rule(String code) {
		return CensusRules.of(2026).stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
	}

	/** What {@link CensusRules#check} gives for one rule. */
	private static List<RuleFailure> run(CensusRule rule, String xml) {
		Set<RuleFailure> failures = new LinkedHashSet<>();
		rule.check()
			.apply(CensusReturn.parse(xml), (child, field, value) -> failures.add(new RuleFailure(rule.code(),
					rule.message(), child.laChildId(), field, value == null ? null : value.toString())));
		return new ArrayList<>(failures);
	}

	private static String census(String... children) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>
				<Children>%s</Children></Message>
				""".formatted(String.join("\n", children));
	}

	/** A child who breaks none of these rules, but for the episode's assessments. */
	private static String child(String id, String assessments) {
		return child(id, "<Disabilities><Disability>NONE</Disability></Disabilities>", "", "false", assessments);
	}

	private static String child(String id) {
		return child(id, ASSESSED);
	}

	/** A child with these disabilities and an open further-action episode assessed. */
	private static String referred(String id, String disabilities) {
		return child(id, disabilities, "", "false", ASSESSED);
	}

	private static String child(String id, String disabilities, String closure, String nfa, String assessments) {
		String laChildId = id == null ? "" : "<LAchildID>" + id + "</LAchildID>";
		return """
				<Child><ChildIdentifiers>%s<UPNunknown>UN1</UPNunknown><PersonBirthDate>2023-05-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
				<ChildCharacteristics><Ethnicity>WBRI</Ethnicity>%s</ChildCharacteristics>
				<CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>%s%s<ReferralNFA>%s</ReferralNFA></CINdetails></Child>
				""".formatted(laChildId, disabilities, closure, assessments, nfa);
	}

	private static String assessment(String authorised, String... factors) {
		StringBuilder xml = new StringBuilder("<Assessments><AssessmentActualStartDate>2025-06-03</AssessmentActualStartDate>");
		if (authorised != null) {
			xml.append("<AssessmentAuthorisationDate>").append(authorised).append("</AssessmentAuthorisationDate>");
		}
		if (factors.length > 0) {
			xml.append("<FactorsIdentifiedAtAssessment>");
			for (String factor : factors) {
				xml.append("<AssessmentFactors>").append(factor).append("</AssessmentFactors>");
			}
			xml.append("</FactorsIdentifiedAtAssessment>");
		}
		return xml.append("</Assessments>").toString();
	}

}
