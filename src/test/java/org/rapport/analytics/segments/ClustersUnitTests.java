package org.rapport.analytics.segments;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.retail.OnlineRetail;
import org.rapport.analytics.retail.OnlineRetail.Row;

import static org.assertj.core.api.Assertions.assertThat;

/** k-means segments with k by silhouette, on planted blobs and on Online Retail customers. */
class ClustersUnitTests {

	@Test
	void silhouettePicksThePlantedNumberOfClustersAndDescribesThem() {
		Random random = new Random(5);
		double[][] centres = { { 0, 0, 0 }, { 6, 0, 0 }, { 0, 6, 6 } };
		double[][] rows = new double[600][];
		for (int i = 0; i < rows.length; i++) {
			double[] c = centres[i % 3];
			rows[i] = new double[] { c[0] + random.nextGaussian(), c[1] + random.nextGaussian(), c[2] + random.nextGaussian() };
		}
		Clusters.Result result = Clusters.fit(List.of("a", "b", "c"), rows, 2, 6, 1);
		assertThat(result.k()).isEqualTo(3);
		assertThat(result.silhouette()).isGreaterThan(0.5);
		assertThat(result.silhouetteByK()).hasSize(5);
		// 200 rows per blob; the blobs' tails touch, so a few rows may land in a neighbour
		assertThat(result.clusters()).allSatisfy(c -> assertThat(c.size()).isBetween(190, 210));
		// the blob at (6,0,0) stands out by "a" above the mean
		assertThat(result.clusters()).anySatisfy(c -> {
			assertThat(c.traits().get(0).feature()).isEqualTo("a");
			assertThat(c.traits().get(0).deviations()).isGreaterThan(1);
		});
	}

	@Test
	void onlineRetailCustomersSegmentOnLogRecencyFrequencyAndSpend() {
		Map<String, LocalDate> last = new HashMap<>();
		Map<String, Set<String>> orders = new HashMap<>();
		Map<String, Double> spent = new HashMap<>();
		for (Row r : OnlineRetail.full()) {
			if (r.customer() == null || r.cancellation() || r.quantity() <= 0 || r.unitPrice() <= 0) {
				continue;
			}
			last.merge(r.customer(), r.time().toLocalDate(), (a, b) -> a.isAfter(b) ? a : b);
			orders.computeIfAbsent(r.customer(), k -> new HashSet<>()).add(r.invoice());
			spent.merge(r.customer(), r.quantity() * r.unitPrice(), Double::sum);
		}
		LocalDate asOf = LocalDate.of(2011, 12, 10);
		List<String> ids = List.copyOf(last.keySet());
		double[][] rows = new double[ids.size()][];
		for (int i = 0; i < rows.length; i++) {
			String id = ids.get(i);
			rows[i] = new double[] { Math.log1p(ChronoUnit.DAYS.between(last.get(id), asOf)), Math.log(orders.get(id).size()),
					Math.log1p(spent.get(id)) };
		}
		long started = System.nanoTime();
		Clusters.Result result = Clusters.fit(List.of("recency", "frequency", "monetary"), rows, 2, 8, 1);
		System.out.printf("Online Retail: %d customers, k %d, silhouette %.4f by k %s, %d ms%n  %s%n", rows.length, result.k(),
				result.silhouette(), result.silhouetteByK(), (System.nanoTime() - started) / 1_000_000, result.clusters());
		assertThat(rows.length).isEqualTo(4338);
		assertThat(result.silhouette()).isEqualTo(result.silhouetteByK().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
		assertThat(result.clusters()).hasSize(result.k());
		assertThat(result.clusters().stream().mapToInt(Clusters.Cluster::size).sum()).isEqualTo(rows.length);
	}

}
