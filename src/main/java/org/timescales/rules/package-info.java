/**
 * Shared infrastructure: the timescales themselves, as configuration. Each clock's rule
 * ({@code timescales.rules.<id>} in application.yaml: its interval, the event that starts it, whether it is
 * statutory or local practice, the citation, the reminder and second tier, any extension allowed and any
 * deadline policy) is a {@link org.timescales.rules.Rule} of a {@link org.timescales.rules.Basis};
 * {@link org.timescales.rules.Rules} checks them all at start-up, so a statutory rule configured looser than
 * the law, or a rule missing what a clock needs, stops the application with a message naming it.
 * {@link org.timescales.rules.TimescalesProperties} binds everything else under {@code timescales.*}: teams
 * and services (who breaches escalate to), escalation settings, looked-after settings, school terms and the
 * work that needs a qualification.
 * <p>
 * Those four types are its public surface, used throughout. {@code StatutoryLimits}, the law's own timescales
 * (a rule may be tighter, never looser), is internal and kept in code on purpose: it changes only when the
 * law or statutory guidance does. It owns no table, depends only on {@code calendar} (the intervals) and
 * publishes no events.
 */
package org.timescales.rules;
