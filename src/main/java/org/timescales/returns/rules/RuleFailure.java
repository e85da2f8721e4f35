package org.timescales.returns.rules;

/**
 * A DfE rule that fired: the rule's code and message, the child (their LA child ID), the field
 * ("Module.Element") and the value it holds (null when missing).
 */
public record RuleFailure(String rule, String message, String laChildId, String field, String value) {

	@Override
	public String toString() {
		return "DfE rule " + rule + " (" + message + "): " + (laChildId == null ? "the return" : "child " + laChildId)
				+ ", " + field + "="
				+ (value == null ? "missing" : value);
	}

}
