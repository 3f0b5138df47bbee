package org.rapport.analytics.clv;

/**
 * Customer-lifetime value over a horizon of months: {@code CLV = m * Σ_{k=1..M} (E[X(kτ)] -
 * E[X((k-1)τ)]) / (1 + d)^(k/12)}, where {@code E[X(t)]} is the BG/NBD conditional expectation of
 * repeat purchases in the next {@code t} weeks, {@code m} the Gamma-Gamma expected average value,
 * {@code τ = 365.25 / 12 / 7} weeks (an average month) and {@code d} the annual discount rate, applied
 * at the end of each month (the monthly rate {@code (1 + d)^(1/12) - 1} compounds to {@code d}).
 */
public final class LifetimeValue {

	/** An average calendar month in weeks. */
	public static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;

	private LifetimeValue() {
	}

	/**
	 * @param model the fitted BG/NBD model
	 * @param averageValue the expected value of each future purchase
	 * @param c the customer's history
	 * @param months horizon in months
	 * @param annualDiscountRate e.g. 0.10 for 10 % a year
	 */
	public static double of(BgNbd model, double averageValue, CustomerSummary c, int months, double annualDiscountRate) {
		double previous = 0;
		double value = 0;
		for (int k = 1; k <= months; k++) {
			double cumulative = model.conditionalExpectedTransactions(k * WEEKS_PER_MONTH, c.x(), c.tx(), c.T());
			value += (cumulative - previous) / Math.pow(1 + annualDiscountRate, k / 12.0);
			previous = cumulative;
		}
		return averageValue * value;
	}

}
