/**
 * How a case moves along the pathway from referral to plan: the referral, a section 47 enquiry
 * ({@code bpmn/section47.bpmn}: strategy discussion, child seen, initial conference), a child in need plan
 * ({@code childInNeedPlan.bpmn}) or a child protection plan ({@code childProtectionPlan.bpmn}). One process
 * hands the case to the next by a start message under the case reference, carrying the team and the date that
 * starts the next process's clocks; the episode's closure (no further action, early help, plan ended) and a
 * plan's end are recorded with their dates and reasons, and work no longer needed is cancelled with the
 * reason on each open task and clock.
 * <p>
 * Its public surface is {@link org.timescales.pathway.Pathway} (the BPMN bean {@code pathway}, called by the
 * referral, section 47, plan and supervision processes; {@code lookedafter} calls it when a child leaves
 * care) and {@link org.timescales.pathway.PathwayVariables} (the variables and message names the processes
 * share; the {@code team} variable names who holds a process's work). It owns no table: the pathway's state
 * is the engine's.
 * <p>
 * Depends on {@code clock} (cancelling the initial conference's clock when none is needed, and a plan's open
 * clocks when it ends) and {@code calendar} (London dates). It publishes and listens to no Spring events; its
 * hand-overs are the engine's messages.
 */
package org.timescales.pathway;
