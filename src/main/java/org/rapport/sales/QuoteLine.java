package org.rapport.sales;

import java.math.BigDecimal;

/**
 * One line of a quote or order, as entered: what, how many, at what price, less what discount,
 * plus what tax.
 *
 * @param productId the product, if from the catalogue
 * @param description what is sold (the product's name when empty)
 * @param quantity how many (may have decimals, e.g. hours)
 * @param unitPrice price of one unit before discount, in the document's currency
 * @param discountPercent discount in percent of quantity × unit price (0–100)
 * @param taxRatePercent tax rate in percent of the discounted amount (0–100)
 */
public record QuoteLine(Long productId, String description, BigDecimal quantity, BigDecimal unitPrice,
		BigDecimal discountPercent, BigDecimal taxRatePercent) {
}
