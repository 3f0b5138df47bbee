package org.rapport.data.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook read as rows with POI's streaming (SAX) reader, so a big
 * sheet is never held whole; the workbook is copied to a temporary file because the ZIP format
 * needs random access.
 */
final class XlsxRows {

	private XlsxRows() {
	}

	private static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

	/** What the row handler threw, carried through the SAX parser untouched. */
	private static final class HandlerFailure extends RuntimeException {

		final RuntimeException original;

		HandlerFailure(RuntimeException original) {
			super(original);
			this.original = original;
		}

	}

	static ImportFiles.Inspection inspect(Supplier<InputStream> file) {
		List<String>[] headers = new List[1];
		List<List<String>> preview = new ArrayList<>();
		long[] rows = { 0 };
		parse(file, (rowNo, values) -> {
			if (headers[0] == null) {
				headers[0] = values.stream().map(String::strip).toList();
			}
			else {
				rows[0]++;
				if (preview.size() < 5) {
					preview.add(values);
				}
			}
			return true;
		});
		if (headers[0] == null) {
			throw new ImportFileRejected("empty", "The workbook's first sheet has no rows");
		}
		return new ImportFiles.Inspection("xlsx", null, false, ',', headers[0], rows[0], preview);
	}

	static void read(Supplier<InputStream> file, long afterRow, ImportFiles.RowHandler handler) {
		boolean[] header = { true };
		long[] rowNo = { 0 };
		parse(file, (ignored, values) -> {
			if (header[0]) {
				header[0] = false;
				return true;
			}
			rowNo[0]++;
			return rowNo[0] <= afterRow || handler.row(rowNo[0], values);
		});
	}

	/** Calls the handler for each non-blank row of the first sheet (row numbers are not used). */
	private static void parse(Supplier<InputStream> file, ImportFiles.RowHandler handler) {
		Path copy = null;
		try {
			copy = Files.createTempFile("rapport-import-", ".xlsx");
			try (InputStream in = file.get()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			try (OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
				XSSFReader reader = new XSSFReader(pkg);
				ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
				StylesTable styles = reader.getStylesTable();
				XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
				if (!sheets.hasNext()) {
					throw new ImportFileRejected("empty", "The workbook has no sheet");
				}
				try (InputStream sheet = sheets.next()) {
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Rows(handler), false));
					parser.parse(new InputSource(sheet));
				}
				catch (Stop stop) {
					// the handler had enough
				}
			}
		}
		catch (ImportFileRejected ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			if (ex instanceof Stop) {
				return;
			}
			if (ex instanceof HandlerFailure failure) {
				throw failure.original;
			}
			throw new ImportFileRejected("bad-xlsx", "The file is not a readable XLSX workbook");
		}
		finally {
			if (copy != null) {
				try {
					Files.deleteIfExists(copy);
				}
				catch (IOException ignored) {
					// a temporary file left behind is harmless
				}
			}
		}
	}

	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final ImportFiles.RowHandler handler;

		private final List<String> values = new ArrayList<>();

		private int rowNum;

		Rows(ImportFiles.RowHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			this.rowNum = rowNum;
			values.clear();
		}

		@Override
		public void endRow(int rowNum) {
			boolean more;
			try {
				more = values.isEmpty() || ImportFiles.isBlank(values) || handler.row(rowNum, new ArrayList<>(values));
			}
			catch (RuntimeException ex) {
				throw new HandlerFailure(ex);
			}
			if (!more) {
				throw new Stop();
			}
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			int column = cellReference == null ? values.size() : new CellReference(cellReference).getCol();
			while (values.size() < column) {
				values.add("");
			}
			values.add(formattedValue == null ? "" : formattedValue);
		}

	}

}
