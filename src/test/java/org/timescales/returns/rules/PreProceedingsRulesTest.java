package org.timescales.returns.rules;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2026-27 collection's error rules on module PreProceedingsandFGDM (9005 to 9013,
 * {@link PreProceedingsRules}): a child breaking each, and a valid child with every item of the module
 * whom no rule of the year fires for. The DfE validator beside this project cannot be asked about
 * them: its newest ruleset is cin2025_26 (data-to-insight's cin2026_27 is on an unmerged branch,
 * pre-proceedings-rules, "needs proofing before review"), so unlike
 * {@code CensusRulesAgreeWithTheDfeValidatorTest} these cases are checked against the DfE's rules as
 * the Python's comments quote them, including where the Python reads otherwise (9006, 9007, 9009,
 * 9011).
 */
class PreProceedingsRulesTest {

	private static final String VALID = module("""
			<PPStartDate>2026-09-07</PPStartDate>
			<LBPSentDate>2026-09-14</LBPSentDate>
			<FGDMMeetingOffer>1</FGDMMeetingOffer>
			<FGDMMeetingFac>1</FGDMMeetingFac>
			<InitialPPMeetingDate>2026-09-28</InitialPPMeetingDate>
			<ReviewMeetingsCount>2</ReviewMeetingsCount>
			<StepDecisionDate>2027-01-11</StepDecisionDate>
			<PPOutcome>A</PPOutcome>
			<CourtAppDate>2027-01-20</CourtAppDate>
			<LetterInitCPDate>2027-01-22</LetterInitCPDate>""");

	@Test
	void aChildWithEveryItemOfTheModuleInOrderBreaksNoRuleOfTheYear() {
		assertThat(CensusRules.check(census(child("VALID", VALID)), 2027)).isEmpty();
	}

	@Test
	void theYearsRulesAreLastYearsAndTheModulesEight() {
		List<String> codes = CensusRules.of(2027).stream().map(CensusRule::code).toList();
		assertThat(codes).containsAll(CensusRules.of(2026).stream().map(CensusRule::code).toList())
			.hasSize(CensusRules.of(2026).size() + 8)
			.contains("9005", "9006", "9007", "9008", "9009", "9011", "9012", "9013")
			.doesNotContain("8995Q", "9000Q", "9010Q", "9015Q");
		assertThat(CensusRules.of(2026)).extracting(CensusRule::code).doesNotContain("9005", "9013");
	}

	@Test
	void theDecisionToEnterPreProceedingsBeforeOrAfterTheYear() {
		String xml = census(child("U9005A", module("<PPStartDate>2026-03-31</PPStartDate>")),
				child("U9005B", module("<PPStartDate>2027-04-01</PPStartDate>")),
				child("OK9005", module("<PPStartDate>2026-04-01</PPStartDate>") + module("<PPStartDate>2027-03-31</PPStartDate>")));

		assertThat(fired(xml)).containsExactly("9005 U9005A PreProceedings.PPStartDate=2026-03-31",
				"9005 U9005B PreProceedings.PPStartDate=2027-04-01");
	}

	@Test
	void theLetterBeforeProceedingsBeforeTheDecisionOrOutsideTheYear() {
		String xml = census(
				child("U9006A", module("<PPStartDate>2026-09-07</PPStartDate><LBPSentDate>2026-09-04</LBPSentDate>"
						+ "<FGDMMeetingOffer>0</FGDMMeetingOffer>")),
				// outside the year with no decision date: the Python drops the row, the DfE's rule does not
				child("U9006B", module("<LBPSentDate>2027-04-02</LBPSentDate><FGDMMeetingOffer>0</FGDMMeetingOffer>")),
				child("OK9006", module("<PPStartDate>2026-09-07</PPStartDate><LBPSentDate>2026-09-07</LBPSentDate>"
						+ "<FGDMMeetingOffer>0</FGDMMeetingOffer>")));

		assertThat(fired(xml)).containsExactly("9006 U9006A PreProceedings.LBPSentDate=2026-09-04",
				"9006 U9006B PreProceedings.LBPSentDate=2027-04-02");
	}

	@Test
	void aLetterSentWithoutSayingWhetherItOfferedAMeeting() {
		// the reverse (an offer, no letter) is what the Python fires on; the DfE's rule does not
		String xml = census(child("U9007", module("<PPStartDate>2026-09-07</PPStartDate><LBPSentDate>2026-09-14</LBPSentDate>")),
				child("OK9007", module("<PPStartDate>2026-09-07</PPStartDate><FGDMMeetingOffer>1</FGDMMeetingOffer>")));

		assertThat(fired(xml)).containsExactly("9007 U9007 PreProceedings.FGDMMeetingOffer=missing");
	}

	@Test
	void theFirstPreProceedingsMeetingOutsideTheYear() {
		String xml = census(child("U9008", module("<InitialPPMeetingDate>2026-03-30</InitialPPMeetingDate>"
				+ "<ReviewMeetingsCount>0</ReviewMeetingsCount>")));

		assertThat(fired(xml)).containsExactly("9008 U9008 PreProceedings.InitialPPMeetingDate=2026-03-30");
	}

