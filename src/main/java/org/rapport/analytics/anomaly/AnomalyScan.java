package org.rapport.analytics.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Unusual rows of a stream too large to hold, in two passes: the first keeps a uniform sample
 * (reservoir sampling, Vitter's algorithm R, with a fixed seed) from which an
 * {@link IsolationForest} is grown and each feature's typical range is read; the second scores every
 * row and keeps the most unusual ones. The same rows in the same order give the same flags.
 */
public final class AnomalyScan {

	/** Rows kept for fitting and for the typical ranges. */
	public static final int RESERVOIR = 20_000;

	/** Trees of the forest (Liu et al.'s default). */
	public static final int TREES = 100;

	/** Rows each tree is grown on, at most (Liu et al.'s default). */
	public static final int SAMPLE_SIZE = 256;

	/** Typical range: from this quantile to its mirror (5 % to 95 %). */
	static final double TAIL = 0.05;

	/** A reason is only given for a feature with at least this share of the isolation. */
	static final double MIN_SHARE = 0.05;

	/** At most this many reasons per flag. */
	static final int MAX_REASONS = 3;

	private final List<String> features;

	private final long seed;

	private final double[][] reservoir;

	private final SplittableRandom random;

	private long seen;

	public AnomalyScan(List<String> features, long seed) {
		this(features, seed, RESERVOIR);
	}

	AnomalyScan(List<String> features, long seed, int capacity) {
		this.features = List.copyOf(features);
		this.seed = seed;
		this.reservoir = new double[capacity][];
		this.random = new SplittableRandom(seed);
	}

	/** First pass: offers a row to the sample. */
	public void sample(double[] row) {
		if (row.length != features.size()) {
			throw new IllegalArgumentException("Expected " + features.size() + " features, got " + row.length);
		}
		if (seen < reservoir.length) {
			reservoir[(int) seen] = row.clone();
		}
		else {
			long j = random.nextLong(seen + 1);
			if (j < reservoir.length) {
				reservoir[(int) j] = row.clone();
			}
		}
		seen++;
	}

	/** Rows seen by the first pass. */
	public long seen() {
		return seen;
	}

	/** Grows the forest (100 trees of 256 rows, Liu et al.'s defaults) and reads the typical ranges. */
	public Model fit() {
		if (seen == 0) {
			throw new IllegalStateException("No rows sampled");
		}
		double[][] rows = Arrays.copyOf(reservoir, (int) Math.min(seen, reservoir.length));
		double[] low = new double[features.size()];
		double[] high = new double[features.size()];
		double[] column = new double[rows.length];
		for (int f = 0; f < low.length; f++) {
			for (int i = 0; i < rows.length; i++) {
				column[i] = rows[i][f];
			}
			Arrays.sort(column);
			low[f] = quantile(column, TAIL);
			high[f] = quantile(column, 1 - TAIL);
		}
		return new Model(features, IsolationForest.fit(rows, TREES, SAMPLE_SIZE, seed), low, high);
	}

	/** The q-quantile of sorted values (linear interpolation between the closest ranks). */
	static double quantile(double[] sorted, double q) {
		double position = q * (sorted.length - 1);
		int below = (int) Math.floor(position);
		int above = Math.min(below + 1, sorted.length - 1);
		return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
	}

	/**
	 * What made a row unusual: a feature, the row's value, the typical range (5–95 % of the sample) and
	 * the feature's share of the isolation.
	 *
	 * @param direction {@code above}, {@code far-above}, {@code below}, {@code far-below}, or
	 * {@code unusual} (inside the range, but unusual together with the other values)
	 */
	public record Reason(String feature, double value, double low, double high, double share, String direction) {
	}

	/** The fitted forest with the typical ranges. */
	public static final class Model {

		private final List<String> features;

		private final IsolationForest forest;

		private final double[] low;

		private final double[] high;

		Model(List<String> features, IsolationForest forest, double[] low, double[] high) {
			this.features = features;
			this.forest = forest;
			this.low = low;
			this.high = high;
		}

		public double score(double[] row) {
			return forest.score(row);
		}

		/** The typical range of a feature: {low, high}. */
		public double[] range(String feature) {
			int f = features.indexOf(feature);
			return new double[] { low[f], high[f] };
		}

		/**
		 * The features that made the row unusual, largest share of the isolation first: those outside
		 * their typical range with a share of at least 5 %, three at most; when none is, the feature with
		 * the largest share, as unusual in combination.
		 */
		public List<Reason> explain(double[] row) {
			double[] shares = forest.explain(row);
			Integer[] order = new Integer[shares.length];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -shares[i]).thenComparingInt(i -> i));
			List<Reason> reasons = new ArrayList<>();
			for (int f : order) {
				String direction = direction(row[f], low[f], high[f]);
				if (direction != null && shares[f] >= MIN_SHARE && reasons.size() < MAX_REASONS) {
					reasons.add(new Reason(features.get(f), row[f], low[f], high[f], shares[f], direction));
				}
			}
			if (reasons.isEmpty()) {
				int f = order[0];
				reasons.add(new Reason(features.get(f), row[f], low[f], high[f], shares[f], "unusual"));
			}
			return reasons;
		}

		/**
		 * Above or below the typical range, "far" when the distance to it exceeds both the range's width
		 * and the size of its nearer end (5,000 against 1–20; a 90 % discount against 0–10 %).
		 */
		static String direction(double value, double low, double high) {
			if (value > high) {
				return value - high > Math.max(high - low, Math.abs(high)) ? "far-above" : "above";
			}
			if (value < low) {
				return low - value > Math.max(high - low, Math.abs(low)) ? "far-below" : "below";
			}
			return null;
		}

	}

	/**
	 * The most unusual rows of the second pass: at most {@code limit}, each scoring at least
	 * {@code threshold}; ties go to the row seen first.
	 */
	public static final class Top<T> {

		/** A kept row. */
		public record Flag<T>(T subject, double[] row, double score, long order) {
		}

		private final int limit;

		private final double threshold;

		private final PriorityQueue<Flag<T>> heap; // the least unusual kept row on top

		private long offered;

		public Top(int limit, double threshold) {
			this.limit = limit;
			this.threshold = threshold;
			this.heap = new PriorityQueue<>(Comparator.comparingDouble((Flag<T> f) -> f.score())
				.thenComparing(Comparator.comparingLong((Flag<T> f) -> f.order()).reversed()));
		}

		public void offer(T subject, double[] row, double score) {
			long order = offered++;
			if (score < threshold) {
				return;
			}
			heap.add(new Flag<>(subject, row, score, order));
			if (heap.size() > limit) {
				heap.poll();
			}
		}

		/** The kept rows, most unusual first. */
		public List<Flag<T>> flags() {
			List<Flag<T>> flags = new ArrayList<>(heap);
			flags.sort(Comparator.comparingDouble((Flag<T> f) -> -f.score()).thenComparingLong(Flag::order));
			return flags;
		}

	}

}
