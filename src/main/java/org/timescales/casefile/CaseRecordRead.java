package org.timescales.casefile;

/**
 * Someone read part of a child's record, or was refused it: published by whichever module served
 * (or refused) the read, synchronously, before the record is handed over; the audit module writes it
 * to the read log. An event, so that the modules guarding and serving the record need not know the log.
 *
 * @param what what was read ({@link #CASE}, {@link #TASK}, {@link #REFUSED}, …)
 * @param viewedBy who read it, or null for the signed-in user (a webapp's user Spring does not know is named)
 */
public record CaseRecordRead(String caseRef, String what, String viewedBy) {

	/** The case record ({@code GET /api/cases/{caseRef}}). */
	public static final String CASE = "case";

	/** A task of the case, its form or its variables, through an engine API. */
	public static final String TASK = "task";

	/** A read the caller was not allowed: recorded too. */
	public static final String REFUSED = "refused";

	/** Read by the signed-in user. */
	public static CaseRecordRead bySignedInUser(String caseRef, String what) {
		return new CaseRecordRead(caseRef, what, null);
	}

}
