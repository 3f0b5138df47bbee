package org.rapport.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.analytics.segments.Rfm;
import org.rapport.platform.InvalidInput;
import org.rapport.sales.SalesReports;
import org.rapport.sales.SalesReports.FulfilledOrderLine;

import org.springframework.stereotype.Service;

/**
 * Customer KPIs over a period from the fulfilled orders (amounts net of discounts and before tax, in
 * the corporate currency):
 * <ul>
 * <li>revenue = Σ line net of orders dated in the period;</li>
 * <li>active customers = contacts with at least one order in the period;</li>
 * <li>repeat-purchase rate = active customers with two or more orders ÷ active customers;</li>
 * <li>loyalty index = revenue from those repeat customers ÷ revenue;</li>
 * <li>average order value = revenue ÷ orders;</li>
 * <li>RFM segment sizes as of the period's end, over the customers who ordered in the three years
 * before it.</li>
 * </ul>
 */
@Service
public class AnalyticsDashboard {

	private final SalesReports sales;

	AnalyticsDashboard(SalesReports sales) {
		this.sales = sales;
	}

	/** The KPIs of a period. Ratios are {@code null} when their denominator is zero. */
	public record Kpis(LocalDate from, LocalDate to, BigDecimal revenue, long orders, long activeCustomers,
			long repeatCustomers, BigDecimal repeatRate, BigDecimal loyaltyIndex, BigDecimal averageOrderValue,
			Map<String, Long> segments, List<Month> months) {
	}

	/** Revenue and orders of one month. */
	public record Month(String month, BigDecimal revenue, long orders) {
	}

	public Kpis kpis(LocalDate from, LocalDate to) {
		if (from == null || to == null || from.isAfter(to)) {
			throw InvalidInput.of("from", "after-to", "The period must start on or before its end");
		}
		if (from.isBefore(to.minusYears(10))) {
			throw InvalidInput.of("from", "too-long", "At most ten years");
		}
		List<FulfilledOrderLine> lines = sales.fulfilledOrderLines(to.minusYears(CustomerAnalytics.HISTORY_YEARS).isBefore(from)
				? to.minusYears(CustomerAnalytics.HISTORY_YEARS) : from, to);
		Map<Long, Set<Long>> ordersByCustomer = new HashMap<>();
		Map<Long, BigDecimal> revenueByCustomer = new HashMap<>();
		Map<String, BigDecimal> revenueByMonth = new LinkedHashMap<>();
		Map<String, Set<Long>> ordersByMonth = new HashMap<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			revenueByMonth.put(m.toString(), BigDecimal.ZERO);
		}
		Set<Long> orders = new HashSet<>();
		BigDecimal revenue = BigDecimal.ZERO;
		// for RFM: the three years before the end
		Map<Long, LocalDate> last = new HashMap<>();
		Map<Long, Set<Long>> rfmOrders = new HashMap<>();
		Map<Long, BigDecimal> rfmSpent = new HashMap<>();
		LocalDate rfmFrom = to.minusYears(CustomerAnalytics.HISTORY_YEARS);
		for (FulfilledOrderLine l : lines) {
			if (l.net() == null) {
				continue;
			}
			if (!l.orderDate().isBefore(rfmFrom)) {
				last.merge(l.contactId(), l.orderDate(), (a, b) -> a.isAfter(b) ? a : b);
				rfmOrders.computeIfAbsent(l.contactId(), k -> new HashSet<>()).add(l.orderId());
				rfmSpent.merge(l.contactId(), l.net(), BigDecimal::add);
			}
			if (l.orderDate().isBefore(from)) {
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
		Map<String, Long> segments = new LinkedHashMap<>();
		Map<Rfm.Segment, Long> counts = new EnumMap<>(Rfm.Segment.class);
		List<Rfm.Customer> customers = new ArrayList<>();
		last.forEach((id, day) -> customers.add(new Rfm.Customer(Long.toString(id), day, rfmOrders.get(id).size(), rfmSpent.get(id))));
		for (Rfm.Score s : Rfm.score(customers, to)) {
			counts.merge(s.segment(), 1L, Long::sum);
		}
		for (Rfm.Segment s : Rfm.Segment.values()) {
			segments.put(s.key(), counts.getOrDefault(s, 0L));
		}
		List<Month> months = new ArrayList<>();
		revenueByMonth.forEach((m, r) -> months.add(new Month(m, r.setScale(2, RoundingMode.HALF_UP),
				ordersByMonth.getOrDefault(m, Set.of()).size())));
		return new Kpis(from, to, revenue.setScale(2, RoundingMode.HALF_UP), orders.size(), active, repeat,
				ratio(BigDecimal.valueOf(repeat), BigDecimal.valueOf(active)), ratio(repeatRevenue, revenue),
				orders.isEmpty() ? null : revenue.divide(BigDecimal.valueOf(orders.size()), 2, RoundingMode.HALF_UP), segments,
				months);
	}

	private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
		return b.signum() == 0 ? null : a.divide(b, 4, RoundingMode.HALF_UP);
	}

}
