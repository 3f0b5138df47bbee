package org.rapport.data.internal.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Works out how an uploaded file is written (CSV or XLSX; for CSV the encoding and the delimiter)
 * and reads it back as rows, streaming. Encoding: a byte-order mark decides; otherwise the file is
 * UTF-8 if its first 64 KiB decode as UTF-8, else GB18030 (the superset of GBK that Chinese
 * spreadsheets write) if they decode as that, else windows-1252. Delimiter: of comma, semicolon, tab
 * and bar, the one found the same number of times (and at least once) on the most of the first 50 lines.
 */
public final class ImportFiles {

	static final int SAMPLE = 64 * 1024;

	private static final char[] DELIMITERS = { ',', ';', '\t', '|' };

	private ImportFiles() {
	}

	/**
	 * What the inspection found.
	 *
	 * @param format csv or xlsx
	 * @param encoding charset name (csv)
	 * @param bom whether a UTF-8 byte-order mark starts the file
	 * @param delimiter the delimiter (csv)
	 * @param headers the first row
	 * @param rows data rows after the header
	 * @param preview the first few data rows
	 */
	public record Inspection(String format, String encoding, boolean bom, char delimiter, List<String> headers, long rows,
			List<List<String>> preview) {
	}

	/** A row handler: returns false to stop reading. */
	public interface RowHandler {

		boolean row(long rowNo, List<String> values);

	}

	/** Inspects the whole file (one streaming pass) and throws {@link ImportFileRejected} if it cannot be imported. */
	public static Inspection inspect(Supplier<InputStream> file) {
		byte[] sample = sample(file);
		if (sample.length == 0) {
			throw new ImportFileRejected("empty", "The file is empty");
		}
		if (sample.length >= 4 && sample[0] == 'P' && sample[1] == 'K' && sample[2] == 3 && sample[3] == 4) {
			return XlsxRows.inspect(file);
		}
		boolean bom = sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF;
		if (!bom && looksBinary(sample)) {
			throw new ImportFileRejected("binary", "The file is not text (CSV) or an XLSX workbook");
		}
		Charset charset = bom ? StandardCharsets.UTF_8 : encoding(sample);
		char delimiter = delimiter(new String(sample, bom ? 3 : 0, sample.length - (bom ? 3 : 0), charset));
		List<String> headers = null;
		List<List<String>> preview = new ArrayList<>();
		long rows = 0;
		try (CsvReader csv = new CsvReader(reader(file.get(), charset, bom), delimiter)) {
			for (List<String> record = csv.next(); record != null; record = csv.next()) {
				if (isBlank(record)) {
					continue;
				}
				if (headers == null) {
					headers = record.stream().map(String::strip).toList();
					continue;
				}
				rows++;
				if (preview.size() < 5) {
					preview.add(record);
				}
			}
		}
		catch (UncheckedIOException ex) {
			throw unreadable(ex.getCause(), charset);
		}
		catch (IOException ex) {
			throw unreadable(ex, charset);
		}
		if (headers == null) {
			throw new ImportFileRejected("empty", "The file has no rows");
		}
		return new Inspection("csv", charset.name(), bom, delimiter, headers, rows, preview);
	}

	private static ImportFileRejected unreadable(IOException ex, Charset charset) {
		if (ex instanceof CharacterCodingException) {
			return new ImportFileRejected("bad-encoding", "The file is not consistently encoded in " + charset.name());
		}
		throw new UncheckedIOException(ex);
	}

	/** Reads the data rows after {@code afterRow} (row 1 is the first after the header). */
	public static void read(Supplier<InputStream> file, Inspection inspection, long afterRow, RowHandler handler) {
		if (inspection.format().equals("xlsx")) {
			XlsxRows.read(file, afterRow, handler);
			return;
		}
		Charset charset = Charset.forName(inspection.encoding());
		try (CsvReader csv = new CsvReader(reader(file.get(), charset, inspection.bom()), inspection.delimiter())) {
			boolean header = true;
			long rowNo = 0;
			for (List<String> record = csv.next(); record != null; record = csv.next()) {
				if (isBlank(record)) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				rowNo++;
				if (rowNo > afterRow && !handler.row(rowNo, record)) {
					return;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean isBlank(List<String> record) {
		return record.stream().allMatch(String::isBlank);
	}

	private static Reader reader(InputStream in, Charset charset, boolean bom) throws IOException {
		InputStream buffered = new BufferedInputStream(in, 1 << 16);
		if (bom) {
			buffered.skipNBytes(3);
		}
		CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		return new InputStreamReader(buffered, decoder);
	}

	private static byte[] sample(Supplier<InputStream> file) {
		try (InputStream in = file.get()) {
			return in.readNBytes(SAMPLE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean looksBinary(byte[] sample) {
		int control = 0;
		for (byte b : sample) {
			if (b == 0) {
				return true;
			}
			if (b >= 0 && b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
				control++;
			}
		}
		return control > sample.length / 100 + 1;
	}

	static Charset encoding(byte[] sample) {
		if (decodes(sample, StandardCharsets.UTF_8)) {
			return StandardCharsets.UTF_8;
		}
		Charset gb = Charset.forName("GB18030");
		if (decodes(sample, gb)) {
			return gb;
		}
		return Charset.forName("windows-1252");
	}

	/** Whether the bytes decode strictly, forgiving a character cut at the end of the sample. */
	private static boolean decodes(byte[] sample, Charset charset) {
		for (int cut = 0; cut <= 3 && cut < sample.length; cut++) {
			try {
				charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(sample, 0, sample.length - cut));
				return true;
			}
			catch (CharacterCodingException ex) {
				if (sample.length < SAMPLE) {
					return false;
				}
			}
		}
		return false;
	}

	static char delimiter(String sample) {
		String[] lines = sample.split("\r?\n", 52);
		int usable = Math.max(1, Math.min(lines.length - (sample.endsWith("\n") ? 0 : 1), 50));
		if (lines.length == 1) {
			usable = 1;
		}
		char best = ',';
		int bestLines = 0;
		int bestCount = 0;
		for (char d : DELIMITERS) {
			int[] counts = new int[usable];
			for (int i = 0; i < usable; i++) {
				counts[i] = countOutsideQuotes(lines[i], d);
			}
			int mode = mode(counts);
			if (mode == 0) {
				continue;
			}
			int agreeing = (int) Arrays.stream(counts).filter(c -> c == mode).count();
			if (agreeing > bestLines || (agreeing == bestLines && mode > bestCount)) {
				best = d;
				bestLines = agreeing;
				bestCount = mode;
			}
		}
		return best;
	}

	private static int countOutsideQuotes(String line, char d) {
		int count = 0;
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == d && !quoted) {
				count++;
			}
		}
		return count;
	}

	private static int mode(int[] counts) {
		int[] sorted = counts.clone();
		Arrays.sort(sorted);
		int best = 0;
		int bestRun = 0;
		for (int i = 0; i < sorted.length;) {
			int j = i;
			while (j < sorted.length && sorted[j] == sorted[i]) {
				j++;
			}
			if (j - i > bestRun || (j - i == bestRun && sorted[i] > best)) {
				best = sorted[i];
				bestRun = j - i;
			}
			i = j;
		}
		return best;
	}

}
