package org.rapport.analytics.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.AnalyticsDashboard;
import org.rapport.analytics.CustomerAnalytics;
import org.rapport.analytics.ModelRegistry;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's analytics, the KPIs and the model registry over REST. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics")
class CustomerAnalyticsApiController {

	private final CustomerAnalytics customers;

	private final AnalyticsDashboard dashboard;

	private final ModelRegistry registry;

	private final java.time.Clock clock;

	CustomerAnalyticsApiController(CustomerAnalytics customers, AnalyticsDashboard dashboard, ModelRegistry registry,
			java.time.Clock clock) {
		this.customers = customers;
		this.dashboard = dashboard;
		this.registry = registry;
		this.clock = clock;
	}

	@GetMapping("/customers/{contactId}")
	@Operation(summary = "A customer's analytics",
			description = "rfm (scores and segment), clv (expected purchases in 52 weeks, pAlive, value), churn (risk, basis, "
					+ "reasons), sentiment (of the contact's activities), recommendations (products not bought yet, with the "
					+ "product they were bought with and by how many customers). 404 when the contact is not visible.")
	CustomerAnalytics.Insight customer(@PathVariable long contactId) {
		return customers.forContact(contactId);
	}

	@GetMapping("/kpis")
	@Operation(summary = "Customer KPIs of a period", description = "from, to (default: the last 12 months)")
	AnalyticsDashboard.Kpis kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate end = to == null ? LocalDate.now(clock) : to;
		return dashboard.kpis(from == null ? end.minusYears(1).plusDays(1) : from, end);
	}

	@GetMapping("/models")
	@Operation(summary = "The model registry", description = "Every version of every model, newest first")
	List<ModelRegistry.Entry> models() {
		return registry.list();
	}

}
