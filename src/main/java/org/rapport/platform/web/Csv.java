package org.rapport.platform.web;

import java.util.List;

/**
 * CSV (RFC 4180) for downloads people open in spreadsheets: fields quoted when needed, and a cell
 * starting with {@code = + - @} (or a tab/CR) prefixed with an apostrophe so a spreadsheet never runs
 * it as a formula. Numbers written by Rapport itself are passed as {@link Number} and kept as is.
 */
public final class Csv {

	private final StringBuilder out = new StringBuilder();

	public Csv row(List<?> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(cell(cells.get(i)));
		}
		out.append("\r\n");
		return this;
	}

	public Csv row(Object... cells) {
		return row(java.util.Arrays.asList(cells));
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number n) {
			return n instanceof java.math.BigDecimal d ? d.toPlainString() : n.toString();
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	@Override
	public String toString() {
		return out.toString();
	}

}
