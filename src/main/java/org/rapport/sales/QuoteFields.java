package org.rapport.sales;

import java.time.LocalDate;
import java.util.List;

/**
 * What a user sets on a quote.
 *
 * @param accountId the customer account
 * @param contactId the person it is addressed to
 * @param dealId the deal it belongs to
 * @param currency ISO currency; the deal's, else the corporate currency, when {@code null}
 * @param validUntil offer valid until
 * @param notes terms and notes printed on the quote
 * @param ownerId owner; the creator when {@code null}
 * @param lines the lines
 */
public record QuoteFields(Long accountId, Long contactId, Long dealId, String currency, LocalDate validUntil,
		String notes, Long ownerId, List<QuoteLine> lines) {

	public QuoteFields {
		lines = lines == null ? List.of() : List.copyOf(lines);
	}

}
