package org.timescales.lookedafter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;
import org.timescales.calendar.Deadline;
import org.timescales.calendar.London;
import org.timescales.clock.DeadlinePolicy;
import org.timescales.rules.Rule;
import org.timescales.rules.TimescalesProperties;
import org.timescales.rules.TimescalesProperties.SchoolTerm;

/**
 * Personal education plans are reviewed each term: a plan made during a term is next due by the end
 * of the following term; one made in a holiday, by the end of the coming term. Term dates are the
 * local authority's ({@code timescales.school-terms}).
 */
@Component("termlyReviews")
class TermlyReviews implements DeadlinePolicy {

	private final List<SchoolTerm> terms;

	TermlyReviews(TimescalesProperties properties) {
		this.terms = properties.schoolTerms().stream().sorted(Comparator.comparing(SchoolTerm::start)).toList();
	}

	@Override
	public Deadline deadline(Rule rule, Instant startedAt, boolean fromAnchor, Map<String, Object> variables) {
		LocalDate day = London.dateOf(startedAt);
		for (int i = 0; i < terms.size(); i++) {
			SchoolTerm term = terms.get(i);
			if (day.isBefore(term.start())) {
				return endOf(term); // a holiday: due by the end of the coming term
			}
			if (!day.isAfter(term.end())) {
				if (i + 1 < terms.size()) {
					return endOf(terms.get(i + 1)); // during a term: by the end of the next one
				}
				break;
			}
		}
		throw new ProcessEngineException("timescales.school-terms has no term after " + day
				+ ": add the local authority's term dates to schedule the education plan review");
	}

	private static Deadline endOf(SchoolTerm term) {
		return new Deadline(term.end(), London.endOfDay(term.end()));
	}

}
