package org.rapport.analytics.clv;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * BG/NBD against the figures published for the CDNOW sample (FHL 2005; the lifetimes and CLVTools
 * test suites; R BTYD; Hardie's spreadsheet), as listed in the data set's SOURCE.md.
 */
class CdnowBgNbdUnitTests {

	/** The parameters as published in FHL (2005), to three decimals. */
	private static final BgNbd PUBLISHED = new BgNbd(0.243, 4.414, 0.793, 2.426);

	@Test
	void fitOnTheCdnowSummaryReproducesThePublishedParametersAndLogLikelihood() {
		List<Cdnow.Row> rows = Cdnow.summary();
		assertThat(rows).hasSize(2357);
		BgNbdFit fit = BgNbdFit.fit(Cdnow.rfm(rows));
		assertThat(fit.customers()).isEqualTo(2357);
		assertThat(fit.model().r()).isCloseTo(0.243, withinPercentage(1));
		assertThat(fit.model().alpha()).isCloseTo(4.414, withinPercentage(1));
		assertThat(fit.model().a()).isCloseTo(0.793, withinPercentage(1));
		assertThat(fit.model().b()).isCloseTo(2.426, withinPercentage(1));
		assertThat(fit.logLikelihood()).isCloseTo(-9582.43, within(0.1));
	}

	@Test
	void fitAgreesWithLifetimesQuickstartToFourSignificantDigits() {
		// lifetimes docs/Quickstart.md fits the same file: r 0.242593, alpha 4.413532, a 0.792886, b 2.425752
		BgNbd fitted = BgNbdFit.fit(Cdnow.rfm(Cdnow.summary())).model();
		assertThat(fitted.r()).isCloseTo(0.242593, withinPercentage(0.01));
		assertThat(fitted.alpha()).isCloseTo(4.413532, withinPercentage(0.01));
		assertThat(fitted.a()).isCloseTo(0.792886, withinPercentage(0.01));
		assertThat(fitted.b()).isCloseTo(2.425752, withinPercentage(0.01));
	}

	@Test
	void quasiNewtonAndDerivativeFreeRoutesFindTheSameMaximum() {
		RfmData data = Cdnow.rfm(Cdnow.summary());
		BgNbdLikelihood likelihood = BgNbdLikelihood.of(data);
		BgNbdFit fit = BgNbdFit.fit(data);
		LogScaleMaximizer.Maximum simplex = LogScaleMaximizer
			.maximise(p -> likelihood.value(p[0], p[1], p[2], p[3]), new double[] { 1, 10, 1, 1 });
		// BFGS with the analytic gradient needs a few dozen evaluations, Nelder-Mead + BOBYQA hundreds
		assertThat(fit.evaluations()).isLessThan(100);
		assertThat(simplex.evaluations()).isGreaterThan(fit.evaluations());
		assertThat(fit.logLikelihood()).isCloseTo(simplex.value(), within(1e-6));
		assertThat(fit.model().r()).isCloseTo(simplex.parameters()[0], withinPercentage(0.001));
		assertThat(fit.model().alpha()).isCloseTo(simplex.parameters()[1], withinPercentage(0.001));
		assertThat(fit.model().a()).isCloseTo(simplex.parameters()[2], withinPercentage(0.001));
		assertThat(fit.model().b()).isCloseTo(simplex.parameters()[3], withinPercentage(0.001));
	}

	@Test
	void highPrecisionPublishedParametersGiveThePublishedLogLikelihood() {
		// CLVTools' re-estimate and its log-likelihood, -9582.429 (CLVTools computes t_x from the
		// transactions, this file rounds it to 1/100 week: hence 0.1, the anchor's tolerance)
		BgNbd precise = new BgNbd(0.2425945, 4.4136019, 0.7929199, 2.4258881);
		double ll = BgNbdLikelihood.of(Cdnow.rfm(Cdnow.summary())).value(precise);
		assertThat(ll).isCloseTo(-9582.429, within(0.1));
		assertThat(ll).isLessThan(BgNbdFit.fit(Cdnow.rfm(Cdnow.summary())).logLikelihood());
	}

	@Test
	void singleCustomerLikelihoodsAddUpToTheDataSetsAndHandleNoRepeatPurchases() {
		List<Cdnow.Row> rows = Cdnow.summary();
		double sum = 0;
		for (Cdnow.Row row : rows) {
			sum += PUBLISHED.logLikelihood(row.x(), row.tx(), row.T());
		}
		assertThat(sum).isCloseTo(BgNbdLikelihood.of(Cdnow.rfm(rows)).value(PUBLISHED), within(1e-6));
		// x = 0: ln[(alpha / (alpha + T))^r], the probability of no purchase while surely active
		double expected = PUBLISHED.r() * Math.log(PUBLISHED.alpha() / (PUBLISHED.alpha() + 38.86));
		assertThat(PUBLISHED.logLikelihood(0, 0, 38.86)).isCloseTo(expected, within(1e-12));
	}

	@Test
	void conditionalExpectationMatchesHardiesSpreadsheet() {
		assertThat(PUBLISHED.conditionalExpectedTransactions(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.001));
	}

	@Test
	void probabilityOfPurchasesMatchesRBtyd() {
		assertThat(PUBLISHED.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(1e-6));
		assertThat(PUBLISHED.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, withinPercentage(0.01));
	}

}
