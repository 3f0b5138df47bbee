package org.rapport.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.rapport.analytics.segments.Clusters;
import org.rapport.customers.ContactManagement;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.Role;
import org.rapport.sales.SalesReports;
import org.rapport.sales.SalesReports.FulfilledOrderLine;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Behavioural segments of the customers in the actor's view: k-means ({@link Clusters}) on each
 * customer's recency, orders, spend, average order and tenure over the fulfilled orders of the three
 * years before a day (orders and spend log-scaled, then standardised), k from 2 to 8 by silhouette with
 * a fixed seed, each cluster described by the features where its centroid lies furthest from the mean.
 * Computed on request from the orders (nothing kept between requests, so every node answers alike);
 * a few thousand customers take well under a second, the silhouette is sampled above 2,000.
 */
@Service
public class CustomerClusters {

	/** The features, in the order of the rows. */
	public static final List<String> FEATURES = List.of("recency_days", "orders", "spent", "average_order", "tenure_days");

	/** Smallest and largest k tried. */
	public static final int MIN_K = 2;

	public static final int MAX_K = 8;

	/** The seed of k-means++ and of the silhouette's sample, so the same data give the same clusters. */
	static final long SEED = 20261203L;

	/** A trait is named in the description from this many standard deviations on. */
	static final double NOTABLE = 0.5;

	/** A trait is "far" from the mean from this many standard deviations on. */
	static final double FAR = 1.0;

	private final SalesReports sales;

	private final ContactManagement contacts;

	private final MessageSource messages;

	private final ModelRegistry registry;

	private final AuditTrail audit;

	CustomerClusters(SalesReports sales, ContactManagement contacts, MessageSource messages, ModelRegistry registry,
			AuditTrail audit) {
		this.sales = sales;
		this.contacts = contacts;
		this.messages = messages;
		this.registry = registry;
		this.audit = audit;
	}

	/** What to cluster: customers with fulfilled orders in the three years to {@code asOf}, optionally one team's. */
	public record Query(LocalDate asOf, Long teamId) {
	}

	/**
	 * A feature that sets a cluster apart.
	 *
	 * @param deviations the cluster's mean in standard deviations from the overall mean (of the scaled feature)
	 * @param direction far-above, above, typical, below or far-below
	 */
	public record Trait(String feature, double deviations, String direction) {
	}

	/**
	 * One cluster, numbered from 1 by descending average spend.
	 *
	 * @param centroid each feature's mean over the cluster in its own units (days, orders, corporate currency)
	 * @param traits every feature, most distinctive first
	 * @param description the notable traits in plain words, in the request's language
	 */
	public record Profile(int cluster, int size, Map<String, BigDecimal> centroid, List<Trait> traits,
			String description) {

		/** The cluster mean of a feature in standard deviations from the overall mean. */
		public double deviations(String feature) {
			return traits.stream().filter(t -> t.feature().equals(feature)).findFirst().orElseThrow().deviations();
		}

	}

	/** The mean silhouette of the clustering with k clusters. */
	public record KScore(int k, double silhouette) {
	}

	/**
	 * The segmentation; {@code k} counts the non-empty clusters (fewer than the best k of
	 * {@code silhouetteByK} when customers coincide), 0 with empty lists when fewer than three customers
	 * are in view.
	 */
	public record Segmentation(LocalDate asOf, Long teamId, int customers, List<String> features, int k,
			Double silhouette, List<KScore> silhouetteByK, List<Profile> clusters) {
	}

	/** A customer of a cluster, for its drill-down. */
	public record Member(long contactId, String name, long recencyDays, int orders, BigDecimal spent,
			BigDecimal averageOrder, long tenureDays) {
	}

	/** A segmentation and the customers of one of its clusters, from one fit. */
	public record Drill(Segmentation segmentation, int cluster, List<Member> members) {
	}

	public Segmentation segment(Query query) {
		return fit(query).segmentation();
	}

	/** The model registry's name of a segmentation run on request. */
	public static final String MODEL = "clusters";

