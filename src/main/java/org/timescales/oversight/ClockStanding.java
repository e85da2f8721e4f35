package org.timescales.oversight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.timescales.calendar.WorkingCalendar;

/**
 * Where an open clock stands, the one way the case page and My children say it: red once its deadline
 * has passed, amber while due by {@code dueSoonUntil} (the breaches page's 5 working days), green after;
 * and how late it is or how long is left, in working days (hours for a clock counted in hours, within
 * its last or first day).
 */
record ClockStanding(String rag, String text) {

	static ClockStanding of(Instant dueAt, LocalDate dueDate, boolean hours, Instant now, LocalDate today,
			LocalDate dueSoonUntil, WorkingCalendar calendar) {
		if (!now.isBefore(dueAt)) {
			int late = Math.max(0, calendar.workingDaysBetween(dueDate, today));
			return new ClockStanding("red", hours && late == 0
					? CasePageController.hours(Duration.between(dueAt, now).toHours()) + " late"
					: CasePageController.workingDays(late) + " late");
		}
		int left = calendar.workingDaysBetween(today, dueDate);
		String text = hours ? CasePageController.hours(Duration.between(now, dueAt).toHours()) + " left"
				: left == 0 ? "Due today" : CasePageController.workingDays(left) + " left";
		return new ClockStanding(dueDate.isAfter(dueSoonUntil) ? "green" : "amber", text);
	}

}
