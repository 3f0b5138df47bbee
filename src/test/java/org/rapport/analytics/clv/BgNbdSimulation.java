package org.rapport.analytics.clv;

import java.util.SplittableRandom;

/**
 * Draws customers from the BG/NBD process itself, to check that a fit recovers known parameters:
 * each has a purchase rate {@code λ ~ Gamma(r, α)} and a dropout probability {@code p ~ Beta(a, b)},
 * buys at exponential intervals while active and drops out after each repeat purchase with
 * probability {@code p}. Customers join uniformly over the first {@code joinDays} days and are
 * observed to day {@code calibrationDays}.
 */
public final class BgNbdSimulation {

	private final BgNbd truth;

	private final SplittableRandom random;

	public BgNbdSimulation(BgNbd truth, long seed) {
		this.truth = truth;
		this.random = new SplittableRandom(seed);
	}

	/**
	 * Simulates {@code n} customers.
	 * @param byDay whether purchase times are cut to whole days and same-day purchases merged, as
	 *     transactions are ({@code false}: exact times)
	 */
	public RfmData customers(int n, int joinDays, int calibrationDays, boolean byDay) {
		Summaries s = summaries(n, joinDays, calibrationDays, byDay);
		return RfmData.of(s.x(), s.tx(), s.T());
	}

	/**
	 * Simulated summaries as parallel arrays.
	 *
	 * @param x repeat purchases
	 * @param tx time of the last
	 * @param T time observed
	 */
	public record Summaries(int[] x, double[] tx, double[] T) {
	}

	public Summaries summaries(int n, int joinDays, int calibrationDays, boolean byDay) {
		int[] xs = new int[n];
		double[] txs = new double[n];
		double[] ts = new double[n];
		for (int i = 0; i < n; i++) {
			int first = random.nextInt(joinDays);
			double T = (calibrationDays - first) / 7.0;
			double lambda = gamma(truth.r()) / truth.alpha();
			double g = gamma(truth.a());
			double p = g / (g + gamma(truth.b()));
			double time = 0;
			int x = 0;
			double tx = 0;
			int lastDay = 0;
			while (true) {
				time += -Math.log(1 - random.nextDouble()) / lambda;
				if (time > T) {
					break;
				}
				if (byDay) {
					int day = (int) Math.floor(time * 7);
					if (day != lastDay) {
						x++;
						lastDay = day;
						tx = day / 7.0;
					}
				}
				else {
					x++;
					tx = time;
				}
				if (random.nextDouble() < p) {
					break;
				}
			}
			xs[i] = x;
			txs[i] = tx;
			ts[i] = T;
		}
		return new Summaries(xs, txs, ts);
	}

	/**
	 * Mean repeat-purchase values from the Gamma-Gamma process: each customer's scale
	 * {@code ν ~ Gamma(q, γ)} (rate γ) and values {@code z ~ Gamma(p, ν)}, so the mean of {@code x}
	 * values is {@code Gamma(p·x, x·ν)}; 0 for customers without repeat purchases.
	 */
	public double[] meanValues(int[] x, GammaGamma spend) {
		double[] zbar = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			if (x[i] > 0) {
				double nu = gamma(spend.q()) / spend.gamma();
				zbar[i] = gamma(spend.p() * x[i]) / (x[i] * nu);
			}
		}
		return zbar;
	}

	/** Gamma(shape, 1) by Marsaglia and Tsang (2000), boosted by {@code U^(1/shape)} for shapes below 1. */
	private double gamma(double shape) {
		if (shape < 1) {
			return gamma(shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
		}
		double d = shape - 1.0 / 3;
		double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double z = normal();
			double v = 1 + c * z;
			if (v <= 0) {
				continue;
			}
			v = v * v * v;
			double u = random.nextDouble();
			if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
				return d * v;
			}
		}
	}

	private double normal() {
		// Box-Muller; one of the pair is enough here
		double u = 1 - random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
	}

}
