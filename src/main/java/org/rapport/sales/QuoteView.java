package org.rapport.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A quote with its lines and totals.
 *
 * @param id id
 * @param number quote number shared by its revisions (Q-2026-00042)
 * @param revision revision, from 1
 * @param previousId the revision it replaced
 * @param accountId account
 * @param accountName account name
 * @param contactId contact
 * @param contactName contact name
 * @param dealId deal
 * @param currency currency
 * @param status draft, sent, accepted, rejected or superseded
 * @param validUntil valid until
 * @param notes notes
 * @param lines lines
 * @param subtotal sum of net line amounts
 * @param discount sum of discounts
 * @param tax sum of taxes
 * @param total subtotal + tax
 * @param ownerId owner
 * @param ownerName owner name
 * @param acceptedAt when accepted
 * @param orderId the order it became
 * @param createdAt created
 * @param updatedAt updated
 * @param version optimistic lock version, the ETag
 */
public record QuoteView(long id, String number, int revision, Long previousId, Long accountId, String accountName,
		Long contactId, String contactName, Long dealId, String currency, String status, LocalDate validUntil,
		String notes, List<LineView> lines, BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total,
		long ownerId, String ownerName, Instant acceptedAt, Long orderId, Instant createdAt, Instant updatedAt,
		long version) {

	@JsonIgnore
	public QuoteFields fields() {
		return new QuoteFields(accountId, contactId, dealId, currency, validUntil, notes, ownerId,
				lines.stream().map(LineView::input).toList());
	}

}
