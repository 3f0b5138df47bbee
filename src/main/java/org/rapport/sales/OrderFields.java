package org.rapport.sales;

import java.time.LocalDate;
import java.util.List;

/**
 * What a user sets on an order entered directly (not from a quote).
 *
 * @param accountId the customer account
 * @param contactId the buying contact
 * @param currency ISO currency; the corporate currency when {@code null}
 * @param orderDate order date; today when {@code null}
 * @param ownerId owner; the creator when {@code null}
 * @param lines the lines (negative quantities only in adjusting orders)
 */
public record OrderFields(Long accountId, Long contactId, String currency, LocalDate orderDate, Long ownerId,
		List<QuoteLine> lines) {

	public OrderFields {
		lines = lines == null ? List.of() : List.copyOf(lines);
	}

}
