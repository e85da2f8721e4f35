/**
 * A child's time in care: becoming looked after, placement changes, missing episodes and leaving care
 * ({@code POST /api/cases/{caseRef}/looked-after}, {@code .../placements}, {@code .../missing-episodes},
 * {@code .../left-care}), each checked against what is already recorded and changing nothing when refused;
 * and the processes that follow: {@code bpmn/childLookedAfter.bpmn} (the care plan, reviews, each placement's plan and
 * visits, health and dental assessments, education plans, the eligible child's pathway plan), {@code careLeaver.bpmn}
 * (the pathway plan taken over on leaving care, and its reviews) and
 * {@code returnHomeInterview.bpmn} (the interview within 72 hours of a missing child's return).
 * <p>
 * Its public surface: {@link org.timescales.lookedafter.LookedAfterService} (the API's commands, which the
 * demo data uses too), {@link org.timescales.lookedafter.LookedAfter} (the BPMN bean {@code lookedAfter},
 * also called where a child in need or child protection plan ends with the child becoming looked after) and
 * {@link org.timescales.lookedafter.LookedAfterVariables}. Internal: the controller and the three
 * {@link org.timescales.clock.DeadlinePolicy} beans that the rules name for deadlines no fixed interval
 * gives: {@code lookedAfterVisits} (CPPCR reg 28), {@code reviewHealthAssessments} (6-monthly under 5, yearly
 * from 5) and {@code termlyReviews} (by the end of the next school term); and {@code Eligibility}, the day a
 * child becomes an eligible child (CPPCR reg 40), counting the earlier periods of care the engine's history
 * holds. It owns no table: a child's care is its processes and their variables.
 * <p>
 * Depends on {@code casefile} (the case, its team, the child's date of birth; the clocks an answer shows),
 * {@code pathway} (leaving care cancels the open work with the reason), {@code clock} (a placement change
 * cancels the open visit clock; the deadline policies), {@code rules} (whether education plans start with
 * reception, long-term visits, term dates), {@code calendar} (working days; compulsory school age, {@code SchoolAge})
 * and {@code refusal}. It publishes and listens to no events.
 */
package org.timescales.lookedafter;
