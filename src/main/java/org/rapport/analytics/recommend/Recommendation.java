package org.rapport.analytics.recommend;

/**
 * A product recommended to a customer.
 *
 * @param product product index in {@link Purchases}
 * @param score the recommender's score (higher first)
 * @param because the customer's product that contributed most, or −1 (popularity, factors)
 * @param customers how many customers bought both {@code because} and this product
 */
public record Recommendation(int product, double score, int because, int customers) {
}
