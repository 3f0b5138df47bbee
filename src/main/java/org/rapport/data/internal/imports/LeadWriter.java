package org.rapport.data.internal.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.rapport.data.internal.imports.RowCleaner.Cleaned;
import org.rapport.data.internal.matching.DuplicateDetector;
import org.rapport.data.internal.matching.MatchRecord;
import org.rapport.data.internal.matching.MatchResult;
import org.rapport.sales.LeadFields;
import org.rapport.sales.LeadManagement;
import org.rapport.sales.LeadView;

/**
 * Leads through the sales module's {@link LeadManagement} (its assignment rules choose the owner). The
 * existing lead a row duplicates is searched by its e-mail (else phone) and confirmed by the detector.
 * Rows are looked up a batch at a time ({@link LeadManagement#findEach}, one query), created a batch at a
 * time ({@link LeadManagement#createAll}) and update their existing leads a batch at a time
 * ({@link LeadManagement#updateAll}).
 */
final class LeadWriter implements EntityWriter {

	/** Candidates per row, as many as one search showed. */
	private static final int CANDIDATES = 20;

	private static final LeadFields EMPTY = new LeadFields(null, null, null, null, null, null, null, null, null, null, null,
			null, null, null);

	private final LeadManagement leads;

	private final DuplicateDetector detector;

	private final PrefetchedSearches<LeadView> searches = new PrefetchedSearches<>();

	/** The candidates rows of this batch were compared with, as read: what a waiting update starts from. */
	private final Candidates<LeadView> candidates = new Candidates<>(LeadView::id);

	LeadWriter(LeadManagement leads, DuplicateDetector detector) {
		this.leads = leads;
		this.detector = detector;
	}

	private static MatchRecord matchRecord(String key, LeadView l) {
		return MatchRecord.builder(key).givenName(l.firstName()).familyName(l.lastName()).email(l.email()).phone(l.phone())
			.organisation(l.company()).city(l.city()).build();
	}

	/** What a row's existing lead is searched by: its e-mail address, else its phone number. */
	private static String term(Cleaned row) {
		return row.get("email") != null ? row.get("email") : row.get("phone");
	}

	@Override
	public boolean batches() {
		return true;
	}

	@Override
	public void prefetch(List<Cleaned> rows) {
		candidates.clear();
		searches.prefetched(leads.findEach(
				rows.stream().filter(Cleaned::valid).map(LeadWriter::term).filter(Objects::nonNull).toList(), CANDIDATES));
	}

	@Override
	public boolean dependsOnWaiting(Cleaned row) {
		return term(row) != null && searches.dependsOnWaiting(term(row));
	}

	@Override
	public void waiting(Cleaned row) {
		searches.waiting(LeadManagement.indexing(fields(row, EMPTY)));
	}

	@Override
	public void waitingWritten() {
		searches.waitingWritten();
	}

	@Override
	public Existing findExisting(Cleaned row) {
		MatchRecord incoming = MatchRecord.builder("row").givenName(row.get("firstName")).familyName(row.get("lastName"))
			.email(row.get("email")).phone(row.get("phone")).organisation(row.get("company")).city(row.get("city")).build();
		String q = term(row);
		if (q == null) {
			return null;
		}
		List<LeadView> candidates = searches.get(q);
		if (candidates == null) {
			candidates = leads.list(q, null, null, null, null, CANDIDATES, null).items();
		}
		this.candidates.compared(candidates);
		Existing best = null;
		for (LeadView l : candidates) {
			MatchResult result = detector.compare(incoming, matchRecord("l", l));
			if (result.score() >= detector.threshold() && (best == null || result.score() > best.score())) {
				best = new Existing(l.id(), result.score(), result.reasons());
			}
		}
		return best;
	}

	@Override
	public long create(Cleaned row) {
		return leads.create(fields(row, EMPTY)).id();
	}

	@Override
	public List<Created> createAll(List<Cleaned> rows) {
		return Created.of(leads.createAll(rows.stream().map(r -> fields(r, EMPTY)).toList()));
	}

	@Override
	public void update(long id, Cleaned row) {
		LeadView current = leads.get(id);
		LeadFields after = fields(row, current.fields());
		searches.changed(LeadManagement.indexing(current.fields()), LeadManagement.indexing(after));
		leads.update(id, current.version(), after);
	}

	@Override
	public boolean batchesUpdates() {
		return true;
	}

	/** Rows that may find the lead (by its search columns before or after the update) wait until it is written. */
	@Override
	public void waitingUpdate(Existing existing, Cleaned row) {
		LeadView current = candidates.get(existing.id(), leads::get);
		searches.waiting(LeadManagement.indexing(current.fields()));
		searches.waiting(LeadManagement.indexing(fields(row, current.fields())));
	}

	@Override
	public List<Created> updateAll(List<Existing> existing, List<Cleaned> rows) {
		List<LeadManagement.Change> changes = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			LeadView current = candidates.get(existing.get(i).id(), leads::get);
			changes.add(new LeadManagement.Change(current.id(), current.version(), fields(rows.get(i), current.fields())));
		}
		return Created.of(leads.updateAll(changes));
	}

	@Override
	public void updated(Existing existing, Cleaned row) {
		candidates.updated(existing.id());
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
