package org.timescales.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Turns "within N units of the event" into a {@link Deadline}, and places reminders and
 * escalations around it. Exposed to BPMN expressions as {@code deadlines}, e.g.
 * {@code ${deadlines.workingDaysAfter(referralReceived, 45)}}.
 * <p>
 * Day-based rules end at midnight at the end of the due date in London; hour rules count
 * real elapsed hours, weekends, holidays and clock changes included.
 */
@Component("deadlines")
public class Deadlines {

	private final WorkingCalendar calendar;

	public Deadlines(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	/** When something that must happen within {@code interval} of {@code event} is due. */
	public Deadline due(Instant event, Interval interval) {
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(interval, "interval");
		if (interval.unit() == IntervalUnit.HOURS) {
			Instant dueAt = event.plus(Duration.ofHours(interval.amount()));
			return new Deadline(London.dateOf(dueAt), dueAt);
		}
		// the event's London date is day 0, whatever time of day it happened
		LocalDate dueDate = forward(London.dateOf(event), interval);
		return new Deadline(dueDate, London.endOfDay(dueDate));
	}

	/**
	 * When something that must happen within {@code interval} <em>beginning with</em> the day of the event is
	 * due, as the law words some periods ("within 26 weeks beginning with the day on which the application
	 * was issued"): that day is the period's first, so it ends the day before the same weekday
	 * {@code interval} later, a day sooner than {@link #due}. 26 weeks beginning with Tuesday 22 December
	 * 2026 end with Monday 21 June 2027. Calendar days and weeks only: bank holidays do not move them.
	 */
	public Deadline dueBeginningWith(Instant event, Interval interval) {
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(interval, "interval");
		if (interval.unit() != IntervalUnit.DAYS && interval.unit() != IntervalUnit.WEEKS) {
			throw new IllegalArgumentException("A period beginning with the day of the event is counted in days or weeks, not " + interval);
		}
		LocalDate dueDate = forward(London.dateOf(event), interval).minusDays(1);
		return new Deadline(dueDate, London.endOfDay(dueDate));
	}

	/** A reminder time: {@code offset} before the deadline (for day units, the end of that earlier day). */
	public Instant before(Deadline deadline, Interval offset) {
		Objects.requireNonNull(deadline, "deadline");
		Objects.requireNonNull(offset, "offset");
		if (offset.unit() == IntervalUnit.HOURS) {
			return deadline.dueAt().minus(Duration.ofHours(offset.amount()));
		}
		return London.endOfDay(backward(deadline.dueDate(), offset));
	}

	/** A second-tier escalation time: {@code offset} after the deadline. */
	public Instant after(Deadline deadline, Interval offset) {
		Objects.requireNonNull(deadline, "deadline");
		Objects.requireNonNull(offset, "offset");
		if (offset.unit() == IntervalUnit.HOURS) {
			return deadline.dueAt().plus(Duration.ofHours(offset.amount()));
		}
		return London.endOfDay(forward(deadline.dueDate(), offset));
	}

	// Camunda timers take a java.util.Date, so the BPMN helpers return one; the event may be
	// any date-like process variable (see London.toInstant).

	public Date workingDaysAfter(Object event, int n) {
		return dueAt(event, new Interval(n, IntervalUnit.WORKING_DAYS));
	}

	public Date hoursAfter(Object event, int n) {
		return dueAt(event, new Interval(n, IntervalUnit.HOURS));
	}

	public Date monthsAfter(Object event, int n) {
		return dueAt(event, new Interval(n, IntervalUnit.MONTHS));
	}

	private Date dueAt(Object event, Interval interval) {
		Instant instant = London.toInstant(event);
		if (instant == null) {
			throw new IllegalArgumentException("No event time to count " + interval + " from");
		}
		return Date.from(due(instant, interval).dueAt());
	}

	private LocalDate forward(LocalDate day, Interval interval) {
		int n = interval.amount();
		return switch (interval.unit()) {
			case WORKING_DAYS -> calendar.addWorkingDays(day, n);
			case DAYS -> day.plusDays(n);
			case WEEKS -> day.plusWeeks(n);
			// plusMonths clamps to the month's end: 31 Jan + 1 month = 28/29 Feb
			case MONTHS -> day.plusMonths(n);
			case HOURS -> throw new IllegalStateException("hours are not counted in dates");
		};
	}

	private LocalDate backward(LocalDate day, Interval interval) {
		int n = interval.amount();
		return switch (interval.unit()) {
			case WORKING_DAYS -> calendar.subtractWorkingDays(day, n);
			case DAYS -> day.minusDays(n);
			case WEEKS -> day.minusWeeks(n);
			case MONTHS -> day.minusMonths(n);
			case HOURS -> throw new IllegalStateException("hours are not counted in dates");
		};
	}

}
