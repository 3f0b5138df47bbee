package org.rapport.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException.FieldProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.MultiValueMap;

/**
 * Reads HTML form posts. Unlike the API, forms trim what people type (a trailing space is a typing
 * slip, not data) and treat empty inputs as "no value". Values that cannot be read are collected
 * as field problems, like the API's.
 */
public final class Forms {

	private final MultiValueMap<String, String> values;

	private final ZoneId zone;

	private final List<FieldProblem> problems = new ArrayList<>();

	public Forms(MultiValueMap<String, String> values, ZoneId zone) {
		this.values = values;
		this.zone = zone;
	}

	public String text(String name) {
		String value = values.getFirst(name);
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/** A multi-line text: line breaks kept, only outer blank space removed. */
	public String multiline(String name) {
		return text(name);
	}

	/** One value per line (e-mails, phones). */
	public List<String> lines(String name) {
		String text = text(name);
		return text == null ? List.of()
				: Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** Comma-separated values (tags). */
	public List<String> commaList(String name) {
		String text = text(name);
		return text == null ? List.of()
				: Arrays.stream(text.split("[,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	public Long id(String name) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(name, "not-an-id", "Not a valid choice"));
			return null;
		}
	}

	public Integer integer(String name) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(name, "not-a-number", "Must be a whole number"));
			return null;
		}
	}

	/** A {@code datetime-local} (or date) input, read in the installation's time zone. */
	public Instant instant(String name) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(text).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(text).atStartOfDay(zone).toInstant();
			}
			catch (DateTimeParseException ex2) {
				problems.add(new FieldProblem(name, "not-a-date-time", "Not a date and time"));
				return null;
			}
		}
	}

	/** A checkbox; a hidden "false" input before it (so an unticked box is still sent) does not count. */
	public boolean checked(String name) {
		List<String> all = values.get(name);
		return all != null && all.stream().anyMatch(v -> v != null && !v.isBlank() && !v.strip().equals("false"));
	}

	/** Inputs whose names start with {@code prefix}, keyed by the rest of the name (custom fields: cf.key). */
	public Map<String, Object> prefixed(String prefix) {
		Map<String, Object> result = new LinkedHashMap<>();
		values.forEach((k, v) -> {
			if (k.startsWith(prefix)) {
				String value = text(k);
				if (value != null) {
					result.put(k.substring(prefix.length()), value);
				}
			}
		});
		return result;
	}

	/** Throws when a value could not be read. */
	public void validate() {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	/** The posted values, to show the form again as the user filled it. */
	public Map<String, String> echo() {
		Map<String, String> echo = new LinkedHashMap<>();
		values.forEach((k, v) -> echo.put(k, v.isEmpty() ? "" : v.get(0)));
		return echo;
	}

	/**
	 * Field problems by form field (custom fields as {@code cf.key}), in the reader's language:
	 * {@code field.error.<code>} from the bundle, else the problem's own message.
	 */
	public static Map<String, String> errors(InvalidInput ex, MessageSource messages) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem p : ex.fieldProblems()) {
			String field = p.field().startsWith("customFields.") ? "cf." + p.field().substring(13) : p.field();
			field = field.replaceAll("\\[\\d+]$", "");
			errors.putIfAbsent(field, messages.getMessage("field.error." + p.code(), null, p.message(),
					LocaleContextHolder.getLocale()));
		}
		return errors;
	}

}
