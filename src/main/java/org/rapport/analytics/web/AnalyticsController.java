package org.rapport.analytics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rapport.analytics.AnalyticsDashboard;
import org.rapport.analytics.AnalyticsPreferences;
import org.rapport.analytics.ChurnModels;
import org.rapport.analytics.SatisfactionScores;
import org.rapport.platform.UserDirectory;
import org.rapport.analytics.CustomerAnalytics;
import org.rapport.analytics.ModelRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.rapport.platform.web.Charts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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

	private final ChurnModels churn;

	private final AnalyticsPreferences preferences;

	private final UserDirectory users;

	AnalyticsController(AnalyticsDashboard dashboard, CustomerAnalytics customers, ModelRegistry registry, JsonMapper json,
			MessageSource messages, Clock clock, ChurnModels churn, AnalyticsPreferences preferences, UserDirectory users) {
		this.churn = churn;
		this.preferences = preferences;
		this.users = users;
		this.dashboard = dashboard;
		this.customers = customers;
		this.registry = registry;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/analytics")
	String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long teamId, @RequestParam(required = false) String segment, Model model) {
		LocalDate end = to == null ? LocalDate.now(clock) : to;
		LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
		String chosenSegment = segment == null || segment.isBlank() ? null : segment;
		AnalyticsDashboard.Kpis kpis = dashboard.kpis(new AnalyticsDashboard.KpiQuery(start, end, teamId, chosenSegment));
		model.addAttribute("kpis", kpis);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("teams", teams());
		model.addAttribute("segmentKeys", kpis.segments().keySet());
		model.addAttribute("movementKeys", kpis.movements().keySet());
		List<String> months = kpis.satisfaction().stream().map(SatisfactionScores.Month::month).toList();
		model.addAttribute("csatChart", chart("line", months, List.of(Charts.dataset(msg("analytics.csat"),
				kpis.satisfaction().stream().map(m -> (Object) m.csat()).toList()))));
		model.addAttribute("npsChart", chart("line", months, List.of(Charts.dataset(msg("analytics.nps"),
				kpis.satisfaction().stream().map(m -> (Object) m.nps()).toList()))));
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

	/** Teams that have active members, for the dashboard's team filter. */
	private Map<Long, String> teams() {
		Map<Long, String> teams = new java.util.TreeMap<>();
		users.activeUsers().forEach(u -> {
			if (u.teamId() != null) {
				teams.put(u.teamId(), u.teamName());
			}
		});
		return teams;
	}

	@GetMapping("/analytics/segments/{segment}")
	String segment(@PathVariable String segment,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
		LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
		model.addAttribute("segment", segment);
		model.addAttribute("asOf", day);
		model.addAttribute("members", dashboard.members(segment, day));
		model.addAttribute("tag", segment + "-" + day);
		return "analytics/segment";
	}

	@PostMapping("/analytics/segments/{segment}/list")
	String saveSegment(@PathVariable String segment, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam String tag, RedirectAttributes redirect) {
		AnalyticsDashboard.SavedList saved = dashboard.saveAsList(segment, asOf, tag);
		// flash attributes live in the (JDBC) session: plain serialisable values only
		java.util.LinkedHashMap<String, Object> flash = new java.util.LinkedHashMap<>();
		flash.put("tag", saved.tag());
		flash.put("tagged", saved.tagged());
		flash.put("alreadyTagged", saved.alreadyTagged());
		flash.put("notEditable", saved.notEditable());
		redirect.addFlashAttribute("saved", flash);
		return "redirect:/analytics/segments/" + segment + "?asOf=" + asOf;
	}

	@GetMapping("/analytics/kpis/{chart}.csv")
	ResponseEntity<byte[]> kpiCsv(@PathVariable String chart,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long teamId, @RequestParam(required = false) String segment) {
		LocalDate end = to == null ? LocalDate.now(clock) : to;
		LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
		return KpiCsv.of(dashboard.kpis(new AnalyticsDashboard.KpiQuery(start, end, teamId,
				segment == null || segment.isBlank() ? null : segment)), chart);
	}

	@GetMapping("/analytics/customers/{contactId}")
	String customer(@PathVariable long contactId, Model model) {
		model.addAttribute("insight", customers.forContact(contactId));
		return "analytics/customer";
	}

	@GetMapping("/analytics/models")
	String models(Model model) {
		model.addAttribute("models", registry.list());
		model.addAttribute("runs", churn.recent(10));
		model.addAttribute("preferences", preferences.get());
		return "analytics/models";
	}

	/** The churn training runs, for the page's polling while one is open (htmx). */
	@GetMapping(path = "/analytics/models/runs", headers = "HX-Request")
	String runs(Model model) {
		model.addAttribute("runs", churn.recent(10));
		return "analytics/models :: runs";
	}

	@PostMapping("/analytics/models/churn/train")
	String train(RedirectAttributes redirect) {
		redirect.addFlashAttribute("requested", churn.request("request").id());
		return "redirect:/analytics/models";
	}

	@PostMapping("/analytics/settings")
	String settings(@RequestParam String lostAfterDays, @RequestParam int version, RedirectAttributes redirect) {
		int days;
		try {
			days = Integer.parseInt(lostAfterDays.strip());
		}
		catch (NumberFormatException ex) {
			throw org.rapport.platform.InvalidInput.of("lostAfterDays", "not-a-number", "A whole number of days");
		}
		preferences.setLostAfterDays(days, version);
		redirect.addFlashAttribute("settingsSaved", true);
		return "redirect:/analytics/models";
	}

	private String msg(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private String chart(String type, List<String> labels, List<Map<String, Object>> datasets) {
		return json.writeValueAsString(Charts.chart(type, labels, datasets));
	}

}
