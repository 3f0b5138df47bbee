package org.rapport.analytics;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rapport.analytics.churn.ChurnPipeline;
import org.rapport.analytics.recommend.CoOccurrenceRecommender;
import org.rapport.analytics.recommend.Purchases;
import org.rapport.analytics.recommend.Recommendation;
import org.rapport.analytics.segments.Rfm;
import org.rapport.customers.ContactManagement;
import org.rapport.platform.RapportException;
import org.rapport.sales.SalesReports;
import org.rapport.sales.SalesReports.FulfilledOrderLine;

import org.springframework.stereotype.Service;

/**
 * One customer's analytics from Rapport's own data: RFM score and segment, lifetime value, churn
 * risk with its reasons, the sentiment of their own words and products to recommend, all computed
 * from the sales module's fulfilled orders of the last {@value #HISTORY_YEARS} years (the whole
 * customer base, for quintiles, model fits and co-occurrence), answered only for a contact the actor
 * may see.
 */
@Service
public class CustomerAnalytics {


	/** The last history read and the models fitted on it (derived data: each node keeps its own). */
	private volatile CachedHistory cached;


	static final int HISTORY_YEARS = 3;

	public static final String CHURN_MODEL = "churn-rapport";

	static final int RECENT_TEXTS = 5;

	private final SalesReports sales;

	private final ContactManagement contacts;

	private final ClvAnalysis clv;

	private final AccountSentiment accountSentiment;

	private final ChurnModels churnModels;

	private final Clock clock;

	private final AnalyticsPreferences preferences;

	CustomerAnalytics(SalesReports sales, ContactManagement contacts, ClvAnalysis clv, AccountSentiment accountSentiment,
			ChurnModels churnModels, Clock clock, AnalyticsPreferences preferences) {
		this.preferences = preferences;
		this.sales = sales;
		this.contacts = contacts;
		this.clv = clv;
		this.accountSentiment = accountSentiment;
		this.churnModels = churnModels;
		this.clock = clock;
	}

	/** A customer's analytics; a part is {@code null} when there is no data for it. */
	public record Insight(long contactId, LocalDate asOf, RfmPart rfm, ClvPart clv, ChurnPart churn, SentimentPart sentiment,
			List<Recommended> recommendations) {
	}

	/** RFM: days since the last order, orders, spend, the three quintile scores and the segment key. */
	public record RfmPart(long recencyDays, int orders, BigDecimal spent, int r, int f, int m, String code, String segment) {
	}

	/**
	 * Lifetime value (BG/NBD + Gamma-Gamma over all customers).
	 * @param expectedPurchases expected orders in the next 52 weeks
	 * @param pAlive probability the customer still buys
	 * @param value discounted value over the settings' horizon ({@code null} without a spend model)
	 */
	public record ClvPart(double expectedPurchases, double pAlive, BigDecimal value) {
	}

	/**
	 * Churn risk.
	 * @param risk probability of no order in the next {@code horizonDays} days (the "lost" rule)
	 * @param basis {@code model} (logistic regression on Rapport's history, trained by
	 *     {@link ChurnModels}) or {@code bg-nbd} (1 − P(alive), before any model is trained)
	 * @param horizonDays the model's horizon ({@code null} for {@code bg-nbd})
	 * @param reasons what raises the risk most, largest first
	 */
	public record ChurnPart(double risk, String basis, Integer horizonDays, List<Reason> reasons) {
	}

	/**
	 * A reason: feature key (recencyDays, orders, spent, tenureDays, spendTrend, daysSinceActivity, and
	 * other modules' such as tickets180, complaints365, csat), the customer's value, its log-odds share.
	 */
	public record Reason(String feature, String value, double contribution) {
	}

	/**
	 * Sentiment of what the customer wrote and the notes about them.
	 * @param score mean score (−1..+1)
	 * @param evidence the words that drove the texts' verdicts most often
	 * @param recent the newest texts (at most {@value #RECENT_TEXTS}), newest first
	 */
	public record SentimentPart(String label, double score, int texts, List<String> evidence, int positive, int neutral,
			int negative, List<SentimentText> recent) {
	}

	/**
	 * One text behind a customer's sentiment.
	 * @param source {@code ticket}, {@code reply}, {@code csat}, {@code nps} or {@code note}
	 * @param corrected whether the label is an agent's correction
	 */
	public record SentimentText(String source, long id, Instant at, String label, double score, List<String> evidence,
			boolean corrected) {
	}

	/** A product the customer has not bought: bought with {@code because} by {@code customers} customers. */
	public record Recommended(Long productId, String product, String because, int customers) {
	}

	/**
	 * The customer's analytics.
	 * @throws org.rapport.platform.RecordNotFound when the contact does not exist or the actor may not see it
	 */
	public Insight forContact(long contactId) {
		contacts.get(contactId); // record access: invisible is not found
		LocalDate asOf = LocalDate.now(clock);
		History history = history(asOf);
		return new Insight(contactId, asOf, rfm(history, contactId, asOf), clvPart(history, contactId, asOf),
				churn(history, contactId, asOf), sentimentOf(contactId), recommendations(history, contactId));
	}

