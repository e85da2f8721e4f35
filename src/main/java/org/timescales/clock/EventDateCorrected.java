package org.timescales.clock;

import java.time.Instant;

/**
 * A recorded event date was corrected (ClockChanges.correct), published in the correction's
 * transaction: every module that keeps its own copy of the date (the referral record's receivedAt)
 * corrects it there, so the one correction path updates every store.
 */
public record EventDateCorrected(String caseRef, String processInstanceId, String variable, Instant from, Instant to) {
}
