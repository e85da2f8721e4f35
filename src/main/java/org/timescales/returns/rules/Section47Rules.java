package org.timescales.returns.rules;

import java.util.List;

/**
 * The DfE's error-type rules on module Section47, each ported from data-to-insight's
 * {@code cin_validator/rules/<year>/rule_<code>.py}.
 */
final class Section47Rules {

	static final List<CensusRule> RULES = List.of();

	private Section47Rules() {
	}

}
