package org.rapport.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The closed-loop driver of the load generators: {@code clients} threads each run the work, wait for
 * it, and run it again with no think time; latencies after the warm-up are kept and reported as a
 * Markdown table row (requests, per second, nearest-rank p50/p95/p99, max).
 */
final class ClosedLoop {

	@FunctionalInterface
	interface Work {

		void run() throws Exception;

	}

	private ClosedLoop() {
	}

	static String run(String name, int clients, int warmupSeconds, int seconds, Work work) throws InterruptedException {
		long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
		long end = warmEnd + seconds * 1_000_000_000L;
		long[][] latencies = new long[clients][];
		AtomicInteger errors = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			new Thread(() -> {
				long[] buffer = new long[200_000];
				int n = 0;
				try {
					while (System.nanoTime() < end) {
						long start = System.nanoTime();
						try {
							work.run();
						}
						catch (Exception ex) {
							if (errors.incrementAndGet() < 3) {
								System.err.println(name + ": " + ex);
							}
							continue;
						}
						if (start >= warmEnd && n < buffer.length) {
							buffer[n++] = System.nanoTime() - start;
						}
					}
				}
				finally {
					latencies[client] = Arrays.copyOf(buffer, n);
					done.countDown();
				}
			}, name + "-" + c).start();
		}
		done.await();
		long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
		String row = String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", name, all.length,
				all.length / (double) seconds, pct(all, 50), pct(all, 95), pct(all, 99),
				all.length == 0 ? 0 : all[all.length - 1] / 1e6);
		System.out.println(row + (errors.get() > 0 ? " errors: " + errors.get() : ""));
		return row;
	}

	/** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
	static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

	/** Every column of a row, as the application reads them, so a SQL baseline pays for the transfer too. */
	static Object[] readRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		int n = rs.getMetaData().getColumnCount();
		Object[] values = new Object[n];
		for (int c = 0; c < n; c++) {
			values[c] = rs.getObject(c + 1);
		}
		return values;
	}

}
