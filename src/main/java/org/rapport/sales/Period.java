package org.rapport.sales;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rapport.platform.InvalidInput;

/**
 * A reporting period: a year ({@code 2026}), a quarter ({@code 2026-Q4}) or a month ({@code 2026-11}),
 * from its first to its last day inclusive.
 *
 * @param name as written
 * @param start first day
 * @param end last day
 */
public record Period(String name, LocalDate start, LocalDate end) {

	private static final Pattern YEAR = Pattern.compile("(\\d{4})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])", Pattern.CASE_INSENSITIVE);

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

	public static Period parse(String field, String text) {
		if (text != null) {
			String t = text.strip();
			Matcher m = QUARTER.matcher(t);
			if (m.matches()) {
				int year = Integer.parseInt(m.group(1));
				int q = Integer.parseInt(m.group(2));
				LocalDate start = LocalDate.of(year, (q - 1) * 3 + 1, 1);
				return new Period(year + "-Q" + q, start, start.plusMonths(3).minusDays(1));
			}
			m = MONTH.matcher(t);
			if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
				YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
				return new Period(ym.toString(), ym.atDay(1), ym.atEndOfMonth());
			}
			m = YEAR.matcher(t);
			if (m.matches()) {
				int year = Integer.parseInt(m.group(1));
				return new Period(Integer.toString(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
			}
		}
		throw InvalidInput.of(field, "not-a-period", "A year (2026), quarter (2026-Q4) or month (2026-11)");
	}

	public static Period between(LocalDate from, LocalDate to) {
		if (from.isAfter(to)) {
			throw InvalidInput.of("from", "after-to", "from must not be after to");
		}
		return new Period(from + ".." + to, from, to);
	}

}
