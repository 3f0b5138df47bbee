package org.rapport.analytics.clv;

import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie &amp; Lee 2005): while active, a customer buys at
 * a Poisson rate {@code lambda ~ Gamma(r, alpha)}, and after each repeat purchase drops out for good
 * with probability {@code p ~ Beta(a, b)}. Time is in weeks throughout.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale (rate) of the purchase-rate distribution, in weeks
 * @param a first shape of the dropout-probability distribution
 * @param b second shape of the dropout-probability distribution
 */
public record BgNbd(double r, double alpha, double a, double b) {

	/**
	 * The expectations divide by {@code a - 1}; at {@code a = 1} the limit is finite, so they are
	 * taken just beside it, where the formula is still well conditioned.
	 */
	private static final double NEAR_ONE = 1e-7;

	public BgNbd {
		if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || Double.isInfinite(r + alpha + a + b)) {
			throw new IllegalArgumentException("BG/NBD parameters must be positive and finite");
		}
	}

	/** One customer's log-likelihood (FHL 2005, eq. 6), in the log-sum-exp form of {@link BgNbdLikelihood}. */
	public double logLikelihood(int x, double tx, double T) {
		return BgNbdLikelihood.of(RfmData.of(new int[] { x }, new double[] { tx }, new double[] { T })).value(this);
	}

	/**
	 * The probability that a customer with {@code x} repeat purchases, the last at {@code tx}, is
	 * still active at {@code T} (FHL 2005 note, eq. 2): {@code 1 / (1 + [x > 0] a / (b + x - 1) *
	 * ((alpha + T) / (alpha + tx))^(r + x))}. A customer without repeat purchases cannot have dropped
	 * out yet, since dropout happens only right after a repeat purchase.
	 */
	public double probabilityAlive(int x, double tx, double T) {
		if (x == 0) {
			return 1;
		}
		double logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
		// 1 / (1 + e^L) without overflow for the long-silent, frequent buyer (large L)
		return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
	}

	/**
	 * Expected repeat purchases in {@code (T, T + t]} of a customer with history {@code (x, tx, T)}
	 * (FHL 2005, eq. 10): {@code (a + b + x - 1) / (a - 1) * [1 - ((alpha + T) / (alpha + T + t))^(r + x)
	 * * 2F1(r + x, b + x; a + b + x - 1; t / (alpha + T + t))] * P(alive)}.
	 */
	public double conditionalExpectedTransactions(double t, int x, double tx, double T) {
		if (t <= 0) {
			return 0;
		}
		double aa = awayFromOne(a);
		double z = t / (alpha + T + t);
		double c = aa + b + x - 1;
		double scaled;
		if (c > 0) {
			// 2F1 may overflow for large x; (1 - z)^(r + x) brings it back, so both go in log scale
			scaled = Math.exp((r + x) * Math.log1p(-z) + Hypergeometric.log2F1(r + x, b + x, c, z));
		}
		else {
			scaled = Math.pow(1 - z, r + x) * Hypergeometric.hyp2f1(r + x, b + x, c, z);
		}
		double expectedIfAlive = c / (aa - 1) * (1 - scaled);
		return expectedIfAlive * probabilityAlive(x, tx, T);
	}

	/**
	 * Expected repeat purchases of a new customer in {@code (0, t]} (FHL 2005, eq. 9):
	 * {@code (a + b - 1) / (a - 1) * [1 - (alpha / (alpha + t))^r * 2F1(r, b; a + b - 1; t / (alpha + t))]}.
	 */
	public double expectedTransactions(double t) {
		if (t <= 0) {
			return 0;
		}
		double aa = awayFromOne(a);
		double z = t / (alpha + t);
		double c = aa + b - 1;
		double scaled;
		if (c > 0) {
			scaled = Math.exp(r * Math.log1p(-z) + Hypergeometric.log2F1(r, b, c, z));
		}
		else {
			scaled = Math.pow(1 - z, r) * Hypergeometric.hyp2f1(r, b, c, z);
		}
		return c / (aa - 1) * (1 - scaled);
	}

	/**
	 * The probability that a new customer makes exactly {@code n} repeat purchases in {@code (0, t]}
	 * (FHL 2005, eq. 8): {@code B(a, b + n) / B(a, b) * NB(n; r, alpha, t) + [n > 0] B(a + 1, b + n - 1) /
	 * B(a, b) * P(NB(r, alpha, t) >= n)}, where {@code NB} is the count of a Poisson process with a
	 * Gamma(r, alpha) rate: still active with exactly n, or dropped out after the n-th.
	 */
	public double probabilityOfPurchases(int n, double t) {
		if (n < 0) {
			return 0;
		}
		if (t <= 0) {
			return n == 0 ? 1 : 0;
		}
		double logBetaAB = logBeta(a, b);
		double logQ = Math.log(alpha / (alpha + t));
		double logP = Math.log(t / (alpha + t));
		double active = Math.exp(logBeta(a, b + n) - logBetaAB + logNegativeBinomial(n, logQ, logP));
		if (n == 0) {
			return active;
		}
		double dropped = Math.exp(logBeta(a + 1, b + n - 1) - logBetaAB) * negativeBinomialAtLeast(n, logQ, logP);
		return active + dropped;
	}

	/** {@code ln P(N = j)} for {@code N ~ NB(r, q = alpha / (alpha + t))}: {@code Γ(r + j) / (Γ(r) j!) q^r (1 - q)^j}. */
	private double logNegativeBinomial(int j, double logQ, double logP) {
		return Gamma.logGamma(r + j) - Gamma.logGamma(r) - Gamma.logGamma(j + 1.0) + r * logQ + j * logP;
	}

	/**
	 * {@code P(N >= n)}: as 1 minus the head while that is not small, else as the tail series itself,
	 * so that tiny probabilities keep their digits. Consecutive terms differ by the factor
	 * {@code (r + j) / (j + 1) (1 - q)}, taken in logs so that no term underflows on the way.
	 */
	private double negativeBinomialAtLeast(int n, double logQ, double logP) {
		double logTerm = r * logQ;
		double head = 0;
		for (int j = 0; j < n; j++) {
			head += Math.exp(logTerm);
			logTerm += Math.log((r + j) / (j + 1)) + logP;
		}
		if (head < 0.9) {
			return Math.max(0, 1 - head);
		}
		// logTerm is now ln P(N = n); the tail is summed relative to it, then scaled back
		double p = Math.exp(logP);
		double relative = 1;
		double tail = 0;
		for (int j = n; j < n + 10_000_000; j++) {
			tail += relative;
			double ratio = (r + j) / (j + 1) * p;
			relative *= ratio;
			double rho = Math.max(ratio, p);
			if (relative <= 1e-17 * tail && rho < 1 && relative * rho / (1 - rho) <= 1e-17 * tail) {
				return Math.exp(logTerm + Math.log(tail));
			}
		}
		return Math.max(0, 1 - head);
	}

	private static double logBeta(double x, double y) {
		return Gamma.logGamma(x) + Gamma.logGamma(y) - Gamma.logGamma(x + y);
	}

	private static double awayFromOne(double a) {
		if (Math.abs(a - 1) >= NEAR_ONE) {
			return a;
		}
		return a < 1 ? 1 - NEAR_ONE : 1 + NEAR_ONE;
	}

}
