/**
 * What happens when a clock nears or passes its deadline: the reminder to whoever holds the work (or the
 * team's mailbox when nobody has picked it up), and the breach escalation, first to the team manager, later
 * to the service manager, each its own process ({@code bpmn/breachEscalation.bpmn}) under the case's
 * reference, so the manager's review outlives the task or plan that breached. A review asks for the reason
 * for delay, the action agreed and a new target date; completing it is the acknowledgement. A manager already
 * mailed about the same case and rule within 10 working days gets no second mail: the morning digest lists
 * the repeat.
 * <p>
 * Other modules use {@link org.timescales.escalation.Escalations} (the BPMN bean {@code escalations}, called
 * by the clocks' watchers and by the breach escalation process),
 * {@link org.timescales.escalation.EscalationLedger} and {@link org.timescales.escalation.EscalationRecord}
 * (reading what was raised and acknowledged) and {@link org.timescales.escalation.EscalationVariables} (the
 * process's key and variables). It owns the {@code escalation} table; {@code EscalationMails} (the reminder
 * and escalation mails, case reference only, never the child) is internal.
 * <p>
 * Depends on {@code clock} (the clock that breached), {@code team} (who the managers are, their addresses),
 * {@code notification} (mail queued in the engine's transaction through the outbox), {@code rules} (the
 * rule's wording; how long a review may take), {@code calendar} and {@code system}. It publishes and listens
 * to no events.
 */
package org.timescales.escalation;
