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

/** Accounts through {@link AccountManagement}; an existing account is found by name and confirmed by the detector. */
final class AccountWriter implements EntityWriter {

	private final AccountManagement accounts;

	private final DuplicateDetector detector;

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

	@Override
	public Existing findExisting(Cleaned row) {
		MatchRecord incoming = matchRecord("row", row);
		String name = org.rapport.platform.text.SearchText.withoutLegalForm(row.get("name"));
		String[] words = name.split("\\s+");
		Existing best = null;
		for (AccountView a : accounts.list(new AccountQuery(words[0], null, null, null, null, null, 50, null)).items()) {
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
	public void update(long id, Cleaned row) {
		AccountView current = accounts.get(id);
		accounts.update(id, current.version(), fields(row, current.fields()));
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
