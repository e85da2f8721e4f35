/**
 * Shared infrastructure: how every statutory timescale is counted. Working days are Monday to Friday less the
 * England and Wales bank holidays ({@link org.timescales.calendar.WorkingCalendar}); every date is a London
 * date ({@link org.timescales.calendar.London}); "45 working days", "72 hours" and "6 months" are
 * {@link org.timescales.calendar.Interval}s of an {@link org.timescales.calendar.IntervalUnit}, bound from
 * configuration by {@link org.timescales.calendar.IntervalConverter}; and
 * {@link org.timescales.calendar.Deadlines} turns "within an interval of the event" into a
 * {@link org.timescales.calendar.Deadline} (a London due date and the instant it ends), with the reminder
 * before it and the second tier after it. {@link org.timescales.calendar.SchoolAge} is when a child is of
 * compulsory school age (Education Act 1996 s.8: its start and the school leaving date) and in reception.
 * {@link org.timescales.calendar.EngineClock} is the application's
 * {@link java.time.Clock}: the engine's, so a test that moves the engine clock moves ours too.
 * <p>
 * All its types are public and used throughout. It owns no table, depends on no other module (bank holidays
 * come from jollyday, not a feed: deadlines run into years GOV.UK has not published) and publishes no events.
 */
package org.timescales.calendar;
