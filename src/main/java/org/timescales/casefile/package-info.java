/**
 * The child's case record: the child (name, date of birth, the details that stay out of process variables),
 * the team that holds the case and since when, the referrals received for it, and who has held it (each
 * allocation to a worker and each transfer between teams); and the case as {@code GET /api/cases/{caseRef}}
 * shows it, with every stage (process) it has been through and every clock with its escalations. The case
 * reference is the business key of every process of the case.
 * <p>
 * Other modules use {@link org.timescales.casefile.CaseRepository} (cases, referrals, the case's row lock
 * that serialises changes of who holds it), {@link org.timescales.casefile.Holdings} (allocations, transfers,
 * who held the child at an instant), {@link org.timescales.casefile.ReferralDates} (a corrected receipt
 * date), {@link org.timescales.casefile.ChildDetails} (the audited change of the child's census details: sex,
 * ethnicity, UPN or why it is unknown, disabilities), {@link org.timescales.casefile.CensusCodes} (the census's
 * codes, the DfE's UPN rules), the records {@link org.timescales.casefile.ChildCase},
 * {@link org.timescales.casefile.ReferralRecord}, {@link org.timescales.casefile.Allocation} and
 * {@link org.timescales.casefile.Transfer}, and the API's views {@link org.timescales.casefile.CaseViews},
 * {@link org.timescales.casefile.CaseClocks}, {@link org.timescales.casefile.ClockView} and
 * {@link org.timescales.casefile.CaseStages.Stage} (a stage as the view shows it; the case page renders it). It
 * owns the tables {@code child_case}, {@code referral}, {@code allocation}, {@code case_transfer} and
 * {@code child_detail_change}; the controller is internal, and so is reading the stages from the engine's history.
 * <p>
 * Depends on {@code clock} (the ledger's clocks; the watchers' process key, left out of the stages),
 * {@code escalation} (each clock's escalations), {@code system} (SQL times) and {@code refusal} (404). It
 * publishes {@link org.timescales.casefile.CaseRecordRead} each time the case is shown, for the {@code audit}
 * module's read log; {@code security} publishes it too.
 */
package org.timescales.casefile;
