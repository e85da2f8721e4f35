package org.timescales.calendar;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statutory timescale such as "45 working days", "24 hours" or "3 months". Rules keep
 * their intervals as text in configuration, so a change in guidance is not a code change.
 */
public record Interval(int amount, IntervalUnit unit) {

	// digits only: a sign would let "-1 days" through as a backwards deadline
	private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(\\D.*)");

	public Interval {
		if (amount < 0) {
			throw new IllegalArgumentException("An interval cannot be negative: " + amount);
		}
		Objects.requireNonNull(unit, "unit");
	}

	/**
	 * Parses "45 working days", "1 working day", "8 hours", "3 months", "1 week".
	 *
	 * @throws IllegalArgumentException if the text is not an amount followed by a unit
	 */
	public static Interval parse(String text) {
		if (text == null) {
			throw new IllegalArgumentException("An interval is required, such as '45 working days'");
		}
		Matcher matcher = FORM.matcher(text.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not an interval: '" + text
					+ "'. Expected a whole number and a unit, such as '45 working days' or '24 hours'");
		}
		int amount;
		try {
			amount = Integer.parseInt(matcher.group(1));
		}
		catch (NumberFormatException tooBig) {
			throw new IllegalArgumentException("Interval amount out of range: '" + text + "'", tooBig);
		}
		return new Interval(amount, IntervalUnit.parse(matcher.group(2)));
	}

	/** The human form, which {@link #parse} reads back: "45 working days", "1 working day". */
	@Override
	public String toString() {
		return amount + " " + unit.label(amount);
	}

}
