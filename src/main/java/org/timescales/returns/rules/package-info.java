/**
 * The DfE's CIN census validation rules, ported to run over a return before it leaves: a return
 * with an error-type rule firing is rejected by the DfE, so the export refuses it, naming the rule,
 * the child and the field.
 */
package org.timescales.returns.rules;
