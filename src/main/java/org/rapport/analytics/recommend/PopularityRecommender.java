package org.rapport.analytics.recommend;

import java.util.List;

/** The baseline: the products most customers bought, minus those the customer has. */
public final class PopularityRecommender implements Recommender {

	private final Purchases purchases;

	private final double[] buyers;

	public PopularityRecommender(Purchases purchases) {
		this.purchases = purchases;
		int[] counts = purchases.buyers();
		this.buyers = new double[counts.length];
		for (int i = 0; i < counts.length; i++) {
			// ties broken by index, so the ranking is stable
			buyers[i] = counts[i] - i * 1e-9;
		}
	}

	@Override
	public List<Recommendation> recommend(int customer, int n) {
		return Recommender.top(buyers, purchases.items(customer), n);
	}

}
