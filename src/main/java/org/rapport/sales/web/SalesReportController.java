package org.rapport.sales.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rapport.platform.UserDirectory;
import org.rapport.sales.Forecasts;
import org.rapport.sales.Period;
import org.rapport.sales.SalesReports;
import org.rapport.sales.SalesReports.Filter;
import org.rapport.sales.TargetManagement;
import tools.jackson.databind.json.JsonMapper;

import org.rapport.platform.web.Charts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sales report page: charts of the funnel, pipeline, revenue, targets and forecast, each with
 * its numbers as CSV. Charts get their data as JSON in a data attribute (no inline scripts).
 */
@Controller
class SalesReportController {

	private final SalesReports reports;

	private final Forecasts forecasts;

	private final TargetManagement targets;

	private final SalesReportApiController api;

	private final UserDirectory users;

	private final JsonMapper json;

	private final MessageSource messages;

	SalesReportController(SalesReports reports, Forecasts forecasts, TargetManagement targets,
			SalesReportApiController api, UserDirectory users, JsonMapper json, MessageSource messages) {
		this.reports = reports;
		this.forecasts = forecasts;
		this.targets = targets;
		this.api = api;
		this.users = users;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/reports/sales")
	String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long teamId,
			@RequestParam(required = false) String period, Model model) {
		LocalDate end = to == null ? LocalDate.now() : to;
		LocalDate start = from == null ? end.withDayOfMonth(1).minusMonths(11) : from;
		Period range = Period.between(start, end);
		Filter filter = new Filter(range, null, ownerId, teamId);
		var funnel = reports.funnel(filter);
		var byStage = reports.pipelineByStage(filter);
		var byOwner = reports.pipelineByOwner(filter);
		var revenue = reports.revenueByMonth(filter);
		String quarter = period == null || period.isBlank() ? SalesReportApiController.thisQuarter() : period;
		var forecast = forecasts.forecast(Period.parse("period", quarter), ownerId, teamId);
		var targetList = targets.list(Period.parse("period", quarter));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("ownerId", ownerId);
		model.addAttribute("teamId", teamId);
		model.addAttribute("period", quarter);
		model.addAttribute("users", users.activeUsers());
		model.addAttribute("funnel", funnel);
		model.addAttribute("byStage", byStage);
		model.addAttribute("byOwner", byOwner);
		model.addAttribute("revenue", revenue);
		model.addAttribute("forecast", forecast);
		model.addAttribute("targets", targetList);
		model.addAttribute("query", query(start, end, ownerId, teamId));
		model.addAttribute("funnelChart", chart("bar", funnel.steps().stream().map(SalesReports.FunnelStep::name).toList(),
				List.of(Charts.dataset(msg("reports.reached"), funnel.steps().stream().map(s -> (Object) s.reached()).toList()))));
		model.addAttribute("stageChart", chart("bar", byStage.stream().map(SalesReports.Bucket::label).toList(),
				List.of(Charts.dataset(msg("field.amount"), byStage.stream().map(b -> (Object) b.amount()).toList()),
						Charts.dataset(msg("deals.weighted"), byStage.stream().map(b -> (Object) b.weighted()).toList()))));
		model.addAttribute("ownerChart", chart("bar", byOwner.stream().map(SalesReports.Bucket::label).toList(),
				List.of(Charts.dataset(msg("field.amount"), byOwner.stream().map(b -> (Object) b.amount()).toList()))));
		model.addAttribute("revenueChart", chart("line", revenue.stream().map(SalesReports.MonthRevenue::month).toList(),
				List.of(Charts.dataset(msg("reports.wonRevenue"), revenue.stream().map(m -> (Object) m.wonAmount()).toList()),
						Charts.dataset(msg("reports.orderRevenue"), revenue.stream().map(m -> (Object) m.orderRevenue()).toList()))));
		List<String> months = new ArrayList<>(forecast.projection().backtestMonths());
		months.addAll(forecast.projection().months());
		List<Object> actual = new ArrayList<>(forecast.projection().backtestActual());
		List<Object> predicted = new ArrayList<>(forecast.projection().backtestForecast());
		predicted.addAll(forecast.projection().projected());
		model.addAttribute("forecastChart", chart("line", months,
				List.of(Charts.dataset(msg("reports.actual"), actual), Charts.dataset(msg("reports.model"), predicted))));
		return "sales/reports";
	}

	@GetMapping("/reports/sales/{name:funnel|forecast|pipeline|revenue|targets}.csv")
	ResponseEntity<?> csv(@PathVariable String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long teamId,
			@RequestParam(required = false) String period, @RequestParam(defaultValue = "stage") String by) {
		return switch (name) {
			case "funnel" -> api.funnel(from, to, null, ownerId, teamId, "csv");
			case "forecast" -> api.forecast(period, ownerId, teamId, "csv");
			case "pipeline" -> api.pipeline(by, null, ownerId, teamId, "csv");
			case "revenue" -> api.revenue(from, to, ownerId, teamId, "csv");
			default -> api.targets(period, "csv");
		};
	}

	private String msg(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private String chart(String type, List<String> labels, List<Map<String, Object>> datasets) {
		return json.writeValueAsString(Charts.chart(type, labels, datasets));
	}

	private static String query(LocalDate from, LocalDate to, Long ownerId, Long teamId) {
		StringBuilder q = new StringBuilder("from=" + from + "&to=" + to);
		if (ownerId != null) {
			q.append("&ownerId=").append(ownerId);
		}
		if (teamId != null) {
			q.append("&teamId=").append(teamId);
		}
		return q.toString();
	}

}
