package org.timescales.clock;

import java.time.Instant;
import java.util.Map;

import org.timescales.calendar.Deadline;
import org.timescales.rules.Rule;

/**
 * A deadline no fixed interval can give — a health assessment due 6 or 12 months on depending on the
 * child's age on the day it falls due, an education plan review due by the end of the next school term.
 * A rule names its policy bean in {@code deadline-policy}.
 */
public interface DeadlinePolicy {

	/**
	 * @param startedAt the event that starts the clock
	 * @param fromAnchor whether it is the rule's anchor event (the placement's start, not the last visit)
	 * @param variables the process's variables (the child's date of birth, the placement's start…)
	 */
	Deadline deadline(Rule rule, Instant startedAt, boolean fromAnchor, Map<String, Object> variables);

}
