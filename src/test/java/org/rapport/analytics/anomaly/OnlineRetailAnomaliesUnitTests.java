package org.rapport.analytics.anomaly;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.anomaly.OrderLineAnomalies.Line;
import org.rapport.analytics.retail.OnlineRetail;
import org.rapport.analytics.retail.OnlineRetail.Row;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation forest over all 541,909 lines of UCI Online Retail ranks the known extreme lines
 * (the 80,995- and 74,215-unit orders and their two cancellations) in its top 0.1 %.
 */
class OnlineRetailAnomaliesUnitTests {

	@Test
	void ranksTheKnownExtremeLinesInTheTopTenthOfAPercent() {
		List<Row> rows = OnlineRetail.full();
		assertThat(rows).hasSize(541_909);
		List<Line> lines = new ArrayList<>(rows.size());
		List<Integer> extremes = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			lines.add(new Line(r.quantity(), r.unitPrice(), r.time()));
			if (Math.abs(r.quantity()) == 80_995 || Math.abs(r.quantity()) == 74_215) {
				extremes.add(i);
			}
		}
		assertThat(extremes).hasSize(4);
		long started = System.nanoTime();
		OrderLineAnomalies model = OrderLineAnomalies.fit(lines, 2012);
		double[] scores = model.scores();
		long millis = (System.nanoTime() - started) / 1_000_000;
		int topTenthOfAPercent = (int) Math.ceil(rows.size() * 0.001);
		for (int i : extremes) {
			int above = 0;
			for (double s : scores) {
				above += s > scores[i] ? 1 : 0;
			}
			int rank = above + 1;
			List<OrderLineAnomalies.Reason> reasons = model.reasons(i);
			System.out.printf("%s %s qty %d: score %.4f, rank %d of %d (top 0.1%% = %d); reasons %s; %d ms%n",
					rows.get(i).invoice(), rows.get(i).stockCode(), rows.get(i).quantity(), scores[i], rank, rows.size(),
					topTenthOfAPercent, reasons, millis);
			assertThat(rank).as(rows.get(i).invoice()).isLessThanOrEqualTo(topTenthOfAPercent);
			// what isolated them: the quantity and the amount it makes, not the time or the price
			assertThat(reasons.get(0).feature()).isIn("quantity", "amount");
			assertThat(reasons.get(0).share() + reasons.get(1).share()).isGreaterThan(0.5);
		}
	}

}
