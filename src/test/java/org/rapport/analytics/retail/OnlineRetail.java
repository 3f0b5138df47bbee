package org.rapport.analytics.retail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * UCI Online Retail (Chen, Sain &amp; Guo 2012) from the shared data sets, read as its SOURCE.md
 * describes: standard CSV quoting, ISO dates, customer IDs written as floats or empty.
 */
public final class OnlineRetail {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static volatile List<Row> full;

	private OnlineRetail() {
	}

	/** One line of an invoice. {@code customer} is null when missing. */
	public record Row(String invoice, String stockCode, String description, int quantity, LocalDateTime time,
			double unitPrice, String customer, String country) {

		public boolean cancellation() {
			return invoice.startsWith("C");
		}

	}

	public static Path file(String name) {
		String root = System.getProperty("rapport.datasets");
		if (root == null) {
			throw new IllegalStateException("The system property rapport.datasets is not set (the pom sets it)");
		}
		Path file = Path.of(root, "online_retail", name);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Missing data set " + file + ": see /work/shared/datasets/README.md");
		}
		return file;
	}

	/** All 541,909 rows of {@code online_retail_full.csv.gz}, read once per test JVM. */
	public static List<Row> full() {
		List<Row> rows = full;
		if (rows == null) {
			synchronized (OnlineRetail.class) {
				if (full == null) {
					full = List.copyOf(read(file("online_retail_full.csv.gz")));
				}
				rows = full;
			}
		}
		return rows;
	}

	static List<Row> read(Path file) {
		List<Row> rows = new ArrayList<>(560_000);
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
			in.readLine();
			List<String> cells = new ArrayList<>(8);
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				split(line, cells);
				String customer = cells.get(6).isEmpty() ? null : cells.get(6).replace(".0", "");
				rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), Integer.parseInt(cells.get(3)),
						LocalDateTime.parse(cells.get(4), TIME), Double.parseDouble(cells.get(5)), customer, cells.get(7)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/** Splits one CSV line with double-quote quoting (no line in this file spans lines). */
	static void split(String line, List<String> cells) {
		cells.clear();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
	}

}
