package org.rapport.service.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.service.ServiceReports;
import org.rapport.service.ServiceReports.Group;
import org.rapport.service.ServiceReports.ServiceReport;
import org.rapport.service.TicketManagement;
import tools.jackson.databind.json.JsonMapper;

import org.rapport.platform.web.Charts;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The service dashboard: the key figures and charts by agent, queue, category and complaint severity. */
@Controller
class ServiceReportController {

	private final ServiceReports reports;

	private final TicketManagement tickets;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	ServiceReportController(ServiceReports reports, TicketManagement tickets, JsonMapper json, MessageSource messages,
			Clock clock) {
		this.reports = reports;
		this.tickets = tickets;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/reports/service")
	String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long contactId, @RequestParam(required = false) Long accountId, Model model) {
		LocalDate end = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1) : to;
		boolean one = contactId != null || accountId != null;
		// a contact's or account's page shows their last year; the desk's dashboard the last 30 days
		LocalDate start = from == null ? end.minusDays(one ? 365 : 30) : from;
		ServiceReport r = reports.report(start.atStartOfDay(ZoneOffset.UTC).toInstant(),
				end.atStartOfDay(ZoneOffset.UTC).toInstant(), null, contactId, accountId);
		model.addAttribute("contactId", contactId);
		model.addAttribute("accountId", accountId);
		if (one) {
			model.addAttribute("tickets", tickets.list(new TicketManagement.TicketQuery(false, null, null, null, contactId,
					accountId, null, null, 50, null)).items());
		}
		model.addAttribute("r", r);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("agentChart", chart("bar", r.byAgent(), List.of(
				Charts.dataset(msg("service.csat"), r.byAgent().stream().map(g -> (Object) g.csat()).toList()),
				Charts.dataset(msg("service.slaAttainment") + " %", r.byAgent().stream().map(g -> (Object) g.slaAttainment()).toList()))));
		model.addAttribute("queueChart", chart("bar", r.byQueue(), List.of(
				Charts.dataset(msg("service.firstResponseMedian"), r.byQueue().stream().map(g -> (Object) g.firstResponseMedianMinutes()).toList()),
				Charts.dataset(msg("service.resolutionMedian"), r.byQueue().stream().map(g -> (Object) g.resolutionMedianMinutes()).toList()))));
		model.addAttribute("categoryChart", chart("bar", r.byCategory(), List.of(
				Charts.dataset(msg("service.resolved"), r.byCategory().stream().map(g -> (Object) g.resolved()).toList()))));
		Map<String, Object> severity = new LinkedHashMap<>();
		severity.put("type", "bar");
		severity.put("labels", List.copyOf(r.complaintsBySeverity().keySet()));
		severity.put("datasets", List.of(Charts.dataset(msg("service.complaints"), List.copyOf(r.complaintsBySeverity().values()))));
		model.addAttribute("complaintChart", json.writeValueAsString(severity));
		return "service/reports";
	}

	private String msg(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private String chart(String type, List<Group> groups, List<Map<String, Object>> datasets) {
		return json.writeValueAsString(Charts.chart(type, groups.stream().map(Group::label).toList(), datasets));
	}

}
