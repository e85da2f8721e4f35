package org.timescales.clock;

import java.time.Instant;

/** A recorded event date corrected: in which process, which variable, from what to what, why, by whom and when. */
public record Correction(long id, String caseRef, String processInstanceId, String variableName, String oldValue,
		String newValue, String reason, String correctedBy, Instant correctedAt) {
}