	RfmPart rfm(History history, long contactId, LocalDate asOf) {
		if (!history.customers.containsKey(contactId)) {
			return null;
		}
		List<Rfm.Customer> all = new ArrayList<>();
		history.customers.forEach((id, c) -> all.add(new Rfm.Customer(Long.toString(id), c.last, c.orders.size(), c.spent)));
		for (Rfm.Score s : Rfm.score(all, asOf)) {
			if (s.id().equals(Long.toString(contactId))) {
				return new RfmPart(s.recencyDays(), s.orders(), s.spent(), s.r(), s.f(), s.m(), s.code(), s.segment().key());
			}
		}
		return null;
	}

	ClvPart clvPart(History history, long contactId, LocalDate asOf) {
		if (!history.customers.containsKey(contactId)) {
			return null;
		}
		ClvReport report = clvReport(history, asOf);
		if (report == null) {
			return null;
		}
		for (ClvReport.CustomerValue v : report.customers()) {
			if (v.customerId().equals(Long.toString(contactId))) {
				return new ClvPart(v.expectedTransactions(), v.pAlive(),
						v.clv() == null ? null : BigDecimal.valueOf(v.clv()).setScale(2, RoundingMode.HALF_UP));
			}
		}
		return null;
	}

	/** The lifetime-value fit over the whole history, made once per history ({@code null}: too little data). */
	ClvReport clvReport(History history, LocalDate asOf) {
		return history.clvReport(() -> {
			try {
				return clv.fromTransactions(transactions(history),
						new ClvOptions(asOf, null, true, null, null, history.clvDiscountRate));
			}
			catch (RapportException ex) {
				return null; // too little data to fit (e.g. nobody bought twice)
			}
		});
	}

