package org.rapport.analytics;

import java.time.LocalDate;

/**
 * What a customer-lifetime-value analysis should cover; {@code null} means the default.
 *
 * @param calibrationEnd last day of the calibration period (default: the last transaction date)
 * @param holdoutEnd last day of the hold-out period, after {@code calibrationEnd} (default: none)
 * @param perCustomer whether to answer with every customer's figures
 * @param horizonWeeks weeks ahead for each customer's expected transactions (default 52)
 * @param months CLV horizon in months (default: the setting, 12)
 * @param discountRate annual CLV discount rate (default: the setting, 0.10)
 */
public record ClvOptions(LocalDate calibrationEnd, LocalDate holdoutEnd, boolean perCustomer, Double horizonWeeks,
		Integer months, Double discountRate) {

	public static final int MAX_MONTHS = 120;

	public static final double MAX_HORIZON_WEEKS = 520;

	public static final double DEFAULT_HORIZON_WEEKS = 52;

	public static ClvOptions defaults() {
		return new ClvOptions(null, null, false, null, null, null);
	}

}
