package org.timescales.returns.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The DfE's error-type CIN census rules for a collection year, and the one way to run them over a
 * return. The 2024-25 rules (data-to-insight's {@code cin2024_25}: the 2022-23 rules with 1530,
 * 1570, 1580, 4180 and 8750 as later revised) are also the 2025-26 rules: the validator's
 * {@code cin2025_26} changes none of them. The 2026-27 rules are those with the new module's
 * ({@link PreProceedingsRules}, 9005 to 9013): data-to-insight's {@code cin2026_27} adds them and
 * deletes and modifies no earlier rule (its {@code del_list} is empty; its 2885Q and 2886Q files
 * were drafts of 8995Q, a query, renamed before the branch's tip).
 */
public final class CensusRules {

	/** The collection years Timescales has the rules of, by the year their reference date falls in. */
	public static final Set<Integer> YEARS = Set.of(2025, 2026, 2027);

	private static final List<CensusRule> RULES_2024_25 = Stream
		.of(ChildRules.RULES, ChildRules.NOT_CROSS_CHECKED, EpisodeRules.RULES, AssessmentRules.RULES,
				AssessmentRules.NOT_CROSS_CHECKED, CinPlanRules.RULES, Section47Rules.RULES, ProtectionPlanRules.RULES)
		.flatMap(List::stream)
		.toList();

	private static final List<CensusRule> RULES_2026_27 = Stream.of(RULES_2024_25, PreProceedingsRules.RULES)
		.flatMap(List::stream)
		.toList();

	private CensusRules() {
	}

	/** The error-type rules of the collection year ending 31 March {@code year}. */
	public static List<CensusRule> of(int year) {
		if (!YEARS.contains(year)) {
			throw new IllegalArgumentException("No DfE CIN census rules for " + year + ": only for " + YEARS);
		}
		return year >= 2027 ? RULES_2026_27 : RULES_2024_25;
	}

	/** Every error-type rule of the year that fires on the census file, in rule order, each once per child and field. */
	public static List<RuleFailure> check(String xml, int year) {
		CensusReturn census = CensusReturn.parse(xml);
		Set<RuleFailure> failures = new LinkedHashSet<>();
		for (CensusRule rule : of(year)) {
			rule.check()
				.apply(census, (child, field, value) -> failures.add(new RuleFailure(rule.code(), rule.message(),
						child.laChildId(), field, value == null ? null : value.toString())));
		}
		return new ArrayList<>(failures);
	}

}