	/** The history's positive order amounts per customer and day, as the CSV {@link ClvAnalysis} reads. */
	static InputStream transactions(History history) {
		StringBuilder csv = new StringBuilder("customerId,date,amount\n");
		history.customers.forEach((id, c) -> c.byDay.forEach((day, amount) -> {
			if (amount.signum() > 0) {
				csv.append(id).append(',').append(day).append(',').append(amount.toPlainString()).append('\n');
			}
		}));
		return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	ChurnPart churn(History history, long contactId, LocalDate asOf) {
		if (!history.customers.containsKey(contactId)) {
			return null;
		}
		ChurnModels.Active active = churnModels.active();
		if (active != null) {
			ChurnPipeline.Customer now = churnModels.features(history, asOf, 0, List.of(contactId)).get(contactId);
			return modelRisk(active, now);
		}
		ClvPart value = clvPart(history, contactId, asOf);
		if (value == null) {
			return null;
		}
		return rulesRisk(history, contactId, asOf, value.pAlive());
	}

	/** The active model's risk of a customer with its top three reasons. */
	static ChurnPart modelRisk(ChurnModels.Active active, ChurnPipeline.Customer now) {
		ChurnPipeline.Risk risk = active.model().risk(now, 3);
		return new ChurnPart(round(risk.probability()), "model", active.horizonDays(), risk.reasons()
			.stream()
			.map(r -> new Reason(r.feature(), r.value(), round(r.contribution())))
			.toList());
	}

	/** Before any model: 1 − P(alive), with the days since the last order as the reason. */
	static ChurnPart rulesRisk(History history, long contactId, LocalDate asOf, double pAlive) {
		ChurnPipeline.Customer now = ChurnModels.orderFeatures(contactId, history.customers.get(contactId), asOf, 0);
		return new ChurnPart(round(1 - pAlive), "bg-nbd", null,
				List.of(new Reason("recencyDays", String.valueOf(now.numbers().get("recencyDays").longValue()), 0)));
	}

	/**
	 * The fulfilled orders of the last {@value #HISTORY_YEARS} years as a history; the same history object
	 * (and the models fitted on it, see {@link History}) while those orders and the day are unchanged, so
	 * a customer page does not retrain. Every node keeps its own; nothing here needs sharing.
	 */
	History history(LocalDate asOf) {
		List<FulfilledOrderLine> lines = sales.fulfilledOrderLines(asOf.minusYears(HISTORY_YEARS), asOf);
		double discountRate = preferences.clvDiscountRate();
		// the discount rate is part of the key: a changed setting must revalue every customer
		String key = asOf + ":" + lines.size() + ":" + lines.hashCode() + ":" + discountRate;
		CachedHistory cached = this.cached;
		if (cached != null && cached.key().equals(key)) {
			return cached.history();
		}
		History history = History.of(lines);
		history.clvDiscountRate = discountRate;
		this.cached = new CachedHistory(key, history);
		return history;
	}

	private record CachedHistory(String key, History history) {
	}

	/**
	 * The customer's own words of the last {@value #HISTORY_YEARS} years (ticket descriptions, their
	 * messages on tickets, survey comments) and the notes about them, as the account's trend counts
	 * them: an agent's correction in place of the model, agents' replies left out.
	 */
	SentimentPart sentimentOf(long contactId) {
		Instant now = clock.instant();
		List<AccountSentiment.Judged> judged = accountSentiment.ofContact(contactId,
				now.atZone(ZoneOffset.UTC).minusYears(HISTORY_YEARS).toInstant(), now.plusSeconds(1));
		if (judged.isEmpty()) {
			return null;
		}
		double total = 0;
		int[] labels = new int[3];
		Map<String, Integer> words = new LinkedHashMap<>();
		for (AccountSentiment.Judged j : judged) {
			total += j.shown().score();
			labels[SentimentCorrections.LABELS.indexOf(j.shown().label())]++;
			j.shown().evidence().forEach(w -> words.merge(w, 1, Integer::sum));
		}
		double mean = total / judged.size();
		String label = mean >= 0.05 ? "positive" : mean <= -0.05 ? "negative" : "neutral";
		List<String> evidence = words.entrySet()
			.stream()
			.sorted((x, y) -> y.getValue() - x.getValue())
			.limit(5)
			.map(Map.Entry::getKey)
			.toList();
		List<SentimentText> recent = new ArrayList<>();
		for (int i = judged.size() - 1; i >= 0 && recent.size() < RECENT_TEXTS; i--) {
			AccountSentiment.Judged j = judged.get(i);
			recent.add(new SentimentText(j.source(), j.id(), j.at(), j.shown().label(), round(j.shown().score()),
					j.shown().evidence(), j.shown().corrected()));
		}
		return new SentimentPart(label, round(mean), judged.size(), evidence, labels[0], labels[1], labels[2], recent);
	}

	List<Recommended> recommendations(History history, long contactId) {
		Purchases purchases = new Purchases();
		Map<String, String> names = new HashMap<>();
		history.customers.forEach((id, c) -> c.products.forEach((product, name) -> {
			purchases.add(Long.toString(id), Long.toString(product), null);
			names.put(Long.toString(product), name);
		}));
		Integer customer = purchases.customerIndex(Long.toString(contactId));
		if (customer == null) {
			return List.of();
		}
		CoOccurrenceRecommender recommender = new CoOccurrenceRecommender(purchases);
		List<Recommended> out = new ArrayList<>();
		for (Recommendation r : recommender.recommend(customer, 5)) {
			String product = purchases.product(r.product());
			String because = r.because() < 0 ? null : names.get(purchases.product(r.because()));
			out.add(new Recommended(Long.valueOf(product), names.get(product), because, r.customers()));
		}
		return out;
	}

	static double round(double v) {
		return Math.round(v * 10_000) / 10_000.0;
	}

	/** Fulfilled orders grouped by customer. */
	static final class History {

		final Map<Long, CustomerHistory> customers = new LinkedHashMap<>();

		LocalDate first;

		/** The annual discount rate of the lifetime values (the administrator's setting when read). */
		Double clvDiscountRate;

		private final Fitted<ClvReport> clvReport = new Fitted<>();

		/** The lifetime-value fit of this history, made once (null when it cannot be fitted). */
		ClvReport clvReport(java.util.function.Supplier<ClvReport> fit) {
			return clvReport.get(fit);
		}

		static History of(List<FulfilledOrderLine> lines) {
			History h = new History();
			for (FulfilledOrderLine l : lines) {
				if (l.net() == null) {
					continue; // no exchange rate known for its currency and date
				}
				h.first = h.first == null || l.orderDate().isBefore(h.first) ? l.orderDate() : h.first;
				CustomerHistory c = h.customers.computeIfAbsent(l.contactId(), k -> new CustomerHistory());
				c.add(l);
			}
			return h;
		}

	}

	/** A model fitted at most once; concurrent first callers wait for the one fit. The result may be null. */
	static final class Fitted<T> {

		private T value;

		private boolean done;

		synchronized T get(java.util.function.Supplier<T> fit) {
			if (!done) {
				value = fit.get();
				done = true;
			}
			return value;
		}

	}

	/** One customer's orders. */
	static final class CustomerHistory {

		final Map<Long, Boolean> orders = new LinkedHashMap<>();

		final TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();

		final Map<LocalDate, Integer> ordersByDay = new HashMap<>();

		final Map<Long, String> products = new LinkedHashMap<>();

		BigDecimal spent = BigDecimal.ZERO;

		LocalDate last;

		void add(FulfilledOrderLine l) {
			if (orders.put(l.orderId(), Boolean.TRUE) == null) {
				ordersByDay.merge(l.orderDate(), 1, Integer::sum);
			}
			byDay.merge(l.orderDate(), l.net(), BigDecimal::add);
			spent = spent.add(l.net());
			last = last == null || l.orderDate().isAfter(last) ? l.orderDate() : last;
			if (l.productId() != null && l.quantity().signum() > 0) {
				products.put(l.productId(), l.product());
			}
		}

	}

}