	/**
	 * Segments the whole customer base as of a day on request (ADMIN and ANALYST only, who see every
	 * order) and records it in the model registry as {@value #MODEL}: k, silhouette and customers, no
	 * primary metric (there is no hold-out). Page views and reads do not register. Audited as a request
	 * on the registry entry.
	 */
	@Transactional
	public ModelRegistry.Entry run(LocalDate asOf) {
		Role role = Actor.current().role();
		if (role != Role.ADMIN && role != Role.ANALYST) {
			throw new NotPermitted("run-customer-clusters");
		}
		Segmentation s = segment(new Query(asOf, null));
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("k", s.k());
		metrics.put("silhouette", s.silhouette());
		metrics.put("customers", s.customers());
		ModelRegistry.Entry entry = registry.register(MODEL, asOf.minusYears(3), asOf, s.customers(), metrics, null, null);
		audit.record(new AuditEvent("request", "analytics-model", Long.toString(entry.id()),
				"Customer clusters as of " + asOf + " (version " + entry.version() + ")", List.of()));
		return entry;
	}

	/**
	 * The customers of a cluster that the actor may see, biggest spenders first, at most
	 * {@value AnalyticsDashboard#MAX_MEMBERS}.
	 */
	public List<Member> members(Query query, int cluster) {
		return members(fit(query), cluster);
	}

	/** The segmentation with {@link #members} of one cluster, clustering once. */
	public Drill drill(Query query, int cluster) {
		Fit fit = fit(query);
		return new Drill(fit.segmentation(), cluster, members(fit, cluster));
	}

	private List<Member> members(Fit fit, int cluster) {
		if (cluster < 1 || cluster > fit.segmentation().k()) {
			throw InvalidInput.of("cluster", "unknown", "A cluster from 1 to " + fit.segmentation().k());
		}
		List<Customer> in = new ArrayList<>();
		for (int i = 0; i < fit.customers().size(); i++) {
			if (fit.numbers()[i] == cluster) {
				in.add(fit.customers().get(i));
			}
		}
		in.sort(Comparator.comparing(Customer::spent).reversed().thenComparing(Customer::id));
		List<Member> out = new ArrayList<>();
		for (int i = 0; i < in.size() && out.size() < AnalyticsDashboard.MAX_MEMBERS; i += 200) {
			List<Customer> chunk = in.subList(i, Math.min(in.size(), i + 200));
			Map<Long, String> names = contacts.visibleNames(chunk.stream().map(Customer::id).toList());
			for (Customer c : chunk) {
				String name = names.get(c.id());
				if (name != null && out.size() < AnalyticsDashboard.MAX_MEMBERS) {
					out.add(new Member(c.id(), name, c.recencyDays(), c.orders(), money(c.spent()),
							money(c.averageOrder()), c.tenureDays()));
				}
			}
		}
		return out;
	}

	private record Customer(long id, long recencyDays, int orders, BigDecimal spent, long tenureDays) {

		BigDecimal averageOrder() {
			return spent.divide(BigDecimal.valueOf(orders), 6, RoundingMode.HALF_UP);
		}

		double[] raw() {
			return new double[] { recencyDays, orders, spent.doubleValue(), averageOrder().doubleValue(), tenureDays };
		}

		/** Orders and money are skewed: log-scaled so a few big spenders do not make a cluster each. */
		double[] scaled() {
			return new double[] { recencyDays, Math.log1p(orders), Math.log1p(Math.max(0, spent.doubleValue())),
					Math.log1p(Math.max(0, averageOrder().doubleValue())), tenureDays };
		}

	}

	/** A segmentation with each customer's cluster number. */
	private record Fit(Segmentation segmentation, List<Customer> customers, int[] numbers) {
	}

