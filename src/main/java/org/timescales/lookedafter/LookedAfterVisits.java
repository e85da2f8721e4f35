package org.timescales.lookedafter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.timescales.calendar.Deadline;
import org.timescales.calendar.Deadlines;
import org.timescales.calendar.Interval;
import org.timescales.calendar.IntervalUnit;
import org.timescales.calendar.London;
import org.timescales.clock.DeadlinePolicy;
import org.timescales.rules.Rule;
import org.timescales.rules.TimescalesProperties;

/**
 * Statutory visits to a looked-after child (CPPCR reg 28): within 1 week of each placement's start,
 * then at most every 6 weeks; once the placement is agreed to last until 18 and has lasted a year, at
 * most every 3 months.
 */
@Component("lookedAfterVisits")
class LookedAfterVisits implements DeadlinePolicy {

	private static final Interval LAW_LONG_TERM = new Interval(3, IntervalUnit.MONTHS);

	private final Deadlines deadlines;

	private final Interval longTerm;

	LookedAfterVisits(Deadlines deadlines, TimescalesProperties properties) {
		this.deadlines = deadlines;
		this.longTerm = properties.lookedAfter().longTermVisits();
		if (longTerm.unit() != IntervalUnit.MONTHS || longTerm.amount() > LAW_LONG_TERM.amount()) {
			throw new IllegalStateException("timescales.looked-after.long-term-visits is " + longTerm
					+ ", looser than the law allows (" + LAW_LONG_TERM + ")");
		}
	}

	@Override
	public Deadline deadline(Rule rule, Instant startedAt, boolean fromAnchor, Map<String, Object> variables) {
		if (fromAnchor) {
			return deadlines.due(startedAt, rule.intervalFor(1, true));
		}
		LocalDate placementStart = London.dateOf(London.toInstant(variables.get(LookedAfterVariables.PLACEMENT_START_DATE)));
		boolean agreedUntil18 = "yes".equals(variables.get(LookedAfterVariables.PLACEMENT_UNTIL_18));
		boolean pastFirstYear = !London.dateOf(startedAt).isBefore(placementStart.plusYears(1));
		return deadlines.due(startedAt, agreedUntil18 && pastFirstYear ? longTerm : rule.interval());
	}

}
