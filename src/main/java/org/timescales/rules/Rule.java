package org.timescales.rules;

import org.timescales.calendar.Interval;
import org.timescales.calendar.IntervalUnit;

/**
 * One clock's rule, as configured under {@code timescales.rules.<id>}.
 *
 * @param label what the clock is for, as people say it ("Child and family assessment")
 * @param amount how many units
 * @param unit working days, days, weeks, months or hours
 * @param startsAt the event that starts the clock, in words ("Referral received")
 * @param startedBy the process variable holding that event's date or date-time
 * @param basis statutory or local
 * @param source the citation: where the timescale comes from
 * @param reminderBefore when, before the deadline, the worker is reminded
 * @param secondTierAfter how long after the deadline an open task goes to the service manager
 */
public record Rule(String label, int amount, IntervalUnit unit, String startsAt, String startedBy, Basis basis,
		String source, Interval reminderBefore, Interval secondTierAfter) {

	public Interval interval() {
		return new Interval(amount, unit);
	}

}
