package org.timescales.annexa;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading our Annex A workbook's rows in the tests, as a person reading the sheet would. */
final class AnnexARows {

	private AnnexARows() {
	}

	static List<String> concat(List<String> first, String... then) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(then));
		return all;
	}

	/** Each cell as text, as many as the sheet has headings: dates as ISO dates (they are real Excel dates), numbers as integers. */
	static List<String> values(Row row) {
		assertThat(row).isNotNull();
		List<String> values = new ArrayList<>();
		for (int c = 0; c < row.getSheet().getRow(0).getLastCellNum(); c++) {
			Cell cell = row.getCell(c);
			if (cell == null || cell.getCellType() == CellType.BLANK) {
				values.add("");
			}
			else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
				values.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
			}
			else if (cell.getCellType() == CellType.NUMERIC) {
				values.add(String.valueOf((long) cell.getNumericCellValue()));
			}
			else {
				values.add(cell.getStringCellValue());
			}
		}
		return values;
	}

}
