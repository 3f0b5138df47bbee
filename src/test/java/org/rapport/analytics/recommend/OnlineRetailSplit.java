package org.rapport.analytics.recommend;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.analytics.retail.OnlineRetail;
import org.rapport.analytics.retail.OnlineRetail.Row;

/**
 * The time split of UCI Online Retail used to evaluate recommendations: purchases before
 * 2011-09-01 train. For each training customer who buys after that, the held-out item is the
 * first product they buy from then on that they had not bought before (hit-rate as Deshpande &amp;
 * Karypis 2004 define it: one held-out item per customer, a hit when it is among the top k);
 * {@code newProducts} keeps all such products, for the looser "any of them" figure. Only sales to
 * known customers of real products count (no cancellations, no zero prices, stock codes that start
 * with a digit, which leaves out postage, fees and manual adjustments).
 */
public record OnlineRetailSplit(Purchases train, Map<Integer, Integer> heldOut, Map<Integer, Set<Integer>> newProducts) {

	public static final LocalDateTime CUTOFF = LocalDateTime.of(2011, 9, 1, 0, 0);

	static boolean isSale(Row r) {
		return r.customer() != null && !r.cancellation() && r.quantity() > 0 && r.unitPrice() > 0
				&& !r.stockCode().isEmpty() && Character.isDigit(r.stockCode().charAt(0));
	}

	public static OnlineRetailSplit of(List<Row> rows) {
		Purchases train = new Purchases();
		for (Row r : rows) {
			if (isSale(r) && r.time().isBefore(CUTOFF)) {
				train.add(r.customer(), r.stockCode(), r.invoice());
			}
		}
		Map<Integer, Integer> heldOut = new HashMap<>();
		Map<Integer, Set<Integer>> newProducts = new HashMap<>();
		for (Row r : rows) {
			if (!isSale(r) || r.time().isBefore(CUTOFF)) {
				continue;
			}
			Integer c = train.customerIndex(r.customer());
			Integer p = train.productIndex(r.stockCode());
			if (c != null && p != null && !train.basket(c).containsKey(p)) {
				// rows are in time order, so the first one seen is the first bought
				heldOut.putIfAbsent(c, p);
				newProducts.computeIfAbsent(c, k -> new HashSet<>()).add(p);
			}
		}
		return new OnlineRetailSplit(train, heldOut, newProducts);
	}

	/** Share of held-out customers whose held-out product is among the top k. */
	public double hitRate(Recommender recommender, int k) {
		int hits = heldOut.entrySet().parallelStream().mapToInt(e -> {
			for (Recommendation r : recommender.recommend(e.getKey(), k)) {
				if (r.product() == e.getValue()) {
					return 1;
				}
			}
			return 0;
		}).sum();
		return (double) hits / heldOut.size();
	}

	/** Share of held-out customers with any of their new products among the top k (looser, for reference). */
	public double anyHitRate(Recommender recommender, int k) {
		int hits = newProducts.entrySet().parallelStream().mapToInt(e -> {
			for (Recommendation r : recommender.recommend(e.getKey(), k)) {
				if (e.getValue().contains(r.product())) {
					return 1;
				}
			}
			return 0;
		}).sum();
		return (double) hits / newProducts.size();
	}

}
