package org.timescales.returns.rules;

import java.util.List;

/**
 * The DfE's error-type rules on module CINdetails (a child's episodes: dates, reasons for closure, referral NFA, primary need), each ported from data-to-insight's
 * {@code cin_validator/rules/<year>/rule_<code>.py}.
 */
final class EpisodeRules {

	static final List<CensusRule> RULES = List.of();

	private EpisodeRules() {
	}

}