	@Test
	void theStepDecisionBeforePreProceedingsBeganOrOutsideTheYear() {
		String xml = census(
				child("U9009A", module("<PPStartDate>2026-09-07</PPStartDate><StepDecisionDate>2026-09-06</StepDecisionDate>"
						+ "<PPOutcome>B</PPOutcome>")),
				child("U9009B", module("<StepDecisionDate>2027-05-04</StepDecisionDate><PPOutcome>B</PPOutcome>")));

		assertThat(fired(xml)).containsExactly("9009 U9009A PreProceedings.StepDecisionDate=2026-09-06",
				"9009 U9009B PreProceedings.StepDecisionDate=2027-05-04");
	}

	@Test
	void anOutcomeThatIsNoCodeOfCs131() {
		// no outcome yet is not an invalid one (the Python fires on a missing code too)
		String xml = census(child("U9011", module("<StepDecisionDate>2027-01-11</StepDecisionDate><PPOutcome>ISSUE</PPOutcome>")),
				child("OK9011", module("<PPStartDate>2026-09-07</PPStartDate>")));

		assertThat(fired(xml)).containsExactly("9011 U9011 PreProceedings.PPOutcome=ISSUE");
	}

	@Test
	void theCourtApplicationBeforeTheDecisionOrOutsideTheYear() {
		String xml = census(
				child("U9012A", module("<StepDecisionDate>2027-01-11</StepDecisionDate><PPOutcome>A</PPOutcome>"
						+ "<CourtAppDate>2027-01-08</CourtAppDate>")),
				child("U9012B", module("<CourtAppDate>2027-04-06</CourtAppDate>")),
				child("OK9012", module("<StepDecisionDate>2027-01-11</StepDecisionDate><PPOutcome>A</PPOutcome>"
						+ "<CourtAppDate>2027-01-11</CourtAppDate>")));

		assertThat(fired(xml)).containsExactly("9012 U9012A PreProceedings.CourtAppDate=2027-01-08",
				"9012 U9012B PreProceedings.CourtAppDate=2027-04-06");
	}

	@Test
	void theLetterInitiatingProceedingsBeforeTheApplicationOrOutsideTheYear() {
		String xml = census(
				child("U9013A", module("<CourtAppDate>2027-01-20</CourtAppDate><LetterInitCPDate>2027-01-19</LetterInitCPDate>")),
				child("U9013B", module("<LetterInitCPDate>2026-02-01</LetterInitCPDate>")));

		assertThat(fired(xml)).containsExactly("9013 U9013A PreProceedings.LetterInitCPDate=2027-01-19",
				"9013 U9013B PreProceedings.LetterInitCPDate=2026-02-01");
	}

	@Test
	void eachRuleSaysTheDfesMessage() {
		Map<String, String> messages = PreProceedingsRules.RULES.stream()
			.collect(Collectors.toMap(CensusRule::code, CensusRule::message));
		assertThat(messages.get("9005")).isEqualTo("The date of the legal planning meeting or other decision making"
				+ " forum where the LA made the decision to commence pre-proceedings cannot fall outside the reporting year.");
		assertThat(messages.get("9007")).isEqualTo("You have confirmed that a letter before proceedings was sent."
				+ " Please confirm whether or not a FGDM meeting was offered in the letter.");
		assertThat(messages.get("9011")).isEqualTo("The outcome of the pre-proceedings must be reported using a valid value");
	}

	/** "rule child field=value" for each failure of a 2026-27 rule on the return. */
	private static List<String> fired(String xml) {
		return CensusRules.check(xml, 2027).stream()
			.map(f -> f.rule() + " " + f.laChildId() + " " + f.field() + "=" + (f.value() == null ? "missing" : f.value()))
			.toList();
	}

	private static String module(String items) {
		return "<PreProceedingsandFGDM>" + items + "</PreProceedingsandFGDM>";
	}

	/** A child on a protection plan since a conference in May 2026, with the modules given. */
	private static String child(String id, String modules) {
		return """
				<Child>
				  <ChildIdentifiers><LAchildID>%s</LAchildID><UPNunknown>UN1</UPNunknown><PersonBirthDate>2023-05-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
				  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
				  <CINdetails><CINreferralDate>2026-05-04</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
				    <Section47><S47ActualStartDate>2026-05-04</S47ActualStartDate><InitialCPCtarget>2026-05-26</InitialCPCtarget><DateOfInitialCPC>2026-05-26</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
				    <ReferralNFA>false</ReferralNFA>
				    <ChildProtectionPlans><CPPstartDate>2026-05-26</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews><CPPreviewDate>2026-08-18</CPPreviewDate></Reviews></ChildProtectionPlans>
				    %s
				  </CINdetails>
				</Child>
				""".formatted(id, modules);
	}

	private static String census(String... children) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<Message>
				  <Header><CollectionDetails><Collection>CIN</Collection><Year>2027</Year><ReferenceDate>2027-03-31</ReferenceDate></CollectionDetails></Header>
				  <Children>
				%s  </Children>
				</Message>
				""".formatted(String.join("", children));
	}

}
