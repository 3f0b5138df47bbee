package org.rapport.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException.FieldProblem;

/**
 * Reads CSV (RFC 4180: comma separated, fields optionally in double quotes with {@code ""} for a
 * quote) one record at a time, so an upload is never held in memory whole. Lines end in LF, CRLF or
 * CR; blank lines are skipped; unquoted fields are trimmed. Problems are collected per line and
 * column ({@code "line 12: amount"}) so the client sees all of them, up to {@link #MAX_PROBLEMS}.
 */
final class CsvReader {

	/** Problems reported at most; past them reading stops, as the file is evidently not the expected one. */
	static final int MAX_PROBLEMS = 20;

	/** No record of these files is anywhere near this long. */
	static final int MAX_LINE = 10_000;

	private final Reader in;

	private final List<FieldProblem> problems = new ArrayList<>();

	private final StringBuilder line = new StringBuilder();

	private int lineNumber;

	private boolean atEnd;

	private int pending = -1;

	CsvReader(InputStream stream) {
		// a strict decoder: mojibake in an id would otherwise silently split one customer in two
		this.in = new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

	int lineNumber() {
		return lineNumber;
	}

	/** The fields of the next non-blank record, or {@code null} at the end (or after a problem that ends reading). */
	String[] next() throws IOException {
		while (readLine()) {
			if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
				line.deleteCharAt(0);
			}
			if (line.toString().isBlank()) {
				continue;
			}
			String[] fields = split(line);
			if (fields != null) {
				return fields;
			}
		}
		return null;
	}

	private boolean readLine() throws IOException {
		if (atEnd || tooManyProblems()) {
			return false;
		}
		line.setLength(0);
		lineNumber++;
		boolean tooLong = false;
		int c;
		try {
			while (true) {
				c = pending >= 0 ? pending : in.read();
				pending = -1;
				if (c < 0) {
					atEnd = true;
					break;
				}
				if (c == '\n') {
					break;
				}
				if (c == '\r') {
					int next = in.read();
					if (next != '\n') {
						pending = next;
					}
					break;
				}
				if (line.length() < MAX_LINE) {
					line.append((char) c);
				}
				else {
					tooLong = true;
				}
			}
		}
		catch (CharacterCodingException ex) {
			problem(null, "not-utf-8", "The file is not UTF-8 text");
			atEnd = true;
			return false;
		}
		if (tooLong) {
			problem(null, "too-long", "Longer than " + MAX_LINE + " characters");
			line.setLength(0);
		}
		return !atEnd || line.length() > 0;
	}

	/** Splits a line into fields; {@code null} (with a problem) for an unterminated quote. */
	private String[] split(CharSequence text) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		int n = text.length();
		while (true) {
			field.setLength(0);
			while (i < n && text.charAt(i) == ' ') {
				i++;
			}
			if (i < n && text.charAt(i) == '"') {
				i++;
				boolean closed = false;
				while (i < n) {
					char ch = text.charAt(i++);
					if (ch == '"') {
						if (i < n && text.charAt(i) == '"') {
							field.append('"');
							i++;
						}
						else {
							closed = true;
							break;
						}
					}
					else {
						field.append(ch);
					}
				}
				while (i < n && text.charAt(i) == ' ') {
					i++;
				}
				if (!closed || (i < n && text.charAt(i) != ',')) {
					problem(null, "bad-quotes", "A quoted field must end in a quote followed by a comma or the line end");
					return null;
				}
				fields.add(field.toString());
			}
			else {
				int start = i;
				while (i < n && text.charAt(i) != ',') {
					i++;
				}
				fields.add(text.subSequence(start, i).toString().strip());
			}
			if (i >= n) {
				return fields.toArray(String[]::new);
			}
			i++; // the comma
			if (i == n) {
				fields.add("");
				return fields.toArray(String[]::new);
			}
		}
	}

	/** Records a problem in the current line, optionally in a named column. */
	void problem(String column, String code, String message) {
		if (problems.size() < MAX_PROBLEMS) {
			problems.add(new FieldProblem("line " + lineNumber + (column == null ? "" : ": " + column), code, message));
		}
	}

	boolean tooManyProblems() {
		return problems.size() >= MAX_PROBLEMS;
	}

	boolean hasProblems() {
		return !problems.isEmpty();
	}

	/** Throws {@link InvalidInput} naming every problem found, if any. */
	void validate() {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	/** A header name reduced to compare: lower case without spaces, underscores or hyphens. */
	static String normalise(String name) {
		return name.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "").replace("-", "");
	}

}
