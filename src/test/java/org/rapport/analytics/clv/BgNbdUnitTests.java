package org.rapport.analytics.clv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The BG/NBD expectations and probabilities agree with each other and behave at the edges. */
class BgNbdUnitTests {

	private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

	@Test
	void purchaseCountProbabilitiesSumToOneAndTheirMeanIsTheExpectation() {
		for (double t : new double[] { 2, 39, 78 }) {
			double total = 0;
			double mean = 0;
			for (int n = 0; n < 400; n++) {
				double p = CDNOW.probabilityOfPurchases(n, t);
				assertThat(p).isBetween(0.0, 1.0);
				total += p;
				mean += n * p;
			}
			assertThat(total).as("t=%s", t).isCloseTo(1, within(1e-9));
			assertThat(mean).as("t=%s", t).isCloseTo(CDNOW.expectedTransactions(t), within(1e-6));
		}
	}

	@Test
	void conditionalExpectationOfANewCustomerIsTheUnconditionalOne() {
		// a customer seen at T = 0 has told us nothing: E[X(t) | 0, 0, T -> 0] = E[X(t)]
		assertThat(CDNOW.conditionalExpectedTransactions(39, 0, 0, 1e-12))
			.isCloseTo(CDNOW.expectedTransactions(39), within(1e-9));
	}

	@Test
	void frequentBuyersGetFiniteFiguresAndLongSilenceMeansLikelyGone() {
		// x = 500 overflows 2F1 and ((alpha + T) / (alpha + tx))^(r + x) unless both are taken in logs
		double active = CDNOW.conditionalExpectedTransactions(52, 500, 38.5, 38.86);
		assertThat(active).isFinite().isGreaterThan(100);
		double silent = CDNOW.conditionalExpectedTransactions(52, 500, 5, 38.86);
		assertThat(silent).isFinite().isGreaterThanOrEqualTo(0).isLessThan(1e-6);
		assertThat(CDNOW.probabilityAlive(500, 5, 38.86)).isGreaterThanOrEqualTo(0).isLessThan(1e-100);
		assertThat(CDNOW.probabilityAlive(0, 0, 38.86)).isEqualTo(1);
		assertThat(CDNOW.probabilityAlive(2, 30.43, 38.86)).isCloseTo(
				1 / (1 + 0.793 / (2.426 + 1) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2)), within(1e-15));
	}

	@Test
	void expectationsAreContinuousAcrossAEqualToOne() {
		// the formulas divide by a - 1; the limit there is finite and the figures must not jump
		BgNbd below = new BgNbd(0.5, 5, 1 - 1e-4, 2);
		BgNbd at = new BgNbd(0.5, 5, 1, 2);
		BgNbd above = new BgNbd(0.5, 5, 1 + 1e-4, 2);
		assertThat(at.expectedTransactions(30)).isCloseTo(below.expectedTransactions(30), within(1e-4))
			.isCloseTo(above.expectedTransactions(30), within(1e-4));
		assertThat(at.conditionalExpectedTransactions(30, 3, 20, 30))
			.isCloseTo(below.conditionalExpectedTransactions(30, 3, 20, 30), within(1e-4));
	}

	@Test
	void smallDropoutShapesStillGiveTheExpectationOfTheProbabilities() {
		// a + b < 1 makes c = a + b - 1 negative in eq. 9: the series with signed terms must hold
		BgNbd model = new BgNbd(0.4, 3, 0.3, 0.5);
		double mean = 0;
		for (int n = 0; n < 1000; n++) {
			mean += n * model.probabilityOfPurchases(n, 10);
		}
		assertThat(model.expectedTransactions(10)).isCloseTo(mean, within(1e-6));
	}

	@Test
	void analyticGradientMatchesCentralDifferencesAndTheValueMatchesThePlainSum() {
		RfmData data = Cdnow.rfm(Cdnow.summary());
		BgNbdLikelihood likelihood = BgNbdLikelihood.of(data);
		double[] p = { 0.3, 5.0, 0.7, 2.0 };
		double[] gradient = new double[4];
		double value = likelihood.valueAndGradient(p[0], p[1], p[2], p[3], gradient);
		assertThat(value).isCloseTo(likelihood.value(p[0], p[1], p[2], p[3]), within(1e-8));
		for (int i = 0; i < 4; i++) {
			double h = 1e-6 * p[i];
			double[] up = p.clone();
			double[] down = p.clone();
			up[i] += h;
			down[i] -= h;
			double numeric = (likelihood.value(up[0], up[1], up[2], up[3])
					- likelihood.value(down[0], down[1], down[2], down[3])) / (2 * h);
			assertThat(gradient[i]).as("parameter %d", i).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
		}
	}

}
