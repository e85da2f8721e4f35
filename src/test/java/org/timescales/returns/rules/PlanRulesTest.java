package org.timescales.returns.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases of the CIN plan, section 47 and protection plan rules that
 * {@code CensusRulesAgreeWithTheDfeValidatorTest} cannot hold to the DfE validator, because the
 * validator is wrong there against the DfE's own rule, or reports the return rather than a child.
 * Each case was run through the validator (cin2025_26) too: it does not fire the rule for it, except
 * 2885, which it fires, and 2883, which it reports for the return.
 */
class PlanRulesTest {

	@Test
	void a47WithNoConferenceThatNeededOneStartedBeforeTheYearWhenItSaysFalse() {
		// the validator takes only "0" for false
		String xml = census(child("U8740", """
				<CINdetails><CINreferralDate>2025-03-27</CINreferralDate><ReferralSource>1A</ReferralSource>
				  <Section47><S47ActualStartDate>2025-03-31</S47ActualStartDate><ICPCnotRequired>false</ICPCnotRequired></Section47>
				  <ReferralNFA>false</ReferralNFA></CINdetails>"""));

		assertThat(failures("8740", xml)).containsExactly(
				failure("8740", "U8740", "Section47.S47ActualStartDate", "2025-03-31"),
				failure("8740", "U8740", "Section47.DateOfInitialCPC", null),
				failure("8740", "U8740", "Section47.ICPCnotRequired", "false"));
	}

	@Test
	void twoOpenProtectionPlansInOneCinDetails() {
		// the validator counts open plans per CPPID, a plan's position in its CINdetails
		String xml = census(child("U8935", """
				<CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>1A</ReferralSource>
				  <Section47><S47ActualStartDate>2025-06-05</S47ActualStartDate><DateOfInitialCPC>2025-06-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
				  <Section47><S47ActualStartDate>2025-08-20</S47ActualStartDate><DateOfInitialCPC>2025-09-01</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
				  <ReferralNFA>false</ReferralNFA>
				  %s
				  %s</CINdetails>""".formatted(plan("2025-06-20", null, null), plan("2025-09-01", null, null))));

		assertThat(failures("8935", xml))
			.containsExactly(failure("8935", "U8935", "ChildProtectionPlans.CPPendDate", null));
	}

	@Test
	void theFirstProtectionPlansOfTwoCinDetailsOverlap() {
		// the validator never compares two plans of the same CPPID (position), even in different CINdetails
		String xml = census(child("U8940", """
				<CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>1A</ReferralSource>
				  <CINclosureDate>2025-08-29</CINclosureDate><ReasonForClosure>RC1</ReasonForClosure>
				  <ReferralNFA>false</ReferralNFA>
				  %s</CINdetails>
				<CINdetails><CINreferralDate>2025-08-15</CINreferralDate><ReferralSource>1A</ReferralSource>
				  <ReferralNFA>false</ReferralNFA>
				  %s</CINdetails>""".formatted(plan("2025-06-20", "2025-08-29", null), plan("2025-08-29", null, null))));

		assertThat(failures("8940", xml)).containsExactly(
				failure("8940", "U8940", "ChildProtectionPlans.CPPstartDate", "2025-08-29"),
				failure("8940", "U8940", "ChildProtectionPlans.CPPstartDate", "2025-06-20"),
				failure("8940", "U8940", "ChildProtectionPlans.CPPendDate", "2025-08-29"));
	}

	@Test
	void aReviewOfAnOpenProtectionPlanWhileACinPlanIsOpen() {
		// the validator needs the protection plan to have ended
		String xml = census(child("U4003", """
				<CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>1A</ReferralSource>
				  <CINPlanDates><CINPlanStartDate>2025-06-10</CINPlanStartDate><CINPlanEndDate>2025-09-01</CINPlanEndDate></CINPlanDates>
				  <ReferralNFA>false</ReferralNFA>
				  %s</CINdetails>""".formatted(plan("2025-06-20", null, "2025-07-15"))));

		assertThat(failures("4003", xml)).containsExactly(
				failure("4003", "U4003", "ChildProtectionPlans.CPPendDate", null),
				failure("4003", "U4003", "CINplanDates.CINPlanStartDate", "2025-06-10"),
				failure("4003", "U4003", "Reviews.CPPreviewDate", "2025-07-15"));
	}

	@Test
	void aSecondReviewDateIsReadToo() {
		// the validator reads only the first CPPreviewDate of a plan's Reviews
		String xml = census(child("U8841", """
				<CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>1A</ReferralSource>
				  <ReferralNFA>false</ReferralNFA>
				  <ChildProtectionPlans><CPPstartDate>2025-06-20</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>1</NumberOfPreviousCPP>
				    <Reviews><CPPreviewDate>2025-08-01</CPPreviewDate><CPPreviewDate>2025-06-20</CPPreviewDate></Reviews></ChildProtectionPlans></CINdetails>"""));

		assertThat(failures("8841", xml)).containsExactly(
				failure("8841", "U8841", "ChildProtectionPlans.CPPstartDate", "2025-06-20"),
				failure("8841", "U8841", "Reviews.CPPreviewDate", "2025-06-20"));
	}

