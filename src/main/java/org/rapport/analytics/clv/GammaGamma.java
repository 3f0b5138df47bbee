package org.rapport.analytics.clv;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of spend per transaction (Fader &amp; Hardie 2013): a customer's
 * transaction values are Gamma(p, ν) with the scale ν itself Gamma(q, γ) across customers, and
 * independent of how often the customer buys.
 *
 * @param p shape of the transaction values
 * @param q shape of the scale's distribution
 * @param gamma scale of the scale's distribution, in money
 */
public record GammaGamma(double p, double q, double gamma) {

	public GammaGamma {
		if (!(p > 0 && q > 0 && gamma > 0) || Double.isInfinite(p + q + gamma)) {
			throw new IllegalArgumentException("Gamma-Gamma parameters must be positive and finite");
		}
	}

	/**
	 * The log-likelihood of a customer's mean repeat-transaction value {@code zbar} over {@code x}
	 * transactions (Fader &amp; Hardie 2013, eq. 3): {@code ln Γ(px + q) - ln Γ(px) - ln Γ(q) + q ln γ +
	 * (px - 1) ln zbar + px ln x - (px + q) ln(γ + x zbar)}.
	 */
	public static double logLikelihood(double p, double q, double gamma, int x, double zbar) {
		double px = p * x;
		return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
				+ (px - 1) * Math.log(zbar) + px * Math.log(x) - (px + q) * Math.log(gamma + x * zbar);
	}

	/**
	 * The expected mean transaction value of a customer with {@code x} repeat transactions of mean
	 * {@code zbar} (Fader &amp; Hardie 2013, eq. 5): {@code p (γ + x zbar) / (p x + q - 1)}, a weighted
	 * mean of the population mean {@code p γ / (q - 1)} and the customer's own {@code zbar}. With
	 * {@code x = 0} it is the population mean.
	 * @throws ArithmeticException when {@code q <= 1}: the population mean is then infinite
	 */
	public double conditionalExpectedAverageValue(int x, double zbar) {
		double denominator = p * x + q - 1;
		if (!(denominator > 0)) {
			throw new ArithmeticException("The expected spend is infinite for q <= 1 and x = 0");
		}
		return p * (gamma + (x > 0 ? x * zbar : 0)) / denominator;
	}

	/** Whether the population's mean spend {@code p γ / (q - 1)} is finite. */
	public boolean hasFiniteMean() {
		return q > 1;
	}

}
