package org.timescales.reporting;

import java.util.List;

/**
 * The measures of the timeliness report. The clock measures count clocks stopped in the period (met
 * in time or late; cancelled clocks are left out) and put those met in time in the numerator; the
 * plan measures count child protection plans, one per first {@code core-group} clock. The two
 * proceedings measures count as in time only a clock stopped by its deadline before any extension: 16
 * weeks from the initial pre-proceedings meeting, 26 weeks from the issue of the application (Children
 * Act 1989 s.32(1)(a)(ii)), however lawfully a court extended it (s.32(5)).
 */
public enum TimelinessMeasure {

	ASSESSMENT("assessment", "Assessments authorised within 45 working days", List.of("assessment")),

	CP_VISIT("cp-visit", "Child protection visits on time", List.of("cp-visit")),

	ICPC("icpc", "Initial child protection conferences within 15 working days", List.of("icpc")),

	RCPC("rcpc", "Review child protection conferences on time", List.of("rcpc")),

	CLA_REVIEW("cla-review", "Looked-after reviews on time", List.of("cla-review")),

	HEALTH("health", "Health assessments on time, children looked after 12 months or more", List.of("iha", "rha")),

	PRE_PROCEEDINGS("pre-proceedings", "Pre-proceedings concluded within 16 weeks", List.of("pre-proceedings")),

	CARE_PROCEEDINGS("care-proceedings", "Care proceedings disposed of within 26 weeks", List.of("care-proceedings")),

	REPEAT_PLAN("repeat-plan", "Plans started that are repeat plans within 2 years", List.of("core-group")),

	LONG_PLAN("long-plan", "Plans ended that lasted 2 years or more", List.of("core-group"));

	private final String id;

	private final String label;

	private final List<String> rules;

	TimelinessMeasure(String id, String label, List<String> rules) {
		this.id = id;
		this.label = label;
		this.rules = rules;
	}

	public String id() {
		return id;
	}

	public String label() {
		return label;
	}

	public List<String> rules() {
		return rules;
	}

	/**
	 * Whether a clock is in time only when stopped by its deadline before any extension (the
	 * proceedings' 16 and 26 weeks), not by the extended one.
	 */
	public boolean beforeAnyExtension() {
		return this == PRE_PROCEEDINGS || this == CARE_PROCEEDINGS;
	}

	/** A measure counted from the clocks of its rule(s) stopped in the period, not from plans. */
	public boolean isClockMeasure() {
		return this != REPEAT_PLAN && this != LONG_PLAN;
	}

	public static TimelinessMeasure byId(String id) {
		for (TimelinessMeasure m : values()) {
			if (m.id.equals(id)) {
				return m;
			}
		}
		return null;
	}

}
