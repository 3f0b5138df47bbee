package org.rapport.analytics.web;

import java.nio.charset.StandardCharsets;

import org.rapport.analytics.AnalyticsDashboard;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.web.Csv;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The data behind each chart of the KPI dashboard, as a CSV download. */
final class KpiCsv {

	private KpiCsv() {
	}

	static ResponseEntity<byte[]> of(AnalyticsDashboard.Kpis k, String chart) {
		Csv csv = new Csv();
		switch (chart) {
			case "summary" -> {
				csv.row("kpi", "value");
				csv.row("from", k.from().toString()).row("to", k.to().toString());
				csv.row("revenue", k.revenue()).row("orders", k.orders()).row("active_customers", k.activeCustomers());
				csv.row("repeat_customers", k.repeatCustomers()).row("repeat_rate", k.repeatRate());
				csv.row("loyalty_index", k.loyaltyIndex()).row("average_order_value", k.averageOrderValue());
				csv.row("lost_after_days", k.lostAfterDays()).row("customers_at_start", k.customersAtStart());
				csv.row("lost_customers", k.lostCustomers()).row("churn_rate", k.churnRate());
			}
			case "revenue" -> {
				csv.row("month", "revenue", "orders");
				k.months().forEach(m -> csv.row(m.month(), m.revenue(), m.orders()));
			}
			case "segments" -> {
				csv.row("segment", "customers");
				k.segments().forEach((s, n) -> csv.row(s, n));
			}
			case "movements" -> {
				csv.row("from_segment", "to_segment", "customers");
				k.movements().forEach((from, row) -> row.forEach((to, n) -> {
					if (n > 0) {
						csv.row(from, to, n);
					}
				}));
			}
			case "satisfaction" -> {
				csv.row("month", "csat", "csat_responses", "nps", "nps_responses");
				k.satisfaction().forEach(m -> csv.row(m.month(), m.csat(), m.csatResponses(), m.nps(), m.npsResponses()));
			}
			default -> throw InvalidInput.of("chart", "unknown", "One of summary, revenue, segments, movements, satisfaction");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpis-" + chart + "-" + k.from() + "-" + k.to()
					+ ".csv\"")
			.body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
	}

}
