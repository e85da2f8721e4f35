package org.timescales.supervision;

/** The supervision process's variables; form field keys are the same names. */
final class SupervisionVariables {

	static final String PROCESS_KEY = "supervision";

	static final String SUPERVISION_ENDED = "SupervisionEnded";

	static final String CASE_REF = "caseRef";

	/** The family practitioner's user id: the worker supervised. */
	static final String WORKER = "worker";

	/** The supervising social worker's user id: the Record supervision task's assignee. */
	static final String SUPERVISOR = "supervisor";

	/** When the arrangement started: the first supervision clock counts from it. */
	static final String ALLOCATED_AT = "allocatedAt";

	/** The date a supervision really took place (form field): the next clock counts from it. */
	static final String SUPERVISION_DATE = "supervisionDate";

	static final String SUPERVISION_ENDED_REASON = "supervisionEndedReason";

	static final String ARRANGEMENT_CHANGED = "Supervision arrangement changed";

	private SupervisionVariables() {
	}

}
