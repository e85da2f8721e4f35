package org.timescales.annexa;

import java.util.HashMap;
import java.util.Map;

/**
 * One row of an Annex A list: the child's case it is about (for the read log, whatever identifier the
 * row shows) and its cells by heading; a heading with no cell is left blank.
 */
final class AnnexRow {

	private final String caseRef;

	private final Map<String, Object> cells = new HashMap<>();

	AnnexRow(String caseRef) {
		this.caseRef = caseRef;
	}

	String caseRef() {
		return caseRef;
	}

	/** Sets a cell; {@code null} leaves it blank. */
	AnnexRow set(String heading, Object value) {
		if (value != null) {
			cells.put(heading, value);
		}
		return this;
	}

	Object get(String heading) {
		return cells.get(heading);
	}

	Map<String, Object> cells() {
		return Map.copyOf(cells);
	}

}
