package org.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published when an order was fulfilled: a completed customer transaction for analytics.
 *
 * @param orderId the order
 * @param accountId its account
 * @param contactId its contact
 * @param orderDate its date
 * @param total its total
 * @param currency its currency
 */
public record OrderFulfilled(long orderId, Long accountId, Long contactId, LocalDate orderDate, BigDecimal total,
		String currency) {
}
