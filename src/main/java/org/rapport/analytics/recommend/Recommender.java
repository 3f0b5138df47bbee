package org.rapport.analytics.recommend;

import java.util.List;

/** Recommends products a customer has not bought yet. */
public interface Recommender {

	/** Up to {@code n} products the customer has not bought, best first. */
	List<Recommendation> recommend(int customer, int n);

	/** Keeps the n best (score, index) pairs, skipping the excluded products. */
	static List<Recommendation> top(double[] scores, int[] excludedSorted, int n) {
		int[] best = new int[n];
		int count = 0;
		for (int p = 0; p < scores.length; p++) {
			if (java.util.Arrays.binarySearch(excludedSorted, p) >= 0 || !(scores[p] > 0 || scores[p] < 0)) {
				continue;
			}
			if (count < n) {
				best[count++] = p;
			}
			else if (scores[p] > scores[best[count - 1]]) {
				best[count - 1] = p;
			}
			else {
				continue;
			}
			for (int i = count - 1; i > 0 && scores[best[i]] > scores[best[i - 1]]; i--) {
				int t = best[i];
				best[i] = best[i - 1];
				best[i - 1] = t;
			}
		}
		List<Recommendation> out = new java.util.ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			out.add(new Recommendation(best[i], scores[best[i]], -1, 0));
		}
		return out;
	}

}
