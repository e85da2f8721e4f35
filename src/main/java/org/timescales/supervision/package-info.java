/**
 * Supervision of a case held by a differently qualified worker: when a lead practitioner who is not a
 * social worker (a family practitioner) holds a case, a named registered social worker supervises it
 * and records that oversight every 20 working days (local rule {@code supervision}, bpmn/supervision.bpmn),
 * with the reminders and escalations every clock has. The allocation command starts and ends the
 * arrangement through {@link org.timescales.supervision.Supervision}.
 */
package org.timescales.supervision;
