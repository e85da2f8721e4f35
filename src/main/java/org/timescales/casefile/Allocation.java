package org.timescales.casefile;

import java.time.Instant;

/**
 * A worker's holding of a case in a team: from when, until when (null while it lasts), who allocated it
 * and why, and what ended it ({@code REALLOCATED} or {@code TRANSFERRED}).
 */
public record Allocation(long id, String caseRef, String team, String worker, String supervisor, Instant from,
		String by, String reason, Instant to, String endedBy, String endedBecause) {

	public static final String REALLOCATED = "REALLOCATED";

	public static final String TRANSFERRED = "TRANSFERRED";

	public boolean current() {
		return to == null;
	}

}
