package org.timescales.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.Date;

/**
 * The one time zone every statutory deadline is counted in, and the conversions into it.
 * <p>
 * Deadlines are dates in England, so a zone-less time or a bare date always means London
 * time, whatever zone the JVM or the caller happens to run in.
 */
public final class London {

	public static final ZoneId ZONE = ZoneId.of("Europe/London");

	private London() {
	}

	/**
	 * Parses an event time: an ISO date-time with an offset or zone
	 * ({@code 2026-07-01T00:30:00+01:00}, {@code 2026-07-01T00:30:00Z}), an ISO local
	 * date-time (London time) or an ISO date (the start of that day in London).
	 *
	 * @throws IllegalArgumentException if the text is none of these
	 */
	public static Instant parseEventTime(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("An event time is required (ISO date-time such as "
					+ "2026-07-01T09:00:00, 2026-07-01T09:00:00+01:00 or ISO date 2026-07-01)");
		}
		String trimmed = text.trim();
		try {
			// ISO_DATE_TIME takes the offset and the zone as optional, so one pass covers
			// "...+01:00", "...Z", "...[Europe/London]" and local date-times.
			TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(trimmed,
					ZonedDateTime::from, LocalDateTime::from);
			if (parsed instanceof ZonedDateTime zoned) {
				return zoned.toInstant();
			}
			return toInstant((LocalDateTime) parsed);
		}
		catch (DateTimeParseException notADateTime) {
			// fall through: it may be a bare date
		}
		try {
			return startOfDay(LocalDate.parse(trimmed));
		}
		catch (DateTimeParseException notADate) {
			throw new IllegalArgumentException("Not an event time: '" + text + "'. Expected an ISO "
					+ "date-time with offset (2026-07-01T09:00:00+01:00 or ...Z), an ISO local "
					+ "date-time in London time (2026-07-01T09:00:00) or an ISO date (2026-07-01)",
					notADate);
		}
	}

	/**
	 * Converts whatever a process variable or a caller holds into an instant. Zone-less
	 * values are London time; a date is the start of that day. {@code null} stays
	 * {@code null}.
	 *
	 * @throws IllegalArgumentException for an unsupported type or an unparseable string
	 */
	public static Instant toInstant(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof java.sql.Date sqlDate) {
			// java.sql.Date is a calendar date and throws on toInstant()
			return startOfDay(sqlDate.toLocalDate());
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof OffsetDateTime offsetDateTime) {
			return offsetDateTime.toInstant();
		}
		if (value instanceof ZonedDateTime zonedDateTime) {
			return zonedDateTime.toInstant();
		}
		if (value instanceof LocalDateTime localDateTime) {
			return toInstant(localDateTime);
		}
		if (value instanceof LocalDate localDate) {
			return startOfDay(localDate);
		}
		if (value instanceof Calendar calendar) {
			return calendar.toInstant();
		}
		if (value instanceof CharSequence text) {
			return parseEventTime(text.toString());
		}
		throw new IllegalArgumentException("Cannot read a point in time from a "
				+ value.getClass().getName() + ": " + value);
	}

	/** The London calendar date of an instant. */
	public static LocalDate dateOf(Instant instant) {
		return LocalDate.ofInstant(instant, ZONE);
	}

	/**
	 * The end of a London day, i.e. the start of the next day: a deadline "by day X" runs
	 * to midnight at the end of X. Counted in London, so it is 23:00Z in summer time.
	 */
	public static Instant endOfDay(LocalDate day) {
		return startOfDay(day.plusDays(1));
	}

	private static Instant startOfDay(LocalDate day) {
		// atStartOfDay(zone) copes with a zone whose midnight is skipped; London's never is
		return day.atStartOfDay(ZONE).toInstant();
	}

	private static Instant toInstant(LocalDateTime localDateTime) {
		try {
			// In the spring-forward gap the time moves on by an hour; in the autumn overlap
			// the earlier (summer time) reading wins, the java.time default.
			return localDateTime.atZone(ZONE).toInstant();
		}
		catch (DateTimeException e) {
			throw new IllegalArgumentException("Not a London time: " + localDateTime, e);
		}
	}

}
