package org.timescales.calendar;

import java.util.Locale;

/** The units statutory timescales are written in. */
public enum IntervalUnit {

	WORKING_DAYS("working day", "working days"),
	DAYS("day", "days"),
	WEEKS("week", "weeks"),
	MONTHS("month", "months"),
	HOURS("hour", "hours");

	private final String singular;

	private final String plural;

	IntervalUnit(String singular, String plural) {
		this.singular = singular;
		this.plural = plural;
	}

	/**
	 * Reads a unit the way people and configuration files write it: "working days",
	 * "working-days", "working_days", "WORKING_DAYS", "working day", "hour", "Months"...
	 *
	 * @throws IllegalArgumentException if the text names no unit
	 */
	public static IntervalUnit parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("A time unit is required (working days, days, "
					+ "weeks, months or hours)");
		}
		// one canonical spelling: lower case, single underscores, no plural "s"
		String key = text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
		if (key.endsWith("s")) {
			key = key.substring(0, key.length() - 1);
		}
		return switch (key) {
			case "working_day" -> WORKING_DAYS;
			case "day" -> DAYS;
			case "week" -> WEEKS;
			case "month" -> MONTHS;
			case "hour" -> HOURS;
			default -> throw new IllegalArgumentException("Unknown time unit '" + text
					+ "': expected working days, days, weeks, months or hours");
		};
	}

	/** "working day" for 1, "working days" otherwise. */
	String label(int amount) {
		return amount == 1 ? singular : plural;
	}

}
