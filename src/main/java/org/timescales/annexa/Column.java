package org.timescales.annexa;

/**
 * One column of an Annex A list: its heading as Ofsted's template spells it, and what its cells hold
 * (a date, a whole number, a value of a code list, or text).
 */
record Column(String heading, Kind kind, Codes codes) {

	enum Kind {
		TEXT, DATE, NUMBER, CODE
	}

	static Column text(String heading) {
		return new Column(heading, Kind.TEXT, null);
	}

	static Column date(String heading) {
		return new Column(heading, Kind.DATE, null);
	}

	static Column number(String heading) {
		return new Column(heading, Kind.NUMBER, null);
	}

	static Column code(String heading, Codes codes) {
		return new Column(heading, Kind.CODE, codes);
	}

}
