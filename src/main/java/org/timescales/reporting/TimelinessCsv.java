package org.timescales.reporting;

import java.util.ArrayList;
import java.util.List;

import org.timescales.reporting.TimelinessReport.Figure;
import org.timescales.reporting.TimelinessReport.Row;

/**
 * The report as CSV (RFC 4180, CRLF): the measures, or a measure's rows when one was asked for. A
 * value a spreadsheet would read as a formula is prefixed with an apostrophe.
 */
final class TimelinessCsv {

	static final String MEASURES_HEADER = "measure,label,numerator,denominator,percentage";

	static final String ROWS_HEADER = "measure,case_ref,clock_id,rule_id,team,started_on,due_date,stopped_on,on_time,previous_plan_ended_on,in_numerator";

	private TimelinessCsv() {
	}

	static String of(TimelinessReport report) {
		List<String> lines = new ArrayList<>();
		if (report.measure() == null) {
			lines.add(MEASURES_HEADER);
			for (Figure f : report.measures()) {
				lines.add(line(f.id(), f.label(), f.numerator(), f.denominator(), f.percentage()));
			}
		}
		else {
			lines.add(ROWS_HEADER);
			for (Row r : report.rows()) {
				lines.add(line(report.measure(), r.caseRef(), r.clockId(), r.ruleId(), r.team(), r.startedOn(),
						r.dueDate(), r.stoppedOn(), r.onTime() == null ? null : (r.onTime() ? "yes" : "no"),
						r.previousPlanEndedOn(), r.inNumerator() ? "yes" : "no"));
			}
		}
		return String.join("\r\n", lines) + "\r\n";
	}

	private static String line(Object... values) {
		List<String> cells = new ArrayList<>();
		for (Object v : values) {
			cells.add(cell(v));
		}
		return String.join(",", cells);
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String s = value.toString();
		if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
			s = "'" + s;
		}
		if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
			s = "\"" + s.replace("\"", "\"\"") + "\"";
		}
		return s;
	}

}
