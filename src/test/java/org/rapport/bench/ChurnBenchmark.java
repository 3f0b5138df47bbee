package org.rapport.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.rapport.analytics.churn.ChurnMetrics;
import org.rapport.analytics.churn.ChurnPipeline;

/**
 * Training time of the churn model at scale: synthetic customers with Rapport's churn features (the
 * ones {@code ChurnModels} builds: recency, orders, spend, tenure, spend trend, days since the last
 * activity, tickets, complaints, CSAT — CSAT unknown for 70 %) and a planted logistic effect; fits
 * the pipeline at 100,000 and at {@code bench.customers} (default 1,000,000) customers in one run, so
 * the scaling is a ratio of two fits on the same machine at the same time, and scores a hold-out of
 * 100,000 (AUC, to show the fit is real). Peak heap from the JVM's heap pools.
 *
 * <pre>
 * java -Xmx6g -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) \
 *   -Dbench.customers=1000000 org.rapport.bench.ChurnBenchmark
 * </pre>
 */
public final class ChurnBenchmark {

	private ChurnBenchmark() {
	}

	public static void main(String[] args) {
		int customers = Integer.getInteger("bench.customers", 1_000_000);
		int small = Math.min(100_000, customers);
		List<ChurnPipeline.Customer> holdout = generate(100_000, 99);
		long t0 = System.nanoTime();
		List<ChurnPipeline.Customer> data = generate(customers, 1);
		double generate = seconds(t0);
		System.out.printf("generated %,d customers in %.1f s%n", customers, generate);

		HeapPeaks.reset();
		t0 = System.nanoTime();
		ChurnPipeline.Fitted smallFit = ChurnPipeline.defaults().fit(data.subList(0, small));
		double smallSeconds = seconds(t0);
		long smallPeak = HeapPeaks.peak();
		double smallAuc = auc(smallFit, holdout);
		System.out.printf("fit %,d customers: %.1f s, peak heap %d MiB, hold-out AUC %.4f%n", small, smallSeconds,
				smallPeak >> 20, smallAuc);

		System.gc();
		HeapPeaks.reset();
		t0 = System.nanoTime();
		ChurnPipeline.Fitted fit = ChurnPipeline.defaults().fit(data);
		double fitSeconds = seconds(t0);
		long peak = HeapPeaks.peak();
		t0 = System.nanoTime();
		double auc = auc(fit, holdout);
		double scoreSeconds = seconds(t0);
		System.out.printf("fit %,d customers: %.1f s, peak heap %d MiB, hold-out AUC %.4f; scoring 100,000: %.2f s%n",
				customers, fitSeconds, peak >> 20, auc, scoreSeconds);
		System.out.printf("ratio: time %.2f for %.1f times the customers%n", fitSeconds / smallSeconds,
				(double) customers / small);
	}

	static List<ChurnPipeline.Customer> generate(int n, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<ChurnPipeline.Customer> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			double tenure = 30 + random.nextInt(1000);
			double recency = Math.min(tenure, random.nextInt(365));
			double orders = 1 + random.nextInt(1 + (int) (tenure / 60));
			double spent = orders * (20 + random.nextInt(200));
			double trend = (random.nextDouble() - 0.5) * 200;
			double activity = random.nextInt(200);
			double tickets = random.nextInt(4);
			double complaints = random.nextInt(10) == 0 ? 1 + random.nextInt(2) : 0;
			boolean rated = random.nextInt(10) < 3;
			double csat = 1 + random.nextInt(5);
			double logOdds = -1.5 + recency / 90 - Math.log1p(orders) * 0.6 - trend / 200 + activity / 200 + complaints * 0.7
					+ (rated ? (3 - csat) * 0.3 : 0);
			boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-logOdds));
			Map<String, Double> f = new LinkedHashMap<>();
			f.put("recencyDays", recency);
			f.put("orders", orders);
			f.put("spent", spent);
			f.put("tenureDays", tenure);
			f.put("spendTrend", trend);
			f.put("daysSinceActivity", activity);
			f.put("tickets180", tickets);
			f.put("complaints365", complaints);
			if (rated) {
				f.put("csat", csat);
			}
			out.add(new ChurnPipeline.Customer(Integer.toString(i), f, Map.of(), churned));
		}
		return out;
	}

	static double auc(ChurnPipeline.Fitted fit, List<ChurnPipeline.Customer> holdout) {
		double[] scores = new double[holdout.size()];
		boolean[] churned = new boolean[holdout.size()];
		for (int i = 0; i < scores.length; i++) {
			scores[i] = fit.probability(holdout.get(i));
			churned[i] = holdout.get(i).churned();
		}
		return ChurnMetrics.of(scores, churned).auc();
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
