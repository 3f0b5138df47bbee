package org.rapport.data.internal.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming reader of delimited text (RFC 4180: quotes, doubled quotes, line breaks inside quotes,
 * CRLF or LF) that holds one record at a time and refuses a record longer than a limit, so that a
 * 10 MB line cannot be taken for a row.
 */
final class CsvReader implements AutoCloseable {

	/** Characters one record may hold. */
	static final int MAX_RECORD_CHARS = 1 << 20;

	private final Reader in;

	private final char delimiter;

	private final char[] buffer = new char[8192];

	private int pos;

	private int len;

	private long line = 1;

	CsvReader(Reader in, char delimiter) {
		this.in = in;
		this.delimiter = delimiter;
	}

	/** The physical line the next record starts on. */
	long line() {
		return line;
	}

	private int read() throws IOException {
		if (pos == len) {
			len = in.read(buffer, 0, buffer.length);
			pos = 0;
			if (len <= 0) {
				len = 0;
				return -1;
			}
		}
		return buffer[pos++];
	}

	private int peek() throws IOException {
		if (pos == len) {
			len = in.read(buffer, 0, buffer.length);
			pos = 0;
			if (len <= 0) {
				len = 0;
				return -1;
			}
		}
		return buffer[pos];
	}

	/** The next record's values, or {@code null} at the end. */
	List<String> next() {
		try {
			int c = read();
			if (c == -1) {
				return null;
			}
			List<String> values = new ArrayList<>();
			StringBuilder value = new StringBuilder();
			int chars = 0;
			boolean quoted = false;
			boolean wasQuoted = false;
			while (true) {
				if (++chars > MAX_RECORD_CHARS) {
					throw new ImportFileRejected("record-too-long", "A record starting on line " + line + " is longer than "
							+ MAX_RECORD_CHARS + " characters", line);
				}
				if (quoted) {
					if (c == -1) {
						throw new ImportFileRejected("unclosed-quote", "A quote opened on line " + line + " is never closed", line);
					}
					if (c == '"') {
						if (peek() == '"') {
							read();
							value.append('"');
						}
						else {
							quoted = false;
						}
					}
					else {
						if (c == '\n') {
							line++;
						}
						value.append((char) c);
					}
				}
				else if (c == '"' && value.isEmpty() && !wasQuoted) {
					quoted = true;
					wasQuoted = true;
				}
				else if (c == delimiter) {
					values.add(value.toString());
					value.setLength(0);
					wasQuoted = false;
				}
				else if (c == '\r' || c == '\n' || c == -1) {
					if (c == '\r' && peek() == '\n') {
						read();
					}
					if (c != -1) {
						line++;
					}
					values.add(value.toString());
					return values;
				}
				else {
					value.append((char) c);
				}
				c = read();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
