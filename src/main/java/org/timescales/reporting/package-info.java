/**
 * The timeliness report: for a period (by default the reporting year from 1 April to today) and the viewer's
 * teams, each measure's numerator, denominator and percentage: assessments within 45 working days, child
 * protection visits, initial and review conferences, looked-after reviews, health assessments of children
 * looked after 12 months or more, repeat plans within 2 years, plans that lasted 2 years or more, pre-proceedings
 * concluded within 16 weeks and care proceedings disposed of within 26 weeks (by their deadlines before any
 * extension); and a measure's rows on request. Served as the page {@code /reports/timeliness} and as JSON or CSV at
 * {@code /api/reports/timeliness}, for auditors, managers and administrators, each for the teams they answer
 * for.
 * <p>
 * Its public surface is {@link org.timescales.reporting.Timeliness} (build the report),
 * {@link org.timescales.reporting.TimelinessReport} and {@link org.timescales.reporting.TimelinessMeasure};
 * the controller and {@code TimelinessCsv} are internal. It owns no table: it asks the clock module's
 * {@link org.timescales.clock.ClockReports} for the stopped clocks and plans, case references only.
 * <p>
 * Depends on {@code clock} (the report's reads), {@code oversight} ({@link org.timescales.oversight.Viewer},
 * {@link org.timescales.oversight.OversightScope}: who asks and which teams they may see), {@code security}
 * (the roles that may), {@code audit} (every case listed in a measure's rows goes on its record's read log),
 * {@code calendar} and {@code system}. It publishes and listens to no events.
 */
package org.timescales.reporting;
