package org.rapport.sales.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.web.JsonInput;
import org.rapport.sales.CurrencyManagement;
import org.rapport.sales.LeadManagement;
import org.rapport.sales.Period;
import org.rapport.sales.TargetManagement;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sales settings over REST: corporate currency, exchange rates, lead assignment, targets. */
@RestController
@Tag(name = "Sales settings")
class SalesSettingsApiController {

	private final CurrencyManagement currencies;

	private final LeadManagement leads;

	private final TargetManagement targets;

	SalesSettingsApiController(CurrencyManagement currencies, LeadManagement leads, TargetManagement targets) {
		this.currencies = currencies;
		this.leads = leads;
		this.targets = targets;
	}

	@GetMapping("/api/v1/sales/settings")
	@Operation(summary = "Corporate currency and lead assignment")
	Map<String, Object> settings() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("corporateCurrency", currencies.corporateCurrency());
		body.put("leadAssignment", leads.assignment());
		return body;
	}

	@PutMapping("/api/v1/sales/settings")
	@Operation(summary = "Change sales settings (admin)",
			description = "{\"corporateCurrency\", \"leadAssignment\": {\"mode\": none|round-robin|rules, \"teamId\", "
					+ "\"rules\": [{\"field\": source|country|city|company, \"value\", \"userId\" or \"teamId\"}]}}")
	Map<String, Object> setSettings(@RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("corporateCurrency", "leadAssignment"), Set.of());
		String currency = in.text("corporateCurrency", 3, false);
		LeadManagement.Assignment assignment = null;
		JsonInput a = in.has("leadAssignment") ? JsonInput.nested(in, in.raw("leadAssignment"), "leadAssignment.") : null;
		if (in.has("leadAssignment") && a == null) {
			in.problem("leadAssignment", "not-an-object", "Must be an object");
		}
		if (a != null) {
			a.allowOnly(Set.of("mode", "teamId", "rules"), Set.of());
			String mode = a.oneOf("mode", List.of("none", "round-robin", "rules"));
			Long teamId = a.id("teamId");
			List<LeadManagement.Rule> rules = new ArrayList<>();
			JsonNode raw = a.raw("rules");
			if (raw != null && raw.isArray()) {
				for (int i = 0; i < raw.size(); i++) {
					JsonInput r = JsonInput.nested(a, raw.get(i), "rules[" + i + "].");
					if (r != null) {
						rules.add(new LeadManagement.Rule(r.text("field", 20, false), r.text("value", 200, false),
								r.id("userId"), r.id("teamId")));
					}
				}
			}
			assignment = new LeadManagement.Assignment(mode == null ? "none" : mode, teamId, rules);
		}
		in.validate();
		if (currency != null) {
			currencies.setCorporateCurrency(currency);
		}
		if (assignment != null) {
			leads.setAssignment(assignment);
		}
		return settings();
	}

	@GetMapping("/api/v1/exchange-rates")
	@Operation(summary = "Exchange rates to the corporate currency, newest first per currency")
	Map<String, List<CurrencyManagement.ExchangeRate>> rates() {
		return Map.of("items", currencies.rates());
	}

	@PutMapping("/api/v1/exchange-rates")
	@Operation(summary = "Set a rate (admin)", description = "{\"currency\", \"validFrom\": \"2026-11-01\", \"rate\"}: "
			+ "corporate units for one unit of the currency from that day on.")
	CurrencyManagement.ExchangeRate setRate(@RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("currency", "validFrom", "rate"), Set.of());
		String currency = in.requiredText("currency", 3);
		String from = in.requiredText("validFrom", 10);
		BigDecimal rate = in.decimal("rate");
		LocalDate validFrom = null;
		if (from != null) {
			try {
				validFrom = LocalDate.parse(from);
			}
			catch (java.time.format.DateTimeParseException ex) {
				in.problem("validFrom", "not-a-date", "A date as yyyy-MM-dd");
			}
		}
		if (rate == null && !in.has("rate")) {
			in.problem("rate", "required", "Required");
		}
		in.validate();
		return currencies.setRate(currency, validFrom, rate);
	}

	@GetMapping("/api/v1/targets")
	@Operation(summary = "Targets overlapping a period, with attainment")
	Map<String, Object> targets(@RequestParam(required = false) String period) {
		return Map.of("items", targets.list(Period.parse("period",
				period == null ? SalesReportApiController.thisQuarter() : period)));
	}

	@PutMapping("/api/v1/targets")
	@Operation(summary = "Set a target (admin; managers for their team)",
			description = "{\"period\": \"2026-Q4\", \"userId\" or \"teamId\", \"amount\"} in the corporate currency")
	TargetManagement.Target setTarget(@RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("period", "userId", "teamId", "amount"), Set.of());
		String period = in.requiredText("period", 20);
		Long userId = in.id("userId");
		Long teamId = in.id("teamId");
		BigDecimal amount = in.decimal("amount");
		in.validate();
		return targets.set(Period.parse("period", period), userId, teamId, amount);
	}

}
