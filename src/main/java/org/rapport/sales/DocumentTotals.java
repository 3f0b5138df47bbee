package org.rapport.sales;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Totals of a quote or order, computed exactly with {@link BigDecimal}:
 * <ol>
 * <li>per line: gross = quantity × unit price, rounded to the currency's minor units;</li>
 * <li>discount = gross × discount% / 100, rounded; net = gross − discount;</li>
 * <li>tax = net × tax rate% / 100, rounded (tax is computed per line, so lines with different
 * rates are exact); line total = net + tax;</li>
 * <li>subtotal = Σ net, discount total = Σ discount, tax = Σ tax, total = subtotal + tax.</li>
 * </ol>
 * Every rounding is half-to-even at the currency's minor units (JPY 0, USD 2, KWD 3). Because
 * each sum adds already-rounded amounts, the document's total always equals the sum of its lines.
 *
 * @param currency ISO currency
 * @param lines each line's amounts, in order
 * @param subtotal sum of net amounts
 * @param discount sum of discounts
 * @param tax sum of taxes
 * @param total subtotal + tax
 */
public record DocumentTotals(String currency, List<LineTotals> lines, BigDecimal subtotal, BigDecimal discount,
		BigDecimal tax, BigDecimal total) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public static DocumentTotals of(String currency, List<QuoteLine> lines) {
		int scale = Money.minorUnits(currency);
		BigDecimal zero = BigDecimal.ZERO.setScale(scale);
		BigDecimal subtotal = zero;
		BigDecimal discount = zero;
		BigDecimal tax = zero;
		List<LineTotals> computed = new ArrayList<>();
		for (QuoteLine line : lines) {
			LineTotals t = line(currency, line);
			computed.add(t);
			subtotal = subtotal.add(t.net());
			discount = discount.add(t.discount());
			tax = tax.add(t.tax());
		}
		return new DocumentTotals(currency, List.copyOf(computed), subtotal, discount, tax, subtotal.add(tax));
	}

	public static LineTotals line(String currency, QuoteLine line) {
		BigDecimal discountRate = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
		BigDecimal taxRate = line.taxRatePercent() == null ? BigDecimal.ZERO : line.taxRatePercent();
		BigDecimal gross = Money.round(line.quantity().multiply(line.unitPrice(), MathContext.UNLIMITED), currency);
		BigDecimal discount = Money.round(gross.multiply(discountRate).divide(HUNDRED), currency);
		BigDecimal net = gross.subtract(discount);
		BigDecimal tax = Money.round(net.multiply(taxRate).divide(HUNDRED), currency);
		return new LineTotals(gross, discount, net, tax, net.add(tax));
	}

}
