package org.timescales.lookedafter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.timescales.calendar.Deadline;
import org.timescales.calendar.Deadlines;
import org.timescales.calendar.Interval;
import org.timescales.calendar.IntervalUnit;
import org.timescales.calendar.London;
import org.timescales.clock.DeadlinePolicy;
import org.timescales.rules.Rule;

/**
 * Review health assessments: every 6 months while the child is under 5, every 12 months (the rule's
 * interval) from 5. The child's age on the date the next one would fall due decides, so a child turning
 * 5 moves to the yearly rule at the right moment.
 */
@Component("reviewHealthAssessments")
class ReviewHealthAssessments implements DeadlinePolicy {

	/** Promoting the health and well-being of looked-after children (2015): 6-monthly under 5. */
	static final Interval UNDER_FIVE = new Interval(6, IntervalUnit.MONTHS);

	private final Deadlines deadlines;

	ReviewHealthAssessments(Deadlines deadlines) {
		this.deadlines = deadlines;
	}

	@Override
	public Deadline deadline(Rule rule, Instant startedAt, boolean fromAnchor, Map<String, Object> variables) {
		LocalDate dateOfBirth = LocalDate.parse(variables.get(LookedAfterVariables.DATE_OF_BIRTH).toString());
		Deadline underFive = deadlines.due(startedAt, UNDER_FIVE);
		boolean stillUnderFive = Period.between(dateOfBirth, underFive.dueDate()).getYears() < 5;
		return stillUnderFive ? underFive : deadlines.due(startedAt, rule.interval());
	}

}
