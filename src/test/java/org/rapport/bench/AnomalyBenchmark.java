package org.rapport.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.rapport.analytics.anomaly.AnomalyFeatures;
import org.rapport.analytics.anomaly.AnomalyScan;

/**
 * The order-line anomaly scan's own cost at scale, without the database: {@code bench.lines} (default
 * 1,000,000) synthetic lines are generated twice from the same seed, as the scan reads the orders
 * twice, through the same two passes as {@code Anomalies} (reservoir sample, forest, scoring every line
 * into the top 100) with 10 planted absurd lines. Peak heap from the JVM's heap pools shows that the
 * lines are never held.
 *
 * <pre>
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) \
 *   -Dbench.lines=1000000 org.rapport.bench.AnomalyBenchmark
 * </pre>
 */
public final class AnomalyBenchmark {

	private AnomalyBenchmark() {
	}

	public static void main(String[] args) {
		int lines = Integer.getInteger("bench.lines", 1_000_000);
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		long t0 = System.nanoTime();
		AnomalyScan scan = new AnomalyScan(AnomalyFeatures.ORDER, 20081215L);
		stream(lines, (i, row) -> scan.sample(row));
		double sampled = seconds(t0);
		t0 = System.nanoTime();
		AnomalyScan.Model model = scan.fit();
		double fitted = seconds(t0);
		t0 = System.nanoTime();
		AnomalyScan.Top<Integer> top = new AnomalyScan.Top<>(100, 0.65);
		stream(lines, (i, row) -> top.offer(i, row, model.score(row)));
		double scored = seconds(t0);
		long planted = top.flags().stream().limit(10).filter(f -> f.subject() % (lines / 10) == 7).count();
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf("%,d lines: sample pass %.1f s, fit %.2f s, scoring pass %.1f s; %d flagged, %d of the 10 planted"
				+ " lines in the top 10; peak heap %d MiB%n", lines, sampled, fitted, scored, top.flags().size(), planted,
				peak >> 20);
	}

	interface Row {

		void accept(int index, double[] row);

	}

	/** Ordinary lines (1–20 units, 0–10 % off, 09:00–17:00) and every (lines ÷ 10)-th + 7 an absurd one. */
	static void stream(int lines, Row consumer) {
		SplittableRandom random = new SplittableRandom(11);
		Instant day = Instant.parse("2026-12-01T00:00:00Z");
		for (int i = 0; i < lines; i++) {
			int quantity = 1 + random.nextInt(20);
			int discount = 5 * random.nextInt(3);
			double price = 10 + random.nextInt(41);
			int minute = 9 * 60 + random.nextInt(8 * 60);
			if (i % (lines / 10) == 7) {
				quantity = 10_000;
				discount = 90;
				minute = 3 * 60;
			}
			consumer.accept(i, AnomalyFeatures.orderLine(quantity, discount, quantity * price * (1 - discount / 100.0),
					day.plusSeconds(60L * minute), ZoneOffset.UTC));
		}
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
