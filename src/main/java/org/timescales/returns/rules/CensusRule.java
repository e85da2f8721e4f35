package org.timescales.returns.rules;

import org.timescales.returns.rules.CensusReturn.Child;

/**
 * One of the DfE's CIN census validation rules: its code, its message as the DfE publishes it, and
 * what it checks. Only error-type rules are kept here: a return with one firing is rejected, so the
 * export refuses to leave ({@link CensusRules}). Each check is ported from data-to-insight's
 * open-source implementation of the DfE's rules (csc-validator-be-cin), and
 * {@code CensusRulesAgreeWithTheDfeValidatorTest} holds the two to the same answers.
 */
public record CensusRule(String code, String message, Check check) {

	/** What a rule checks: it reports each child it fires for, with the fields at fault. */
	@FunctionalInterface
	public interface Check {

		void apply(CensusReturn census, Report report);

	}

	/** Where a rule fired. */
	@FunctionalInterface
	public interface Report {

		/**
		 * The rule fired for {@code child}, at {@code field} ("Module.Element", as the DfE names them:
		 * {@code ChildIdentifiers.LAchildID}), which holds {@code value} (null when missing).
		 */
		void fired(Child child, String field, Object value);

	}

}
