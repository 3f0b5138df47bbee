package org.rapport.data.internal.imports;

import org.rapport.data.internal.imports.RowCleaner.Cleaned;
import org.rapport.data.internal.matching.DuplicateDetector;
import org.rapport.data.internal.matching.MatchRecord;
import org.rapport.data.internal.matching.MatchResult;
import org.rapport.sales.LeadFields;
import org.rapport.sales.LeadManagement;
import org.rapport.sales.LeadView;

/** Leads through the sales module's {@link LeadManagement} (its assignment rules choose the owner). */
final class LeadWriter implements EntityWriter {

	private final LeadManagement leads;

	private final DuplicateDetector detector;

	LeadWriter(LeadManagement leads, DuplicateDetector detector) {
		this.leads = leads;
		this.detector = detector;
	}

	private static MatchRecord matchRecord(String key, LeadView l) {
		return MatchRecord.builder(key).givenName(l.firstName()).familyName(l.lastName()).email(l.email()).phone(l.phone())
			.organisation(l.company()).city(l.city()).build();
	}

	@Override
	public Existing findExisting(Cleaned row) {
		MatchRecord incoming = MatchRecord.builder("row").givenName(row.get("firstName")).familyName(row.get("lastName"))
			.email(row.get("email")).phone(row.get("phone")).organisation(row.get("company")).city(row.get("city")).build();
		String q = row.get("email") != null ? row.get("email") : row.get("phone");
		if (q == null) {
			return null;
		}
		Existing best = null;
		for (LeadView l : leads.list(q, null, null, null, null, 20, null).items()) {
			MatchResult result = detector.compare(incoming, matchRecord("l", l));
			if (result.score() >= detector.threshold() && (best == null || result.score() > best.score())) {
				best = new Existing(l.id(), result.score(), result.reasons());
			}
		}
		return best;
	}

	@Override
	public long create(Cleaned row) {
		return leads.create(fields(row, new LeadFields(null, null, null, null, null, null, null, null, null, null, null, null,
				null, null))).id();
	}

	@Override
	public void update(long id, Cleaned row) {
		LeadView current = leads.get(id);
		leads.update(id, current.version(), fields(row, current.fields()));
	}

	private static LeadFields fields(Cleaned row, LeadFields b) {
		return new LeadFields(ContactWriter.or(row, "firstName", b.firstName()), ContactWriter.or(row, "lastName", b.lastName()),
				ContactWriter.or(row, "email", b.email()), ContactWriter.or(row, "phone", b.phone()),
				ContactWriter.or(row, "company", b.company()), ContactWriter.or(row, "title", b.title()),
				ContactWriter.or(row, "website", b.website()), ContactWriter.or(row, "city", b.city()),
				ContactWriter.or(row, "country", b.country()), ContactWriter.or(row, "source", b.source()), b.status(),
				b.disqualifyReason(), ContactWriter.or(row, "notes", b.notes()), b.ownerId());
	}

}