	private Fit fit(Query query) {
		Actor actor = Actor.current();
		if (!List.of(Role.ADMIN, Role.MANAGER, Role.ANALYST, Role.MARKETER).contains(actor.role())) {
			throw new NotPermitted("read-customer-clusters");
		}
		if (query.asOf() == null) {
			throw InvalidInput.of("asOf", "required", "A date");
		}
		List<Customer> customers = customers(query);
		if (customers.size() <= MIN_K) {
			return new Fit(new Segmentation(query.asOf(), query.teamId(), customers.size(), FEATURES, 0, null, List.of(),
					List.of()), customers, new int[customers.size()]);
		}
		double[][] rows = customers.stream().map(Customer::scaled).toArray(double[][]::new);
		Clusters.Result result = Clusters.fit(FEATURES, rows, MIN_K, MAX_K, SEED);
		int k = result.k();
		// centroids in the features' own units, and the clusters numbered by descending average spend
		double[][] centroid = new double[k][FEATURES.size()];
		int[] size = new int[k];
		for (int i = 0; i < customers.size(); i++) {
			int c = result.assignment()[i];
			size[c]++;
			double[] raw = customers.get(i).raw();
			for (int f = 0; f < raw.length; f++) {
				centroid[c][f] += raw[f];
			}
		}
		// k-means may leave a cluster empty when customers coincide (e.g. all alike): only non-empty ones count
		List<Integer> order = new ArrayList<>();
		for (int c = 0; c < k; c++) {
			if (size[c] > 0) {
				order.add(c);
			}
			for (int f = 0; f < FEATURES.size(); f++) {
				centroid[c][f] = size[c] == 0 ? 0 : centroid[c][f] / size[c];
			}
		}
		int spent = FEATURES.indexOf("spent");
		order.sort(Comparator.comparingDouble((Integer c) -> -centroid[c][spent]).thenComparingInt(c -> c));
		int[] numberOf = new int[k];
		List<Profile> profiles = new ArrayList<>();
		for (int n = 0; n < order.size(); n++) {
			int c = order.get(n);
			numberOf[c] = n + 1;
			Clusters.Cluster described = result.clusters().get(c);
			Map<String, BigDecimal> mean = new LinkedHashMap<>();
			for (int f = 0; f < FEATURES.size(); f++) {
				mean.put(FEATURES.get(f), BigDecimal.valueOf(centroid[c][f]).setScale(2, RoundingMode.HALF_UP));
			}
			List<Trait> traits = described.traits()
				.stream()
				.map(t -> new Trait(t.feature(), round(t.deviations()), direction(t.deviations())))
				.toList();
			profiles.add(new Profile(n + 1, described.size(), mean, traits, describe(traits)));
		}
		int[] numbers = new int[customers.size()];
		for (int i = 0; i < numbers.length; i++) {
			numbers[i] = numberOf[result.assignment()[i]];
		}
		List<KScore> byK = new ArrayList<>();
		for (int i = 0; i < result.silhouetteByK().size(); i++) {
			byK.add(new KScore(MIN_K + i, round(result.silhouetteByK().get(i))));
		}
		return new Fit(new Segmentation(query.asOf(), query.teamId(), customers.size(), FEATURES, profiles.size(),
				round(result.silhouette()), byK, profiles), customers, numbers);
	}

	/** The customers with fulfilled orders in view in the three years to the day, by id. */
	private List<Customer> customers(Query query) {
		LocalDate asOf = query.asOf();
		LocalDate since = asOf.minusYears(CustomerAnalytics.HISTORY_YEARS);
		List<FulfilledOrderLine> lines = sales.fulfilledOrderLines(since, asOf);
		Set<Long> visible = sales.visibleFulfilledOrders(since, asOf, query.teamId());
		Map<Long, LocalDate> first = new TreeMap<>();
		Map<Long, LocalDate> last = new HashMap<>();
		Map<Long, Set<Long>> orders = new HashMap<>();
		Map<Long, BigDecimal> spent = new HashMap<>();
		for (FulfilledOrderLine l : lines) {
			if (l.net() == null || (visible != null && !visible.contains(l.orderId()))) {
				continue;
			}
			first.merge(l.contactId(), l.orderDate(), (a, b) -> a.isBefore(b) ? a : b);
			last.merge(l.contactId(), l.orderDate(), (a, b) -> a.isAfter(b) ? a : b);
			orders.computeIfAbsent(l.contactId(), id -> new HashSet<>()).add(l.orderId());
			spent.merge(l.contactId(), l.net(), BigDecimal::add);
		}
		List<Customer> out = new ArrayList<>();
		first.forEach((id, day) -> out.add(new Customer(id, ChronoUnit.DAYS.between(last.get(id), asOf),
				orders.get(id).size(), spent.get(id), ChronoUnit.DAYS.between(day, asOf))));
		return out;
	}

	static String direction(double deviations) {
		if (deviations >= FAR) {
			return "far-above";
		}
		if (deviations >= NOTABLE) {
			return "above";
		}
		if (deviations <= -FAR) {
			return "far-below";
		}
		if (deviations <= -NOTABLE) {
			return "below";
		}
		return "typical";
	}

	/** The notable traits (at most three) in words, e.g. "spend far above average; orders above average". */
	private String describe(List<Trait> traits) {
		List<String> parts = new ArrayList<>();
		for (Trait t : traits) {
			if (!"typical".equals(t.direction()) && parts.size() < 3) {
				parts.add(msg("clusters.direction." + t.direction(), msg("clusters.feature." + t.feature())));
			}
		}
		return parts.isEmpty() ? msg("clusters.typical") : String.join(msg("clusters.separator"), parts);
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
