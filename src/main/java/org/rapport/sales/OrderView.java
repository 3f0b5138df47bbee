package org.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order: a customer transaction. Immutable once fulfilled; corrections are adjusting orders.
 *
 * @param id id
 * @param number order number (SO-2026-00042)
 * @param accountId account
 * @param accountName account name
 * @param contactId contact
 * @param contactName contact name
 * @param quoteId the quote it came from
 * @param dealId the deal it came from
 * @param adjustsOrderId the order this one corrects
 * @param currency currency
 * @param status draft, confirmed, fulfilled or cancelled
 * @param orderDate order date (the date reports convert currencies at)
 * @param lines lines
 * @param subtotal sum of net amounts
 * @param discount sum of discounts
 * @param tax sum of taxes
 * @param total subtotal + tax
 * @param ownerId owner
 * @param ownerName owner name
 * @param confirmedAt when confirmed
 * @param fulfilledAt when fulfilled
 * @param cancelledAt when cancelled
 * @param createdAt created
 * @param version optimistic lock version, the ETag
 */
public record OrderView(long id, String number, Long accountId, String accountName, Long contactId, String contactName,
		Long quoteId, Long dealId, Long adjustsOrderId, String currency, String status, LocalDate orderDate,
		List<LineView> lines, BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total, long ownerId,
		String ownerName, Instant confirmedAt, Instant fulfilledAt, Instant cancelledAt, Instant createdAt,
		long version) {
}
