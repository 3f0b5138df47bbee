package org.rapport.analytics.clv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/** A fit recovers the parameters that simulated the data, and compresses day-level histories. */
class BgNbdRecoveryUnitTests {

	private static final BgNbd TRUTH = new BgNbd(0.243, 4.414, 0.793, 2.426);

	@Test
	void fitRecoversTheParametersOf100000SimulatedCustomers() {
		// CDNOW-like: joining over 12 weeks, observed for 39; exact purchase times
		RfmData data = new BgNbdSimulation(TRUTH, 20261122L).customers(100_000, 84, 273, false);
		BgNbd fitted = BgNbdFit.fit(data).model();
		// about three standard errors at this size (CDNOW's, scaled by sqrt(2357 / 100000))
		assertThat(fitted.r()).isCloseTo(TRUTH.r(), withinPercentage(3));
		assertThat(fitted.alpha()).isCloseTo(TRUTH.alpha(), withinPercentage(5));
		assertThat(fitted.a()).isCloseTo(TRUTH.a(), withinPercentage(12));
		assertThat(fitted.b()).isCloseTo(TRUTH.b(), withinPercentage(15));
	}

	@Test
	void dayLevelHistoriesShareCells() {
		RfmData data = new BgNbdSimulation(TRUTH, 1L).customers(100_000, 84, 273, true);
		assertThat(data.customers()).isEqualTo(100_000);
		// 84 values of T and whole-day t_x: far fewer distinct histories than customers
		assertThat(data.cells()).isLessThan(40_000);
	}

}
