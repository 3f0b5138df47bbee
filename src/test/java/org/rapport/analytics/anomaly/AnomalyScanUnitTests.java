package org.rapport.analytics.anomaly;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The features, the streaming two-pass scan and the explanations of the anomaly flags. */
class AnomalyScanUnitTests {

	@Test
	void orderLineTimeOfDayIsReadInTheCompanysZone() {
		Instant at = Instant.parse("2026-12-01T19:30:00Z");
		assertThat(AnomalyFeatures.orderLine(3, 10, 27, at, ZoneId.of("Asia/Shanghai")))
			.containsExactly(3, 10, 27, 3.5);
		assertThat(AnomalyFeatures.orderLine(3, 10, 27, at, ZoneId.of("UTC"))[3]).isEqualTo(19.5);
	}

	@Test
	void engagementComparesTheLastFourWeeksWithTheTwelveBefore() {
		Instant end = Instant.parse("2026-12-01T12:00:00Z");
		int[] stopped = new int[16];
		Arrays.fill(stopped, 0, 12, 3);
		double[] f = AnomalyFeatures.engagement(stopped, end.minus(29, ChronoUnit.DAYS), end);
		// previous 3 a week, recent 0, ratio (0 + ¼) ÷ (3 + ¼), 29 days = 4.1 weeks silent
		assertThat(f).containsExactly(3.0, 0.0, 0.077, 4.1);
		assertThat(AnomalyFeatures.dropped(f)).isTrue();

		int[] steady = new int[16];
		Arrays.fill(steady, 2);
		double[] s = AnomalyFeatures.engagement(steady, end.minus(1, ChronoUnit.DAYS), end);
		assertThat(s).containsExactly(2.0, 2.0, 1.0, 0.1);
		assertThat(AnomalyFeatures.dropped(s)).isFalse();

		// halving counts as a drop; one activity in twelve weeks is too little to drop from
		int[] halved = new int[16];
		Arrays.fill(halved, 0, 12, 4);
		Arrays.fill(halved, 12, 16, 2);
		assertThat(AnomalyFeatures.dropped(AnomalyFeatures.engagement(halved, end, end))).isTrue();
		int[] once = new int[16];
		once[0] = 1;
		assertThat(AnomalyFeatures.dropped(AnomalyFeatures.engagement(once, end.minus(110, ChronoUnit.DAYS), end)))
			.isFalse();
	}

	@Test
	void plantedOrderLinesAreFlaggedFirstWithTheFeatureThatMakesThemAbsurd() {
		Random random = new Random(3);
		ZoneId zone = ZoneId.of("UTC");
		Instant day = Instant.parse("2026-11-30T00:00:00Z");
		double[][] rows = new double[3002][];
		for (int i = 0; i < 3000; i++) {
			int quantity = 1 + random.nextInt(20);
			int discount = 5 * random.nextInt(3);
			double amount = quantity * (10 + random.nextInt(41)) * (1 - discount / 100.0);
			rows[i] = AnomalyFeatures.orderLine(quantity, discount, amount,
					day.plus(9 * 60 + random.nextInt(8 * 60), ChronoUnit.MINUTES), zone);
		}
		rows[3000] = AnomalyFeatures.orderLine(10_000, 0, 120_000, day.plus(11, ChronoUnit.HOURS), zone);
		rows[3001] = AnomalyFeatures.orderLine(5, 90, 15, day.plus(3, ChronoUnit.HOURS), zone);

		AnomalyScan.Model model = twoPasses(rows, 42);
		AnomalyScan.Top<Integer> top = new AnomalyScan.Top<>(10, 0.6);
		for (int i = 0; i < rows.length; i++) {
			top.offer(i, rows[i], model.score(rows[i]));
		}
		List<AnomalyScan.Top.Flag<Integer>> flags = top.flags();
		assertThat(flags).extracting(AnomalyScan.Top.Flag::subject).startsWith(3000, 3001);
		assertThat(flags).allMatch(f -> f.score() >= 0.6);

		List<AnomalyScan.Reason> huge = model.explain(rows[3000]);
		assertThat(huge).extracting(AnomalyScan.Reason::feature).contains("quantity", "amount").doesNotContain("discount");
		AnomalyScan.Reason quantity = huge.stream().filter(r -> r.feature().equals("quantity")).findFirst().orElseThrow();
		assertThat(quantity.direction()).isEqualTo("far-above");
		assertThat(quantity.value()).isEqualTo(10_000);
		assertThat(quantity.low()).isBetween(1.0, 2.0);
		assertThat(quantity.high()).isBetween(19.0, 20.0);

		List<AnomalyScan.Reason> night = model.explain(rows[3001]);
		assertThat(night).extracting(AnomalyScan.Reason::feature).contains("discount", "timeOfDay");
		assertThat(night).filteredOn(r -> r.feature().equals("discount")).singleElement()
			.satisfies(r -> assertThat(r.direction()).isEqualTo("far-above"));
		assertThat(night).filteredOn(r -> r.feature().equals("timeOfDay")).singleElement().satisfies(r -> {
			assertThat(r.direction()).isIn("below", "far-below");
			assertThat(r.low()).isBetween(9.0, 10.0);
		});
		assertThat(night).allMatch(r -> r.share() >= AnomalyScan.MIN_SHARE).hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void sameRowsAndSeedGiveTheSameModelWhateverTheReservoirKept() {
		Random random = new Random(5);
		double[][] rows = new double[5000][];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = new double[] { random.nextGaussian(), random.nextGaussian() };
		}
		AnomalyScan.Model a = twoPasses(rows, 9);
		AnomalyScan.Model b = twoPasses(rows, 9);
		for (double[] row : rows) {
			assertThat(a.score(row)).isEqualTo(b.score(row));
		}
		// a small reservoir still sees the whole stream uniformly: its typical range is the data's
		AnomalyScan small = new AnomalyScan(List.of("x", "y"), 9, 1000);
		for (double[] row : rows) {
			small.sample(row);
		}
		assertThat(small.seen()).isEqualTo(5000);
		double[] range = small.fit().range("x");
		assertThat(range[0]).isCloseTo(-1.645, within(0.2));
		assertThat(range[1]).isCloseTo(1.645, within(0.2));
	}

	@Test
	void directionSaysHowFarOutsideTheUsualRangeAValueIs() {
		assertThat(AnomalyScan.Model.direction(5_000, 1, 20)).isEqualTo("far-above");
		assertThat(AnomalyScan.Model.direction(30, 1, 20)).isEqualTo("above");
		assertThat(AnomalyScan.Model.direction(90, 0, 10)).isEqualTo("far-above");
		assertThat(AnomalyScan.Model.direction(3, 9, 17)).isEqualTo("below");
		assertThat(AnomalyScan.Model.direction(-40, 1, 20)).isEqualTo("far-below");
		assertThat(AnomalyScan.Model.direction(12, 1, 20)).isNull();
		assertThat(AnomalyScan.quantile(new double[] { 1, 2, 3, 4, 5 }, 0.5)).isEqualTo(3);
		assertThat(AnomalyScan.quantile(new double[] { 0, 10 }, 0.05)).isCloseTo(0.5, within(1e-12));
	}

	private static AnomalyScan.Model twoPasses(double[][] rows, long seed) {
		AnomalyScan scan = new AnomalyScan(AnomalyFeatures.ORDER.subList(0, rows[0].length), seed);
		for (double[] row : rows) {
			scan.sample(row);
		}
		return scan.fit();
	}

}
