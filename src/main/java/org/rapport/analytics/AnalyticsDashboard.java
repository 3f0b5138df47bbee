package org.rapport.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.analytics.segments.Rfm;
import org.rapport.customers.ContactFields;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactView;
import org.rapport.platform.InvalidInput;
import org.rapport.sales.SalesReports;
import org.rapport.sales.SalesReports.FulfilledOrderLine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Customer KPIs over a period from the fulfilled orders (amounts net of discounts and before tax, in
 * the corporate currency), on the orders the actor may see, optionally one team's or one RFM
 * segment's:
 * <ul>
 * <li>revenue = Σ line net of orders dated in the period;</li>
 * <li>active customers = contacts with at least one order in the period;</li>
 * <li>repeat-purchase rate = active customers with two or more orders ÷ active customers;</li>
 * <li>loyalty index = revenue from those repeat customers ÷ revenue;</li>
 * <li>average order value = revenue ÷ orders;</li>
 * <li>churn rate = customers lost in the period ÷ customers at its start, where a customer at the
 * start had an order in the N days before it and is lost when they have had none in the last N days
 * at the period's end (N = {@link AnalyticsPreferences#lostAfterDays()});</li>
 * <li>RFM segment sizes as of the period's end, and each customer's move from their segment the day
 * before the period to their segment at its end (quintiles over the whole customer base of the three
 * years before each day, counts over the customers in view);</li>
 * <li>CSAT and NPS by month, from the module that runs the surveys ({@link SatisfactionScores}).</li>
 * </ul>
 */
@Service
public class AnalyticsDashboard {

	/** Most customers a segment's drill-down lists. */
	public static final int MAX_MEMBERS = 500;

	private final SalesReports sales;

	private final ContactManagement contacts;

	private final AnalyticsPreferences preferences;

	private final ObjectProvider<SatisfactionScores> satisfaction;

	AnalyticsDashboard(SalesReports sales, ContactManagement contacts, AnalyticsPreferences preferences,
			ObjectProvider<SatisfactionScores> satisfaction) {
		this.sales = sales;
		this.contacts = contacts;
		this.preferences = preferences;
		this.satisfaction = satisfaction;
	}

	/**
	 * What the dashboard shows.
	 *
	 * @param from period start
	 * @param to period end (inclusive)
	 * @param teamId only orders owned by this team's members ({@code null}: all the actor sees)
	 * @param segment only customers in this RFM segment at the period's end ({@code null}: all)
	 */
	public record KpiQuery(LocalDate from, LocalDate to, Long teamId, String segment) {
	}

	/** The KPIs of a period. Ratios are {@code null} when their denominator is zero. */
	public record Kpis(LocalDate from, LocalDate to, Long teamId, String segment, BigDecimal revenue, long orders,
			long activeCustomers, long repeatCustomers, BigDecimal repeatRate, BigDecimal loyaltyIndex,
			BigDecimal averageOrderValue, int lostAfterDays, long customersAtStart, long lostCustomers, BigDecimal churnRate,
			Map<String, Long> segments, Map<String, Map<String, Long>> movements, List<Month> months,
			List<SatisfactionScores.Month> satisfaction) {
	}

	/** Revenue and orders of one month. */
	public record Month(String month, BigDecimal revenue, long orders) {
	}

	/** A customer of a segment, for its drill-down. */
	public record Member(long contactId, String name, long recencyDays, int orders, BigDecimal spent, String code) {
	}

	public Kpis kpis(LocalDate from, LocalDate to) {
		return kpis(new KpiQuery(from, to, null, null));
	}

