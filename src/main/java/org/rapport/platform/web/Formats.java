package org.rapport.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and numbers as the reader's language writes them, for templates ({@code @formats}).
 * 2026年11月22日 15:30 in Chinese, Nov 22, 2026, 3:30 PM in English.
 */
@Component("formats")
public class Formats {

	private final ZoneId zone;

	Formats(@Value("${rapport.time-zone:}") String zone) {
		this.zone = zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
	}

	public ZoneId zone() {
		return zone;
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale())
			.format(instant.atZone(zone));
	}

	public String date(Instant instant) {
		return instant == null ? "" : date(instant.atZone(zone).toLocalDate());
	}

	public String date(LocalDate date) {
		return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
	}

	/** Value for an {@code <input type="datetime-local">}. */
	public String inputDateTime(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(instant.atZone(zone));
	}

	public String number(Number number) {
		if (number == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		if (number instanceof BigDecimal d) {
			format.setMaximumFractionDigits(Math.max(0, d.scale()));
		}
		return format.format(number);
	}

	public boolean isPast(Instant instant) {
		return instant != null && instant.isBefore(Instant.now());
	}

}
