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

	/** The summed log-likelihood of {@link GammaGamma#logLikelihood}, with {@code ln zbar} and {@code ln x} computed once. */
	private record Likelihood(int[] x, double[] zbar, double[] logZbar) {

		double value(double p, double q, double gamma) {
			double lgQ = Gamma.logGamma(q);
			double qLogGamma = q * Math.log(gamma);
			double sum = 0;
			for (int i = 0; i < x.length; i++) {
				double px = p * x[i];
				sum += Gamma.logGamma(px + q) - Gamma.logGamma(px) - lgQ + qLogGamma + (px - 1) * logZbar[i]
						+ px * Math.log(x[i]) - (px + q) * Math.log(gamma + x[i] * zbar[i]);
			}
			return Double.isNaN(sum) ? Double.NEGATIVE_INFINITY : sum;
		}

	}

}
