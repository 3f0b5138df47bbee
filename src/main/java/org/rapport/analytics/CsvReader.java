package org.rapport.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	private byte[] bytes = new byte[256];

	private final List<FieldProblem> problems = new ArrayList<>();

	private final StringBuilder line = new StringBuilder();

	private int lineNumber;

	private boolean atEnd;

	CsvReader(InputStream stream) {
		this.in = stream;
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

	/**
	 * Reads the next line's bytes and decodes them strictly as UTF-8, line by line so that a bad
	 * byte is reported in its line: mojibake in an id would otherwise silently split one customer in
	 * two. A line that is not UTF-8 is reported and read with replacement characters.
	 */
	private boolean readLine() throws IOException {
		if (atEnd || tooManyProblems()) {
			return false;
		}
		line.setLength(0);
		lineNumber++;
		int length = 0;
		boolean tooLong = false;
		while (true) {
			int b = nextByte();
			if (b < 0) {
				atEnd = true;
				break;
			}
			if (b == '\n') {
				break;
			}
			if (b == '\r') {
				if (peekByte() == '\n') {
					nextByte();
				}
				break;
			}
			if (length < MAX_LINE * 4) {
				if (length == bytes.length) {
					bytes = Arrays.copyOf(bytes, bytes.length * 2);
				}
				bytes[length++] = (byte) b;
			}
			else {
				tooLong = true;
			}
		}
		try {
			line.append(decoder.decode(ByteBuffer.wrap(bytes, 0, length)));
		}
		catch (CharacterCodingException ex) {
			problem(null, "not-utf-8", "Not UTF-8 text");
			line.append(new String(bytes, 0, length, StandardCharsets.UTF_8));
		}
		if (tooLong || line.length() > MAX_LINE) {
			problem(null, "too-long", "Longer than " + MAX_LINE + " characters");
			line.setLength(0);
		}
		return !atEnd || length > 0 || tooLong;
	}

	private int nextByte() throws IOException {
		if (position == limit && !fill()) {
			return -1;
		}
		return buffer[position++] & 0xff;
	}

	private int peekByte() throws IOException {
		if (position == limit && !fill()) {
			return -1;
		}
		return buffer[position] & 0xff;
	}

	private boolean fill() throws IOException {
		int n = in.read(buffer, 0, buffer.length);
		if (n <= 0) {
			return false;
		}
		position = 0;
		limit = n;
		return true;
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
