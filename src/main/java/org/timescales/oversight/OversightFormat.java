package org.timescales.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.timescales.calendar.London;

/** Dates and times as the oversight page shows them: UK time, words a reader can take in at a glance. */
public final class OversightFormat {

	static final OversightFormat INSTANCE = new OversightFormat();

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK)
		.withZone(London.ZONE);

	private OversightFormat() {
	}

	public String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	/** "1 working day", "4 working days". */
	public String workingDays(int n) {
		return n + (n == 1 ? " working day" : " working days");
	}

	public String hours(Long n) {
		return n == null ? "" : n + (n == 1 ? " hour" : " hours");
	}

}
