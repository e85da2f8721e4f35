package org.timescales.returns.rules;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.timescales.returns.rules.CensusReturn.Child;

/**
 * The DfE's error-type rules on a child's identifiers and characteristics (modules
 * ChildIdentifiers, ChildCharacteristics and Disabilities), each ported from data-to-insight's
 * {@code cin_validator/rules/<year>/rule_<code>.py}.
 */
final class ChildRules {

	static final String LA_CHILD_ID = "ChildIdentifiers.LAchildID";

	static final String SEX = "ChildIdentifiers.Sex";

	static final List<CensusRule> RULES = List.of(
			// cin2022_23/rule_8500.py
			perChild("8500", "LA Child ID must be present", LA_CHILD_ID, Child::laChildId,
					child -> child.laChildId() == null),
			// cin2024_25/rule_1570.py
			perChild("1570", "LA Child ID must not be longer than 20 characters", LA_CHILD_ID, Child::laChildId,
					child -> child.laChildId() != null && child.laChildId().length() > 20),
			// cin2024_25/rule_1580.py: Python's str.isalnum, which also takes letters and digits beyond ASCII
			perChild("1580", "LA Child ID must not contain any non-alphanumeric characters", LA_CHILD_ID,
					Child::laChildId, child -> child.laChildId() != null
							&& !child.laChildId().codePoints().allMatch(Character::isLetterOrDigit)),
			// cin2024_25/rule_4180.py
			perChild("4180", "Sex must be provided and equal M, F, or U", SEX, Child::sex,
					child -> !Set.of("M", "F", "U").contains(String.valueOf(child.sex()))));

	private ChildRules() {
	}

	/** A rule that looks at one field of each child on its own. */
	static CensusRule perChild(String code, String message, String field, Function<Child, Object> value,
			Predicate<Child> fails) {
		return new CensusRule(code, message, (census, report) -> {
			for (Child child : census.children()) {
				if (fails.test(child)) {
					report.fired(child, field, value.apply(child));
				}
			}
		});
	}

}
