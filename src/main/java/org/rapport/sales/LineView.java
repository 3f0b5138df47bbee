package org.rapport.sales;

import java.math.BigDecimal;

/**
 * A stored line of a quote or order with its computed amounts.
 *
 * @param position 1-based position
 * @param productId product, if from the catalogue
 * @param description what is sold
 * @param quantity quantity
 * @param unitPrice unit price
 * @param discountPercent discount %
 * @param taxRatePercent tax rate %
 * @param gross quantity × unit price
 * @param discount discount amount
 * @param net gross − discount
 * @param tax tax amount
 * @param total net + tax
 */
public record LineView(int position, Long productId, String description, BigDecimal quantity, BigDecimal unitPrice,
		BigDecimal discountPercent, BigDecimal taxRatePercent, BigDecimal gross, BigDecimal discount, BigDecimal net,
		BigDecimal tax, BigDecimal total) {

	public QuoteLine input() {
		return new QuoteLine(productId, description, quantity, unitPrice, discountPercent, taxRatePercent);
	}

}
