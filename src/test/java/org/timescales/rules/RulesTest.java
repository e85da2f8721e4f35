package org.timescales.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.timescales.calendar.Interval;
import org.timescales.calendar.IntervalUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules are configuration, but a statutory rule can only be made tighter than the law, never looser. */
class RulesTest {

	@Test
	void theShippedRulesMatchTheLaw() {
		assertThat(Rules.problems(Map.of("referral-decision", rule(1, IntervalUnit.WORKING_DAYS, Basis.STATUTORY),
				"assessment", rule(45, IntervalUnit.WORKING_DAYS, Basis.STATUTORY))))
			.isEmpty();
	}

	@Test
	void aStatutoryRuleTighterThanTheLawIsAllowed() {
		assertThat(Rules.problems(Map.of("referral-decision", rule(1, IntervalUnit.WORKING_DAYS, Basis.STATUTORY),
				"assessment", rule(40, IntervalUnit.WORKING_DAYS, Basis.STATUTORY))))
			.isEmpty();
	}

	@Test
	void anAssessmentOf50WorkingDaysIsRefusedAsLooserThanTheLaw() {
		assertThat(Rules.problems(Map.of("referral-decision", rule(1, IntervalUnit.WORKING_DAYS, Basis.STATUTORY),
				"assessment", rule(50, IntervalUnit.WORKING_DAYS, Basis.STATUTORY))))
			.containsExactly("assessment is 50 working days, looser than the law allows (45 working days)");
	}

	@Test
	void aStatutoryRuleCountedInAnotherUnitOrMarkedLocalIsRefused() {
		Map<String, Rule> rules = new LinkedHashMap<>();
		rules.put("referral-decision", rule(1, IntervalUnit.DAYS, Basis.STATUTORY));
		rules.put("assessment", rule(45, IntervalUnit.WORKING_DAYS, Basis.LOCAL));
		assertThat(Rules.problems(rules)).containsExactly(
				"referral-decision must be counted in WORKING_DAYS as the law counts it (1 working day)",
				"assessment is set by law: basis must be statutory");
	}

	@Test
	void aMissingStatutoryRuleAndAnUnknownStatutoryRuleAreRefused() {
		assertThat(Rules.problems(Map.of("referral-decision", rule(1, IntervalUnit.WORKING_DAYS, Basis.STATUTORY),
				"cin-review", rule(3, IntervalUnit.MONTHS, Basis.STATUTORY))))
			.containsExactlyInAnyOrder("assessment is a statutory timescale (45 working days) and must be configured",
					"cin-review is marked statutory but the law's limit is not known to Timescales (StatutoryLimits)");
	}

	@Test
	void aLocalRuleIsFreeToChoose() {
		Map<String, Rule> rules = new LinkedHashMap<>();
		rules.put("referral-decision", rule(1, IntervalUnit.WORKING_DAYS, Basis.STATUTORY));
		rules.put("assessment", rule(45, IntervalUnit.WORKING_DAYS, Basis.STATUTORY));
		rules.put("cin-review", rule(6, IntervalUnit.MONTHS, Basis.LOCAL));
		assertThat(Rules.problems(rules)).isEmpty();
	}

	@Test
	void startUpFailsNamingTheLooseRule() {
		TimescalesProperties properties = new TimescalesProperties(null, null,
				Map.of("referral-decision", rule(2, IntervalUnit.WORKING_DAYS, Basis.STATUTORY), "assessment",
						rule(45, IntervalUnit.WORKING_DAYS, Basis.STATUTORY)),
				null, null);
		assertThatThrownBy(() -> new Rules(properties)).isInstanceOf(IllegalStateException.class)
			.hasMessage("Invalid timescales.rules: referral-decision is 2 working days, looser than the law allows "
					+ "(1 working day)");
	}

	private static Rule rule(int amount, IntervalUnit unit, Basis basis) {
		return new Rule("A clock", amount, unit, "Referral received", "referralReceivedAt", basis, "A citation",
				Interval.parse("2 working days"), Interval.parse("5 working days"));
	}

}
