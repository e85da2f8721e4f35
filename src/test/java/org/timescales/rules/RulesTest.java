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
	void rulesAsTheLawSetsThemAreAccepted() {
		assertThat(Rules.problems(lawful())).isEmpty();
	}

	@Test
	void aStatutoryRuleTighterThanTheLawIsAllowed() {
		Map<String, Rule> rules = lawful();
		rules.put("assessment", rule("40 working days", null, Basis.STATUTORY, null));
		assertThat(Rules.problems(rules)).isEmpty();
	}

	@Test
	void anAssessmentOf50WorkingDaysIsRefusedAsLooserThanTheLaw() {
		Map<String, Rule> rules = lawful();
		rules.put("assessment", rule("50 working days", null, Basis.STATUTORY, null));
		assertThat(Rules.problems(rules))
			.containsExactly("assessment is 50 working days, looser than the law allows (45 working days)");
	}

	@Test
	void aFirstReviewLaterThanThreeMonthsIsRefused() {
		Map<String, Rule> rules = lawful();
		rules.put("rcpc", rule("6 months", "4 months", Basis.STATUTORY, null));
		assertThat(Rules.problems(rules)).containsExactly("rcpc.first is 4 months, looser than the law allows (3 months)");
		rules.put("rcpc", rule("6 months", null, Basis.STATUTORY, null));
		assertThat(Rules.problems(rules)).containsExactly("rcpc.first is 6 months, looser than the law allows (3 months)");
	}

	@Test
	void aStatutoryRuleCountedInAnotherUnitOrMarkedLocalIsRefused() {
		Map<String, Rule> rules = lawful();
		rules.put("referral-decision", rule("1 day", null, Basis.STATUTORY, null));
		rules.put("assessment", rule("45 working days", null, Basis.LOCAL, null));
		assertThat(Rules.problems(rules)).containsExactlyInAnyOrder(
				"referral-decision must be counted in WORKING_DAYS as the law counts it (1 working day)",
				"assessment is set by law: basis must be statutory");
	}

	@Test
	void extensionsOnlyWhereAndAsFarAsTheLawAllows() {
		Map<String, Rule> rules = lawful();
		rules.put("icpc", rule("15 working days", null, Basis.STATUTORY, "20 working days"));
		rules.put("complaint-stage-1", rule("10 working days", null, Basis.STATUTORY, "25 working days"));
		assertThat(Rules.problems(rules)).containsExactlyInAnyOrder(
				"icpc is a statutory timescale the law does not allow to be extended",
				"complaint-stage-1.extendable-to is 25 working days, looser than the law allows (20 working days)");
	}

	@Test
	void careProceedingsAreCountedBeginningWithTheDayOfIssueAndExtendedAtMostEightWeeksAtATime() {
		Map<String, Rule> rules = lawful();
		rules.put("care-proceedings", courtRule("26 weeks", "9 weeks", false));
		assertThat(Rules.problems(rules)).containsExactlyInAnyOrder(
				"care-proceedings.extendable-by is 9 weeks, looser than the law allows (8 weeks)",
				"care-proceedings is counted by the law beginning with the day of the event (26 weeks): set"
						+ " beginning-with-the-day, or it ends a day later than the law allows");
		rules.put("care-proceedings", courtRule("24 weeks", "4 weeks", true));
		assertThat(Rules.problems(rules)).as("tighter is allowed").isEmpty();
	}

	@Test
	void onlyTheCourtsKindOfClockIsExtendedTimeAfterTimeAndOnlyDaysOrWeeksBeginWithTheDay() {
		Map<String, Rule> rules = lawful();
		rules.put("icpc", new Rule("ICPC", 15, IntervalUnit.WORKING_DAYS, null, null, "Strategy discussion",
				"strategyDiscussionAt", Basis.STATUTORY, "Working Together", Interval.parse("2 working days"),
				Interval.parse("2 working days"), null, null, Interval.parse("5 working days"), true));
		assertThat(Rules.problems(rules)).containsExactlyInAnyOrder(
				"icpc.beginning-with-the-day counts days or weeks, not WORKING_DAYS",
				"icpc is a statutory timescale the law does not allow to be extended time after time");
	}

	@Test
	void aMissingStatutoryRuleAndAnUnknownStatutoryRuleAreRefused() {
		Map<String, Rule> rules = lawful();
		rules.remove("assessment");
		rules.put("cin-review", rule("3 months", null, Basis.STATUTORY, null));
		assertThat(Rules.problems(rules)).containsExactlyInAnyOrder(
				"assessment is a statutory timescale (45 working days) and must be configured",
				"cin-review is marked statutory but the law's limit is not known to Timescales (StatutoryLimits)");
	}

	@Test
	void aLocalRuleIsFreeToChoose() {
		Map<String, Rule> rules = lawful();
		rules.put("cin-review", rule("6 months", null, Basis.LOCAL, null));
		rules.put("cp-visit", rule("4 weeks", null, Basis.LOCAL, null));
		assertThat(Rules.problems(rules)).isEmpty();
	}

	@Test
	void startUpFailsNamingTheLooseRule() {
		Map<String, Rule> rules = lawful();
		rules.put("referral-decision", rule("2 working days", null, Basis.STATUTORY, null));
		TimescalesProperties properties = new TimescalesProperties(null, null, rules, null, null, null, null, null);
		assertThatThrownBy(() -> new Rules(properties)).isInstanceOf(IllegalStateException.class)
			.hasMessage("Invalid timescales.rules: referral-decision is 2 working days, looser than the law allows "
					+ "(1 working day)");
	}

	@Test
	void aSecondLookedAfterReviewLaterThanThreeMonthsIsRefused() {
		Map<String, Rule> rules = lawful();
		rules.put("cla-review", new Rule("Review", 6, IntervalUnit.MONTHS, Interval.parse("20 working days"), null,
				"Became looked after", "claReviewDate, becameLookedAfterDate", Basis.STATUTORY, "CPPCR reg 33",
				Interval.parse("5 working days"), Interval.parse("5 working days"), null, null, null, false));
		assertThat(Rules.problems(rules))
			.containsExactly("cla-review.second is 6 months, looser than the law allows (3 months)");
	}

	@Test
	void theNthOccurrenceUsesTheFirstIntervalOnlyOnce() {
		Rule rcpc = rule("6 months", "3 months", Basis.STATUTORY, null);
		assertThat(rcpc.intervalFor(1, true)).isEqualTo(Interval.parse("3 months"));
		assertThat(rcpc.intervalFor(2, false)).isEqualTo(Interval.parse("6 months"));
		assertThat(rcpc.anchorVariable()).isEqualTo("cppStartDate");
		assertThat(rule("10 working days", null, Basis.LOCAL, null).startVariables())
			.containsExactly("visitDate", "cppStartDate");
	}

	private static Map<String, Rule> lawful() {
		Map<String, Rule> rules = new LinkedHashMap<>();
		rules.put("referral-decision", rule("1 working day", null, Basis.STATUTORY, null));
		rules.put("assessment", rule("45 working days", null, Basis.STATUTORY, null));
		rules.put("icpc", rule("15 working days", null, Basis.STATUTORY, null));
		rules.put("core-group", rule("10 working days", null, Basis.STATUTORY, null));
		rules.put("rcpc", rule("6 months", "3 months", Basis.STATUTORY, null));
		rules.put("complaint-stage-1", rule("10 working days", null, Basis.STATUTORY, "20 working days"));
		rules.put("cla-review", new Rule("Review", 6, IntervalUnit.MONTHS, Interval.parse("20 working days"),
				Interval.parse("3 months"), "Became looked after", "claReviewDate, becameLookedAfterDate",
				Basis.STATUTORY, "CPPCR reg 33", Interval.parse("5 working days"), Interval.parse("5 working days"),
				null, null, null, false));
		rules.put("care-plan", rule("10 working days", null, Basis.STATUTORY, null));
		rules.put("placement-plan", rule("5 working days", null, Basis.STATUTORY, null));
		rules.put("cla-visit", rule("6 weeks", "1 week", Basis.STATUTORY, null));
		rules.put("iha", rule("20 working days", null, Basis.STATUTORY, null));
		rules.put("rha", rule("12 months", null, Basis.STATUTORY, null));
		rules.put("pep", rule("10 working days", null, Basis.STATUTORY, null));
		rules.put("rhi", rule("72 hours", null, Basis.STATUTORY, null));
		rules.put("pathway-plan", rule("3 months", null, Basis.STATUTORY, null));
		rules.put("pathway-plan-review", rule("6 months", null, Basis.STATUTORY, null));
		rules.put("care-proceedings", courtRule("26 weeks", "8 weeks", true));
		return rules;
	}

	/** A rule the court extends time after time, counted beginning with the day of its event. */
	private static Rule courtRule(String interval, String extendableBy, boolean beginningWithTheDay) {
		Interval parsed = Interval.parse(interval);
		return new Rule("Proceedings", parsed.amount(), parsed.unit(), null, null, "Application issued",
				"applicationIssuedDate", Basis.STATUTORY, "Children Act 1989 s.32", Interval.parse("4 weeks"),
				Interval.parse("5 working days"), null, null, extendableBy == null ? null : Interval.parse(extendableBy),
				beginningWithTheDay);
	}

	private static Rule rule(String interval, String first, Basis basis, String extendableTo) {
		Interval parsed = Interval.parse(interval);
		return new Rule("A clock", parsed.amount(), parsed.unit(), first == null ? null : Interval.parse(first), null,
				"Previous visit", "visitDate, cppStartDate", basis, "A citation", Interval.parse("2 working days"),
				Interval.parse("5 working days"), extendableTo == null ? null : Interval.parse(extendableTo), null, null, false);
	}

}