	public Kpis kpis(KpiQuery query) {
		LocalDate from = query.from();
		LocalDate to = query.to();
		if (from == null || to == null || from.isAfter(to)) {
			throw InvalidInput.of("from", "after-to", "The period must start on or before its end");
		}
		if (from.isBefore(to.minusYears(10))) {
			throw InvalidInput.of("from", "too-long", "At most ten years");
		}
		Rfm.Segment segmentFilter = segment(query.segment());
		int lostAfter = preferences.lostAfterDays();
		LocalDate dayBefore = from.minusDays(1);
		LocalDate earliest = min(min(from.minusDays(lostAfter), to.minusYears(CustomerAnalytics.HISTORY_YEARS)),
				dayBefore.minusYears(CustomerAnalytics.HISTORY_YEARS));
		List<FulfilledOrderLine> lines = sales.fulfilledOrderLines(earliest, to);
		Set<Long> visible = sales.visibleFulfilledOrders(earliest, to, query.teamId());
		// RFM over the whole customer base (quintiles), as of the day before the period and its end
		Map<Long, Rfm.Score> atEnd = rfm(lines, to);
		Map<Long, Rfm.Score> atStart = rfm(lines, dayBefore);
		Set<Long> inSegment = null;
		if (segmentFilter != null) {
			inSegment = new HashSet<>();
			for (Rfm.Score s : atEnd.values()) {
				if (s.segment() == segmentFilter) {
					inSegment.add(Long.valueOf(s.id()));
				}
			}
		}
		Map<Long, Set<Long>> ordersByCustomer = new HashMap<>();
		Map<Long, BigDecimal> revenueByCustomer = new HashMap<>();
		Map<String, BigDecimal> revenueByMonth = new LinkedHashMap<>();
		Map<String, Set<Long>> ordersByMonth = new HashMap<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			revenueByMonth.put(m.toString(), BigDecimal.ZERO);
		}
		Set<Long> orders = new HashSet<>();
		Set<Long> inView = new HashSet<>();
		Map<Long, LocalDate> lastBeforeStart = new HashMap<>();
		Map<Long, LocalDate> lastAtEnd = new HashMap<>();
		BigDecimal revenue = BigDecimal.ZERO;
		for (FulfilledOrderLine l : lines) {
			if (l.net() == null || (visible != null && !visible.contains(l.orderId()))
					|| (inSegment != null && !inSegment.contains(l.contactId()))) {
				continue;
			}
			inView.add(l.contactId());
			lastAtEnd.merge(l.contactId(), l.orderDate(), AnalyticsDashboard::max);
			if (l.orderDate().isBefore(from)) {
				lastBeforeStart.merge(l.contactId(), l.orderDate(), AnalyticsDashboard::max);
				continue;
			}
			revenue = revenue.add(l.net());
			orders.add(l.orderId());
			ordersByCustomer.computeIfAbsent(l.contactId(), k -> new HashSet<>()).add(l.orderId());
			revenueByCustomer.merge(l.contactId(), l.net(), BigDecimal::add);
			String month = YearMonth.from(l.orderDate()).toString();
			revenueByMonth.merge(month, l.net(), BigDecimal::add);
			ordersByMonth.computeIfAbsent(month, k -> new HashSet<>()).add(l.orderId());
		}
		long active = ordersByCustomer.size();
		long repeat = 0;
		BigDecimal repeatRevenue = BigDecimal.ZERO;
		for (Map.Entry<Long, Set<Long>> e : ordersByCustomer.entrySet()) {
			if (e.getValue().size() >= 2) {
				repeat++;
				repeatRevenue = repeatRevenue.add(revenueByCustomer.get(e.getKey()));
			}
		}
		// churn: customers with an order in the N days before the start; lost if none in the N days to the end
		long atStartCount = 0;
		long lost = 0;
		for (Map.Entry<Long, LocalDate> e : lastBeforeStart.entrySet()) {
			if (e.getValue().isAfter(dayBefore.minusDays(lostAfter))) {
				atStartCount++;
				if (!lastAtEnd.get(e.getKey()).isAfter(to.minusDays(lostAfter))) {
					lost++;
				}
			}
		}
		Map<String, Long> segments = new LinkedHashMap<>();
		Map<Rfm.Segment, Long> counts = new EnumMap<>(Rfm.Segment.class);
		Map<String, Map<String, Long>> movements = new LinkedHashMap<>();
		for (Rfm.Segment s : Rfm.Segment.values()) {
			Map<String, Long> row = new LinkedHashMap<>();
			row.put("none", 0L);
			for (Rfm.Segment t : Rfm.Segment.values()) {
				row.put(t.key(), 0L);
			}
			movements.put(s.key(), row);
		}
		Map<String, Long> newcomers = new LinkedHashMap<>();
		newcomers.put("none", 0L);
		for (Rfm.Segment t : Rfm.Segment.values()) {
			newcomers.put(t.key(), 0L);
		}
		movements.put("none", newcomers);
		for (Long id : inView) {
			Rfm.Score end = atEnd.get(id);
			Rfm.Score start = atStart.get(id);
			if (end != null) {
				counts.merge(end.segment(), 1L, Long::sum);
			}
			if (end != null || start != null) {
				movements.get(start == null ? "none" : start.segment().key())
					.merge(end == null ? "none" : end.segment().key(), 1L, Long::sum);
			}
		}
		for (Rfm.Segment s : Rfm.Segment.values()) {
			segments.put(s.key(), counts.getOrDefault(s, 0L));
		}
		List<Month> months = new ArrayList<>();
		revenueByMonth.forEach((m, r) -> months.add(new Month(m, r.setScale(2, RoundingMode.HALF_UP),
				ordersByMonth.getOrDefault(m, Set.of()).size())));
		SatisfactionScores scores = satisfaction.getIfAvailable();
		List<SatisfactionScores.Month> survey = scores == null ? List.of()
				: scores.monthly(from, to, query.teamId(), inSegment);
		return new Kpis(from, to, query.teamId(), segmentFilter == null ? null : segmentFilter.key(),
				revenue.setScale(2, RoundingMode.HALF_UP), orders.size(), active, repeat,
				ratio(BigDecimal.valueOf(repeat), BigDecimal.valueOf(active)), ratio(repeatRevenue, revenue),
				orders.isEmpty() ? null : revenue.divide(BigDecimal.valueOf(orders.size()), 2, RoundingMode.HALF_UP), lostAfter,
				atStartCount, lost, ratio(BigDecimal.valueOf(lost), BigDecimal.valueOf(atStartCount)), segments, movements,
				months, survey);
	}

	/**
	 * The customers in an RFM segment on a day that the actor may see, biggest spenders first, at most
	 * {@value #MAX_MEMBERS}.
	 */
	public List<Member> members(String segment, LocalDate asOf) {
		Rfm.Segment wanted = segment(segment);
		if (wanted == null) {
			throw InvalidInput.of("segment", "required", "Choose a segment");
		}
		List<FulfilledOrderLine> lines = sales.fulfilledOrderLines(asOf.minusYears(CustomerAnalytics.HISTORY_YEARS), asOf);
		List<Rfm.Score> in = rfm(lines, asOf).values()
			.stream()
			.filter(s -> s.segment() == wanted)
			.sorted(Comparator.comparing(Rfm.Score::spent).reversed())
			.toList();
		List<Member> out = new ArrayList<>();
		for (int i = 0; i < in.size() && out.size() < MAX_MEMBERS; i += 200) {
			List<Rfm.Score> chunk = in.subList(i, Math.min(in.size(), i + 200));
			Map<Long, String> names = contacts.visibleNames(chunk.stream().map(s -> Long.valueOf(s.id())).toList());
			for (Rfm.Score s : chunk) {
				String name = names.get(Long.valueOf(s.id()));
				if (name != null && out.size() < MAX_MEMBERS) {
					out.add(new Member(Long.parseLong(s.id()), name, s.recencyDays(), s.orders(),
							s.spent().setScale(2, RoundingMode.HALF_UP), s.code()));
				}
			}
		}
		return out;
	}

	/** What saving a segment as a list did. */
	public record SavedList(String tag, int tagged, int alreadyTagged, int notEditable) {
	}

	/**
	 * Saves a segment's customers (as listed by {@link #members}) as a list: each one the actor may
	 * edit gets the tag, through the contact's own update (validated, versioned, audited), so the
	 * contact list, its export and campaigns can select them by the tag.
	 */
	public SavedList saveAsList(String segment, LocalDate asOf, String tag) {
		String name = tag == null ? "" : tag.strip();
		if (name.isEmpty() || name.length() > 50) {
			throw InvalidInput.of("tag", name.isEmpty() ? "required" : "too-long", "A tag of 1 to 50 characters");
		}
		int tagged = 0;
		int already = 0;
		int readOnly = 0;
		for (Member m : members(segment, asOf)) {
			ContactView c = contacts.get(m.contactId());
			if (c.tags().contains(name)) {
				already++;
				continue;
			}
			if (!contacts.canEdit(c)) {
				readOnly++;
				continue;
			}
			ContactFields f = c.fields();
			List<String> tags = new ArrayList<>(f.tags());
			tags.add(name);
			contacts.update(c.id(), c.version(), new ContactFields(f.firstName(), f.lastName(), f.title(), f.emails(),
					f.phones(), f.accountId(), f.street(), f.city(), f.region(), f.postalCode(), f.country(),
					f.lifecycleStage(), f.source(), f.ownerId(), tags, f.customFields()));
			tagged++;
		}
		return new SavedList(name, tagged, already, readOnly);
	}

	/** Each customer's RFM score on a day, over the customers who ordered in the three years before it. */
	static Map<Long, Rfm.Score> rfm(List<FulfilledOrderLine> lines, LocalDate asOf) {
		LocalDate since = asOf.minusYears(CustomerAnalytics.HISTORY_YEARS);
		Map<Long, LocalDate> last = new HashMap<>();
		Map<Long, Set<Long>> orders = new HashMap<>();
		Map<Long, BigDecimal> spent = new HashMap<>();
		for (FulfilledOrderLine l : lines) {
			if (l.net() == null || l.orderDate().isBefore(since) || l.orderDate().isAfter(asOf)) {
				continue;
			}
			last.merge(l.contactId(), l.orderDate(), AnalyticsDashboard::max);
			orders.computeIfAbsent(l.contactId(), k -> new HashSet<>()).add(l.orderId());
			spent.merge(l.contactId(), l.net(), BigDecimal::add);
		}
		List<Rfm.Customer> customers = new ArrayList<>();
		last.forEach((id, day) -> customers.add(new Rfm.Customer(Long.toString(id), day, orders.get(id).size(), spent.get(id))));
		Map<Long, Rfm.Score> out = new HashMap<>();
		for (Rfm.Score s : Rfm.score(customers, asOf)) {
			out.put(Long.valueOf(s.id()), s);
		}
		return out;
	}

	private static Rfm.Segment segment(String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		for (Rfm.Segment s : Rfm.Segment.values()) {
			if (s.key().equals(key.strip())) {
				return s;
			}
		}
		throw InvalidInput.of("segment", "unknown", "Unknown segment: one of champions, loyal, new, promising, "
				+ "needs-attention, at-risk, lost, hibernating");
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
		return b.signum() == 0 ? null : a.divide(b, 4, RoundingMode.HALF_UP);
	}

}
