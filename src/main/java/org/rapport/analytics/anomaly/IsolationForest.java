package org.rapport.analytics.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Isolation forest (Liu, Ting &amp; Zhou 2008, "Isolation Forest", ICDM; 2012, ACM TKDD 6(1)):
 * random trees that cut a random feature at a random value between its minimum and maximum in the
 * node, each grown on a random subsample without replacement up to depth ⌈log₂ ψ⌉. Unusual rows
 * are cut off in few steps, so the anomaly score is {@code s = 2^(−E[h(x)] / c(ψ))} with
 * {@code h(x)} the path length (plus {@code c(size)} at a leaf holding several rows) and
 * {@code c(n) = 2H(n−1) − 2(n−1)/n} the average path length of an unsuccessful binary-search-tree
 * search. Scores near 1 are anomalies, below 0.5 normal.
 *
 * <p>
 * One extension, for rows outside what a tree's subsample saw: in the original, a row beyond the
 * node's range on the split feature follows the most extreme sampled row, so every row beyond the
 * subsample's range looks alike (a row 80,995 units large no more unusual than one of 200). Here a
 * row outside the node's range {@code [lo, hi]} is treated as if it had been in the sample: a cut
 * drawn uniformly over the range stretched to include it would have cut it off alone with
 * probability {@code q = gap / stretched range}, so its path ends there with probability
 * {@code q} and goes on as usual otherwise. Rows within the range score exactly as in Liu et al.
 *
 * <p>
 * Each flag is explained by where its isolation came from: at every split on the row's path, the
 * rows of the node that went the other way are the information that split gave, measured as
 * {@code log₂(node size / child size)} bits; summed per feature over all trees and divided by the
 * total, it is each feature's share of the isolation.
 */
public final class IsolationForest {

	private static final double EULER = 0.5772156649015329;

	private final Tree[] trees;

	private final int sampleSize;

	private final int features;

	private IsolationForest(Tree[] trees, int sampleSize, int features) {
		this.trees = trees;
		this.sampleSize = sampleSize;
		this.features = features;
	}

	/**
	 * Grows a forest on the rows (each the same number of finite features).
	 * @param trees number of trees (Liu et al.: 100)
	 * @param sampleSize subsample per tree ψ (Liu et al.: 256), capped at the number of rows
	 */
	public static IsolationForest fit(double[][] rows, int trees, int sampleSize, long seed) {
		if (rows.length == 0) {
			throw new IllegalArgumentException("No rows");
		}
		int width = rows[0].length;
		for (double[] row : rows) {
			if (row.length != width) {
				throw new IllegalArgumentException("Rows of different widths");
			}
			for (double v : row) {
				if (!Double.isFinite(v)) {
					throw new IllegalArgumentException("Not a finite value: " + v);
				}
			}
		}
		int psi = Math.min(sampleSize, rows.length);
		int heightLimit = (int) Math.ceil(Math.log(psi) / Math.log(2));
		SplittableRandom random = new SplittableRandom(seed);
		Tree[] forest = new Tree[trees];
		int[] indices = new int[rows.length];
		for (int i = 0; i < indices.length; i++) {
			indices[i] = i;
		}
		for (int t = 0; t < trees; t++) {
			// partial Fisher-Yates: the first psi indices are a sample without replacement
			for (int i = 0; i < psi; i++) {
				int j = i + random.nextInt(indices.length - i);
				int tmp = indices[i];
				indices[i] = indices[j];
				indices[j] = tmp;
			}
			int[] sample = Arrays.copyOf(indices, psi);
			Tree tree = new Tree();
			tree.grow(rows, sample, 0, psi, 0, heightLimit, width, random);
			forest[t] = tree.freeze();
		}
		return new IsolationForest(forest, psi, width);
	}

	/** Average path length of an unsuccessful search in a binary search tree of n rows. */
	static double c(double n) {
		if (n <= 1) {
			return 0;
		}
		if (n == 2) {
			return 1;
		}
		return 2 * (Math.log(n - 1) + EULER) - 2 * (n - 1) / n;
	}

	/** Anomaly score 0..1 of a row: near 1 anomalous, about 0.5 or below normal. */
	public double score(double[] row) {
		double total = 0;
		for (Tree tree : trees) {
			total += tree.pathLength(row, null);
		}
		return Math.pow(2, -(total / trees.length) / c(sampleSize));
	}

