package org.rapport.analytics.clv;

/**
 * Times a BG/NBD fit on a million simulated customers (not a test: run by hand, see
 * docs/analytics.md). Arguments: customers (default 1,000,000), {@code day} or {@code exact} times.
 */
public final class ClvFitBenchmark {

	private ClvFitBenchmark() {
	}

	public static void main(String[] args) {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		boolean byDay = args.length < 2 || args[1].equals("day");
		BgNbd truth = new BgNbd(0.243, 4.414, 0.793, 2.426);
		for (int round = 1; round <= 3; round++) {
			long t0 = System.nanoTime();
			BgNbdSimulation.Summaries s = new BgNbdSimulation(truth, round).summaries(n, 84, 273, byDay);
			long t1 = System.nanoTime();
			RfmData data = RfmData.of(s.x(), s.tx(), s.T());
			long t2 = System.nanoTime();
			BgNbdFit fit = BgNbdFit.fit(data);
			long t3 = System.nanoTime();
			System.out.printf("round %d: simulate %.2f s; summaries -> cells %.2f s (%s); fit %.2f s (%d evaluations); "
					+ "total %.2f s%n  r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.2f%n", round, (t1 - t0) / 1e9,
					(t2 - t1) / 1e9, data, (t3 - t2) / 1e9, fit.evaluations(), (t3 - t1) / 1e9, fit.model().r(),
					fit.model().alpha(), fit.model().a(), fit.model().b(), fit.logLikelihood());
		}
	}

}
