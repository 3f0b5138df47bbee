package org.rapport.sales;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.AuditTrail.FieldChange;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corporate currency and exchange rates with validity dates. Every report converts an amount
 * at the rate valid on the deal's or order's date: the latest rate whose {@code validFrom} is on
 * or before that date.
 */
@Service
public class CurrencyManagement {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	CurrencyManagement(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * A rate: one unit of {@code currency} is worth {@code rate} units of the corporate currency
	 * from {@code validFrom} until the next rate of that currency.
	 *
	 * @param currency ISO code
	 * @param validFrom first day the rate applies
	 * @param rate corporate units per unit
	 */
	public record ExchangeRate(String currency, LocalDate validFrom, BigDecimal rate) {
	}

	@Transactional(readOnly = true)
	public String corporateCurrency() {
		return jdbc.sql("select corporate_currency from sales_settings where id = 1").query(String.class).single();
	}

	@Transactional
	public void setCorporateCurrency(String code) {
		if (!Actor.current().isAdmin()) {
			throw new NotPermitted("sales-settings");
		}
		String currency = checkCurrency("corporateCurrency", code);
		String before = corporateCurrency();
		jdbc.sql("update sales_settings set corporate_currency = ?, version = version + 1 where id = 1").param(currency)
			.update();
		audit.record(new AuditEvent("update", "sales-settings", "1", "corporate currency",
				List.of(new FieldChange("corporateCurrency", before, currency))));
	}

	@Transactional(readOnly = true)
	public List<ExchangeRate> rates() {
		return jdbc.sql("select currency, valid_from, rate from exchange_rates order by currency, valid_from desc")
			.query((rs, i) -> new ExchangeRate(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)))
			.list();
	}

	@Transactional
	public ExchangeRate setRate(String currency, LocalDate validFrom, BigDecimal rate) {
		if (!Actor.current().isAdmin()) {
			throw new NotPermitted("exchange-rates");
		}
		String code = checkCurrency("currency", currency);
		if (validFrom == null) {
			throw InvalidInput.of("validFrom", "required", "Required");
		}
		if (rate == null || rate.signum() <= 0 || rate.precision() - rate.scale() > 12) {
			throw InvalidInput.of("rate", "out-of-range", "A positive number");
		}
		String before = jdbc.sql("select rate::text from exchange_rates where currency = ? and valid_from = ?")
			.params(code, Date.valueOf(validFrom)).query(String.class).optional().orElse(null);
		jdbc.sql("""
				insert into exchange_rates (currency, valid_from, rate) values (?, ?, ?)
				on conflict (currency, valid_from) do update set rate = excluded.rate""")
			.params(code, Date.valueOf(validFrom), rate)
			.update();
		audit.record(new AuditEvent(before == null ? "create" : "update", "exchange-rate", code + "@" + validFrom,
				code + " from " + validFrom, List.of(new FieldChange("rate", before, rate.toPlainString()))));
		return new ExchangeRate(code, validFrom, rate);
	}

	/** The rate for a currency on a date (1 for the corporate currency), if one is known. */
	@Transactional(readOnly = true)
	public Optional<BigDecimal> rate(String currency, LocalDate on) {
		if (currency.equals(corporateCurrency())) {
			return Optional.of(BigDecimal.ONE);
		}
		return jdbc.sql("""
				select rate from exchange_rates where currency = ? and valid_from <= ?
				order by valid_from desc limit 1""")
			.params(currency, Date.valueOf(on))
			.query(BigDecimal.class)
			.optional();
	}

	/** An amount in the corporate currency, rounded to its minor units, if a rate is known. */
	public Optional<BigDecimal> toCorporate(BigDecimal amount, String currency, LocalDate on) {
		String corporate = corporateCurrency();
		return rate(currency, on).map(r -> Money.round(amount.multiply(r, MathContext.DECIMAL64), corporate));
	}

	/** An ISO 4217 code, upper-cased, or a 400 naming the field. */
	public static String checkCurrency(String field, String code) {
		if (Money.currency(code) == null) {
			throw InvalidInput.of(field, "not-a-currency", "Must be an ISO 4217 currency code such as USD, CNY, JPY");
		}
		return code.toUpperCase(Locale.ROOT);
	}

	/**
	 * SQL converting {@code amountColumn} in {@code currencyColumn} on {@code dateExpr} to the
	 * corporate currency (NULL when no rate is known), for reports.
	 */
	public static String toCorporateSql(String amountColumn, String currencyColumn, String dateExpr) {
		return "(case when " + currencyColumn + " = (select corporate_currency from sales_settings where id = 1) then "
				+ amountColumn + " else " + amountColumn + " * (select r.rate from exchange_rates r where r.currency = "
				+ currencyColumn + " and r.valid_from <= " + dateExpr + " order by r.valid_from desc limit 1) end)";
	}

}
