package org.rapport.analytics.clv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Calibration summaries {@code (x, tx, T)} of many customers, stored as distinct cells with a
 * count: purchase dates are whole days, so a large cohort has far fewer distinct histories than
 * customers, and the likelihood is summed over cells instead of customers.
 */
public final class RfmData {

	final int[] xValues;

	/** Customers per distinct {@code x}. */
	final double[] xCounts;

	final double[] txValues;

	final double[] tValues;

	/** Per cell: index into {@link #xValues}, {@link #txValues} and {@link #tValues}, and its count. */
	final int[] cellX;

	final int[] cellTx;

	final int[] cellT;

	final double[] cellCount;

	private final int customers;

	private RfmData(Builder b) {
		this.xValues = b.xIndex.keySet().stream().mapToInt(Integer::intValue).toArray();
		this.xCounts = new double[xValues.length];
		int[] xSlot = new int[b.xIndex.size()];
		for (int i = 0; i < xValues.length; i++) {
			xSlot[b.xIndex.get(xValues[i])] = i;
		}
		this.txValues = values(b.txIndex);
		this.tValues = values(b.tIndex);
		int cells = b.cells.size();
		this.cellX = new int[cells];
		this.cellTx = new int[cells];
		this.cellT = new int[cells];
		this.cellCount = new double[cells];
		int i = 0;
		for (Map.Entry<Cell, int[]> e : b.cells.entrySet()) {
			cellX[i] = xSlot[e.getKey().x];
			cellTx[i] = e.getKey().tx;
			cellT[i] = e.getKey().t;
			cellCount[i] = e.getValue()[0];
			xCounts[cellX[i]] += cellCount[i];
			i++;
		}
		this.customers = b.customers;
	}

	private static double[] values(Map<Double, Integer> index) {
		double[] values = new double[index.size()];
		index.forEach((value, slot) -> values[slot] = value);
		return values;
	}

	/** Summaries given as parallel arrays, one entry per customer. */
	public static RfmData of(int[] x, double[] tx, double[] T) {
		if (x.length != tx.length || x.length != T.length) {
			throw new IllegalArgumentException("x, tx and T must have the same length");
		}
		Builder builder = builder();
		for (int i = 0; i < x.length; i++) {
			builder.add(x[i], tx[i], T[i]);
		}
		return builder.build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Number of customers. */
	public int customers() {
		return customers;
	}

	/** Number of distinct {@code (x, tx, T)} histories. */
	public int cells() {
		return cellCount.length;
	}

	/** Total repeat purchases. */
	public double totalRepeatPurchases() {
		double total = 0;
		for (int i = 0; i < xValues.length; i++) {
			total += xValues[i] * xCounts[i];
		}
		return total;
	}

	/** Mean of {@code T}. */
	public double meanT() {
		double sum = 0;
		for (int i = 0; i < cellT.length; i++) {
			sum += tValues[cellT[i]] * cellCount[i];
		}
		return sum / customers;
	}

	@Override
	public String toString() {
		return customers + " customers in " + cells() + " distinct histories, x in " + Arrays.toString(
				new int[] { Arrays.stream(xValues).min().orElse(0), Arrays.stream(xValues).max().orElse(0) });
	}

	/** Collects customers one at a time. */
	public static final class Builder {

		private final Map<Integer, Integer> xIndex = new HashMap<>();

		private final Map<Double, Integer> txIndex = new HashMap<>();

		private final Map<Double, Integer> tIndex = new HashMap<>();

		private final Map<Cell, int[]> cells = new HashMap<>();

		private int customers;

		private Builder() {
		}

		/**
		 * Adds one customer.
		 * @param x repeat purchases in the calibration period
		 * @param tx time of the last repeat purchase since the first purchase (0 when x = 0)
		 * @param T time from the first purchase to the end of the calibration period (0 for a
		 *     customer who first bought on its last day, who then adds nothing to the likelihood)
		 */
		public Builder add(int x, double tx, double T) {
			if (x < 0 || !(tx >= 0) || tx > T || Double.isInfinite(T)) {
				throw new IllegalArgumentException("Not a valid summary: x=" + x + ", tx=" + tx + ", T=" + T);
			}
			// +0.0 and -0.0 are one value; Double.equals would keep them apart
			double t = tx == 0 ? 0 : tx;
			Cell cell = new Cell(xIndex.computeIfAbsent(x, k -> xIndex.size()),
					txIndex.computeIfAbsent(t, k -> txIndex.size()), tIndex.computeIfAbsent(T, k -> tIndex.size()));
			cells.computeIfAbsent(cell, k -> new int[1])[0]++;
			customers++;
			return this;
		}

		public RfmData build() {
			if (customers == 0) {
				throw new IllegalArgumentException("No customers");
			}
			return new RfmData(this);
		}

	}

	private record Cell(int x, int tx, int t) {
	}

}
