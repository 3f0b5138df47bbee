package org.rapport.sales.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.web.Csv;
import org.rapport.sales.Forecasts;
import org.rapport.sales.Period;
import org.rapport.sales.SalesReports;
import org.rapport.sales.SalesReports.Filter;
import org.rapport.sales.TargetManagement;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sales reports as JSON, or CSV with {@code format=csv} (the numbers behind every chart). Periods
 * default to the last 90 days.
 */
@RestController
@RequestMapping("/api/v1/reports/sales")
@Tag(name = "Sales reports")
class SalesReportApiController {

	private final SalesReports reports;

	private final Forecasts forecasts;

	private final TargetManagement targets;

	SalesReportApiController(SalesReports reports, Forecasts forecasts, TargetManagement targets) {
		this.reports = reports;
		this.forecasts = forecasts;
		this.targets = targets;
	}

	static Period period(LocalDate from, LocalDate to) {
		LocalDate end = to == null ? LocalDate.now() : to;
		LocalDate start = from == null ? end.minusDays(89) : from;
		return Period.between(start, end);
	}

	@GetMapping("/funnel")
	@Operation(summary = "Funnel, win rate, average deal size and sales cycle",
			description = "from, to (dates), pipelineId, ownerId, teamId, format=json|csv")
	ResponseEntity<?> funnel(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long pipelineId, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Long teamId, @RequestParam(defaultValue = "json") String format) {
		SalesReports.Funnel funnel = reports.funnel(new Filter(period(from, to), pipelineId, ownerId, teamId));
		if ("csv".equals(format)) {
			Csv csv = new Csv().row("stage", "reached", "conversion_to_next");
			funnel.steps().forEach(s -> csv.row(s.stage(), s.reached(), s.conversionToNext()));
			csv.row("win_rate", funnel.closedWon() + funnel.closedLost(), funnel.winRate());
			return csv("funnel", csv);
		}
		return ResponseEntity.ok(funnel);
	}

	@GetMapping("/forecast")
	@Operation(summary = "Forecast of a period",
			description = "period=2026|2026-Q4|2026-11 (default: this quarter), ownerId, teamId, format=json|csv")
	ResponseEntity<?> forecast(@RequestParam(required = false) String period, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Long teamId, @RequestParam(defaultValue = "json") String format) {
		Period p = period == null ? Period.parse("period", thisQuarter()) : Period.parse("period", period);
		Forecasts.Forecast forecast = forecasts.forecast(p, ownerId, teamId);
		if ("csv".equals(format)) {
			Csv csv = new Csv().row("owner", "committed", "weighted", "best_case");
			forecast.byOwner().forEach(l -> csv.row(l.name(), l.committed(), l.weighted(), l.bestCase()));
			csv.row("total", forecast.total().committed(), forecast.total().weighted(), forecast.total().bestCase());
			return csv("forecast", csv);
		}
		return ResponseEntity.ok(forecast);
	}

	@GetMapping("/pipeline")
	@Operation(summary = "Open pipeline by stage or by owner", description = "by=stage|owner, pipelineId, ownerId, teamId")
	ResponseEntity<?> pipeline(@RequestParam(defaultValue = "stage") String by, @RequestParam(required = false) Long pipelineId,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long teamId,
			@RequestParam(defaultValue = "json") String format) {
		Filter filter = new Filter(period(null, null), pipelineId, ownerId, teamId);
		List<SalesReports.Bucket> buckets = "owner".equals(by) ? reports.pipelineByOwner(filter)
				: reports.pipelineByStage(filter);
		if ("csv".equals(format)) {
			Csv csv = new Csv().row(by, "deals", "amount", "weighted");
			buckets.forEach(b -> csv.row(b.label(), b.count(), b.amount(), b.weighted()));
			return csv("pipeline-by-" + by, csv);
		}
		return ResponseEntity.ok(java.util.Map.of("items", buckets));
	}

	@GetMapping("/revenue")
	@Operation(summary = "Revenue by month", description = "Deals won and orders fulfilled; from, to, ownerId, teamId")
	ResponseEntity<?> revenue(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long teamId,
			@RequestParam(defaultValue = "json") String format) {
		LocalDate end = to == null ? LocalDate.now() : to;
		LocalDate start = from == null ? end.withDayOfMonth(1).minusMonths(11) : from;
		var months = reports.revenueByMonth(new Filter(Period.between(start, end), null, ownerId, teamId));
		if ("csv".equals(format)) {
			Csv csv = new Csv().row("month", "won_deals", "won_amount", "orders", "order_revenue");
			months.forEach(m -> csv.row(m.month(), m.wonDeals(), m.wonAmount(), m.orders(), m.orderRevenue()));
			return csv("revenue", csv);
		}
		return ResponseEntity.ok(java.util.Map.of("items", months));
	}

	@GetMapping("/targets")
	@Operation(summary = "Target attainment", description = "period (default: this quarter)")
	ResponseEntity<?> targets(@RequestParam(required = false) String period, @RequestParam(defaultValue = "json") String format) {
		Period p = Period.parse("period", period == null ? thisQuarter() : period);
		var list = targets.list(p);
		if ("csv".equals(format)) {
			Csv csv = new Csv().row("period", "who", "target", "achieved", "attainment");
			list.forEach(t -> csv.row(t.period(), t.name(), t.amount(), t.achieved(), t.attainment()));
			return csv("targets", csv);
		}
		return ResponseEntity.ok(java.util.Map.of("items", new ArrayList<>(list)));
	}

	static String thisQuarter() {
		LocalDate now = LocalDate.now();
		return now.getYear() + "-Q" + ((now.getMonthValue() - 1) / 3 + 1);
	}

	static ResponseEntity<byte[]> csv(String name, Csv csv) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
			.body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
	}

}
