package org.rapport.data.internal.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * duplicates is looked up by its e-mail and phone and confirmed by the duplicate detector. Rows are
 * looked up a batch at a time (one query) and created a batch at a time ({@link ContactManagement#createAll}).
 */
final class ContactWriter implements EntityWriter {

	private final ContactManagement contacts;

	private final AccountManagement accounts;

	private final DuplicateDetector detector;

	/** Accounts found or created in this run, by normalised name. */
	private final Map<String, Long> accountIds = new LinkedHashMap<>();

	/** At most this many candidates per row are prefetched; a batch that finds more is looked up row by row. */
	private static final int CANDIDATES_PER_ROW = 20;

	/**
	 * The batch's candidates by e-mail and phone key ({@link #keys}), from one query; {@code null} when
	 * the batch's rows are looked up one by one.
	 */
	private Map<String, List<ContactView>> prefetched;

	private final Map<Long, ContactView> prefetchedById = new HashMap<>();

	/** The candidates rows of this batch were compared with, as read: what a waiting update starts from. */
	private final Map<Long, ContactView> candidatesById = new HashMap<>();

	/** Keys of the rows waiting to be created. */
	private final Set<String> waitingKeys = new HashSet<>();

	/** Keys whose prefetched candidates are out of date (written or updated since): looked up again. */
	private final Set<String> staleKeys = new HashSet<>();

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

	/** The lookup keys of an e-mail address and a phone number, as the exact-lookup indexes hold them. */
	private static List<String> keys(String email, String phone) {
		List<String> keys = new ArrayList<>(2);
		String e = ContactManagement.emailKey(email);
		if (e != null) {
			keys.add("e:" + e);
		}
		String p = ContactManagement.phoneKey(phone);
		if (p != null) {
			keys.add("p:" + p);
		}
		return keys;
	}

	private static List<String> keys(Cleaned row) {
		return keys(row.get("email"), row.get("phone"));
	}

	private static Set<String> keys(ContactView c) {
		Set<String> keys = new HashSet<>();
		c.emails().forEach(e -> keys.addAll(keys(e, null)));
		c.phones().forEach(p -> keys.addAll(keys(null, p)));
		return keys;
	}

	@Override
	public boolean batches() {
		return true;
	}

	@Override
	public void prefetch(List<Cleaned> rows) {
		prefetched = null;
		prefetchedById.clear();
		candidatesById.clear();
		waitingKeys.clear();
		staleKeys.clear();
		List<String> emails = rows.stream().map(r -> r.get("email")).filter(java.util.Objects::nonNull).toList();
		List<String> phones = rows.stream().map(r -> r.get("phone")).filter(java.util.Objects::nonNull).toList();
		Set<String> asked = new HashSet<>();
		rows.forEach(r -> asked.addAll(keys(r)));
		int limit = rows.size() * CANDIDATES_PER_ROW + 1;
		List<ContactView> found = contacts.findByEmailsOrPhones(emails, phones, limit);
		if (found.size() >= limit) {
			return;
		}
		Map<String, List<ContactView>> byKey = new HashMap<>();
		for (ContactView c : found) {
			Set<String> keys = keys(c);
			keys.retainAll(asked);
			if (keys.isEmpty()) {
				// masked for this actor: which row it answers is unknown, so look the rows up one by one
				return;
			}
			keys.forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c));
			prefetchedById.put(c.id(), c);
		}
		prefetched = byKey;
	}

	@Override
	public boolean dependsOnWaiting(Cleaned row) {
		return keys(row).stream().anyMatch(waitingKeys::contains);
	}

	@Override
	public void waiting(Cleaned row) {
		waitingKeys.addAll(keys(row));
	}

	@Override
	public boolean batchesUpdates() {
		return true;
	}

	/** Rows that may find the record (by its keys before or after the update) wait until it is written. */
	@Override
	public void waitingUpdate(Existing existing, Cleaned row) {
		waitingKeys.addAll(keys(row));
		ContactView before = candidatesById.get(existing.id());
		if (before != null) {
			waitingKeys.addAll(keys(before));
		}
	}

	@Override
	public List<Created> updateAll(List<Existing> existing, List<Cleaned> rows) {
		List<ContactManagement.Change> changes = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			long id = existing.get(i).id();
			ContactView current = candidatesById.containsKey(id) ? candidatesById.get(id) : contacts.get(id);
			changes.add(new ContactManagement.Change(id, current.version(), fields(rows.get(i), current.fields())));
		}
		return Created.of(contacts.updateAll(changes));
	}

	@Override
	public void waitingWritten() {
		staleKeys.addAll(waitingKeys);
		waitingKeys.clear();
	}

	@Override
	public void updated(Existing existing, Cleaned row) {
		staleKeys.addAll(keys(row));
		ContactView before = prefetchedById.get(existing.id());
		if (before != null) {
			staleKeys.addAll(keys(before));
		}
		// what the batch read of it is out of date: a later update of it reads it again
		candidatesById.remove(existing.id());
	}

	/** The candidates of the row: prefetched for the batch unless out of date, else from one query of its own. */
	private Collection<ContactView> candidates(Cleaned row) {
		List<String> keys = keys(row);
		if (prefetched == null || keys.stream().anyMatch(k -> staleKeys.contains(k) || waitingKeys.contains(k))) {
			return contacts.findByEmailOrPhone(row.get("email"), row.get("phone"), CANDIDATES_PER_ROW);
		}
		Map<Long, ContactView> candidates = new LinkedHashMap<>();
		keys.forEach(k -> prefetched.getOrDefault(k, List.of()).forEach(c -> candidates.put(c.id(), c)));
		return candidates.values();
	}

	@Override
	public Existing findExisting(Cleaned row) {
		MatchRecord incoming = matchRecord("row", row);
		Existing best = null;
		for (ContactView c : candidates(row)) {
			candidatesById.put(c.id(), c);
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
	public List<Created> createAll(List<Cleaned> rows) {
		List<ContactFields> all = new ArrayList<>(rows.size());
		for (Cleaned row : rows) {
			all.add(fields(row, ContactFields.named(null, null)));
		}
		ContactManagement.BatchCreated created = contacts.createAll(all);
		List<Created> results = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			results.add(new Created(created.ids().get(i), created.refused().get(i)));
		}
		return results;
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
