/**
 * Who holds each child, as a team's managers change it: allocating a case to a worker of the team that holds
 * it (a family practitioner only under a named supervising social worker), and transferring the case to
 * another team, whose managers then get its breaches and which receives it unallocated. Both are audited
 * commands ({@code POST /api/cases/{caseRef}/allocation}, {@code .../transfer}), each taken under the case's
 * row lock in one transaction with the engine's writes, so two changes of one case run one after the other
 * and a change made for a team that lost the case meanwhile is refused with 409.
 * <p>
 * Other modules use {@link org.timescales.allocation.Allocations} (the caseloads page allocates through it,
 * as does the demo data). Internal: the controller, and {@code TaskAllocation}, which gives each new task of
 * an allocated case to its worker unless the work needs a qualification they lack. It owns no table:
 * allocations and transfers are recorded through {@code casefile} ({@link org.timescales.casefile.Holdings},
 * {@link org.timescales.casefile.CaseRepository}).
 * <p>
 * Depends on {@code casefile} (the case, its lock, its holdings), {@code team} and {@code security} (who is
 * in the team, who may hold which work, the managers' right to act, the moved tasks' grants), {@code clock}
 * (a transfer moves the running clocks to the new team, dates and timers untouched), {@code supervision} (an
 * allocation starts or ends the supervision arrangement), {@code pathway} and {@code escalation} (the team
 * variable's name; escalation processes, whose review stays with its manager) and {@code refusal} (its 400 and
 * 404). It listens to the engine's task-created events; it publishes none.
 */
package org.timescales.allocation;
