package org.rapport.analytics.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who bought what, as implicit feedback: for each customer the distinct products bought and how
 * many separate orders each appeared in. Customers and products get dense indexes in the order
 * they are first seen.
 */
public final class Purchases {

	private final Map<String, Integer> customerIndex = new LinkedHashMap<>();

	private final Map<String, Integer> productIndex = new LinkedHashMap<>();

	private final List<String> customers = new ArrayList<>();

	private final List<String> products = new ArrayList<>();

	private final List<Map<Integer, Integer>> baskets = new ArrayList<>();

	private final Map<String, Map<String, Boolean>> seenOrders = new HashMap<>();

	/** Records that the customer bought the product in the given order (an order counts once per product). */
	public void add(String customer, String product, String order) {
		int c = customerIndex.computeIfAbsent(customer, k -> {
			customers.add(k);
			baskets.add(new HashMap<>());
			return customers.size() - 1;
		});
		int p = productIndex.computeIfAbsent(product, k -> {
			products.add(k);
			return products.size() - 1;
		});
		if (order != null && seenOrders.computeIfAbsent(order, k -> new HashMap<>()).put(product, Boolean.TRUE) != null) {
			return;
		}
		baskets.get(c).merge(p, 1, Integer::sum);
	}

	public int customerCount() {
		return customers.size();
	}

	public int productCount() {
		return products.size();
	}

	public String customer(int index) {
		return customers.get(index);
	}

	public String product(int index) {
		return products.get(index);
	}

	public Integer customerIndex(String customer) {
		return customerIndex.get(customer);
	}

	public Integer productIndex(String product) {
		return productIndex.get(product);
	}

	/** The customer's products with the number of orders each was in. */
	public Map<Integer, Integer> basket(int customer) {
		return baskets.get(customer);
	}

	/** Sorted distinct products of the customer. */
	public int[] items(int customer) {
		int[] items = baskets.get(customer).keySet().stream().mapToInt(Integer::intValue).toArray();
		Arrays.sort(items);
		return items;
	}

	/** Number of distinct customers who bought each product. */
	public int[] buyers() {
		int[] buyers = new int[products.size()];
		for (Map<Integer, Integer> basket : baskets) {
			for (int p : basket.keySet()) {
				buyers[p]++;
			}
		}
		return buyers;
	}

	/** Number of (customer, product) pairs. */
	public long pairs() {
		long n = 0;
		for (Map<Integer, Integer> basket : baskets) {
			n += basket.size();
		}
		return n;
	}

}
