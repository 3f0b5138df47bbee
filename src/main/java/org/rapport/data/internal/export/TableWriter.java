package org.rapport.data.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.rapport.platform.web.Csv;

/**
 * Rows out to CSV or XLSX, streamed: CSV line by line, XLSX through POI's SXSSF, which keeps only a
 * window of rows in memory. Formula injection is neutralised in both: in CSV a cell starting with
 * {@code = + - @} (tab, CR) gets an apostrophe ({@link Csv}); in XLSX every value is a string cell
 * (never a formula) and such a cell is marked quote-prefixed, Excel's own "this is text" flag, so
 * it is not evaluated even when the user edits it.
 */
public interface TableWriter extends AutoCloseable {

	void row(List<?> cells);

	@Override
	void close();

	static TableWriter of(String format, OutputStream out) {
		return switch (format) {
			case "csv" -> new CsvWriter(out);
			case "xlsx" -> new XlsxWriter(out);
			default -> throw new IllegalArgumentException(format);
		};
	}

	/** Whether a spreadsheet would take this text for a formula. */
	static boolean looksLikeFormula(String text) {
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
	}

	final class CsvWriter implements TableWriter {

		private final Writer out;

		CsvWriter(OutputStream out) {
			this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			try {
				// a BOM, so spreadsheets read UTF-8 (Chinese names) correctly
				this.out.write('\uFEFF');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void row(List<?> cells) {
			try {
				out.write(new Csv().row(cells).toString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			try {
				out.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	final class XlsxWriter implements TableWriter {

		private final OutputStream out;

		private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);

		private final Sheet sheet = workbook.createSheet("Export");

		private final CellStyle quoted;

		private int rowNum;

		XlsxWriter(OutputStream out) {
			this.out = out;
			this.quoted = workbook.createCellStyle();
			this.quoted.setQuotePrefixed(true);
		}

		@Override
		public void row(List<?> cells) {
			Row row = sheet.createRow(rowNum++);
			for (int i = 0; i < cells.size(); i++) {
				Object value = cells.get(i);
				if (value == null) {
					continue;
				}
				var cell = row.createCell(i);
				if (value instanceof Number n) {
					cell.setCellValue(n.doubleValue());
					continue;
				}
				String text = value.toString();
				cell.setCellValue(text);
				if (looksLikeFormula(text)) {
					cell.setCellStyle(quoted);
				}
			}
		}

		@Override
		public void close() {
			try {
				workbook.write(out);
				out.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				try {
					workbook.close();
				}
				catch (IOException ex) {
					// the temporary files of SXSSF are gone with the workbook either way
				}
			}
		}

	}

}
