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
 * @param first for a recurring clock whose first occurrence has its own timescale: the interval used
 * when the clock starts from the last variable of {@code startedBy}, the anchor event (the first
 * review conference within 3 months of the ICPC, later ones within 6); else null
 * @param second the interval of the second occurrence, where that differs too (a looked-after child's
 * second review within 3 months of the first, later ones within 6); else null
 * @param startsAt the event that starts the clock, in words ("Referral received")
 * @param startedBy the process variable holding that event's date or date-time; a comma-separated list
 * means "the latest of these dates that is set" (a visit is due 10 working days after the last visit,
 * the first one after the conference: {@code visitDate, cppStartDate}; after a placement change the
 * new placement's start is the latest)
 * @param basis statutory or local
 * @param source the citation: where the timescale comes from
 * @param reminderBefore when, before the deadline, the worker is reminded
 * @param secondTierAfter how long after the deadline an open task goes to the service manager
 * @param extendableTo the longest a manager may extend the clock to, counted from its start; null
 * when the clock cannot be extended
 * @param deadlinePolicy the name of a bean that computes the deadline where a fixed interval cannot
 * (a health assessment's interval set by the child's age, a term's end); null for the interval
 * @param extendableBy the longest one extension may be, counted from the clock's current due date, with no
 * limit on how many (a court extends care proceedings by up to 8 weeks at a time); null when the clock
 * cannot be extended that way
 * @param beginningWithTheDay whether the period begins with the day of the event, as the law words some
 * timescales ("within 26 weeks beginning with the day on which the application was issued"): that day
 * is the period's first, so it ends a day sooner than "within 26 weeks of" the event; days or weeks only
 */
public record Rule(String label, int amount, IntervalUnit unit, Interval first, Interval second, String startsAt,
		String startedBy, Basis basis, String source, Interval reminderBefore, Interval secondTierAfter,
		Interval extendableTo, String deadlinePolicy, Interval extendableBy, boolean beginningWithTheDay) {

	public Interval interval() {
		return new Interval(amount, unit);
	}

	/**
	 * The timescale of a clock of this rule: {@code first} when it starts from the anchor event,
	 * {@code second} for the second occurrence, else the rule's interval.
	 */
	public Interval intervalFor(int sequenceNo, boolean fromAnchor) {
		if (fromAnchor && first != null) {
			return first;
		}
		return sequenceNo == 2 && second != null ? second : interval();
	}

	/** The anchor event: the last variable of {@code startedBy} (the plan's start, the placement's start). */
	public String anchorVariable() {
		List<String> variables = startVariables();
		return variables.isEmpty() ? null : variables.get(variables.size() - 1);
	}

	public List<String> startVariables() {
		return startedBy == null ? List.of()
				: Arrays.stream(startedBy.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
