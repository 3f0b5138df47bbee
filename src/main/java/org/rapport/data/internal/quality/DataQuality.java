package org.rapport.data.internal.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;
import org.rapport.customers.ContactView;
import org.rapport.data.internal.duplicates.DuplicateManagement;
import org.rapport.platform.Page;

import org.springframework.stereotype.Service;

/**
 * The data quality of the contacts the user sees: completeness per field, invalid e-mails and
 * phones, open duplicate candidates, and stale contacts (no activity for N months, or never), with
 * the ids behind each figure for drill-down. Reads through the customers facades, page by page.
 */
@Service
public class DataQuality {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** Contacts examined at most per report (the report says when it stopped there). */
	static final int LIMIT = 100_000;

	static final Map<String, Function<ContactView, Object>> FIELDS = new LinkedHashMap<>();

	static {
		FIELDS.put("firstName", ContactView::firstName);
		FIELDS.put("lastName", ContactView::lastName);
		FIELDS.put("email", ContactView::email);
		FIELDS.put("phone", ContactView::phone);
		FIELDS.put("title", ContactView::title);
		FIELDS.put("company", ContactView::accountId);
		FIELDS.put("city", ContactView::city);
		FIELDS.put("country", ContactView::country);
	}

	private final ContactManagement contacts;

	private final ActivityManagement activities;

	private final DuplicateManagement duplicates;

	private final Clock clock;

	DataQuality(ContactManagement contacts, ActivityManagement activities, DuplicateManagement duplicates, Clock clock) {
		this.contacts = contacts;
		this.activities = activities;
		this.duplicates = duplicates;
		this.clock = clock;
	}

	/**
	 * The report.
	 *
	 * @param contacts contacts examined
	 * @param truncated whether there were more than could be examined
	 * @param filled per field, how many have a value
	 * @param invalid per problem (invalid-email, invalid-phone), the contact ids
	 * @param stale ids of contacts with no activity since the cut-off
	 * @param duplicateCandidates open candidate pairs
	 */
	public record Report(long contacts, boolean truncated, Map<String, Long> filled, Map<String, List<Long>> invalid,
			List<Long> stale, int staleMonths, long duplicateCandidates) {

		public int percent(String field) {
			return contacts == 0 ? 0 : (int) Math.round(filled.getOrDefault(field, 0L) * 100.0 / contacts);
		}

	}

	public Report contacts(int staleMonths) {
		Instant cutoff = clock.instant().minus(Math.max(1, staleMonths) * 30L, ChronoUnit.DAYS);
		Map<String, Long> filled = new LinkedHashMap<>();
		FIELDS.keySet().forEach(f -> filled.put(f, 0L));
		Map<String, List<Long>> invalid = new LinkedHashMap<>();
		invalid.put("invalid-email", new ArrayList<>());
		invalid.put("invalid-phone", new ArrayList<>());
		List<Long> stale = new ArrayList<>();
		long seen = 0;
		String cursor = null;
		boolean truncated = false;
		PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
		do {
			Page<ContactView> page = contacts.list(new ContactQuery(null, null, null, null, null, null, null, 200, cursor));
			Map<Long, Instant> last = activities.lastActivityAt(page.items().stream().map(ContactView::id).toList());
			for (ContactView c : page.items()) {
				seen++;
				for (var f : FIELDS.entrySet()) {
					Object v = f.getValue().apply(c);
					if (v != null && !(v instanceof String s && s.isBlank())) {
						filled.merge(f.getKey(), 1L, Long::sum);
					}
				}
				for (String email : c.emails()) {
					if (!EMAIL.matcher(email).matches()) {
						invalid.get("invalid-email").add(c.id());
						break;
					}
				}
				for (String phone : c.phones()) {
					if (!validPhone(phones, phone)) {
						invalid.get("invalid-phone").add(c.id());
						break;
					}
				}
				Instant at = last.get(c.id());
				if (at == null ? c.createdAt() != null && c.createdAt().isBefore(cutoff) : at.isBefore(cutoff)) {
					stale.add(c.id());
				}
			}
			cursor = page.nextCursor();
			if (seen >= LIMIT && cursor != null) {
				truncated = true;
				break;
			}
		}
		while (cursor != null);
		return new Report(seen, truncated, filled, invalid, stale, staleMonths, duplicates.openCount("contacts"));
	}

	/** A phone is valid if it parses as a valid number, international or (failing that) as a US one. */
	static boolean validPhone(PhoneNumberUtil phones, String phone) {
		try {
			return phones.isValidNumber(phones.parse(phone, phone.strip().startsWith("+") ? null : "US"));
		}
		catch (NumberParseException ex) {
			return false;
		}
	}

}
