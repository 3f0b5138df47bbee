package org.rapport.analytics.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.ChurnRisks;
import org.rapport.analytics.CustomerAnalytics;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Page;
import org.rapport.platform.web.Csv;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The churn risk list over REST, as JSON pages or a CSV export. */
@RestController
@RequestMapping("/api/v1/analytics/churn/risks")
@Tag(name = "Analytics")
class ChurnRiskApiController {

	private final ChurnRisks risks;

	private final MessageSource messages;

	private final AuditTrail audit;

	ChurnRiskApiController(ChurnRisks risks, MessageSource messages, AuditTrail audit) {
		this.risks = risks;
		this.messages = messages;
		this.audit = audit;
	}

	/** A reason in figures and in the request's language, as the customer's analytics page words it. */
	record Reason(String feature, String value, double contribution, String text) {
	}

	/** A customer at risk as the API shows it. */
	record Item(long contactId, String name, Long accountId, String account, String email, long ownerId, double risk,
			String basis, Integer horizonDays, List<Reason> reasons) {
	}

	@GetMapping
	@Operation(summary = "Customers ranked by churn risk, riskiest first",
			description = "The customers the caller may see with risk (0–1), basis (model, or bg-nbd before any model is "
					+ "trained) and their top three reasons in words. ownerId, teamId narrow to one owner or one team's "
					+ "members. Keyset-paged: limit 1–200 (default 50), cursor = the previous page's nextCursor. "
					+ "format=csv exports the whole list (audited).")
	ResponseEntity<?> list(@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long teamId,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "json") String format) {
		Locale locale = LocaleContextHolder.getLocale();
		if ("csv".equals(format)) {
			return csv(risks.all(ownerId, teamId).stream().map(r -> item(r, locale)).toList());
		}
		if (!"json".equals(format)) {
			throw InvalidInput.of("format", "unknown", "json or csv");
		}
		Integer size = null;
		if (limit != null) {
			try {
				size = Integer.valueOf(limit.strip());
			}
			catch (NumberFormatException ex) {
				throw InvalidInput.of("limit", "not-a-number", "A whole number from 1 to 200");
			}
		}
		Page<Item> page = risks.list(new ChurnRisks.RiskQuery(ownerId, teamId, size, cursor)).map(r -> item(r, locale));
		return ResponseEntity.ok(page);
	}

	Item item(ChurnRisks.Risk r, Locale locale) {
		return new Item(r.contactId(), r.name(), r.accountId(), r.account(), r.email(), r.ownerId(), r.risk(), r.basis(),
				r.horizonDays(), r.reasons().stream().map(x -> reason(x, locale)).toList());
	}

	private Reason reason(CustomerAnalytics.Reason r, Locale locale) {
		return new Reason(r.feature(), r.value(), r.contribution(), messages.getMessage("analytics.reason." + r.feature(),
				new Object[] { r.value() }, r.feature() + ": " + r.value(), locale));
	}

	ResponseEntity<byte[]> csv(List<Item> items) {
		Csv csv = new Csv();
		csv.row("contact_id", "name", "account", "email", "risk", "basis", "reason_1", "reason_2", "reason_3");
		for (Item i : items) {
			List<String> texts = i.reasons().stream().map(Reason::text).toList();
			csv.row(i.contactId(), i.name(), i.account(), i.email(), i.risk(), i.basis(), texts.size() > 0 ? texts.get(0) : "",
					texts.size() > 1 ? texts.get(1) : "", texts.size() > 2 ? texts.get(2) : "");
		}
		audit.record(new AuditTrail.AuditEvent("export", "churn-risks", "all", items.size() + " customers", List.of()));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"churn-risks.csv\"")
			.body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
	}

}
