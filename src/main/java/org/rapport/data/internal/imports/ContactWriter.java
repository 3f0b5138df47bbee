package org.rapport.data.internal.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.rapport.customers.AccountFields;
import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.AccountView;
import org.rapport.customers.ContactFields;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactView;
import org.rapport.data.internal.imports.RowCleaner.Cleaned;
import org.rapport.data.internal.matching.DuplicateDetector;
import org.rapport.data.internal.matching.MatchRecord;
import org.rapport.data.internal.matching.MatchResult;

/**
 * Contacts through {@link ContactManagement}. The company column names an account: an existing
 * one of that name (legal form ignored) is used, else it is created. The existing contact a row
 * duplicates is looked up by its e-mail and phone and confirmed by the duplicate detector.
 */
final class ContactWriter implements EntityWriter {

	private final ContactManagement contacts;

	private final AccountManagement accounts;

	private final DuplicateDetector detector;

	/** Accounts found or created in this run, by normalised name. */
	private final Map<String, Long> accountIds = new LinkedHashMap<>();

	ContactWriter(ContactManagement contacts, AccountManagement accounts, DuplicateDetector detector) {
		this.contacts = contacts;
		this.accounts = accounts;
		this.detector = detector;
	}

	static MatchRecord matchRecord(String key, ContactView c) {
		return MatchRecord.builder(key).givenName(c.firstName()).familyName(c.lastName()).email(c.email())
			.phone(c.phone()).organisation(c.accountName()).street(c.street()).city(c.city()).postcode(c.postalCode())
			.build();
	}

	static MatchRecord matchRecord(String key, Cleaned row) {
		return MatchRecord.builder(key).givenName(row.get("firstName")).familyName(row.get("lastName"))
			.email(row.get("email")).phone(row.get("phone")).organisation(row.get("company")).street(row.get("street"))
			.city(row.get("city")).postcode(row.get("postalCode")).build();
	}

	@Override
	public Existing findExisting(Cleaned row) {
		MatchRecord incoming = matchRecord("row", row);
		Existing best = null;
		for (ContactView c : contacts.findByEmailOrPhone(row.get("email"), row.get("phone"), 20)) {
			MatchResult result = detector.compare(incoming, matchRecord("c", c));
			if (result.score() >= detector.threshold() && (best == null || result.score() > best.score())) {
				best = new Existing(c.id(), result.score(), result.reasons());
			}
		}
		return best;
	}

	@Override
	public long create(Cleaned row) {
		return contacts.create(fields(row, ContactFields.named(null, null))).id();
	}

	@Override
	public void update(long id, Cleaned row) {
		ContactView current = contacts.get(id);
		contacts.update(id, current.version(), fields(row, current.fields()));
	}

	private ContactFields fields(Cleaned row, ContactFields base) {
		List<String> emails = new ArrayList<>(base.emails());
		if (row.get("email") != null && emails.stream().noneMatch(e -> e.equalsIgnoreCase(row.get("email")))) {
			emails.add(0, row.get("email"));
		}
		List<String> phones = new ArrayList<>(base.phones());
		if (row.get("phone") != null && !phones.contains(row.get("phone"))) {
			phones.add(0, row.get("phone"));
		}
		List<String> tags = new ArrayList<>(base.tags());
		if (row.get("tags") != null) {
			for (String tag : row.get("tags").split("[,;]")) {
				if (!tag.isBlank() && !tags.contains(tag.strip())) {
					tags.add(tag.strip());
				}
			}
		}
		Map<String, Object> custom = new LinkedHashMap<>(base.customFields());
		custom.putAll(row.custom());
		Long accountId = row.get("company") != null ? Long.valueOf(account(row.get("company"))) : base.accountId();
		return new ContactFields(or(row, "firstName", base.firstName()), or(row, "lastName", base.lastName()),
				or(row, "title", base.title()), emails, phones, accountId, or(row, "street", base.street()),
				or(row, "city", base.city()), or(row, "region", base.region()), or(row, "postalCode", base.postalCode()),
				or(row, "country", base.country()),
				row.get("lifecycleStage") != null ? row.get("lifecycleStage").toLowerCase(java.util.Locale.ROOT) : base.lifecycleStage(),
				or(row, "source", base.source()), base.ownerId(), tags, custom);
	}

	@Override
	public void rolledBack() {
		accountIds.clear();
	}

	static String or(Cleaned row, String field, String base) {
		String value = row.get(field);
		return value != null ? value : base;
	}

	private long account(String company) {
		String key = org.rapport.platform.text.SearchText.normalize(company);
		Long known = accountIds.get(key);
		if (known != null) {
			return known;
		}
		MatchRecord wanted = MatchRecord.builder("w").organisation(company).build();
		for (AccountView a : accounts.list(new AccountQuery(company, null, null, null, null, null, 20, null)).items()) {
			MatchRecord have = MatchRecord.builder("a").organisation(a.name()).build();
			if (detector.compare(wanted, have).reasons().contains("same-organisation")) {
				accountIds.put(key, a.id());
				return a.id();
			}
		}
		long id = accounts.create(AccountFields.named(company)).id();
		accountIds.put(key, id);
		return id;
	}

}
