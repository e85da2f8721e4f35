/**
 * The front door of a child's case: {@code POST /api/referrals} checks a referral (its dates, a CIN census
 * referral source code, a known team, the child's date of birth against the case's), opens the child's case
 * or finds it, and starts the referral process ({@code bpmn/referral.bpmn}: the decision within 1 working
 * day, the assessment within 45), all in one transaction, so a refused or failed referral leaves nothing
 * behind. The same referral id sent again answers with what the first created. A referral for a case already
 * recorded goes to the team that holds it: only a transfer moves a case.
 * <p>
 * Its public surface is {@link org.timescales.referral.ReferralService} (the demo data uses it),
 * {@link org.timescales.referral.ReferralRequest} and {@link org.timescales.referral.ReferralVariables} (the
 * referral process's key and variables). Internal: the controller, {@code ReferralSource} (the census codes)
 * and {@code ReferralDateCorrections}. It owns no table: the case and the referral record are
 * {@code casefile}'s.
 * <p>
 * Depends on {@code casefile} (the case and referral records; the clocks the answer shows), {@code team}
 * (which teams exist), {@code security} (who may record a referral for which team and case: the front door
 * for any), {@code clock} (the event below), {@code calendar} (London event times) and {@code refusal} (400, the
 * name check). It listens to {@link org.timescales.clock.EventDateCorrected}: a corrected receipt date
 * corrects the referral record too ({@link org.timescales.casefile.ReferralDates}), in the same transaction.
 * It publishes none.
 */
package org.timescales.referral;
