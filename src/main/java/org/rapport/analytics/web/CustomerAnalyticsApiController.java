package org.rapport.analytics.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.AnalyticsDashboard;
import org.rapport.analytics.CustomerAnalytics;
import org.rapport.analytics.ModelRegistry;

import org.rapport.platform.InvalidInput;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
	@Operation(summary = "Customer KPIs of a period",
			description = "from, to (default: the last 12 months), teamId (orders owned by the team's members), segment (RFM "
					+ "segment key at the period's end); on the orders the caller may see. format=csv with chart=summary|revenue|"
					+ "segments|movements|satisfaction gives the data behind each chart as CSV.")
	ResponseEntity<?> kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long teamId, @RequestParam(required = false) String segment,
			@RequestParam(defaultValue = "json") String format, @RequestParam(defaultValue = "summary") String chart) {
		LocalDate end = to == null ? LocalDate.now(clock) : to;
		AnalyticsDashboard.Kpis kpis = dashboard
			.kpis(new AnalyticsDashboard.KpiQuery(from == null ? end.minusYears(1).plusDays(1) : from, end, teamId, segment));
		if (!List.of("json", "csv").contains(format)) {
			throw InvalidInput.of("format", "unknown", "json or csv");
		}
		if ("csv".equals(format)) {
			return KpiCsv.of(kpis, chart);
		}
		return ResponseEntity.ok(kpis);
	}

	@GetMapping("/segments/{segment}")
	@Operation(summary = "The customers of an RFM segment",
			description = "asOf (default today); the customers the caller may see, biggest spenders first, at most 500")
	List<AnalyticsDashboard.Member> segment(@PathVariable String segment,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return dashboard.members(segment, asOf == null ? LocalDate.now(clock) : asOf);
	}

	@org.springframework.web.bind.annotation.PostMapping("/segments/{segment}/list")
	@Operation(summary = "Save an RFM segment as a list",
			description = "{\"tag\": \"…\", \"asOf\": date (default today)}: tags each customer of the segment the caller may "
					+ "edit (at most 500, biggest spenders first); the contact list then filters by the tag. Answers how many "
					+ "were tagged, already had it, or could not be changed.")
	AnalyticsDashboard.SavedList saveSegment(@PathVariable String segment,
			@org.springframework.web.bind.annotation.RequestBody tools.jackson.databind.JsonNode body) {
		org.rapport.platform.web.JsonInput in = org.rapport.platform.web.JsonInput.of(body);
		in.allowOnly(java.util.Set.of("tag", "asOf"), java.util.Set.of());
		String tag = in.requiredText("tag", 50);
		String asOf = in.text("asOf", 10, false);
		LocalDate day = null;
		if (asOf != null) {
			try {
				day = LocalDate.parse(asOf);
			}
			catch (java.time.format.DateTimeParseException ex) {
				in.problem("asOf", "not-a-date", "A date as yyyy-mm-dd");
			}
		}
		in.validate();
		return dashboard.saveAsList(segment, day == null ? LocalDate.now(clock) : day, tag);
	}

	@GetMapping("/models")
	@Operation(summary = "The model registry", description = "Every version of every model, newest first")
	List<ModelRegistry.Entry> models() {
		return registry.list();
	}

}
