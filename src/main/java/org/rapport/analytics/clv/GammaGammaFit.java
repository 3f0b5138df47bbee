package org.rapport.analytics.clv;

import org.hipparchus.special.Gamma;

/**
 * A maximum-likelihood Gamma-Gamma fit on the customers with repeat purchases.
 *
 * @param model the fitted parameters
 * @param logLikelihood the log-likelihood at the maximum
 * @param customers how many customers were fitted (those with x &gt; 0 and zbar &gt; 0)
 * @param evaluations how often the likelihood was evaluated
 */
public record GammaGammaFit(GammaGamma model, double logLikelihood, int customers, int evaluations) {

	/**
	 * Fits the model on the customers with {@code x > 0} and {@code zbar > 0}; the others carry no
	 * information about spend (or, with zero spend, none the model can explain). Starts from
	 * {@code p = 1, q = 2} and the {@code γ} whose population mean spend {@code p γ / (q - 1)} is the
	 * data's mean.
	 * @throws IllegalArgumentException with fewer than two such customers
	 */
	public static GammaGammaFit fit(int[] x, double[] zbar) {
		int n = 0;
		double meanZ = 0;
		for (int i = 0; i < x.length; i++) {
			if (x[i] > 0 && zbar[i] > 0) {
				n++;
				meanZ += zbar[i];
			}
		}
		if (n < 2) {
			throw new IllegalArgumentException("Fewer than two customers with repeat purchases of positive value");
		}
		meanZ /= n;
		int[] xs = new int[n];
		double[] logZ = new double[n];
		double[] z = new double[n];
		int j = 0;
		for (int i = 0; i < x.length; i++) {
			if (x[i] > 0 && zbar[i] > 0) {
				xs[j] = x[i];
				z[j] = zbar[i];
				logZ[j] = Math.log(zbar[i]);
				j++;
			}
		}
		Likelihood likelihood = new Likelihood(xs, z, logZ);
		LogScaleMaximizer.Maximum max = LogScaleMaximizer.maximise(p -> likelihood.value(p[0], p[1], p[2]),
				new double[] { 1, 2, meanZ });
		double[] p = max.parameters();
		return new GammaGammaFit(new GammaGamma(p[0], p[1], p[2]), max.value(), n, max.evaluations());
	}

	/**
	 * The summed log-likelihood of {@link GammaGamma#logLikelihood}, rearranged so that each
	 * evaluation costs one logarithm per customer: the log-gamma terms depend on {@code x} only and
	 * are taken once per distinct {@code x}, and {@code Σ (px - 1) ln zbar = p Σ x ln zbar - Σ ln zbar}
	 * is fixed by the data.
	 */
	private static final class Likelihood {

		private final int[] x;

		private final double[] zbar;

		private final int[] xValues;

		private final int[] xCounts;

		private final double sumXLogZbar;

		private final double sumLogZbar;

		Likelihood(int[] x, double[] zbar, double[] logZbar) {
			this.x = x;
			this.zbar = zbar;
			java.util.TreeMap<Integer, Integer> counts = new java.util.TreeMap<>();
			double sxl = 0;
			double sl = 0;
			for (int i = 0; i < x.length; i++) {
				counts.merge(x[i], 1, Integer::sum);
				sxl += x[i] * logZbar[i];
				sl += logZbar[i];
			}
			this.xValues = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
			this.xCounts = counts.values().stream().mapToInt(Integer::intValue).toArray();
			this.sumXLogZbar = sxl;
			this.sumLogZbar = sl;
		}

		double value(double p, double q, double gamma) {
			double lgQ = Gamma.logGamma(q);
			double qLogGamma = q * Math.log(gamma);
			double sum = p * sumXLogZbar - sumLogZbar;
			for (int i = 0; i < xValues.length; i++) {
				double px = p * xValues[i];
				sum += xCounts[i] * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lgQ + qLogGamma + px * Math.log(xValues[i]));
			}
			for (int i = 0; i < x.length; i++) {
				sum -= (p * x[i] + q) * Math.log(gamma + x[i] * zbar[i]);
			}
			return Double.isNaN(sum) ? Double.NEGATIVE_INFINITY : sum;
		}

	}

}
