/**
 * Complaints about a child's case: {@code POST /api/complaints} records a stage 1 complaint and starts its
 * process ({@code bpmn/complaint.bpmn}), whose clock gives 10 working days to respond, which a manager may
 * extend to 20 (Representations Procedure (England) Regulations 2006, reg 14). The same complaint id sent
 * again answers with what the first created.
 * <p>
 * No other module uses it: its one class, the controller, is internal. It owns no table: a complaint is its
 * process, its id and receipt date process variables. Depends on {@code casefile} (the case and its team; the
 * clocks the answer shows), {@code security} (write access to the case), {@code calendar} (the receipt date)
 * and {@code refusal} (400). It publishes and listens to no events.
 */
package org.timescales.complaint;
