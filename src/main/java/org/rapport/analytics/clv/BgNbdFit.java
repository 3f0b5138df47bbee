package org.rapport.analytics.clv;

/**
 * A maximum-likelihood BG/NBD fit.
 *
 * @param model the fitted parameters
 * @param logLikelihood the log-likelihood at the maximum
 * @param customers how many customers were fitted
 * @param evaluations how often the likelihood was evaluated
 */
public record BgNbdFit(BgNbd model, double logLikelihood, int customers, int evaluations) {

	/**
	 * Fits the model to the data by maximum likelihood, starting from {@code r = a = b = 1} and the
	 * {@code alpha} that makes the mean purchase rate {@code r / alpha} match the data's.
	 * @throws IllegalArgumentException when nobody made a repeat purchase: the rate is then not identified
	 */
	public static BgNbdFit fit(RfmData data) {
		double repeats = data.totalRepeatPurchases();
		if (repeats == 0) {
			throw new IllegalArgumentException("No customer made a repeat purchase; BG/NBD cannot be fitted");
		}
		double alpha0 = Math.max(1e-6, data.meanT() * data.customers() / repeats);
		BgNbdLikelihood likelihood = BgNbdLikelihood.of(data);
		LogScaleMaximizer.Maximum max = LogScaleMaximizer.maximise(p -> likelihood.value(p[0], p[1], p[2], p[3]),
				(p, gradient) -> likelihood.valueAndGradient(p[0], p[1], p[2], p[3], gradient),
				new double[] { 1, alpha0, 1, 1 });
		double[] p = max.parameters();
		return new BgNbdFit(new BgNbd(p[0], p[1], p[2], p[3]), max.value(), data.customers(), max.evaluations());
	}

}
