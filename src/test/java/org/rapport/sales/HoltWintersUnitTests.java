package org.rapport.sales;

import org.junit.jupiter.api.Test;
import org.rapport.sales.internal.HoltWinters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HoltWintersUnitTests {

	/** 36 months of level 100, trend +2 a month and a fixed seasonal pattern, without noise. */
	private static double[] seasonal(int months) {
		double[] pattern = { 10, 5, 0, -5, -10, -15, -10, -5, 0, 5, 10, 15 };
		double[] y = new double[months];
		for (int t = 0; t < months; t++) {
			y[t] = 100 + 2 * t + pattern[t % 12];
		}
		return y;
	}

	@Test
	void recoversTrendAndSeasonOfAnExactSeries() {
		double[] y = seasonal(36);
		HoltWinters model = HoltWinters.fit(y, 12);
		assertThat(model.method()).isEqualTo("holt-winters-additive");
		double[] next = model.forecast(12);
		double[] truth = seasonal(48);
		for (int k = 0; k < 12; k++) {
			assertThat(next[k]).as("month " + (36 + k)).isCloseTo(truth[36 + k], within(1.0));
		}
	}

	@Test
	void usesATrendModelWithLessThanTwoSeasons() {
		double[] y = new double[10];
		for (int t = 0; t < y.length; t++) {
			y[t] = 50 + 3 * t;
		}
		HoltWinters model = HoltWinters.fit(y, 12);
		assertThat(model.method()).isEqualTo("holt-linear-trend");
		assertThat(model.forecast(2)[1]).isCloseTo(50 + 3 * 11, within(0.5));
	}

	@Test
	void fitDependsOnlyOnTheTrainingMonths() {
		double[] y = seasonal(30);
		HoltWinters a = HoltWinters.fit(java.util.Arrays.copyOf(y, 24), 12);
		double[] changedFuture = y.clone();
		for (int t = 24; t < 30; t++) {
			changedFuture[t] = 1e6;
		}
		HoltWinters b = HoltWinters.fit(java.util.Arrays.copyOf(changedFuture, 24), 12);
		assertThat(b.forecast(6)).containsExactly(a.forecast(6));
	}

}
