package org.rapport.analytics.clv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The CLV sum: expected purchases month by month, times the expected value, discounted yearly. */
class LifetimeValueUnitTests {

	private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

	private static final CustomerSummary FIRST = new CustomerSummary("1", 2, 30.43, 38.86, 22.35, -1);

	@Test
	void withoutDiscountItIsTheExpectedPurchasesOverTheHorizonTimesTheValue() {
		double weeks = 12 * 365.25 / 12 / 7;
		double expected = CDNOW.conditionalExpectedTransactions(weeks, 2, 30.43, 38.86);
		assertThat(LifetimeValue.of(CDNOW, 24.65, FIRST, 12, 0)).isCloseTo(24.65 * expected, within(1e-9));
	}

	@Test
	void eachMonthIsDiscountedAtTheAnnualRateCompoundedMonthly() {
		double tau = 365.25 / 12 / 7;
		double sum = 0;
		for (int k = 1; k <= 24; k++) {
			double month = CDNOW.conditionalExpectedTransactions(k * tau, 2, 30.43, 38.86)
					- CDNOW.conditionalExpectedTransactions((k - 1) * tau, 2, 30.43, 38.86);
			sum += month / Math.pow(1.10, k / 12.0);
		}
		assertThat(LifetimeValue.of(CDNOW, 30, FIRST, 24, 0.10)).isCloseTo(30 * sum, within(1e-9));
		// a 10 % rate takes between 0 and 10 % off a two-year value
		double undiscounted = LifetimeValue.of(CDNOW, 30, FIRST, 24, 0);
		assertThat(30 * sum).isLessThan(undiscounted).isGreaterThan(undiscounted / 1.21);
	}

	@Test
	void longerHorizonsAddValueAndGoneCustomersHaveAlmostNone() {
		double year = LifetimeValue.of(CDNOW, 30, FIRST, 12, 0.10);
		assertThat(LifetimeValue.of(CDNOW, 30, FIRST, 24, 0.10)).isGreaterThan(year);
		CustomerSummary silent = new CustomerSummary("gone", 40, 2, 38.86, 30, -1);
		assertThat(LifetimeValue.of(CDNOW, 30, silent, 12, 0.10)).isLessThan(0.01 * year);
	}

}
