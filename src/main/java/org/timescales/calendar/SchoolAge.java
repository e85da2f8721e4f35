package org.timescales.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * When a child is of compulsory school age in England (Education Act 1996 s.8), the one place these dates
 * are worked out. It begins on the 5th birthday if that is a prescribed day, else on the next prescribed
 * day: 31 March, 31 August or 31 December (Education (Start of Compulsory School Age) Order 1998). It ends
 * at the end of the school leaving date, the last Friday in June (Education (School Leaving Date) Order
 * 1997), of the school year in which the child turns 16 — for a child who turns 16 in July or August, the
 * June before the birthday. A school year here runs from 1 September to 31 August, as year groups are
 * counted.
 */
public final class SchoolAge {

	private static final List<MonthDay> PRESCRIBED_DAYS = List.of(MonthDay.of(Month.MARCH, 31),
			MonthDay.of(Month.AUGUST, 31), MonthDay.of(Month.DECEMBER, 31));

	private SchoolAge() {
	}

	/** The first day of compulsory school age: the 5th birthday if a prescribed day, else the next one. */
	public static LocalDate compulsoryFrom(LocalDate dateOfBirth) {
		LocalDate fifth = dateOfBirth.plusYears(5);
		for (MonthDay day : PRESCRIBED_DAYS) {
			LocalDate prescribed = day.atYear(fifth.getYear());
			if (!prescribed.isBefore(fifth)) {
				return prescribed;
			}
		}
		throw new IllegalStateException("31 December is the last prescribed day of any year");
	}

	/** The school leaving date: the last day of compulsory school age (it ends at the end of that day). */
	public static LocalDate leavingDate(LocalDate dateOfBirth) {
		return lastFridayOfJune(schoolYearEnding(dateOfBirth.plusYears(16)));
	}

	/**
	 * The first day of the reception year: 1 September of the school year in which the child turns 5, when
	 * most children start school, at 4 or just 5 — on or before {@link #compulsoryFrom}.
	 */
	public static LocalDate receptionFrom(LocalDate dateOfBirth) {
		return LocalDate.of(schoolYearEnding(dateOfBirth.plusYears(5)) - 1, Month.SEPTEMBER, 1);
	}

	/** Whether the child is of compulsory school age on the day. */
	public static boolean isCompulsorySchoolAge(LocalDate dateOfBirth, LocalDate day) {
		return !day.isBefore(compulsoryFrom(dateOfBirth)) && !day.isAfter(leavingDate(dateOfBirth));
	}

	static LocalDate lastFridayOfJune(int year) {
		return LocalDate.of(year, Month.JUNE, 30).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
	}

	/** The calendar year in which the school year containing the day ends (September to August). */
	private static int schoolYearEnding(LocalDate day) {
		return day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() + 1 : day.getYear();
	}

}
