package org.rapport.sales;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quote totals against cases computed by hand. */
class DocumentTotalsUnitTests {

	private static QuoteLine line(String qty, String price, String discount, String tax) {
		return new QuoteLine(null, "x", new BigDecimal(qty), new BigDecimal(price),
				discount == null ? null : new BigDecimal(discount), tax == null ? null : new BigDecimal(tax));
	}

	@Test
	void computesDiscountAndTaxPerLineInDollars() {
		// 3 × 19.99 = 59.97; 10 % off = 5.997 → 6.00 (half-even of 5.997 is 6.00); net 53.97;
		// 8.25 % tax = 4.452525 → 4.45; line total 58.42.
		// 2 × 5.125 = 10.25; no discount; 20 % tax = 2.05; total 12.30.
		DocumentTotals totals = DocumentTotals.of("USD",
				List.of(line("3", "19.99", "10", "8.25"), line("2", "5.125", null, "20")));
		assertThat(totals.lines().get(0).net()).isEqualByComparingTo("53.97");
		assertThat(totals.lines().get(0).tax()).isEqualByComparingTo("4.45");
		assertThat(totals.subtotal()).isEqualByComparingTo("64.22");
		assertThat(totals.discount()).isEqualByComparingTo("6.00");
		assertThat(totals.tax()).isEqualByComparingTo("6.50");
		assertThat(totals.total()).isEqualByComparingTo("70.72");
		assertThat(totals.total().scale()).isEqualTo(2);
	}

	@Test
	void roundsHalfToEvenSoTiesDoNotAllGoUp() {
		// 1 × 0.125 = 0.125 → 0.12 (tie, even); 1 × 0.135 → 0.14 (tie, even)
		DocumentTotals totals = DocumentTotals.of("EUR", List.of(line("1", "0.125", null, null), line("1", "0.135", null, null)));
		assertThat(totals.lines().get(0).net()).isEqualByComparingTo("0.12");
		assertThat(totals.lines().get(1).net()).isEqualByComparingTo("0.14");
		assertThat(totals.total()).isEqualByComparingTo("0.26");
	}

	@Test
	void yenHasNoMinorUnits() {
		// 7 × 333 = 2331; 15 % off = 349.65 → 350; net 1981; 10 % tax = 198.1 → 198; total 2179
		DocumentTotals totals = DocumentTotals.of("JPY", List.of(line("7", "333", "15", "10")));
		assertThat(totals.subtotal()).isEqualByComparingTo("1981");
		assertThat(totals.tax()).isEqualByComparingTo("198");
		assertThat(totals.total()).isEqualByComparingTo("2179");
		assertThat(totals.total().scale()).isZero();
	}

	@Test
	void kuwaitiDinarHasThreeMinorUnits() {
		// 3 × 1.2345 = 3.7035 → 3.704 (half-even: 3.7035 → 3.704, the 4 is even);
		// 5 % off = 0.1852 → 0.185; net 3.519; 5 % tax = 0.17595 → 0.176; total 3.695
		DocumentTotals totals = DocumentTotals.of("KWD", List.of(line("3", "1.2345", "5", "5")));
		assertThat(totals.lines().get(0).gross()).isEqualByComparingTo("3.704");
		assertThat(totals.discount()).isEqualByComparingTo("0.185");
		assertThat(totals.subtotal()).isEqualByComparingTo("3.519");
		assertThat(totals.tax()).isEqualByComparingTo("0.176");
		assertThat(totals.total()).isEqualByComparingTo("3.695");
		assertThat(totals.total().scale()).isEqualTo(3);
	}

	@Test
	void totalEqualsTheSumOfLineTotals() {
		DocumentTotals totals = DocumentTotals.of("CNY", List.of(line("1.5", "99.99", "12.5", "13"),
				line("4", "0.333", "0", "6"), line("10", "12.34", "100", "13")));
		BigDecimal sum = totals.lines().stream().map(LineTotals::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(totals.total()).isEqualByComparingTo(sum);
		assertThat(totals.lines().get(2).net()).isEqualByComparingTo("0.00");
	}

	@Test
	void refusesWhatIsNotACurrency() {
		assertThat(Money.currency("usd")).isNotNull();
		assertThat(Money.currency("XYZ")).isNull();
		assertThat(Money.currency("US")).isNull();
		assertThatThrownBy(() -> Money.minorUnits("ABC")).isInstanceOf(IllegalArgumentException.class);
	}

}
