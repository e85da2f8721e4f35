package org.timescales.annexa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One list of Annex A as Ofsted's template lays it out: its sheet ("List 3"), its columns in order, and
 * the number format of its dates (the template's own: Excel's short date in lists 1–10, which a UK
 * Excel shows as 31/03/2026, and {@code dd/mm/yyyy;@} in list 11).
 */
record AnnexList(int number, List<Column> columns, String dateFormat) {

	/** Excel's built-in short date (number format 14), as the template's date cells have it. */
	static final String SHORT_DATE = "m/d/yy";

	AnnexList {
		columns = List.copyOf(columns);
	}

	String sheet() {
		return "List " + number;
	}

	List<String> headings() {
		return columns.stream().map(Column::heading).toList();
	}

	Optional<Column> column(String heading) {
		return columns.stream().filter(c -> c.heading().equals(heading)).findFirst();
	}

	@SafeVarargs
	static List<Column> columns(List<Column>... parts) {
		List<Column> all = new ArrayList<>();
		for (List<Column> part : parts) {
			all.addAll(part);
		}
		return all;
	}

}
