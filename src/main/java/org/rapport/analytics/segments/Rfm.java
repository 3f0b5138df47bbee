package org.rapport.analytics.segments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFM scoring: each customer's recency (days since the last purchase, as of a date), frequency
 * (number of orders) and monetary value (total spent) get a quintile score 1–5 among all customers,
 * 5 best (most recent, most frequent, highest spend). The score of a value is
 * {@code 1 + ⌊5 · (customers with a worse value) / customers⌋}, so equal values share a score. The
 * segment is named from R and F (the usual RFM grid; M is reported beside it).
 */
public final class Rfm {

	private Rfm() {
	}

	/** A customer's purchases up to the as-of date. */
	public record Customer(String id, LocalDate lastPurchase, int orders, BigDecimal spent) {
	}

	/** A scored customer. */
	public record Score(String id, long recencyDays, int orders, BigDecimal spent, int r, int f, int m, Segment segment) {

		/** The three scores as one code, e.g. {@code 545}. */
		public String code() {
			return "" + r + f + m;
		}

	}

	/** Named segments, checked in this order. */
	public enum Segment {

		/** R ≥ 4 and F ≥ 4: bought recently and often. */
		CHAMPIONS("champions"),
		/** R ≥ 3 and F ≥ 3. */
		LOYAL("loyal"),
		/** R ≥ 4 and F = 1: first purchase lately. */
		NEW("new"),
		/** R ≥ 4 and F = 2 or 3. */
		PROMISING("promising"),
		/** R = 3 and F ≤ 2. */
		NEEDS_ATTENTION("needs-attention"),
		/** R ≤ 2 and F ≥ 3: used to buy often, not lately. */
		AT_RISK("at-risk"),
		/** R = 1 and F = 1. */
		LOST("lost"),
		/** R ≤ 2 and F ≤ 2 otherwise. */
		HIBERNATING("hibernating");

		private final String key;

		Segment(String key) {
			this.key = key;
		}

		/** The stable key, also the message key suffix {@code analytics.segment.<key>}. */
		public String key() {
			return key;
		}

		public static Segment of(int r, int f) {
			if (r >= 4 && f >= 4) {
				return CHAMPIONS;
			}
			if (r >= 3 && f >= 3) {
				return LOYAL;
			}
			if (r >= 4 && f == 1) {
				return NEW;
			}
			if (r >= 4) {
				return PROMISING;
			}
			if (r == 3) {
				return NEEDS_ATTENTION;
			}
			if (f >= 3) {
				return AT_RISK;
			}
			if (r == 1 && f == 1) {
				return LOST;
			}
			return HIBERNATING;
		}

	}

	public static List<Score> score(List<Customer> customers, LocalDate asOf) {
		int n = customers.size();
		double[] recency = new double[n];
		double[] frequency = new double[n];
		double[] monetary = new double[n];
		for (int i = 0; i < n; i++) {
			Customer c = customers.get(i);
			// fewer days since the last purchase is better: negate, so that larger is better everywhere
			recency[i] = -ChronoUnit.DAYS.between(c.lastPurchase(), asOf);
			frequency[i] = c.orders();
			monetary[i] = c.spent().doubleValue();
		}
		int[] r = quintiles(recency);
		int[] f = quintiles(frequency);
		int[] m = quintiles(monetary);
		List<Score> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Customer c = customers.get(i);
			out.add(new Score(c.id(), (long) -recency[i], c.orders(), c.spent(), r[i], f[i], m[i], Segment.of(r[i], f[i])));
		}
		return out;
	}

	/** Quintile score 1–5 of each value, larger values better; ties share the score. */
	static int[] quintiles(double[] values) {
		int n = values.length;
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int[] scores = new int[n];
		for (int i = 0; i < n; i++) {
			int below = lowerBound(sorted, values[i]);
			scores[i] = 1 + (int) (5L * below / n);
		}
		return scores;
	}

	private static int lowerBound(double[] sorted, double value) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] < value) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

}
