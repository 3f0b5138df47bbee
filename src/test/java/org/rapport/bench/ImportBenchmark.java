package org.rapport.bench;

import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import of N contacts (default 1,000,000) through {@code POST /api/v1/imports} — cleaning,
 * validation, duplicate check against the contacts already there, writing through the facade in
 * batches with checkpoints — against PostgreSQL's own {@code COPY} of the same file into a bare
 * table, in one run; then the duplicate scan of all contacts ({@code POST /api/v1/duplicates/scan}).
 * A second baseline, after the import: {@code COPY} of the very rows the import wrote (every column, search
 * columns included, ids moved past the table's) into {@code contacts} itself, with its indexes and the rows
 * already there, in a transaction then rolled back — the table's own write ceiling.
 * Reports rows per second, the ratios to both, the application's peak heap (sampled from
 * {@code /actuator/prometheus}) and the scan's wall time. Not a unit test (surefire does not pick
 * it up); run it as docs/benchmarks.md shows. Do not run it at scale on a shared machine.
 *
 * <p>The application must accept big uploads: start it with
 * {@code --spring.servlet.multipart.max-file-size=2GB --spring.servlet.multipart.max-request-size=2GB}.
 * Settings (system properties): {@code bench.url} (http://127.0.0.1:18080), {@code bench.jdbc}
 * (jdbc:postgresql://127.0.0.1:5432/rapport_bench), {@code bench.dbUser} (postgres),
 * {@code bench.dbPassword}, {@code bench.admin} / {@code bench.adminPassword},
 * {@code bench.rows} (1000000), {@code bench.duplicateShare} (0.02: share of rows repeating an
 * earlier row's e-mail with a nickname, so the duplicate check finds something),
 * {@code bench.scan} (true).
 */
public final class ImportBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] GIVEN = { "William", "Robert", "Mary", "Wei", "Fang", "Anna", "Lukas", "Sofia", "James",
			"Mei", "Hiroshi", "Olga", "Pedro", "Aisha", "Chen", "Elizabeth" };

	private static final String[] FAMILY = { "Smith", "Zhang", "Wang", "Müller", "Garcia", "Kowalski", "Li", "Brown",
			"Nguyen", "Rossi", "Tanaka", "Ivanova", "Silva", "Khan", "Liu", "Taylor" };

	private final String base = System.getProperty("bench.url", "http://127.0.0.1:18080");

	private final String jdbcUrl = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/rapport_bench");

	private final int rows = Integer.getInteger("bench.rows", 1_000_000);

	private final double duplicateShare = Double.parseDouble(System.getProperty("bench.duplicateShare", "0.02"));

	private final HttpClient http = HttpClient.newHttpClient();

	public static void main(String[] args) throws Exception {
		new ImportBenchmark().run();
	}

	void run() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 6);
		Path file = Files.createTempFile("rapport-import-bench-", ".csv");
		try {
			write(file, run);
			System.out.printf("File: %,d rows, %,d bytes%n", rows, Files.size(file));
			double copyRate = copy(file);
			String token = signIn(System.getProperty("bench.admin", "admin"),
					System.getProperty("bench.adminPassword", "bench-admin-password"));
			HeapSampler heap = new HeapSampler(token);
			heap.start();
			java.sql.Timestamp since = now();
			long started = System.nanoTime();
			long id = upload(file, token);
			JsonNode done = await(id, token);
			double seconds = (System.nanoTime() - started) / 1e9;
			heap.stop = true;
			heap.join();
			double rate = done.get("rowsRead").asLong() / seconds;
			System.out.printf("Import: status %s, %,d read, %,d written, %,d rejected, %,d candidates in %.1f s: %,.0f rows/s "
					+ "(%.3f of COPY); peak heap %,d MiB%n", done.get("status").asString(), done.get("rowsRead").asLong(),
					done.get("rowsWritten").asLong(), done.get("rowsRejected").asLong(),
					done.get("duplicateCandidates").asLong(), seconds, rate, rate / copyRate, heap.peak >> 20);
			double tableRate = copyIntoContacts(since);
			System.out.printf("Import / COPY into contacts: %.3f%n", rate / tableRate);
			if (Boolean.parseBoolean(System.getProperty("bench.scan", "true"))) {
				long scanStart = System.nanoTime();
				HttpResponse<String> scan = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/duplicates/scan?entity=contacts"))
					.header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
						HttpResponse.BodyHandlers.ofString());
				System.out.printf("Duplicate scan: HTTP %d in %.1f s: %s%n", scan.statusCode(),
						(System.nanoTime() - scanStart) / 1e9, scan.body());
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private void write(Path file, String run) throws Exception {
		java.util.Random random = new java.util.Random(42);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("firstName,lastName,email,phone,title,city\n");
			for (int i = 0; i < rows; i++) {
				boolean duplicate = i > 1000 && random.nextDouble() < duplicateShare;
				int n = duplicate ? random.nextInt(i) : i;
				String given = GIVEN[n % GIVEN.length];
				String family = FAMILY[(n / GIVEN.length) % FAMILY.length];
				if (duplicate && given.equals("William")) {
					given = "Bill";
				}
				out.write(given + "," + family + n + ",p" + n + "." + run + "@bench.example,"
						+ String.format("+86 138 %04d %04d", (n / 10000) % 10000, n % 10000) + ",Title " + (n % 50) + ",City "
						+ (n % 997) + "\n");
			}
		}
	}

	/** COPY of the same file into a bare table: the baseline rate. */
	private double copy(Path file) throws Exception {
		try (Connection c = DriverManager.getConnection(jdbcUrl, System.getProperty("bench.dbUser", "postgres"),
				System.getProperty("bench.dbPassword", ""))) {
			try (Statement s = c.createStatement()) {
				s.execute("drop table if exists import_bench_copy");
				s.execute("create table import_bench_copy (first_name text, last_name text, email text, phone text, title text, city text)");
			}
			long started = System.nanoTime();
			long copied;
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				copied = c.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("copy import_bench_copy from stdin with (format csv, header true)", in);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("COPY: %,d rows in %.1f s: %,.0f rows/s%n", copied, seconds, copied / seconds);
			try (Statement s = c.createStatement()) {
				s.execute("drop table import_bench_copy");
			}
			return copied / seconds;
		}
	}

	private Connection connect() throws Exception {
		return DriverManager.getConnection(jdbcUrl, System.getProperty("bench.dbUser", "postgres"),
				System.getProperty("bench.dbPassword", ""));
	}

	private java.sql.Timestamp now() throws Exception {
		try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery("select now()")) {
			rs.next();
			return rs.getTimestamp(1);
		}
	}

	/**
	 * COPY of the rows the import wrote (created since {@code since}) into {@code contacts} again, ids moved
	 * past the table's, in a transaction rolled back afterwards: what PostgreSQL itself needs to store those
	 * rows in this table with its fourteen indexes.
	 */
	private double copyIntoContacts(java.sql.Timestamp since) throws Exception {
		Path rowsFile = Files.createTempFile("rapport-import-bench-rows-", ".copy");
		try (Connection c = connect()) {
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				s.execute("create temp table import_bench_rows on commit drop as select * from contacts where created_at >= '"
						+ since + "'");
				s.execute("update import_bench_rows set id = id + 1000000000000");
			}
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			try (var out = Files.newOutputStream(rowsFile)) {
				copy.copyOut("copy import_bench_rows to stdout", out);
			}
			long started = System.nanoTime();
			long copied;
			try (var in = Files.newInputStream(rowsFile)) {
				copied = copy.copyIn("copy contacts from stdin", in);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			c.rollback();
			System.out.printf("COPY of the imported rows into contacts: %,d rows in %.1f s: %,.0f rows/s%n", copied,
					seconds, copied / seconds);
			return copied / seconds;
		}
		finally {
			Files.deleteIfExists(rowsFile);
		}
	}

	private long upload(Path file, String token) throws Exception {
		String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
		List<byte[]> parts = new ArrayList<>();
		for (var field : Map.of("entity", "contacts", "duplicates", "create").entrySet()) {
			parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
				HttpRequest.BodyPublishers.ofByteArrays(parts), HttpRequest.BodyPublishers.ofFile(file),
				HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(body).build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 202) {
			throw new IllegalStateException("Upload refused: " + r.statusCode() + " " + r.body());
		}
		return JSON.readTree(r.body()).get("id").asLong();
	}

	private JsonNode await(long id, String token) throws Exception {
		while (true) {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + id))
				.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = JSON.readTree(r.body());
			String status = json.get("status").asString();
			if (status.equals("done") || status.equals("failed") || status.equals("cancelled")) {
				return json;
			}
			System.out.printf("  %s: %,d of %,d rows, %s rows/s, ETA %s s%n", status, json.get("rowsRead").asLong(),
					json.get("rowsTotal").asLong(), json.get("ratePerSecond"), json.get("etaSeconds"));
			Thread.sleep(10_000);
		}
	}

	private String signIn(String username, String password) throws Exception {
		for (int attempt = 0;; attempt++) {
			try {
				String body = JSON.writeValueAsString(Map.of("username", username, "password", password, "name", "import-benchmark"));
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
					.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() != 201 && r.statusCode() != 200) {
					throw new IllegalStateException("Cannot sign in as " + username + ": " + r.statusCode() + " " + r.body());
				}
				return JSON.readTree(r.body()).get("token").asString();
			}
			catch (java.net.ConnectException ex) {
				if (attempt >= 120) {
					throw ex;
				}
				Thread.sleep(1000);
			}
		}
	}

	/** Samples the application's used heap (sum of the heap pools) from the Prometheus endpoint. */
	private final class HeapSampler extends Thread {

		private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)",
				Pattern.MULTILINE);

		private final String token;

		volatile boolean stop;

		volatile long peak;

		HeapSampler(String token) {
			this.token = token;
			setDaemon(true);
		}

		@Override
		public void run() {
			while (!stop) {
				try {
					HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
						.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
					long used = 0;
					Matcher m = HEAP.matcher(r.body());
					while (m.find()) {
						used += (long) Double.parseDouble(m.group(1));
					}
					peak = Math.max(peak, used);
					Thread.sleep(1000);
				}
				catch (Exception ex) {
					return;
				}
			}
		}

	}

}