	/** Each feature's share of the isolation of a row (sums to 1 unless the row is never split off). */
	public double[] explain(double[] row) {
		double[] bits = new double[features];
		for (Tree tree : trees) {
			tree.pathLength(row, bits);
		}
		double sum = 0;
		for (double b : bits) {
			sum += b;
		}
		if (sum > 0) {
			for (int i = 0; i < bits.length; i++) {
				bits[i] /= sum;
			}
		}
		return bits;
	}

	/** Scores of many rows, over the available cores. */
	public double[] scores(double[][] rows) {
		double[] out = new double[rows.length];
		java.util.stream.IntStream.range(0, rows.length).parallel().forEach(i -> out[i] = score(rows[i]));
		return out;
	}

	/** An isolation tree in flat arrays: node i splits on feature[i] at threshold[i], or is a leaf (feature −1). */
	private static final class Tree {

		private final List<int[]> nodes = new ArrayList<>(); // {feature, left, right, size}

		private final List<double[]> cuts = new ArrayList<>(); // {cut, lo, hi}

		private int[] feature;

		private int[] left;

		private int[] right;

		private int[] size;

		private double[] threshold;

		private double[] lo;

		private double[] hi;

		int grow(double[][] rows, int[] sample, int from, int to, int depth, int limit, int width, SplittableRandom random) {
			int id = nodes.size();
			int n = to - from;
			nodes.add(new int[] { -1, -1, -1, n });
			cuts.add(new double[3]);
			if (depth >= limit || n <= 1) {
				return id;
			}
			// a random feature that still varies in the node; try them in random order
			int[] order = new int[width];
			for (int i = 0; i < width; i++) {
				order[i] = i;
			}
			for (int k = 0; k < width; k++) {
				int j = k + random.nextInt(width - k);
				int f = order[j];
				order[j] = order[k];
				order[k] = f;
				double min = Double.POSITIVE_INFINITY;
				double max = Double.NEGATIVE_INFINITY;
				for (int i = from; i < to; i++) {
					double v = rows[sample[i]][f];
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
				if (max > min) {
					double cut = min + random.nextDouble() * (max - min);
					if (cut <= min) {
						cut = Math.nextUp(min);
					}
					int mid = partition(rows, sample, from, to, f, cut);
					int[] node = nodes.get(id);
					node[0] = f;
					cuts.set(id, new double[] { cut, min, max });
					node[1] = grow(rows, sample, from, mid, depth + 1, limit, width, random);
					node[2] = grow(rows, sample, mid, to, depth + 1, limit, width, random);
					return id;
				}
			}
			return id; // every feature constant: a leaf
		}

		private static int partition(double[][] rows, int[] sample, int from, int to, int f, double cut) {
			int i = from;
			int j = to - 1;
			while (i <= j) {
				if (rows[sample[i]][f] < cut) {
					i++;
				}
				else {
					int tmp = sample[i];
					sample[i] = sample[j];
					sample[j] = tmp;
					j--;
				}
			}
			return i;
		}

		Tree freeze() {
			int n = nodes.size();
			feature = new int[n];
			left = new int[n];
			right = new int[n];
			size = new int[n];
			threshold = new double[n];
			lo = new double[n];
			hi = new double[n];
			for (int i = 0; i < n; i++) {
				int[] node = nodes.get(i);
				feature[i] = node[0];
				left[i] = node[1];
				right[i] = node[2];
				size[i] = node[3];
				threshold[i] = cuts.get(i)[0];
				lo[i] = cuts.get(i)[1];
				hi[i] = cuts.get(i)[2];
			}
			nodes.clear();
			cuts.clear();
			return this;
		}

		/** Path length of a row; adds each split's bits of isolation to {@code bits} when given. */
		double pathLength(double[] row, double[] bits) {
			int node = 0;
			int depth = 0;
			double path = 0;
			double open = 1; // probability that the row is not yet cut off alone
			while (feature[node] >= 0) {
				int f = feature[node];
				double v = row[f];
				double gap = v < lo[node] ? lo[node] - v : v > hi[node] ? v - hi[node] : 0;
				double q = gap > 0 ? gap / (Math.max(hi[node], v) - Math.min(lo[node], v)) : 0;
				int next = v < threshold[node] ? left[node] : right[node];
				if (q > 0) {
					path += open * q * (depth + 1);
					if (bits != null) {
						bits[f] += open * q * log2(size[node]);
					}
					open *= 1 - q;
				}
				if (bits != null) {
					bits[f] += open * log2(size[node] / (double) size[next]);
				}
				node = next;
				depth++;
			}
			return path + open * (depth + c(size[node]));
		}

		private static double log2(double x) {
			return Math.log(x) / Math.log(2);
		}

	}

}
