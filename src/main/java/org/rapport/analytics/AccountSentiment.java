package org.rapport.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountView;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ActivityQuery;
import org.rapport.customers.ActivityView;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;
import org.rapport.customers.ContactView;
import org.rapport.platform.Actor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Page;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sentiment of an account's customers by month: what its contacts wrote (ticket descriptions,
 * their messages on tickets, survey comments, through {@link CustomerTexts}) and the notes kept on the
 * account and its contacts, each judged by the sentiment in use, an agent's correction taking the
 * model's place.
 */
@Service
public class AccountSentiment {

	public static final int MAX_MONTHS = 36;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ActivityManagement activities;

	private final ObjectProvider<CustomerTexts> texts;

	private final SentimentCorrections corrections;

	private final SentimentAnalysis sentiment;

	private final Clock clock;

	AccountSentiment(AccountManagement accounts, ContactManagement contacts, ActivityManagement activities,
			ObjectProvider<CustomerTexts> texts, SentimentCorrections corrections, SentimentAnalysis sentiment, Clock clock) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.activities = activities;
		this.texts = texts;
		this.corrections = corrections;
		this.sentiment = sentiment;
		this.clock = clock;
	}

	/**
	 * One month.
	 *
	 * @param month {@code yyyy-MM}
	 * @param meanScore mean score (−1..+1) of the month's texts, {@code null} without texts
	 */
	public record Month(String month, Double meanScore, int texts, int positive, int neutral, int negative) {
	}

	/**
	 * A customer's text or a note about them with the sentiment shown for it.
	 *
	 * @param source {@code ticket}, {@code reply}, {@code csat}, {@code nps} (see {@link CustomerTexts.Text})
	 *     or {@code note} (an activity of that type)
	 * @param id the record's id in its source
	 */
	public record Judged(String source, long id, Instant at, SentimentCorrections.Shown shown) {
	}

	/** The trend of one account over its last months, oldest month first. */
	public record Trend(long accountId, String accountName, int contacts, List<Month> months) {
	}

	/**
	 * The last {@code months} months (this one included) of an account the actor may see (404
	 * otherwise); its contacts are those the actor may see.
	 * @throws InvalidInput (field {@code months}) outside 1–{@value #MAX_MONTHS}
	 */
	@Transactional(readOnly = true)
	public Trend of(long accountId, int months) {
		if (months < 1 || months > MAX_MONTHS) {
			throw InvalidInput.of("months", "out-of-range", "From 1 to " + MAX_MONTHS);
		}
		AccountView account = accounts.get(accountId);
		YearMonth last = YearMonth.now(clock.withZone(ZoneOffset.UTC));
		YearMonth first = last.minusMonths(months - 1L);
		Instant from = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<Long> contactIds = contactsOf(accountId);
		Map<String, double[]> byMonth = new LinkedHashMap<>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			byMonth.put(m.toString(), new double[5]);
		}
		judged(contactIds, new ActivityQuery(null, accountId, "note", null, null, null, 200, null), from, to)
			.forEach(j -> count(byMonth, j.at(), j.shown().label(), j.shown().score()));
		List<Month> out = new ArrayList<>();
		byMonth.forEach((month, m) -> out.add(new Month(month, m[0] == 0 ? null : Math.round(m[1] / m[0] * 10_000) / 10_000.0,
				(int) m[0], (int) m[2], (int) m[3], (int) m[4])));
		return new Trend(account.id(), account.name(), contactIds.size(), out);
	}

	/**
	 * What a contact wrote from {@code from} (inclusive) to {@code to} (exclusive) and the notes kept
	 * about them, oldest first, each judged as in the account's trend; the caller has checked that the
	 * actor may see the contact.
	 */
	@Transactional(readOnly = true)
	public List<Judged> ofContact(long contactId, Instant from, Instant to) {
		return judged(List.of(contactId), new ActivityQuery(contactId, null, "note", null, null, null, 200, null), from, to);
	}

	/** The customers' texts (corrections in place of the model) and the notes the query finds, oldest first. */
	private List<Judged> judged(List<Long> contactIds, ActivityQuery notes, Instant from, Instant to) {
		List<Judged> out = new ArrayList<>();
		if (!contactIds.isEmpty()) {
			List<CustomerTexts.Text> written = new ArrayList<>();
			// only what the viewer may read where it is kept: a ticket they may not open adds nothing
			Actor viewer = Actor.current();
			texts.orderedStream().forEach(t -> written.addAll(t.readableBy(viewer, t.written(from, to, contactIds))));
			corrections.judge(written).forEach((t, s) -> out.add(new Judged(t.source(), t.id(), t.at(), s)));
		}
		notes(notes, from, to).forEach(a -> {
			Sentiment s = sentiment.analyseRecord(a.subject(), a.body());
			if (s != null) {
				out.add(new Judged("note", a.id(), a.occurredAt(),
						new SentimentCorrections.Shown(s.label(), s.score(), s.language(), s.evidence(), s.label(), false, null, null)));
			}
		});
		out.sort(Comparator.comparing(Judged::at).thenComparing(Judged::source).thenComparingLong(Judged::id));
		return out;
	}

	private static void count(Map<String, double[]> byMonth, Instant at, String label, double score) {
		double[] m = byMonth.get(YearMonth.from(at.atZone(ZoneOffset.UTC)).toString());
		if (m == null) {
			return;
		}
		m[0]++;
		m[1] += score;
		m[label.equals("positive") ? 2 : label.equals("neutral") ? 3 : 4]++;
	}

	private List<Long> contactsOf(long accountId) {
		List<Long> ids = new ArrayList<>();
		String cursor = null;
		do {
			Page<ContactView> page = contacts
				.list(new ContactQuery(null, null, accountId, null, null, null, null, 200, cursor));
			page.items().forEach(c -> ids.add(c.id()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return ids;
	}

	/** The notes the query finds in the period (the timeline is newest first). */
	private List<ActivityView> notes(ActivityQuery query, Instant from, Instant to) {
		List<ActivityView> out = new ArrayList<>();
		String cursor = null;
		do {
			Page<ActivityView> page = activities.list(new ActivityQuery(query.contactId(), query.accountId(), query.type(),
					null, null, null, query.limit(), cursor));
			for (ActivityView a : page.items()) {
				if (a.occurredAt() == null || !a.occurredAt().isBefore(to)) {
					continue;
				}
				if (a.occurredAt().isBefore(from)) {
					return out;
				}
				out.add(a);
			}
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return out;
	}

}