	@Test
	void aProtectionPlanEndingAfterItsCinDetailsClosed() {
		// the validator checks a hard-coded sample table in place of the return's protection plans
		String xml = census(child("U8565", """
				<CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>1A</ReferralSource>
				  <CINclosureDate>2025-08-01</CINclosureDate><ReasonForClosure>RC1</ReasonForClosure>
				  <ReferralNFA>false</ReferralNFA>
				  %s</CINdetails>""".formatted(plan("2025-06-20", "2025-08-02", null))));

		assertThat(failures("8565", xml)).containsExactly(
				failure("8565", "U8565", "CINdetails.CINclosureDate", "2025-08-01"),
				failure("8565", "U8565", "CINdetails.DateOfInitialCPC", null),
				failure("8565", "U8565", "ChildProtectionPlans.CPPendDate", "2025-08-02"));
	}

	@Test
	void aCinPlanEndingAfterItsCinDetailsClosed() {
		// the validator's rule raises on it (ValueError), so passes the return
		String xml = census(child("U8565PLAN", """
				<CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>1A</ReferralSource>
				  <CINclosureDate>2025-08-01</CINclosureDate><ReasonForClosure>RC1</ReasonForClosure>
				  <CINPlanDates><CINPlanStartDate>2025-07-11</CINPlanStartDate><CINPlanEndDate>2025-08-02</CINPlanEndDate></CINPlanDates>
				  <ReferralNFA>false</ReferralNFA></CINdetails>"""));

		assertThat(failures("8565", xml)).containsExactly(
				failure("8565", "U8565PLAN", "CINdetails.CINclosureDate", "2025-08-01"),
				failure("8565", "U8565PLAN", "CINdetails.DateOfInitialCPC", null),
				failure("8565", "U8565PLAN", "CINplanDates.CINPlanStartDate", "2025-07-11"),
				failure("8565", "U8565PLAN", "CINplanDates.CINPlanEndDate", "2025-08-02"));
	}

	@Test
	void a47NeedingNoConferenceLeavesTheCinDetailsConferenceToMatchWhetherItSaysTrueOrOne() {
		// the validator drops the section 47 only for "1"
		for (String notRequired : List.of("true", "1")) {
			String xml = census(child("U2885", """
					<CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>1A</ReferralSource>
					  <DateOfInitialCPC>2025-06-20</DateOfInitialCPC>
					  <Section47><S47ActualStartDate>2025-06-05</S47ActualStartDate><ICPCnotRequired>%s</ICPCnotRequired></Section47>
					  <ReferralNFA>false</ReferralNFA>
					  %s</CINdetails>""".formatted(notRequired, plan("2025-06-20", null, null))));

			assertThat(failures("2885", xml)).as(notRequired).isEmpty();
		}
	}

	@Test
	void morePlansStartingThanConferencesNamesEachChildWithAPlanStartingInTheYear() {
		String withConference = child("U2883A", """
				<CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>1A</ReferralSource>
				  <Section47><S47ActualStartDate>2025-06-05</S47ActualStartDate><DateOfInitialCPC>2025-06-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
				  <ReferralNFA>false</ReferralNFA>
				  %s</CINdetails>""".formatted(plan("2025-06-20", null, null)));
		String without = child("U2883B", """
				<CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>1A</ReferralSource>
				  <ReferralNFA>false</ReferralNFA>
				  %s</CINdetails>""".formatted(plan("2025-07-01", null, null)));

		assertThat(failures(ProtectionPlanRules.RULE_2883, census(withConference))).isEmpty();
		assertThat(failures(ProtectionPlanRules.RULE_2883, census(withConference, without))).containsExactly(
				failure("2883", "U2883A", "ChildProtectionPlans.CPPstartDate", "2025-06-20"),
				failure("2883", "U2883B", "ChildProtectionPlans.CPPstartDate", "2025-07-01"));
	}

	private static List<RuleFailure> failures(String code, String xml) {
		return CensusRules.check(xml, 2026).stream().filter(f -> f.rule().equals(code)).toList();
	}

	/** One rule over the return, as {@link CensusRules#check} runs each. */
	private static List<RuleFailure> failures(CensusRule rule, String xml) {
		Set<RuleFailure> failures = new LinkedHashSet<>();
		rule.check()
			.apply(CensusReturn.parse(xml), (child, field, value) -> failures.add(new RuleFailure(rule.code(),
					rule.message(), child.laChildId(), field, value == null ? null : value.toString())));
		return new ArrayList<>(failures);
	}

	private static RuleFailure failure(String code, String child, String field, String value) {
		CensusRule rule = Stream.concat(CensusRules.of(2026).stream(), Stream.of(ProtectionPlanRules.RULE_2883))
			.filter(r -> r.code().equals(code))
			.findFirst()
			.orElseThrow();
		return new RuleFailure(code, rule.message(), child, field, value);
	}

	private static String plan(String start, String end, String review) {
		return "<ChildProtectionPlans><CPPstartDate>" + start + "</CPPstartDate>"
				+ (end == null ? "" : "<CPPendDate>" + end + "</CPPendDate>")
				+ "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>"
				+ "<NumberOfPreviousCPP>1</NumberOfPreviousCPP>"
				+ (review == null ? "" : "<Reviews><CPPreviewDate>" + review + "</CPPreviewDate></Reviews>")
				+ "</ChildProtectionPlans>";
	}

	private static String child(String id, String cinDetails) {
		return """
				<Child>
				  <ChildIdentifiers><LAchildID>%s</LAchildID><UPNunknown>UN1</UPNunknown><PersonBirthDate>2023-05-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
				  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
				  %s
				</Child>
				""".formatted(id, cinDetails);
	}

	private static String census(String... children) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<Message>
				  <Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>
				  <Children>
				%s  </Children>
				</Message>
				""".formatted(String.join("", children));
	}

}
