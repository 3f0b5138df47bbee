package org.rapport.analytics.web;

import java.text.NumberFormat;
import java.util.Locale;

import org.rapport.analytics.anomaly.AnomalyScan;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An anomaly's reasons in plain words in the reader's language: "quantity 10,000 is far above the
 * usual 1–19", "entered at 03:00, outside the usual hours 09:10–16:45".
 */
@Component
class AnomalyWords {

	private final MessageSource messages;

	AnomalyWords(MessageSource messages) {
		this.messages = messages;
	}

	String text(AnomalyScan.Reason reason, Locale locale) {
		String feature = reason.feature();
		String value = value(feature, reason.value(), locale);
		String range = reason.low() == reason.high() ? value(feature, reason.low(), locale)
				: value(feature, reason.low(), locale) + "–" + value(feature, reason.high(), locale);
		String label = messages.getMessage("anomalies.feature." + feature, null, feature, locale);
		String key = switch (feature) {
			case "drop" -> "anomalies.reason.drop." + reason.direction();
			case "timeOfDay" -> "unusual".equals(reason.direction()) ? "anomalies.reason.unusual"
					: "anomalies.reason.timeOfDay";
			default -> "anomalies.reason." + reason.direction();
		};
		return messages.getMessage(key, new Object[] { label, value, range }, locale);
	}

	/** A feature's value as its readers write it: 10,000 units, 90%, 03:00, 2.5 a week. */
	static String value(String feature, double value, Locale locale) {
		if ("timeOfDay".equals(feature)) {
			int minutes = (int) Math.round(value * 60) % (24 * 60);
			return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
		}
		NumberFormat number = NumberFormat.getNumberInstance(locale);
		number.setMaximumFractionDigits(switch (feature) {
			case "amount", "ratio" -> 2;
			case "quantity" -> 2;
			case "discount" -> 1;
			default -> 1;
		});
		if ("amount".equals(feature)) {
			number.setMinimumFractionDigits(2);
		}
		String text = number.format(value);
		return "discount".equals(feature) ? text + "%" : text;
	}

}
