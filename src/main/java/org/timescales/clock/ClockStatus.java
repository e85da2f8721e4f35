package org.timescales.clock;

/**
 * Where a clock stands: running, past its deadline, stopped in time or late, or cancelled because the
 * work stopped being needed (a plan ended, a conference was not required).
 */
public enum ClockStatus {

	OPEN, OVERDUE, MET, MET_LATE, CANCELLED

}
