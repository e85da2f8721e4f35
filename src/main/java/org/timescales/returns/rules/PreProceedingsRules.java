package org.timescales.returns.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.timescales.returns.rules.CensusReturn.CinDetails;

import static org.timescales.returns.rules.Walk.*;

/**
 * The DfE's error-type rules on module PreProceedingsandFGDM, new in the 2026-27 collection, each
 * ported from data-to-insight's {@code cin_validator/rules/cin2026_27/rule_<code>.py} on its
 * {@code pre-proceedings-rules} branch (the commit named on each rule; the branch tip is 191b97f,
 * "needs proofing before review"). The DfE validator beside this project (cin2025_26 at 1bf6f22) has
 * no 2026-27 ruleset, so these cannot be held to it: {@code PreProceedingsRulesTest} checks each.
 * <p>
 * Where the Python reads differently from the DfE's rule it quotes in its own comment ("If
 * (N00827) is present, then ..."), the port follows the DfE: a date outside the year fires whether
 * or not the date it is compared with is present (the Python drops a row missing either), a code
 * that is absent is not invalid (9011), and 9007 asks for the FGDM offer when a letter was sent (the
 * Python asks the reverse). The queries of the ruleset (8995Q, 9000Q, 9010Q, 9015Q: "Please check")
 * are not errors and are not ported; it deletes and modifies no earlier rule.
 */
final class PreProceedingsRules {

	static final String START = "PreProceedings.PPStartDate";

	static final String LETTER = "PreProceedings.LBPSentDate";

	static final String FGDM_OFFER = "PreProceedings.FGDMMeetingOffer";

	static final String INITIAL_MEETING = "PreProceedings.InitialPPMeetingDate";

	static final String STEP_DECISION = "PreProceedings.StepDecisionDate";

	static final String OUTCOME = "PreProceedings.PPOutcome";

	static final String COURT_APPLICATION = "PreProceedings.CourtAppDate";

	static final String LETTER_INITIATING = "PreProceedings.LetterInitCPDate";

	/** Codeset CS131, as rule 9011 lists it. */
	static final Set<String> OUTCOMES = Set.of("A", "B", "C");

	static final List<CensusRule> RULES = List.of(
			// cin2026_27/rule_9005.py at e880364
			new CensusRule("9005",
					"The date of the legal planning meeting or other decision making forum where the LA made the decision to commence pre-proceedings cannot fall outside the reporting year.",
					(census, report) -> eachModule(census, CinDetails::preProceedings, (child, episode, pp) -> {
						if (outside(pp.ppStartDate(), census)) {
							report.fired(child, START, pp.ppStartDate());
						}
					})),
			// cin2026_27/rule_9006.py at 6705a56
			new CensusRule("9006",
					"The date the letter before proceedings was sent must be within the reporting year and after the date pre-proceedings began.",
					(census, report) -> eachModule(census, CinDetails::preProceedings, (child, episode, pp) -> {
						if (outsideOrBefore(pp.lbpSentDate(), pp.ppStartDate(), census)) {
							report.fired(child, LETTER, pp.lbpSentDate());
						}
					})),
			// cin2026_27/rule_9007.py at 7893b9d (the field it names; 2928f47 named LBPSentDate)
			new CensusRule("9007",
					"You have confirmed that a letter before proceedings was sent. Please confirm whether or not a FGDM meeting was offered in the letter.",
					(census, report) -> eachModule(census, CinDetails::preProceedings, (child, episode, pp) -> {
						if (pp.lbpSentDate() != null && pp.fgdmMeetingOffer() == null) {
							report.fired(child, FGDM_OFFER, null);
						}
					})),
			// cin2026_27/rule_9008.py at b6753e7
			new CensusRule("9008", "The date of the first effective pre-proceedings meeting must be within the reporting year.",
					(census, report) -> eachModule(census, CinDetails::preProceedings, (child, episode, pp) -> {
						if (outside(pp.initialPpMeetingDate(), census)) {
							report.fired(child, INITIAL_MEETING, pp.initialPpMeetingDate());
						}
					})),
			// cin2026_27/rule_9009.py at 4f8cc48
			new CensusRule("9009",
					"The date when the decision was made to step up or down must be on or after the date of the decision to begin pre-proceedings and must fall within the reporting year",
					(census, report) -> eachModule(census, CinDetails::preProceedings, (child, episode, pp) -> {
						if (outsideOrBefore(pp.stepDecisionDate(), pp.ppStartDate(), census)) {
							report.fired(child, STEP_DECISION, pp.stepDecisionDate());
						}
					})),
			// cin2026_27/rule_9011.py at 6705a56: only a code present (the Python also fires on none)
			new CensusRule("9011", "The outcome of the pre-proceedings must be reported using a valid value",
					(census, report) -> eachModule(census, CinDetails::preProceedings, (child, episode, pp) -> {
						if (pp.ppOutcome() != null && !OUTCOMES.contains(pp.ppOutcome())) {
							report.fired(child, OUTCOME, pp.ppOutcome());
						}
					})),
			// cin2026_27/rule_9012.py at 4f8cc48
			new CensusRule("9012",
					"The date that the local authority submitted the court application to commence care proceedings must fall within the reporting year and be on or after the date of the decision to initiate care proceedings.",
					(census, report) -> eachModule(census, CinDetails::preProceedings, (child, episode, pp) -> {
						if (outsideOrBefore(pp.courtAppDate(), pp.stepDecisionDate(), census)) {
							report.fired(child, COURT_APPLICATION, pp.courtAppDate());
						}
					})),
			// cin2026_27/rule_9013.py at 4f8cc48
			new CensusRule("9013",
					"The date on which the letter to initiate care proceedings was sent to parents/guardians must fall within the reporting year and be on or after the date when the local authority submitted the court application to commence care proceedings.",
					(census, report) -> eachModule(census, CinDetails::preProceedings, (child, episode, pp) -> {
						if (outsideOrBefore(pp.letterInitCpDate(), pp.courtAppDate(), census)) {
							report.fired(child, LETTER_INITIATING, pp.letterInitCpDate());
						}
					})));

	private PreProceedingsRules() {
	}

	/** A date present that falls outside the year, or before {@code earliest} when both are present. */
	private static boolean outsideOrBefore(LocalDate date, LocalDate earliest, CensusReturn census) {
		return outside(date, census) || before(date, earliest);
	}

}
