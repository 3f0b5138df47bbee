package org.rapport.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of a customer-lifetime-value analysis: the fitted BG/NBD and Gamma-Gamma models, and
 * optionally the hold-out check, the weekly tracking table and every customer's figures. Times are
 * in weeks, money in the unit of the uploaded amounts.
 *
 * @param customersFitted customers in the BG/NBD fit (the calibration cohort)
 * @param customersAfterCalibration customers left out because they first bought after the calibration end
 * @param calibrationEnd last day of the calibration period ({@code null} for summary input)
 * @param holdoutEnd last day of the hold-out period, or {@code null}
 * @param bgNbd the BG/NBD fit
 * @param gammaGamma the Gamma-Gamma fit, or {@code null} without spend data or repeat buyers to fit it
 * @param horizonWeeks weeks ahead of each customer's expected transactions
 * @param months CLV horizon in months
 * @param discountRate annual CLV discount rate
 * @param holdout totals over the hold-out period, or {@code null}
 * @param tracking the weekly cumulative repeat purchases, or {@code null} without a hold-out
 * @param customers every customer's figures, or {@code null} unless asked for
 */
public record ClvReport(int customersFitted, int customersAfterCalibration, LocalDate calibrationEnd,
		LocalDate holdoutEnd, BgNbdParameters bgNbd, GammaGammaParameters gammaGamma, double horizonWeeks, int months,
		double discountRate, Holdout holdout, List<TrackingWeek> tracking, List<CustomerValue> customers) {

	/**
	 * @param r shape of the purchase-rate distribution
	 * @param alpha its scale, in weeks
	 * @param a first shape of the dropout distribution
	 * @param b second shape of the dropout distribution
	 * @param logLikelihood at the maximum
	 */
	public record BgNbdParameters(double r, double alpha, double a, double b, double logLikelihood) {
	}

	/**
	 * @param p shape of the transaction values
	 * @param q shape of their scale's distribution
	 * @param gamma scale of their scale's distribution
	 * @param logLikelihood at the maximum
	 * @param customers customers fitted (x &gt; 0 and zbar &gt; 0)
	 */
	public record GammaGammaParameters(double p, double q, double gamma, double logLikelihood, int customers) {
	}

	/**
	 * @param weeks length of the hold-out period
	 * @param actual repeat purchases in it
	 * @param expected their expectation from the calibration histories
	 */
	public record Holdout(double weeks, long actual, double expected) {
	}

	/**
	 * @param week week since the cohort's first purchase
	 * @param date its last day
	 * @param actual cumulative repeat purchases to then
	 * @param expected their expectation under the model
	 */
	public record TrackingWeek(int week, LocalDate date, long actual, double expected) {
	}

	/**
	 * One customer's figures.
	 *
	 * @param customerId as given
	 * @param x repeat purchases in calibration
	 * @param tx time of the last repeat purchase since the first
	 * @param T time from the first purchase to the calibration end
	 * @param zbar mean repeat-purchase value, or {@code null} when not known
	 * @param expectedTransactions expected purchases in the next {@code horizonWeeks}
	 * @param pAlive probability of still being a customer
	 * @param expectedAverageProfit Gamma-Gamma expected mean value of future purchases, or {@code null}
	 * @param clv lifetime value over {@code months}, or {@code null} without spend model
	 * @param holdoutTransactions actual repeat purchases in the hold-out, or {@code null}
	 * @param expectedHoldoutTransactions their expectation, or {@code null}
	 */
	public record CustomerValue(String customerId, int x, double tx, double T, Double zbar,
			double expectedTransactions, double pAlive, Double expectedAverageProfit, Double clv,
			Integer holdoutTransactions, Double expectedHoldoutTransactions) {
	}

}
