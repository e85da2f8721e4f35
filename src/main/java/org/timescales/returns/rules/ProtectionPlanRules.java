package org.timescales.returns.rules;

import java.util.List;

/**
 * The DfE's error-type rules on module ChildProtectionPlans and Reviews, each ported from data-to-insight's
 * {@code cin_validator/rules/<year>/rule_<code>.py}.
 */
final class ProtectionPlanRules {

	static final String START = "ChildProtectionPlans.CPPstartDate";

	static final String END = "ChildProtectionPlans.CPPendDate";

	static final List<CensusRule> RULES = List.of();

	private ProtectionPlanRules() {
	}

}
