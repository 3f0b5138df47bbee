package org.rapport.data.internal.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.rapport.data.internal.matching.ChineseNames;

/**
 * Cleans one file row on its way in: values trimmed, e-mails lower-cased and checked, phones made
 * E.164 with the import's default country (libphonenumber), a whole name split into given and
 * family name (Chinese family name first, including compound surnames), dates in the common
 * formats made ISO, tags split. What cannot be made valid becomes a row error naming the column.
 */
public final class RowCleaner {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
			DateTimeFormatter.ofPattern("uuuuMMdd"), DateTimeFormatter.ofPattern("d.M.uuuu"),
			DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH), DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
			DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH), DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH));

	private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})");

	private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");

	/** A problem with one value of one row. */
	public record RowError(long row, String column, String value, String reason) {
	}

	/**
	 * A cleaned row: fields by API name, custom fields by key, and the errors.
	 */
	public record Cleaned(long row, Map<String, String> fields, Map<String, String> custom, List<RowError> errors) {

		public String get(String field) {
			return fields.get(field);
		}

		public boolean valid() {
			return errors.isEmpty();
		}

	}

	private final String entity;

	private final List<String> headers;

	private final Map<String, String> mapping;

	private final String defaultCountry;

	private final Map<String, String> customTypes;

	/**
	 * @param customTypes custom field key → type (text, number, date, choice)
	 */
	public RowCleaner(String entity, List<String> headers, Map<String, String> mapping, String defaultCountry,
			Map<String, String> customTypes) {
		this.entity = entity;
		this.headers = headers;
		this.mapping = mapping;
		this.defaultCountry = defaultCountry;
		this.customTypes = customTypes;
	}

	public Cleaned clean(long rowNo, List<String> values) {
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, String> custom = new LinkedHashMap<>();
		Map<String, String> columnOf = new LinkedHashMap<>();
		List<RowError> errors = new ArrayList<>();
		// spreadsheets drop trailing empty cells: fewer values are fine, more are not
		if (values.size() > headers.size()) {
			errors.add(new RowError(rowNo, null, null,
					"The row has " + values.size() + " values but the header has " + headers.size() + " columns"));
			return new Cleaned(rowNo, fields, custom, errors);
		}
		for (int i = 0; i < headers.size() && i < values.size(); i++) {
			String field = mapping.get(headers.get(i));
			String value = values.get(i) == null ? "" : values.get(i).strip();
			if (field == null || value.isEmpty()) {
				continue;
			}
			String column = headers.get(i);
			if (field.startsWith("cf.")) {
				String key = field.substring(3);
				String type = customTypes.get(key);
				if (type == null) {
					errors.add(new RowError(rowNo, column, value, "There is no custom field \"" + key + "\""));
				}
				else if (type.equals("date")) {
					String date = date(value);
					if (date == null) {
						errors.add(new RowError(rowNo, column, value, "Not a date in a known format (e.g. 2026-12-31)"));
					}
					else {
						custom.put(key, date);
					}
				}
				else {
					custom.put(key, value);
				}
				continue;
			}
			columnOf.put(field, column);
			switch (field) {
				case "email" -> {
					String email = value.toLowerCase(Locale.ROOT);
					if (!EMAIL.matcher(email).matches() || email.length() > 254) {
						errors.add(new RowError(rowNo, column, value, "Not an e-mail address"));
					}
					else {
						fields.put(field, email);
					}
				}
				case "phone" -> {
					String phone = phone(value);
					if (phone == null) {
						errors.add(new RowError(rowNo, column, value, "Not a valid phone number (default country "
								+ defaultCountry + ")"));
					}
					else {
						fields.put(field, phone);
					}
				}
				case "quantity", "unitPrice", "discount", "taxRate" -> {
					BigDecimal number = number(value);
					if (number == null) {
						errors.add(new RowError(rowNo, column, value, "Not a number"));
					}
					else {
						fields.put(field, number.toPlainString());
					}
				}
				case "orderDate" -> {
					String date = date(value);
					if (date == null) {
						errors.add(new RowError(rowNo, column, value, "Not a date in a known format (e.g. 2026-12-31)"));
					}
					else {
						fields.put(field, date);
					}
				}
				default -> {
					if (value.length() > 300) {
						errors.add(new RowError(rowNo, column, value.substring(0, 40) + "…", "Longer than 300 characters"));
					}
					else {
						fields.put(field, value);
					}
				}
			}
		}
		if (entity.equals("orders")) {
			requireForOrders(rowNo, fields, errors);
			return new Cleaned(rowNo, fields, custom, errors);
		}
		splitNames(fields);
		String required = entity.equals("accounts") ? "name" : null;
		if (required != null && !fields.containsKey(required) && errors.isEmpty()) {
			errors.add(new RowError(rowNo, columnFor(required), "", "A name is required"));
		}
		if (!entity.equals("accounts") && !fields.containsKey("firstName") && !fields.containsKey("lastName")
				&& !(entity.equals("leads") && fields.containsKey("company")) && errors.isEmpty()) {
			errors.add(new RowError(rowNo, columnFor("lastName"), "", "A first or last name is required"));
		}
		return new Cleaned(rowNo, fields, custom, errors);
	}

	/** An order line needs its order's number, what is sold, how many and whom to; prices come from the catalogue. */
	private void requireForOrders(long rowNo, Map<String, String> fields, List<RowError> errors) {
		if (!errors.isEmpty()) {
			return;
		}
		if (!fields.containsKey("orderNumber")) {
			errors.add(new RowError(rowNo, columnFor("orderNumber"), "", "An order number is required"));
		}
		if (!fields.containsKey("product") && !fields.containsKey("description")) {
			errors.add(new RowError(rowNo, columnFor("product"), "", "A product (SKU or name) is required"));
		}
		if (!fields.containsKey("quantity")) {
			errors.add(new RowError(rowNo, columnFor("quantity"), "", "A quantity is required"));
		}
		if (!fields.containsKey("customer") && !fields.containsKey("account")) {
			errors.add(new RowError(rowNo, columnFor("customer"), "", "A customer (e-mail or contact id) or an account is required"));
		}
	}

	/** A decimal number as written in a file: 1234.5, 1,234.50, 12.5 %. */
	static BigDecimal number(String raw) {
		String value = raw.strip().replace("%", "").strip();
		if (value.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
			value = value.replace(",", "");
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private String columnFor(String field) {
		return mapping.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey).findFirst()
			.orElse(field);
	}

	/** A whole name fills given and family name when those are not given separately. */
	static void splitNames(Map<String, String> fields) {
		String full = fields.remove("fullName");
		String first = fields.get("firstName");
		String last = fields.get("lastName");
		if (full != null && first == null && last == null) {
			if (ChineseNames.isHan(full)) {
				String[] split = ChineseNames.split(full);
				put(fields, "lastName", split[0]);
				put(fields, "firstName", split[1]);
			}
			else {
				String[] words = full.strip().split("\\s+");
				if (words.length == 1) {
					put(fields, "lastName", words[0]);
				}
				else if (full.contains(",")) {
					// "Smith, John"
					String[] parts = full.split(",", 2);
					put(fields, "lastName", parts[0].strip());
					put(fields, "firstName", parts[1].strip());
				}
				else {
					put(fields, "lastName", words[words.length - 1]);
					put(fields, "firstName", String.join(" ", java.util.Arrays.copyOf(words, words.length - 1)));
				}
			}
		}
		else if (first == null && last != null && ChineseNames.isHan(last) && last.codePointCount(0, last.length()) >= 2) {
			// a whole Chinese name in the family-name column
			String[] split = ChineseNames.split(last);
			if (!split[0].isEmpty()) {
				put(fields, "lastName", split[0]);
				put(fields, "firstName", split[1]);
			}
		}
	}

	private static void put(Map<String, String> fields, String key, String value) {
		if (value != null && !value.isBlank()) {
			fields.put(key, value.strip());
		}
		else {
			fields.remove(key);
		}
	}

	String phone(String raw) {
		try {
			PhoneNumber number = PHONES.parse(raw, defaultCountry);
			if (!PHONES.isValidNumber(number)) {
				return null;
			}
			return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
		}
		catch (NumberParseException ex) {
			return null;
		}
	}

	/** ISO date of a date in a common format; dd/mm/yyyy is read day first unless the day cannot be a month's. */
	static String date(String raw) {
		String value = raw.strip();
		Matcher chinese = CHINESE_DATE.matcher(value);
		if (chinese.matches()) {
			return iso(Integer.parseInt(chinese.group(1)), Integer.parseInt(chinese.group(2)), Integer.parseInt(chinese.group(3)));
		}
		Matcher slashed = SLASHED.matcher(value);
		if (slashed.matches()) {
			int a = Integer.parseInt(slashed.group(1));
			int b = Integer.parseInt(slashed.group(2));
			int year = Integer.parseInt(slashed.group(3));
			// day first (most of the world) unless the second number cannot be a month
			return b > 12 ? iso(year, a, b) : iso(year, b, a);
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(value, format).toString();
			}
			catch (DateTimeParseException ex) {
				// next format
			}
		}
		return null;
	}

	private static String iso(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day).toString();
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

}
