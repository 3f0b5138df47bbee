package org.rapport.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-wide defaults of the analytics, each overridable per request.
 *
 * @param clvDiscountRate annual discount rate of customer-lifetime value
 *     ({@code rapport.analytics.clv-discount-rate}, default 0.10 for 10 % a year)
 * @param clvMonths horizon of customer-lifetime value in months ({@code rapport.analytics.clv-months}, default 12)
 */
@ConfigurationProperties("rapport.analytics")
public record AnalyticsSettings(@DefaultValue("0.10") double clvDiscountRate, @DefaultValue("12") int clvMonths) {

	public AnalyticsSettings {
		if (!(clvDiscountRate >= 0 && clvDiscountRate <= 1)) {
			throw new IllegalArgumentException("rapport.analytics.clv-discount-rate must be from 0 to 1, not " + clvDiscountRate);
		}
		if (clvMonths < 1 || clvMonths > ClvOptions.MAX_MONTHS) {
			throw new IllegalArgumentException("rapport.analytics.clv-months must be from 1 to " + ClvOptions.MAX_MONTHS);
		}
	}

	/** The defaults, for use without Spring. */
	public static AnalyticsSettings defaults() {
		return new AnalyticsSettings(0.10, 12);
	}

}
