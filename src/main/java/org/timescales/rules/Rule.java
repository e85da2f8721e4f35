package org.timescales.rules;

import java.util.Arrays;
import java.util.List;

import org.timescales.calendar.Interval;
import org.timescales.calendar.IntervalUnit;

/**
 * One clock's rule, as configured under {@code timescales.rules.<id>}.
 *
 * @param label what the clock is for, as people say it ("Child and family assessment")
 * @param amount how many units
 * @param unit working days, days, weeks, months or hours
 * @param first for a recurring clock whose first occurrence has its own timescale (the first review
 * conference within 3 months, later ones within 6): that first interval; else null
 * @param startsAt the event that starts the clock, in words ("Referral received")
 * @param startedBy the process variable holding that event's date or date-time; a comma-separated list
 * means "the first of these that is set" (a visit is due 10 working days after the last visit, the
 * first one after the conference: {@code visitDate, cppStartDate})
 * @param basis statutory or local
 * @param source the citation: where the timescale comes from
 * @param reminderBefore when, before the deadline, the worker is reminded
 * @param secondTierAfter how long after the deadline an open task goes to the service manager
 * @param extendableTo the longest a manager may extend the clock to, counted from its start; null
 * when the clock cannot be extended
 */
public record Rule(String label, int amount, IntervalUnit unit, Interval first, String startsAt, String startedBy,
		Basis basis, String source, Interval reminderBefore, Interval secondTierAfter, Interval extendableTo) {

	public Interval interval() {
		return new Interval(amount, unit);
	}

	/** The timescale of the n-th clock of this rule in one process (1 = the first). */
	public Interval intervalFor(int sequenceNo) {
		return sequenceNo == 1 && first != null ? first : interval();
	}

	public List<String> startVariables() {
		return startedBy == null ? List.of()
				: Arrays.stream(startedBy.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
