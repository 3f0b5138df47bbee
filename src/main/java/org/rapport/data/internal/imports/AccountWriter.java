package org.rapport.data.internal.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.customers.AccountFields;
import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.AccountView;
import org.rapport.data.internal.imports.RowCleaner.Cleaned;
import org.rapport.data.internal.matching.DuplicateDetector;
import org.rapport.data.internal.matching.MatchRecord;
import org.rapport.data.internal.matching.MatchResult;
import org.rapport.platform.BatchWritten;
import org.rapport.platform.text.Indexing;

/**
 * Accounts through {@link AccountManagement}; an existing account is found by name and confirmed by the
 * detector. Rows are looked up a batch at a time ({@link AccountManagement#findEach}, one query), created
 * a batch at a time ({@link AccountManagement#createAll}) and update their existing accounts a batch at a
 * time ({@link AccountManagement#updateAll}).
 */
final class AccountWriter implements EntityWriter {

	private final AccountManagement accounts;

	private final DuplicateDetector detector;

	/** Candidates per row, as many as one search shows. */
	private static final int CANDIDATES = 50;

	private final PrefetchedSearches<AccountView> searches = new PrefetchedSearches<>();

	/** The candidates rows of this batch were compared with, as read: what a waiting update starts from. */
	private final Candidates<AccountView> candidates = new Candidates<>(AccountView::id);

	AccountWriter(AccountManagement accounts, DuplicateDetector detector) {
		this.accounts = accounts;
		this.detector = detector;
	}

	static MatchRecord matchRecord(String key, AccountView a) {
		return MatchRecord.builder(key).organisation(a.name()).phone(a.phone()).street(a.street()).city(a.city())
			.postcode(a.postalCode()).email(domain(a.website())).build();
	}

	static MatchRecord matchRecord(String key, Cleaned row) {
		return MatchRecord.builder(key).organisation(row.get("name")).phone(row.get("phone")).street(row.get("street"))
			.city(row.get("city")).postcode(row.get("postalCode")).email(domain(row.get("website"))).build();
	}

	/** The web domain, compared like an e-mail: one domain, one organisation. */
	static String domain(String website) {
		if (website == null || website.isBlank()) {
			return null;
		}
		String d = website.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
		int slash = d.indexOf('/');
		return slash >= 0 ? d.substring(0, slash) : d;
	}

	/** What a row's existing account is searched by: the first word of its name without the legal form. */
	private static String term(Cleaned row) {
		return org.rapport.platform.text.SearchText.withoutLegalForm(row.get("name")).split("\\s+")[0];
	}

	private static Indexing indexing(String name, String website, String phone) {
		return Indexing.ofAccount(name, website, phone == null || phone.isBlank() ? null : phone);
	}

	@Override
	public boolean batches() {
		return true;
	}

	@Override
	public void prefetch(List<Cleaned> rows) {
		candidates.clear();
		searches.prefetched(accounts.findEach(rows.stream().filter(Cleaned::valid).map(AccountWriter::term).toList(),
				CANDIDATES));
	}

	@Override
	public boolean dependsOnWaiting(Cleaned row) {
		return searches.dependsOnWaiting(term(row));
	}

	@Override
	public void waiting(Cleaned row) {
		searches.waiting(indexing(row.get("name"), row.get("website"), row.get("phone")));
	}

	@Override
	public void waitingWritten() {
		searches.waitingWritten();
	}

	@Override
	public Existing findExisting(Cleaned row) {
		MatchRecord incoming = matchRecord("row", row);
		String term = term(row);
		List<AccountView> candidates = searches.get(term);
		if (candidates == null) {
			candidates = accounts.list(new AccountQuery(term, null, null, null, null, null, CANDIDATES, null)).items();
		}
		this.candidates.compared(candidates);
		Existing best = null;
		for (AccountView a : candidates) {
			MatchResult result = detector.compare(incoming, matchRecord("a", a));
			if (result.score() >= detector.threshold() && (best == null || result.score() > best.score())) {
				best = new Existing(a.id(), result.score(), result.reasons());
			}
		}
		return best;
	}

	@Override
	public long create(Cleaned row) {
		return accounts.create(fields(row, AccountFields.named(null))).id();
	}

	@Override
	public List<Created> createAll(List<Cleaned> rows) {
		BatchWritten written = accounts.createAll(rows.stream().map(r -> fields(r, AccountFields.named(null))).toList());
		return Created.of(written);
	}

	@Override
	public void update(long id, Cleaned row) {
		AccountView current = accounts.get(id);
		AccountFields after = fields(row, current.fields());
		searches.changed(indexing(current.fields()), indexing(after));
		accounts.update(id, current.version(), after);
	}

	@Override
	public boolean batchesUpdates() {
		return true;
	}

	/** Rows that may find the account (by its search columns before or after the update) wait until it is written. */
	@Override
	public void waitingUpdate(Existing existing, Cleaned row) {
		AccountView current = candidates.get(existing.id(), accounts::get);
		searches.waiting(indexing(current.fields()));
		searches.waiting(indexing(fields(row, current.fields())));
	}

	@Override
	public List<Created> updateAll(List<Existing> existing, List<Cleaned> rows) {
		List<AccountManagement.Change> changes = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			AccountView current = candidates.get(existing.get(i).id(), accounts::get);
			changes.add(new AccountManagement.Change(current.id(), current.version(), fields(rows.get(i), current.fields())));
		}
		return Created.of(accounts.updateAll(changes));
	}

	@Override
	public void updated(Existing existing, Cleaned row) {
		candidates.updated(existing.id());
	}

	private static Indexing indexing(AccountFields f) {
		return indexing(f.name(), f.website(), f.phone());
	}

	private static AccountFields fields(Cleaned row, AccountFields b) {
		List<String> tags = new ArrayList<>(b.tags());
		if (row.get("tags") != null) {
			for (String tag : row.get("tags").split("[,;]")) {
				if (!tag.isBlank() && !tags.contains(tag.strip())) {
					tags.add(tag.strip());
				}
			}
		}
		Map<String, Object> custom = new LinkedHashMap<>(b.customFields());
		custom.putAll(row.custom());
		return new AccountFields(ContactWriter.or(row, "name", b.name()), ContactWriter.or(row, "industry", b.industry()),
				row.get("size") != null ? row.get("size").toLowerCase(java.util.Locale.ROOT) : b.size(),
				ContactWriter.or(row, "website", b.website()), ContactWriter.or(row, "phone", b.phone()),
				ContactWriter.or(row, "street", b.street()), ContactWriter.or(row, "city", b.city()),
				ContactWriter.or(row, "region", b.region()), ContactWriter.or(row, "postalCode", b.postalCode()),
				ContactWriter.or(row, "country", b.country()), b.ownerId(), tags, custom);
	}

}
