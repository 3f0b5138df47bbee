package org.rapport.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.TextRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON object field by field, collecting a problem for every bad field instead of stopping
 * at the first, so a client learns everything wrong with a request at once.
 */
public final class JsonInput {

	private final ObjectNode node;

	private final String prefix;

	private final List<FieldProblem> problems;

	private JsonInput(ObjectNode node, String prefix, List<FieldProblem> problems) {
		this.node = node;
		this.prefix = prefix;
		this.problems = problems;
	}

	/** A reader over a request body, which must be a JSON object. */
	public static JsonInput of(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw InvalidInput.of("body", "not-an-object", "The body must be a JSON object");
		}
		return new JsonInput((ObjectNode) body, "", new ArrayList<>());
	}

	/**
	 * A reader over a nested object whose problems join the parent's, named with {@code prefix}
	 * ({@code lines[2].}); {@code null} when the node is not an object.
	 */
	public static JsonInput nested(JsonInput parent, JsonNode node, String prefix) {
		if (node == null || !node.isObject()) {
			return null;
		}
		return new JsonInput((ObjectNode) node, parent.prefix + prefix, parent.problems);
	}

	public boolean has(String field) {
		return node.has(field);
	}

	public void problem(String field, String code, String message) {
		problems.add(new FieldProblem(prefix + field, code, message));
	}

	/** Rejects fields this request does not know, but tolerates read-only ones clients echo back. */
	public void allowOnly(Set<String> writable, Set<String> readOnly) {
		for (String name : node.propertyNames()) {
			if (!writable.contains(name) && !readOnly.contains(name)) {
				problem(name, "unknown-field", "Unknown field");
			}
		}
	}

	/**
	 * A text field: absent or {@code null} gives {@code null}. Text is kept exactly as sent; text with
	 * control characters (which no name or address holds, and PostgreSQL cannot store NUL) is refused.
	 */
	public String text(String field, int maxLength, boolean multiline) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			problem(field, "not-text", "Must be text");
			return null;
		}
		String text = value.stringValue();
		return checkText(field, text, maxLength, multiline) ? text : null;
	}

	public String requiredText(String field, int maxLength) {
		String text = text(field, maxLength, false);
		if (text == null && !hasProblem(field)) {
			problem(field, "required", "Required");
		}
		else if (text != null && text.isBlank()) {
			problem(field, "blank", "Must not be blank");
			return null;
		}
		return text;
	}

	private boolean hasProblem(String field) {
		return problems.stream().anyMatch(p -> p.field().equals(prefix + field));
	}

	boolean checkText(String field, String text, int maxLength, boolean multiline) {
		return TextRules.check(prefix + field, text, maxLength, multiline, problems);
	}

	public List<String> textList(String field, int maxItems, int maxLength) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			problem(field, "not-a-list", "Must be a list of text");
			return null;
		}
		if (value.size() > maxItems) {
			problem(field, "too-many", "At most " + maxItems + " items");
			return null;
		}
		List<String> items = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			JsonNode item = value.get(i);
			String name = field + "[" + i + "]";
			if (!item.isString()) {
				problem(name, "not-text", "Must be text");
				continue;
			}
			if (checkText(name, item.stringValue(), maxLength, false)) {
				items.add(item.stringValue());
			}
		}
		return items;
	}

	public Long id(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0) {
			return value.longValue();
		}
		if (value.isString() && value.stringValue().matches("[1-9]\\d{0,17}")) {
			return Long.parseLong(value.stringValue());
		}
		problem(field, "not-an-id", "Must be a record id");
		return null;
	}

	public Integer integer(String field, int min, int max) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
			problem(field, "out-of-range", "Must be a whole number from " + min + " to " + max);
			return null;
		}
		return value.intValue();
	}

	public BigDecimal decimal(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isString()) {
			try {
				return new BigDecimal(value.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		problem(field, "not-a-number", "Must be a number");
		return null;
	}

	/** An instant: ISO-8601 with offset or Z ({@code 2026-11-22T09:30:00+08:00}), or a date (midnight UTC). */
	public Instant instant(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			String text = value.stringValue().strip();
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				try {
					return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
				}
				catch (DateTimeParseException ex2) {
					// reported below
				}
			}
		}
		problem(field, "not-a-date-time", "Must be an ISO-8601 date-time with offset, e.g. 2026-11-22T09:30:00Z");
		return null;
	}

	public Boolean bool(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			problem(field, "not-a-boolean", "Must be true or false");
			return null;
		}
		return value.booleanValue();
	}

	/** A text value that must be one of the given codes (compared case-insensitively, returned as listed). */
	public String oneOf(String field, List<String> allowed) {
		String text = text(field, 100, false);
		if (text == null) {
			return null;
		}
		for (String a : allowed) {
			if (a.equalsIgnoreCase(text)) {
				return a;
			}
		}
		problem(field, "not-allowed", "Must be one of " + String.join(", ", allowed));
		return null;
	}

	/** A nested object as raw JSON values, for custom fields. */
	public Map<String, JsonNode> object(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			problem(field, "not-an-object", "Must be an object");
			return null;
		}
		Map<String, JsonNode> map = new LinkedHashMap<>();
		value.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
		return map;
	}

	public JsonNode raw(String field) {
		return node.get(field);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	/** Throws {@link InvalidInput} naming every bad field, if any. */
	public void validate() {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

}
