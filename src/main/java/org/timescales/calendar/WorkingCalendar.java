package org.timescales.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.stereotype.Component;

/**
 * The one place that knows what a working day is: Monday to Friday, less the England &amp;
 * Wales bank holidays (substitute days included), as in the Representations Procedure
 * (England) Regulations 2006, reg 2. Everything else counts working days through this.
 * <p>
 * Bank holidays come from jollyday rather than GOV.UK's feed because deadlines run into
 * years GOV.UK has not published yet (a 45-working-day clock started in December).
 */
@Component("workingCalendar")
public class WorkingCalendar {

	// Without the "eng" subdivision jollyday drops Easter Monday and the August holiday.
	private static final String ENGLAND = "eng";

	private final HolidayManager holidayManager = HolidayManager
			.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

	// Every deadline asks for the same few years; jollyday re-evaluates its rules each call.
	private final ConcurrentMap<Integer, SortedSet<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

	public boolean isBankHoliday(LocalDate day) {
		return bankHolidays(day.getYear()).contains(day);
	}

	public boolean isWorkingDay(LocalDate day) {
		DayOfWeek dayOfWeek = day.getDayOfWeek();
		return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !isBankHoliday(day);
	}

	/** The days off in England &amp; Wales in a year, as observed (substitutes, not the weekend dates). */
	public SortedSet<LocalDate> bankHolidays(int year) {
		return holidaysByYear.computeIfAbsent(year, this::loadBankHolidays);
	}

	/**
	 * The n-th working day after {@code day0}. The day of the event is day 0 whatever it is
	 * (a Saturday referral is due one working day later on Monday); n = 0 gives day0 itself.
	 * A negative n counts backwards.
	 */
	public LocalDate addWorkingDays(LocalDate day0, int n) {
		Objects.requireNonNull(day0, "day0");
		if (n < 0) {
			return subtractWorkingDays(day0, -n);
		}
		LocalDate day = day0;
		for (int counted = 0; counted < n;) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/** The n-th working day before {@code from}; n = 0 gives from itself. */
	public LocalDate subtractWorkingDays(LocalDate from, int n) {
		Objects.requireNonNull(from, "from");
		if (n < 0) {
			return addWorkingDays(from, -n);
		}
		LocalDate day = from;
		for (int counted = 0; counted < n;) {
			day = day.minusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * Working days after {@code from} up to and including {@code to}, so that
	 * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}; negative if {@code to} is
	 * before {@code from}. With from = the due date and to = the day it was done, this is
	 * "how many working days late".
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	private SortedSet<LocalDate> loadBankHolidays(int year) {
		SortedSet<LocalDate> days = new TreeSet<>();
		// Neighbouring years too: a substitute day could in principle cross New Year.
		for (int y = year - 1; y <= year + 1; y++) {
			for (Holiday holiday : holidayManager.getHolidays(Year.of(y), ENGLAND)) {
				if (holiday.getType() == HolidayType.OBSERVANCE) {
					continue; // marked in the calendar but not a day off
				}
				// The observed date is the day off: Boxing Day 2026 (a Saturday) is Monday 28 December.
				LocalDate dayOff = holiday.getObservedDate().orElse(holiday.getActualDate());
				if (dayOff.getYear() == year) {
					days.add(dayOff);
				}
			}
		}
		return Collections.unmodifiableSortedSet(days);
	}

}
