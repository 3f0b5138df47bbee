package org.rapport.analytics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rapport.analytics.AnalyticsDashboard;
import org.rapport.analytics.CustomerAnalytics;
import org.rapport.analytics.ModelRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.rapport.platform.web.Charts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The analytics pages: the KPI dashboard, a customer's analytics and the model registry. */
@Controller
class AnalyticsController {

	private final AnalyticsDashboard dashboard;

	private final CustomerAnalytics customers;

	private final ModelRegistry registry;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	AnalyticsController(AnalyticsDashboard dashboard, CustomerAnalytics customers, ModelRegistry registry, JsonMapper json,
			MessageSource messages, Clock clock) {
		this.dashboard = dashboard;
		this.customers = customers;
		this.registry = registry;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/analytics")
	String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate end = to == null ? LocalDate.now(clock) : to;
		LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
		AnalyticsDashboard.Kpis kpis = dashboard.kpis(start, end);
		model.addAttribute("kpis", kpis);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		List<String> segmentLabels = new ArrayList<>();
		List<Object> segmentSizes = new ArrayList<>();
		kpis.segments().forEach((k, v) -> {
			segmentLabels.add(msg("analytics.segment." + k));
			segmentSizes.add(v);
		});
		model.addAttribute("segmentChart", chart("bar", segmentLabels, List.of(Charts.dataset(msg("analytics.customers"), segmentSizes))));
		model.addAttribute("revenueChart", chart("line", kpis.months().stream().map(AnalyticsDashboard.Month::month).toList(),
				List.of(Charts.dataset(msg("analytics.revenue"), kpis.months().stream().map(m -> (Object) m.revenue()).toList()))));
		return "analytics/dashboard";
	}

	@GetMapping("/analytics/customers/{contactId}")
	String customer(@PathVariable long contactId, Model model) {
		model.addAttribute("insight", customers.forContact(contactId));
		return "analytics/customer";
	}

	@GetMapping("/analytics/models")
	String models(Model model) {
		model.addAttribute("models", registry.list());
		return "analytics/models";
	}

	private String msg(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private String chart(String type, List<String> labels, List<Map<String, Object>> datasets) {
		return json.writeValueAsString(Charts.chart(type, labels, datasets));
	}

}
