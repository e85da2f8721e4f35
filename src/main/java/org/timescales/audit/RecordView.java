package org.timescales.audit;

import java.time.Instant;

/** One look at a child's record: which case, who, when (the engine clock) and what ("case", "history", "export"). */
public record RecordView(long id, String caseRef, String viewedBy, Instant viewedAt, String what) {
}
