package org.rapport.analytics.anomaly;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Unusual order lines: an {@link IsolationForest} over quantity, unit price, line amount
 * (quantity × unit price) and time of day, each flag with the features that isolated it.
 * Cancellations and returns keep their negative quantities, so a huge order and its cancellation
 * are both unusual.
 */
public final class OrderLineAnomalies {

	/** The features in order, as the explanation names them. */
	public static final List<String> FEATURES = List.of("quantity", "unitPrice", "amount", "timeOfDay");

	/** One order line. */
	public record Line(double quantity, double unitPrice, LocalDateTime time) {

		double[] features() {
			return new double[] { quantity, unitPrice, quantity * unitPrice,
					time.getHour() + time.getMinute() / 60.0 };
		}

	}

	/** A line's anomaly score and each feature's share of its isolation, largest first. */
	public record Flag(int index, double score, List<Reason> reasons) {
	}

	/** A feature and its share (0..1) of what isolated the line. */
	public record Reason(String feature, double share) {
	}

	private final IsolationForest forest;

	private final double[][] rows;

	private OrderLineAnomalies(IsolationForest forest, double[][] rows) {
		this.forest = forest;
		this.rows = rows;
	}

	/** Fits the forest to the lines (100 trees of 256 lines, Liu et al.'s defaults). */
	public static OrderLineAnomalies fit(List<Line> lines, long seed) {
		double[][] rows = new double[lines.size()][];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = lines.get(i).features();
		}
		return new OrderLineAnomalies(IsolationForest.fit(rows, 100, 256, seed), rows);
	}

	public double[] scores() {
		return forest.scores(rows);
	}

	/** The {@code limit} most unusual lines, most unusual first, each with its reasons. */
	public List<Flag> top(int limit) {
		double[] scores = scores();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < scores.length; i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
		List<Flag> flags = new ArrayList<>();
		for (int i : order.subList(0, Math.min(limit, order.size()))) {
			flags.add(new Flag(i, scores[i], reasons(rows[i])));
		}
		return flags;
	}

	public List<Reason> reasons(double[] row) {
		double[] shares = forest.explain(row);
		List<Reason> reasons = new ArrayList<>();
		for (int f = 0; f < shares.length; f++) {
			reasons.add(new Reason(FEATURES.get(f), shares[f]));
		}
		reasons.sort(Comparator.comparingDouble((Reason r) -> -r.share()));
		return reasons;
	}

	public List<Reason> reasons(int index) {
		return reasons(rows[index]);
	}

}
