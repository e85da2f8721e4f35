package org.timescales.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.timescales.calendar.Interval;
import org.timescales.calendar.IntervalUnit;

/**
 * The configured clock rules, checked at start-up: a statutory rule looser than the law, or a
 * rule missing what a clock needs, stops the application with a message naming it.
 */
@Component
public class Rules {

	private final Map<String, Rule> rules;

	Rules(TimescalesProperties properties) {
		this.rules = Map.copyOf(properties.rules());
		List<String> problems = problems(rules);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Invalid timescales.rules: " + String.join("; ", problems));
		}
	}

	public Rule get(String ruleId) {
		Rule rule = rules.get(ruleId);
		if (rule == null) {
			throw new IllegalArgumentException("No clock rule '" + ruleId + "' in timescales.rules");
		}
		return rule;
	}

	public Collection<String> ids() {
		return rules.keySet();
	}

	private static void notLooser(List<String> problems, String what, Interval configured, Interval law) {
		if (configured.unit() != law.unit()) {
			problems.add(what + " must be counted in " + law.unit() + " as the law counts it (" + law + ")");
		}
		else if (configured.amount() > law.amount()) {
			problems.add(what + " is " + configured + ", looser than the law allows (" + law + ")");
		}
	}

	static List<String> problems(Map<String, Rule> rules) {
		List<String> problems = new ArrayList<>();
		StatutoryLimits.LIMITS.forEach((id, limit) -> {
			if (!rules.containsKey(id)) {
				problems.add(id + " is a statutory timescale (" + limit.interval() + ") and must be configured");
			}
		});
		rules.forEach((id, rule) -> {
			if (rule.label() == null || rule.label().isBlank()) {
				problems.add(id + ".label is required");
			}
			if (rule.unit() == null || rule.amount() <= 0) {
				problems.add(id + " needs a positive amount and a unit");
				return;
			}
			if (rule.startVariables().isEmpty()) {
				problems.add(id + ".started-by must name the variable holding the event that starts the clock");
			}
			if (rule.source() == null || rule.source().isBlank()) {
				problems.add(id + ".source must cite where the timescale comes from");
			}
			if (rule.reminderBefore() == null || rule.secondTierAfter() == null) {
				problems.add(id + " needs reminder-before and second-tier-after");
			}
			if (rule.beginningWithTheDay() && rule.unit() != IntervalUnit.DAYS && rule.unit() != IntervalUnit.WEEKS) {
				problems.add(id + ".beginning-with-the-day counts days or weeks, not " + rule.unit());
			}
			if (rule.extendableTo() != null && rule.extendableBy() != null) {
				problems.add(id + " takes extendable-to (in all) or extendable-by (each time), not both");
			}
			StatutoryLimits.Limit limit = StatutoryLimits.LIMITS.get(id);
			if (limit != null) {
				if (rule.basis() != Basis.STATUTORY) {
					problems.add(id + " is set by law: basis must be statutory");
				}
				notLooser(problems, id, rule.interval(), limit.interval());
				if (limit.first() != null) {
					notLooser(problems, id + ".first", rule.intervalFor(1, true), limit.first());
				}
				if (limit.second() != null) {
					notLooser(problems, id + ".second", rule.intervalFor(2, false), limit.second());
				}
				if (rule.extendableTo() != null) {
					if (limit.extension() == null) {
						problems.add(id + " is a statutory timescale the law does not allow to be extended");
					}
					else {
						notLooser(problems, id + ".extendable-to", rule.extendableTo(), limit.extension());
					}
				}
				if (rule.extendableBy() != null) {
					if (limit.extensionEach() == null) {
						problems.add(id + " is a statutory timescale the law does not allow to be extended time after time");
					}
					else {
						notLooser(problems, id + ".extendable-by", rule.extendableBy(), limit.extensionEach());
					}
				}
				if (limit.beginningWithTheDay() && !rule.beginningWithTheDay()) {
					problems.add(id + " is counted by the law beginning with the day of the event (" + limit.interval()
							+ "): set beginning-with-the-day, or it ends a day later than the law allows");
				}
			}
			else if (rule.basis() == Basis.STATUTORY) {
				problems.add(id + " is marked statutory but the law's limit is not known to Timescales (StatutoryLimits)");
			}
		});
		return problems;
	}

}
