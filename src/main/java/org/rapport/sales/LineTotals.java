package org.rapport.sales;

import java.math.BigDecimal;

/**
 * The computed amounts of one line.
 *
 * @param gross quantity × unit price, rounded
 * @param discount the discount, rounded
 * @param net gross − discount
 * @param tax tax on net, rounded
 * @param total net + tax
 */
public record LineTotals(BigDecimal gross, BigDecimal discount, BigDecimal net, BigDecimal tax, BigDecimal total) {
}
