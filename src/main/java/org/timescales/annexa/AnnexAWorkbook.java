package org.timescales.annexa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The lists written as Ofsted's template lays them out (Apache POI), once every cell has been checked
 * against its column: a date a real Excel date in the template's number format, a count a whole
 * number, a coded value one of the column's codes.
 */
final class AnnexAWorkbook {

	/** Excel's built-in whole number format ("0"), as the template's counts and ages have it. */
	private static final short WHOLE_NUMBER = 1;

	private AnnexAWorkbook() {
	}

	/**
	 * Checks every row against its list's columns.
	 *
	 * @throws AnnexAExport.InvalidAnnexAException naming the list, the child, the column and the value
	 */
	static void check(Map<AnnexList, List<AnnexRow>> lists) {
		lists.forEach((list, rows) -> rows.forEach(row -> row.cells().forEach((heading, value) -> {
			Column column = list.column(heading)
				.orElseThrow(() -> invalid(list, row, heading, "is no column of " + list.sheet()));
			boolean fits = switch (column.kind()) {
				case DATE -> value instanceof LocalDate;
				case NUMBER -> value instanceof Long || value instanceof Integer;
				case CODE -> value instanceof String text && column.codes().contains(text);
				case TEXT -> value instanceof String;
			};
			if (!fits) {
				throw invalid(list, row, heading, "'" + value + "' is not " + switch (column.kind()) {
					case DATE -> "a date";
					case NUMBER -> "a whole number";
					case CODE -> "one of the template's values " + column.codes().values();
					case TEXT -> "text";
				});
			}
		})));
	}

	private static AnnexAExport.InvalidAnnexAException invalid(AnnexList list, AnnexRow row, String heading,
			String problem) {
		return new AnnexAExport.InvalidAnnexAException("Annex A " + list.sheet() + ", child " + row.caseRef()
				+ ", column '" + heading + "': " + problem);
	}

	/** The workbook: every list's sheet with its headings, then its rows in order. */
	static byte[] write(Map<AnnexList, List<AnnexRow>> lists) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle wholeNumber = workbook.createCellStyle();
			wholeNumber.setDataFormat(WHOLE_NUMBER);
			CellStyle header = workbook.createCellStyle();
			var bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			for (AnnexList list : AnnexALists.ALL) {
				CellStyle date = workbook.createCellStyle();
				date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(list.dateFormat()));
				Sheet sheet = workbook.createSheet(list.sheet());
				List<Column> columns = list.columns();
				Row headings = sheet.createRow(0);
				for (int c = 0; c < columns.size(); c++) {
					headings.createCell(c).setCellValue(columns.get(c).heading());
					headings.getCell(c).setCellStyle(header);
				}
				int r = 1;
				for (AnnexRow values : lists.getOrDefault(list, List.of())) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < columns.size(); c++) {
						Object value = values.get(columns.get(c).heading());
						if (value == null) {
							continue;
						}
						var cell = row.createCell(c);
						if (value instanceof LocalDate day) {
							cell.setCellValue(day);
							cell.setCellStyle(date);
						}
						else if (value instanceof Number number) {
							cell.setCellValue(number.doubleValue());
							cell.setCellStyle(wholeNumber);
						}
						else {
							cell.setCellValue(value.toString());
						}
					}
				}
				sheet.createFreezePane(0, 1);
				for (int c = 0; c < columns.size(); c++) {
					int width = Math.min(60, Math.max(12, columns.get(c).heading().length() + 2));
					sheet.setColumnWidth(c, width * 256);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not write the Annex A workbook", e);
		}
	}

}
