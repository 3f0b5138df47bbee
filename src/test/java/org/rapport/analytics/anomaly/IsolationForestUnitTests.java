package org.rapport.analytics.anomaly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The isolation forest on data with planted outliers. */
class IsolationForestUnitTests {

	@Test
	void plantedOutliersRankTopAndAreExplainedByTheFeatureThatSetsThemApart() {
		// two dense clusters, as in Liu et al.'s examples, and planted rows far out in one feature or in
		// both. (A row in the empty space between the clusters, within every feature's range, is not
		// among them: axis-parallel random cuts rarely fall in that gap, a known limit of the method.)
		Random random = new Random(7);
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			double centre = i % 2 == 0 ? -3 : 3;
			rows.add(new double[] { centre + random.nextGaussian() * 0.5, random.nextGaussian() * 0.5 });
		}
		int first = rows.size();
		rows.add(new double[] { 9, 0 });
		rows.add(new double[] { -3, 6 });
		rows.add(new double[] { -9, -1 });
		rows.add(new double[] { 7, -7 });
		rows.add(new double[] { 3, -5 });
		double[][] data = rows.toArray(double[][]::new);
		IsolationForest forest = IsolationForest.fit(data, 100, 256, 11);
		double[] scores = forest.scores(data);
		List<Integer> ranked = IntStream.range(0, data.length)
			.boxed()
			.sorted(Comparator.comparingDouble(i -> -scores[i]))
			.toList();
		assertThat(ranked.subList(0, 5)).containsExactlyInAnyOrder(first, first + 1, first + 2, first + 3, first + 4);
		for (int i = first; i < first + 5; i++) {
			assertThat(scores[i]).isGreaterThan(0.6);
		}
		assertThat(scores[0]).isLessThan(0.55);

		assertThat(argMax(forest.explain(data[first]))).isEqualTo(0);
		assertThat(argMax(forest.explain(data[first + 1]))).isEqualTo(1);
		assertThat(argMax(forest.explain(data[first + 4]))).isEqualTo(1);
		double[] shares = forest.explain(data[first + 3]);
		assertThat(shares[0] + shares[1]).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void averagePathLengthFollowsLiuEtAl() {
		assertThat(IsolationForest.c(1)).isZero();
		assertThat(IsolationForest.c(2)).isEqualTo(1.0);
		// c(256) = 2(ln 255 + γ) − 2·255/256 ≈ 10.2448
		assertThat(IsolationForest.c(256)).isCloseTo(10.2448, within(1e-3));
	}

	@Test
	void sameSeedSameForest() {
		double[][] data = new Random(3).doubles(2000).mapToObj(d -> new double[] { d, d * d }).toArray(double[][]::new);
		double[] a = IsolationForest.fit(data, 50, 128, 5).scores(data);
		double[] b = IsolationForest.fit(data, 50, 128, 5).scores(data);
		assertThat(a).containsExactly(b);
	}

	private static int argMax(double[] values) {
		int best = 0;
		for (int i = 1; i < values.length; i++) {
			if (values[i] > values[best]) {
				best = i;
			}
		}
		return best;
	}

}
