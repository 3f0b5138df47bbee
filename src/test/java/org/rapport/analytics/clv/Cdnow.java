package org.rapport.analytics.clv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDNOW files of FHL (2005) from the shared data sets (never copied into the project), read as
 * their SOURCE.md describes them: CRLF or LF lines, so every {@code \r} is stripped.
 */
public final class Cdnow {

	private Cdnow() {
	}

	/**
	 * One row of a summary file.
	 *
	 * @param id customer number (1..2357)
	 * @param x repeat purchases in the 39 calibration weeks
	 * @param tx week of the last repeat purchase after the first
	 * @param T weeks from the first purchase to 1997-09-30
	 * @param zbar mean repeat-purchase value ({@code NaN} in the file without it)
	 */
	public record Row(int id, int x, double tx, double T, double zbar) {
	}

	public static Path file(String name) {
		String root = System.getProperty("rapport.datasets");
		if (root == null) {
			throw new IllegalStateException("The system property rapport.datasets is not set (the pom sets it)");
		}
		Path file = Path.of(root, "cdnow", name);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Missing data set " + file + ": see /work/shared/datasets/README.md");
		}
		return file;
	}

	public static List<String> lines(String name) {
		try {
			List<String> lines = new ArrayList<>();
			for (String line : Files.readAllLines(file(name), StandardCharsets.US_ASCII)) {
				String stripped = line.replace("\r", "");
				if (!stripped.isBlank()) {
					lines.add(stripped);
				}
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code cdnow_customers_summary.csv}: {@code ID,frequency,recency,T}. */
	public static List<Row> summary() {
		return rows("cdnow_customers_summary.csv", "ID,frequency,recency,T");
	}

	/** {@code cdnow_customers_summary_with_transactions.csv}: {@code ID,x,t_x,T,zbar}. */
	public static List<Row> summaryWithSpend() {
		return rows("cdnow_customers_summary_with_transactions.csv", "ID,x,t_x,T,zbar");
	}

	private static List<Row> rows(String name, String header) {
		List<String> lines = lines(name);
		if (!lines.get(0).equals(header)) {
			throw new IllegalStateException(name + " has the header " + lines.get(0) + ", not " + header);
		}
		List<Row> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			rows.add(new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
					Double.parseDouble(f[3]), f.length > 4 ? Double.parseDouble(f[4]) : Double.NaN));
		}
		return rows;
	}

	public static RfmData rfm(List<Row> rows) {
		RfmData.Builder builder = RfmData.builder();
		rows.forEach(r -> builder.add(r.x(), r.tx(), r.T()));
		return builder.build();
	}

	/**
	 * {@code CDNOW_sample.txt} as the API's CSV: {@code customerId,date,amount} with ISO dates, from its
	 * columns master id, sample id, date YYYYMMDD, number of CDs, dollar value.
	 */
	public static String sampleAsCsv() {
		return transactionsAsCsv("CDNOW_sample.txt", 1, 2, 4);
	}

	/** {@code CDNOW_master.txt} as the API's CSV (columns customer id, date, number of CDs, dollar value; one header line). */
	public static String masterAsCsv() {
		List<String> lines = lines("CDNOW_master.txt");
		if (!lines.get(0).strip().startsWith("customer_id")) {
			throw new IllegalStateException("CDNOW_master.txt does not start with its header line");
		}
		return transactionsAsCsv(lines.subList(1, lines.size()), 0, 1, 3);
	}

	private static String transactionsAsCsv(String name, int idColumn, int dateColumn, int amountColumn) {
		return transactionsAsCsv(lines(name), idColumn, dateColumn, amountColumn);
	}

	private static String transactionsAsCsv(List<String> lines, int idColumn, int dateColumn, int amountColumn) {
		StringBuilder csv = new StringBuilder("customerId,date,amount\n");
		for (String line : lines) {
			String[] f = line.strip().split("\\s+");
			String d = f[dateColumn];
			csv.append(f[idColumn]).append(',').append(d, 0, 4).append('-').append(d, 4, 6).append('-')
				.append(d, 6, 8).append(',').append(f[amountColumn]).append('\n');
		}
		return csv.toString();
	}

}
