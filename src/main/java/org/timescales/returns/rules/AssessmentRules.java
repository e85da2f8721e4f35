package org.timescales.returns.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.timescales.returns.rules.CensusReturn.Assessment;
import org.timescales.returns.rules.CensusReturn.CinDetails;

import static org.timescales.returns.rules.Walk.*;

/**
 * The DfE's error-type rules on module Assessments, each ported from data-to-insight's
 * {@code cin_validator/rules/<year>/rule_<code>.py}.
 */
final class AssessmentRules {

	static final String START = "Assessments.AssessmentActualStartDate";

	static final String AUTHORISATION = "Assessments.AssessmentAuthorisationDate";

	static final String FACTORS = "Assessments.AssessmentFactors";

	// cin2022_23/rule_8614.py
	static final CensusRule RULE_8614 = perAssessment("8614",
			"Parental or child factors at assessment should only be present for a completed assessment.",
			a -> a.authorisationDate() == null && !a.factors().isEmpty(), AUTHORISATION, FACTORS);

	// cin2022_23/rule_8869.py: the Python compares the assessment's list of factors with "21", so never
	// fires on a file; this follows the DfE's message: with 21, no other factor
	static final CensusRule RULE_8869 = new CensusRule("8869",
			"The assessment factors code “21” cannot be used in conjunction with any other assessment factors.",
			(census, report) -> eachModule(census, CinDetails::assessments, (child, e, a) -> {
				if (a.factors().contains("21")) {
					a.factors()
						.stream()
						.filter(f -> !"21".equals(f))
						.forEach(f -> report.fired(child, FACTORS, f));
				}
			}));

	// cin2022_23/rule_8898.py: the Python crashes on every assessment it should report (it de-duplicates rows
	// holding the list of factors), so this follows the DfE's message; an empty factor is not a code
	static final CensusRule RULE_8898 = new CensusRule("8898",
			" The assessment has more than one parental or child factors with the same code",
			(census, report) -> eachModule(census, CinDetails::assessments, (child, e, a) -> {
				Map<String, Integer> counts = new HashMap<>();
				a.factors().stream().filter(Objects::nonNull).forEach(f -> counts.merge(f, 1, Integer::sum));
				counts.forEach((f, n) -> {
					if (n > 1) {
						report.fired(child, FACTORS, f);
					}
				});
			}));

	/** The rules the DfE validator cannot be held to (see each); {@code CensusRulesTest} checks them. */
	static final List<CensusRule> NOT_CROSS_CHECKED = List.of(RULE_8614, RULE_8869, RULE_8898);

	static final List<CensusRule> RULES = List.of(
			// cin2022_23/rule_8608.py
			perAssessment("8608", "Assessment Start Date cannot be later than its End Date",
					a -> after(a.actualStartDate(), a.authorisationDate()), START, AUTHORISATION),
			// cin2022_23/rule_8896.py: every assessment of the episode is named, open or not
			new CensusRule("8896", "Within one CINDetails group there are 2 or more open Assessments groups",
					(census, report) -> eachEpisode(census, (child, e) -> {
						if (e.assessments().stream().filter(a -> a.authorisationDate() == null).count() > 1) {
							e.assessments().forEach(a -> report.fired(child, AUTHORISATION, a.authorisationDate()));
						}
					})),
			// cin2022_23/rule_8736.py: an open assessment with no start date is not within the year either
			new CensusRule("8736",
					"For an Assessment that has not been completed, the start date must fall within the census year",
					(census, report) -> eachModule(census, CinDetails::assessments, (child, e, a) -> {
						if (a.authorisationDate() == null
								&& (a.actualStartDate() == null || !inYear(a.actualStartDate(), census))) {
							report.fired(child, AUTHORISATION, null);
							report.fired(child, START, a.actualStartDate());
						}
					})),
			// cin2022_23/rule_1103.py
			new CensusRule("1103", "The assessment start date cannot be before the referral date",
					(census, report) -> eachModule(census, CinDetails::assessments, (child, e, a) -> {
						if (after(e.cinReferralDate(), a.actualStartDate())) {
							report.fired(child, START, a.actualStartDate());
							report.fired(child, EpisodeRules.REFERRAL_DATE, e.cinReferralDate());
						}
					})),
			// cin2022_23/rule_8696.py: with no reference date nothing is outside the year (pandas' NaT)
			new CensusRule("8696", "Assessment end date must fall within the census year",
					(census, report) -> eachModule(census, CinDetails::assessments, (child, e, a) -> {
						if (a.authorisationDate() != null && census.referenceDate() != null
								&& !inYear(a.authorisationDate(), census)) {
							report.fired(child, AUTHORISATION, a.authorisationDate());
						}
					})));

	private AssessmentRules() {
	}

	/** A rule on the fields of one assessment on its own, reporting each field it names. */
	private static CensusRule perAssessment(String code, String message, Predicate<Assessment> fails,
			String... fields) {
		return new CensusRule(code, message, (census, report) -> eachModule(census, CinDetails::assessments, (child, e, a) -> {
			if (fails.test(a)) {
				for (String field : fields) {
					report.fired(child, field, switch (field) {
						case START -> a.actualStartDate();
						case AUTHORISATION -> a.authorisationDate();
						case FACTORS -> String.join(" ", a.factors().stream().map(String::valueOf).toList());
						default -> throw new IllegalArgumentException(field);
					});
				}
			}
		}));
	}

}
