package org.rapport.analytics.clv;

/**
 * One customer's purchase history in the form the models need. Times are in weeks.
 *
 * @param customerId the customer's id as given
 * @param x repeat purchases in the calibration period (purchase days after the first)
 * @param tx time of the last repeat purchase since the first purchase (0 when {@code x = 0})
 * @param T time from the first purchase to the end of the calibration period
 * @param zbar mean value of the repeat purchases in the calibration period (0 when {@code x = 0})
 * @param holdoutX repeat purchases in the hold-out period, or -1 without one
 */
public record CustomerSummary(String customerId, int x, double tx, double T, double zbar, int holdoutX) {

	public boolean hasHoldout() {
		return holdoutX >= 0;
	}

}
