package org.rapport.analytics.clv;

import org.rapport.bench.HeapPeaks;

/**
 * Times a BG/NBD and a Gamma-Gamma fit on a million simulated customers and reports the peak heap
 * (not a test: run by hand, see docs/benchmarks.md). Arguments: customers (default 1,000,000),
 * {@code day} or {@code exact} times.
 */
public final class ClvFitBenchmark {

	private ClvFitBenchmark() {
	}

	public static void main(String[] args) {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		boolean byDay = args.length < 2 || args[1].equals("day");
		BgNbd truth = new BgNbd(0.243, 4.414, 0.793, 2.426);
		// the CDNOW estimates of Fader, Hardie and Lee (2005), "RFM and CLV: using iso-value curves"
		GammaGamma spendTruth = new GammaGamma(6.25, 3.74, 15.44);
		for (int round = 1; round <= 3; round++) {
			long t0 = System.nanoTime();
			BgNbdSimulation simulation = new BgNbdSimulation(truth, round);
			BgNbdSimulation.Summaries s = simulation.summaries(n, 84, 273, byDay);
			double[] zbar = simulation.meanValues(s.x(), spendTruth);
			System.gc();
			HeapPeaks.reset();
			long t1 = System.nanoTime();
			RfmData data = RfmData.of(s.x(), s.tx(), s.T());
			long t2 = System.nanoTime();
			BgNbdFit fit = BgNbdFit.fit(data);
			long t3 = System.nanoTime();
			GammaGammaFit spend = GammaGammaFit.fit(s.x(), zbar);
			long t4 = System.nanoTime();
			System.out.printf("round %d: simulate %.2f s; summaries -> cells %.2f s (%s); BG/NBD fit %.2f s (%d evaluations); "
					+ "Gamma-Gamma fit %.2f s (%d customers); total %.2f s; peak heap %d MB%n"
					+ "  r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.2f; p=%.4f q=%.4f gamma=%.4f LL=%.2f%n", round,
					(t1 - t0) / 1e9, (t2 - t1) / 1e9, data, (t3 - t2) / 1e9, fit.evaluations(), (t4 - t3) / 1e9,
					spend.customers(), (t4 - t1) / 1e9, HeapPeaks.peak() >> 20, fit.model().r(), fit.model().alpha(),
					fit.model().a(), fit.model().b(), fit.logLikelihood(), spend.model().p(), spend.model().q(),
					spend.model().gamma(), spend.logLikelihood());
		}
	}

}
