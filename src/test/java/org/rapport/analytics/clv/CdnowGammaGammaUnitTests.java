package org.rapport.analytics.clv;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Gamma-Gamma against the figures published for the CDNOW repeat customers (Fader &amp; Hardie
 * 2013; lifetimes and CLVTools tests), as listed in the data set's SOURCE.md.
 */
class CdnowGammaGammaUnitTests {

	private static final GammaGamma PUBLISHED = new GammaGamma(6.25, 3.74, 15.44);

	/** Hardie's spreadsheet: conditional expected average profit of customers 1..10. */
	private static final double[] FIRST_TEN = { 24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17 };

	@Test
	void fitOnTheRepeatCustomersReproducesThePublishedParametersAndLogLikelihood() {
		List<Cdnow.Row> rows = Cdnow.summaryWithSpend();
		GammaGammaFit fit = GammaGammaFit.fit(rows.stream().mapToInt(Cdnow.Row::x).toArray(),
				rows.stream().mapToDouble(Cdnow.Row::zbar).toArray());
		assertThat(fit.customers()).isEqualTo(946);
		assertThat(fit.model().p()).isCloseTo(6.25, withinPercentage(1));
		assertThat(fit.model().q()).isCloseTo(3.74, withinPercentage(1));
		assertThat(fit.model().gamma()).isCloseTo(15.44, withinPercentage(1));
		assertThat(fit.logLikelihood()).isCloseTo(-4055.9177, within(0.1));
	}

	@Test
	void conditionalExpectedAverageProfitMatchesHardiesSpreadsheetWithThePublishedParameters() {
		List<Cdnow.Row> rows = Cdnow.summaryWithSpend();
		for (int i = 0; i < FIRST_TEN.length; i++) {
			Cdnow.Row row = rows.get(i);
			assertThat(row.id()).isEqualTo(i + 1);
			assertThat(PUBLISHED.conditionalExpectedAverageValue(row.x(), row.zbar())).as("customer %d", row.id())
				.isCloseTo(FIRST_TEN[i], within(0.1));
		}
	}

	@Test
	void conditionalExpectedAverageProfitMatchesHardiesSpreadsheetWithTheFittedParameters() {
		List<Cdnow.Row> rows = Cdnow.summaryWithSpend();
		GammaGamma fitted = GammaGammaFit.fit(rows.stream().mapToInt(Cdnow.Row::x).toArray(),
				rows.stream().mapToDouble(Cdnow.Row::zbar).toArray()).model();
		for (int i = 0; i < FIRST_TEN.length; i++) {
			Cdnow.Row row = rows.get(i);
			assertThat(fitted.conditionalExpectedAverageValue(row.x(), row.zbar())).as("customer %d", row.id())
				.isCloseTo(FIRST_TEN[i], within(0.02));
		}
	}

	@Test
	void customersWithoutRepeatPurchasesGetThePopulationMeanAndAreNotFitted() {
		assertThat(PUBLISHED.conditionalExpectedAverageValue(0, 0)).isCloseTo(6.25 * 15.44 / 2.74, within(1e-9));
		// the 1,411 customers with x = 0 carry zbar = 0 in the file; fitting only them is impossible
		assertThat(GammaGammaFit.fit(new int[] { 0, 0, 3, 2 }, new double[] { 0, 0, 10, 20 }).customers()).isEqualTo(2);
	}

}
