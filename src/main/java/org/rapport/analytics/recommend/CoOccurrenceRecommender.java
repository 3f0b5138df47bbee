package org.rapport.analytics.recommend;

import java.util.ArrayList;
import java.util.List;

/**
 * Item-to-item recommendations from co-occurrence: two products are similar when the same customers
 * bought both, {@code sim(i, j) = N(i, j) / sqrt(N(i) · N(j))} (cosine over customers, Linden, Smith &amp;
 * York 2003), and a customer's candidates score the sum of their similarities to what the customer
 * bought. Each recommendation names the customer's product that contributed most and how many
 * customers bought both ("bought with X by N customers").
 */
public final class CoOccurrenceRecommender implements Recommender {

	private final Purchases purchases;

	private final int[][] together;

	private final int[] buyers;

	private final double[] invSqrtBuyers;

	public CoOccurrenceRecommender(Purchases purchases) {
		this.purchases = purchases;
		int n = purchases.productCount();
		this.buyers = purchases.buyers();
		this.invSqrtBuyers = new double[n];
		for (int i = 0; i < n; i++) {
			invSqrtBuyers[i] = buyers[i] == 0 ? 0 : 1 / Math.sqrt(buyers[i]);
		}
		this.together = new int[n][];
		for (int i = 0; i < n; i++) {
			together[i] = new int[i + 1]; // lower triangle, the diagonal unused
		}
		for (int c = 0; c < purchases.customerCount(); c++) {
			int[] items = purchases.items(c);
			for (int a = 1; a < items.length; a++) {
				int[] row = together[items[a]];
				for (int b = 0; b < a; b++) {
					row[items[b]]++;
				}
			}
		}
	}

	/** Customers who bought both products. */
	public int together(int i, int j) {
		return i >= j ? together[i][j] : together[j][i];
	}

	public double similarity(int i, int j) {
		int both = together(i, j);
		return both * invSqrtBuyers[i] * invSqrtBuyers[j];
	}

	@Override
	public List<Recommendation> recommend(int customer, int n) {
		int[] items = purchases.items(customer);
		int products = purchases.productCount();
		double[] scores = new double[products];
		for (int i : items) {
			// row i of the triangle holds j < i, column i of the later rows j > i
			int[] row = together[i];
			double wi = invSqrtBuyers[i];
			for (int j = 0; j < i; j++) {
				scores[j] += row[j] * wi * invSqrtBuyers[j];
			}
			for (int j = i + 1; j < products; j++) {
				scores[j] += together[j][i] * wi * invSqrtBuyers[j];
			}
		}
		List<Recommendation> top = Recommender.top(scores, items, n);
		List<Recommendation> out = new ArrayList<>(top.size());
		for (Recommendation r : top) {
			int because = -1;
			double best = 0;
			for (int i : items) {
				double s = similarity(i, r.product());
				if (s > best) {
					best = s;
					because = i;
				}
			}
			out.add(new Recommendation(r.product(), r.score(), because, because < 0 ? 0 : together(because, r.product())));
		}
		return out;
	}

}
