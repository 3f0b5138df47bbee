package org.rapport.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times the duplicate scan of all contacts ({@code POST /api/v1/duplicates/scan?wait=false}, then
 * {@code GET /api/v1/duplicates/scans/{id}} every second) on a large database and, in the same run,
 * on a tenth of it (a second application on a second database), with two SQL baselines on each:
 * streaming the columns the scan reads, and a blocking query alone (blocks of exact family name +
 * initial, and of e-mail, grouped by PostgreSQL). Samples the application's heap, its process CPU
 * time (both from {@code /actuator/prometheus}) and the machine's load average. Not a unit test;
 * run it as docs/benchmarks.md shows.
 *
 * <p>Settings (system properties): {@code bench.url} (http://127.0.0.1:18090), {@code bench.jdbc}
 * (jdbc:postgresql://127.0.0.1:5432/rapport_bench_dup), {@code bench.smallUrl}
 * (http://127.0.0.1:18091; empty to skip the small database), {@code bench.smallJdbc}
 * (jdbc:postgresql://127.0.0.1:5432/rapport_bench_dup100k), {@code bench.admin},
 * {@code bench.adminPassword}.
 */
public final class DuplicateScanBenchmark {

	private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)",
			Pattern.MULTILINE);

	private static final Pattern CPU = Pattern.compile("^process_cpu_time_ns_total\\{[^}]*\\} ([0-9.eE+]+)", Pattern.MULTILINE);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What one scan measured. */
	record Run(String name, long records, double readSql, double blockSql, long blocks, long pairsInBlocks,
			double wall, Map<String, Double> phases, double cpu, long comparisons, long candidates, long stored,
			long peakHeap, double loadBefore, double loadMax) {
	}

	public static void main(String[] args) throws Exception {
		List<Run> runs = new ArrayList<>();
		String small = System.getProperty("bench.smallUrl", "http://127.0.0.1:18091");
		if (!small.isBlank()) {
			try (BenchTarget target = new BenchTarget(2, small,
					System.getProperty("bench.smallJdbc", "jdbc:postgresql://127.0.0.1:5432/rapport_bench_dup100k"))) {
				runs.add(measure("small", target));
			}
		}
		try (BenchTarget target = new BenchTarget(2, System.getProperty("bench.url", "http://127.0.0.1:18090"),
				System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/rapport_bench_dup"))) {
			runs.add(measure("large", target));
		}
		System.out.println();
		System.out.println("| database | contacts | scan wall s | reading | blocking+comparing | storing | scan CPU s | comparisons | "
				+ "candidates | SQL read s | SQL blocking s | scan / SQL read | peak heap MiB | load before / max |");
		for (Run r : runs) {
			System.out.printf("| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %,d | %,d | %.1f | %.1f | %.1f | %,d | %.1f / %.1f |%n",
					r.name(), r.records(), r.wall(), r.phases().getOrDefault("reading", 0.0),
					r.phases().getOrDefault("blocking", 0.0) + r.phases().getOrDefault("comparing", 0.0),
					r.phases().getOrDefault("storing", 0.0), r.cpu(), r.comparisons(), r.candidates(), r.readSql(),
					r.blockSql(), r.wall() / r.readSql(), r.peakHeap() >> 20, r.loadBefore(), r.loadMax());
		}
		if (runs.size() == 2) {
			Run s = runs.get(0);
			Run l = runs.get(1);
			System.out.printf("large / small: records %.1f, wall %.1f, CPU %.1f, comparisons %.1f, SQL read %.1f, "
					+ "SQL blocking %.1f; comparisons per record %.1f and %.1f%n", (double) l.records() / s.records(),
					l.wall() / s.wall(), l.cpu() / s.cpu(), (double) l.comparisons() / s.comparisons(),
					l.readSql() / s.readSql(), l.blockSql() / s.blockSql(), (double) s.comparisons() / s.records(),
					(double) l.comparisons() / l.records());
		}
	}

	private static Run measure(String name, BenchTarget target) throws Exception {
		String token = target.adminToken();
		long records = target.count("select count(*) from contacts");
		// baseline 1: the rows the scan reads, streamed as it streams them
		long t = System.nanoTime();
		long[] read = { 0 };
		target.jdbc.sql("""
				select id, first_name, last_name, emails[1] email, phones[1] phone, company_name, street, city,
				  postal_code, region
				from contacts order by id""")
			.withFetchSize(2_000)
			.query(rs -> {
				read[0] += rs.getString(2) == null ? 0 : 1;
			});
		double readSql = (System.nanoTime() - t) / 1e9;
		// baseline 2: blocking alone, in SQL
		t = System.nanoTime();
		long[] blocks = target.jdbc.sql("""
				select count(*) filter (where n > 1), coalesce(sum(n * (n - 1) / 2), 0) from (
				  select count(*) n from contacts where last_name is not null and first_name is not null
				  group by lower(last_name), left(lower(first_name), 1)
				  union all
				  select count(*) n from contacts where cardinality(emails) > 0 group by lower(emails[1])) b""")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		double blockSql = (System.nanoTime() - t) / 1e9;
		System.out.printf("%s: %,d contacts; SQL read %.1f s, SQL blocking %.1f s (%,d blocks, %,d pairs in them)%n", name,
				records, readSql, blockSql, blocks[0], blocks[1]);

		// every run stores its pairs afresh (the benchmark database's review queue is not kept)
		target.jdbc.sql("delete from duplicate_candidates where entity = 'contacts'").update();
		double loadBefore = load();
		double loadMax = loadBefore;
		long cpuBefore = cpu(target, token);
		long started = System.nanoTime();
		HttpResponse<String> start = target.http.send(HttpRequest
			.newBuilder(URI.create(target.base + "/api/v1/duplicates/scan?entity=contacts&wait=false"))
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		if (start.statusCode() != 202) {
			throw new IllegalStateException("scan answered " + start.statusCode() + ": " + start.body());
		}
		long id = JSON.readTree(start.body()).get("id").asLong();
		Map<String, Double> phases = new LinkedHashMap<>();
		String phase = "reading";
		long phaseStart = started;
		long peakHeap = 0;
		JsonNode scan;
		while (true) {
			Thread.sleep(1000);
			peakHeap = Math.max(peakHeap, heap(target, token));
			loadMax = Math.max(loadMax, load());
			HttpResponse<String> r = target.http.send(HttpRequest
				.newBuilder(URI.create(target.base + "/api/v1/duplicates/scans/" + id))
				.header("Authorization", "Bearer " + token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			scan = JSON.readTree(r.body());
			String now = scan.get("phase").asString();
			if (!now.equals(phase)) {
				long at = System.nanoTime();
				phases.merge(phase, (at - phaseStart) / 1e9, Double::sum);
				phase = now;
				phaseStart = at;
			}
			System.out.printf("  %s: %s %s, %,d records, %,d of %,d blocks, %,d comparisons%n", name,
					scan.get("status").asString(), now, scan.get("records").asLong(), scan.get("blocksDone").asLong(),
					scan.get("blocksTotal").asLong(), scan.get("comparisons").asLong());
			if (!scan.get("status").asString().equals("running")) {
				break;
			}
		}
		double wall = scan.get("millis").asLong() / 1000.0;
		double cpu = (cpu(target, token) - cpuBefore) / 1e9;
		if (!scan.get("status").asString().equals("done")) {
			throw new IllegalStateException("scan " + id + " ended " + scan);
		}
		Run run = new Run(name, records, readSql, blockSql, blocks[0], blocks[1], wall, phases, cpu,
				scan.get("comparisons").asLong(), scan.get("candidates").asLong(), scan.get("stored").asLong(), peakHeap,
				loadBefore, loadMax);
		System.out.println(run);
		return run;
	}

	private static long heap(BenchTarget target, String token) throws Exception {
		long used = 0;
		Matcher m = HEAP.matcher(prometheus(target, token));
		while (m.find()) {
			used += (long) Double.parseDouble(m.group(1));
		}
		return used;
	}

	private static long cpu(BenchTarget target, String token) throws Exception {
		Matcher m = CPU.matcher(prometheus(target, token));
		return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
	}

	private static String prometheus(BenchTarget target, String token) throws Exception {
		return target.http.send(HttpRequest.newBuilder(URI.create(target.base + "/actuator/prometheus"))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	/** The machine's one-minute load average. */
	private static double load() throws Exception {
		return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
	}

}
