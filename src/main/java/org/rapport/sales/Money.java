package org.rapport.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Amounts of money: {@link BigDecimal} with an ISO 4217 currency. Amounts are rounded to the
 * currency's minor units (JPY 0, USD 2, KWD 3) with banker's rounding ({@link RoundingMode#HALF_EVEN}),
 * so that rounding errors do not drift in one direction over many lines.
 */
public final class Money {

	public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

	private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

	private Money() {
	}

	/** The currency for an ISO code, or {@code null} if it is not one. */
	public static Currency currency(String code) {
		if (code == null || !CODE.matcher(code.toUpperCase(Locale.ROOT)).matches()) {
			return null;
		}
		try {
			Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
			return currency.getDefaultFractionDigits() < 0 ? null : currency;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public static int minorUnits(String code) {
		Currency currency = currency(code);
		if (currency == null) {
			throw new IllegalArgumentException("Not a currency: " + code);
		}
		return currency.getDefaultFractionDigits();
	}

	/** Rounds to the currency's minor units, half to even. */
	public static BigDecimal round(BigDecimal amount, String currency) {
		return amount.setScale(minorUnits(currency), ROUNDING);
	}

}
