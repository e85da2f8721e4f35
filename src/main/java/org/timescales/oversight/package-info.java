/**
 * What a manager answers for, team by team. The breaches page ({@code /oversight}, JSON at
 * {@code /api/oversight}): open breaches worst first with their escalations, breaches done late whose review
 * is still awaited, deadlines due in the next 5 working days, each worker's share and the children nobody
 * holds. The caseloads ({@code /oversight/caseloads}, {@code /api/caseloads}): each worker's open children by
 * kind of work (child protection, looked after, child in need) with their overdue clocks, children held by
 * someone no longer qualified to hold them, and the unallocated, from which a manager allocates. The case page
 * ({@code /cases/{caseRef}}, for everyone who may read the case): one child at a glance, from casefile's
 * {@link org.timescales.casefile.CaseViews} (which logs the read), its open clocks red, amber or green as the
 * breaches page counts them; every case reference on our pages links to it. The start page ({@code /start},
 * where signing in lands) takes each role to its pages; {@code /my/children} lists the open children a
 * practitioner holds, the soonest deadline first; {@code /my/team} shows a manager each team's caseloads beside
 * its breaches, and the breaches page charts each team's open breaches week by week; every page of ours carries the same header, whose links
 * ({@code Navigation}) are only those the user's roles may open. Who sees
 * which teams is decided here, whatever the security in front does: a team manager their teams, a service
 * manager their services' teams, auditors and administrators all.
 * <p>
 * Other modules use {@link org.timescales.oversight.Viewer} (who is signed in) and
 * {@link org.timescales.oversight.OversightScope} (which teams they answer for): the read log and the
 * timeliness report check their callers with them; the digest uses {@link org.timescales.oversight.Caseloads}
 * for the unallocated children. Also public: {@link org.timescales.oversight.Oversight} and
 * {@link org.timescales.oversight.OversightReport} (the report),
 * {@link org.timescales.oversight.OversightFormat} (the page's dates). The controllers are internal. It owns
 * no table: it asks the clock module's {@link org.timescales.clock.OpenClocks} and the escalation module's
 * {@link org.timescales.escalation.EscalationLedger} for the breaches, case references only, never a child's
 * details.
 * <p>
 * Depends on {@code clock} and {@code escalation} (the breaches and their escalations; which processes are
 * machinery, not casework), {@code casefile} (who holds each child, since when), {@code allocation} (the
 * caseloads page's allocation is the API's command), {@code team} and {@code security} (members, roles,
 * qualifications; reading the engine as the system once the viewer's right to the team is decided; write
 * access to the case allocated; read access to the case shown), {@code pathway} (the team variable), {@code rules}, {@code calendar}
 * (working days late), {@code system} and {@code refusal}. It publishes and listens to no events.
 */
package org.timescales.oversight;
