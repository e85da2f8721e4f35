package org.timescales.timeline;

import java.util.List;

/**
 * A timeline as CSV (RFC 4180, header row first). A cell that a spreadsheet would take for a formula
 * (starting =, +, -, @) is prefixed with an apostrophe: the descriptions are free text typed by people.
 */
final class TimelineCsv {

	static final String HEADER = "at,who,what,description,processInstanceId,clockId,ruleId,dueDate,oldValue,newValue";

	private TimelineCsv() {
	}

	static String write(List<TimelineEvent> events) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (TimelineEvent e : events) {
			csv.append(String.join(",", cell(e.at()), cell(e.who()), cell(e.what()), cell(e.description()),
					cell(e.processInstanceId()), cell(e.clockId()), cell(e.ruleId()), cell(e.dueDate()),
					cell(e.oldValue()), cell(e.newValue())))
				.append("\r\n");
		}
		return csv.toString();
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
				|| text.startsWith(" ") || text.endsWith(" ")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
