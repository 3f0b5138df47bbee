package org.rapport.analytics.clv;

/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for 0 &le; z &lt; 1, summed as its power
 * series: the BG/NBD expectations need it and Hipparchus has none.
 */
public final class Hypergeometric {

	/** Relative size of the tail at which a sum stops: about the resolution of a double. */
	private static final double EPSILON = 1e-16;

	/** Beyond this many terms z is so close to 1 that the answer would not be trustworthy anyway. */
	private static final int MAX_TERMS = 5_000_000;

	/** Partial sums are rescaled past this so that large parameters do not overflow. */
	private static final double RESCALE_ABOVE = 1e250;

	private static final double LOG_RESCALE = Math.log(RESCALE_ABOVE);

	private Hypergeometric() {
	}

	/**
	 * {@code ln 2F1(a, b; c; z)} for {@code a, b, c > 0} and {@code 0 <= z < 1}, where every term is
	 * positive. Works in log scale, so 2F1 itself may exceed the range of a double (as it does for
	 * customers with many purchases, whose factor {@code (1 - z)^(r + x)} brings it back).
	 * @throws ArithmeticException when the series has not converged within the term limit
	 */
	public static double log2F1(double a, double b, double c, double z) {
		if (!(a > 0 && b > 0 && c > 0)) {
			throw new IllegalArgumentException("log2F1 needs a, b, c > 0: " + a + ", " + b + ", " + c);
		}
		checkArgument(z);
		if (z == 0) {
			return 0;
		}
		double term = 1;
		double sum = 1;
		double logScale = 0;
		for (int n = 0; n < MAX_TERMS; n++) {
			double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
			term *= ratio;
			sum += term;
			if (sum > RESCALE_ABOVE) {
				sum /= RESCALE_ABOVE;
				term /= RESCALE_ABOVE;
				logScale += LOG_RESCALE;
			}
			if (tailIsNegligible(a, b, c, z, n + 1, term, sum)) {
				return logScale + Math.log(sum);
			}
		}
		throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
	}

	/**
	 * {@code 2F1(a, b; c; z)} for {@code 0 <= z < 1} and any real parameters except {@code c} a
	 * non-positive integer (a pole). Terms may change sign while {@code c + n} (or {@code a + n},
	 * {@code b + n}) is negative; from then on they keep one sign and the tail bound applies.
	 */
	public static double hyp2f1(double a, double b, double c, double z) {
		checkArgument(z);
		if (c <= 0 && c == Math.rint(c)) {
			throw new ArithmeticException("2F1 has a pole at c = " + c);
		}
		if (a > 0 && b > 0 && c > 0) {
			return Math.exp(log2F1(a, b, c, z));
		}
		if (z == 0) {
			return 1;
		}
		double term = 1;
		double sum = 1;
		for (int n = 0; n < MAX_TERMS; n++) {
			double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
			term *= ratio;
			sum += term;
			if (term == 0) {
				// a or b is a non-positive integer: the series is a polynomial and has ended
				return sum;
			}
			boolean signSettled = a + n + 1 > 0 && b + n + 1 > 0 && c + n + 1 > 0;
			if (signSettled && tailIsNegligible(a, b, c, z, n + 1, Math.abs(term), Math.abs(sum))) {
				return sum;
			}
		}
		throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
	}

	/**
	 * Whether the terms after the {@code n}-th (of size {@code term}) add less than EPSILON of the
	 * sum. Once the terms shrink, the ratio of consecutive terms moves monotonically towards
	 * {@code z}, so every later ratio is at most {@code rho = max(next ratio, z)} and the tail is at
	 * most {@code term * rho / (1 - rho)}, a geometric series.
	 */
	private static boolean tailIsNegligible(double a, double b, double c, double z, int n, double term,
			double sum) {
		if (term > EPSILON * sum) {
			return false;
		}
		double next = Math.abs((a + n) * (b + n) / ((c + n) * (n + 1)) * z);
		double rho = Math.max(next, z);
		return rho < 1 && term * rho / (1 - rho) <= EPSILON * sum;
	}

	private static void checkArgument(double z) {
		if (!(z >= 0 && z < 1)) {
			throw new IllegalArgumentException("2F1 is summed here for 0 <= z < 1 only, not " + z);
		}
	}

}
