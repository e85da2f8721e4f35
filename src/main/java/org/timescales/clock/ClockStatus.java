package org.timescales.clock;

/** Where a clock stands: running, past its deadline, or stopped in time or late. */
public enum ClockStatus {

	OPEN, OVERDUE, MET, MET_LATE

}
