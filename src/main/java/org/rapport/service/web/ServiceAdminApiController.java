package org.rapport.service.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.web.ETags;
import org.rapport.platform.web.JsonInput;
import org.rapport.service.QueueManagement;
import org.rapport.service.QueueManagement.QueueFields;
import org.rapport.service.QueueView;
import org.rapport.service.ServiceVocabulary;
import org.rapport.service.SlaPolicies;
import org.rapport.service.SlaPolicies.PolicyFields;
import org.rapport.service.SlaPolicy;
import org.rapport.service.SurveyManagement;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Service set-up over REST: queues, agents away, SLA policies, NPS surveys. */
@RestController
@Tag(name = "Service set-up")
class ServiceAdminApiController {

	private final QueueManagement queues;

	private final SlaPolicies policies;

	private final SurveyManagement surveys;

	ServiceAdminApiController(QueueManagement queues, SlaPolicies policies, SurveyManagement surveys) {
		this.queues = queues;
		this.policies = policies;
		this.surveys = surveys;
	}

	@GetMapping("/api/v1/service/queues")
	@Operation(summary = "Ticket queues")
	Map<String, List<QueueView>> queues() {
		return Map.of("items", queues.list());
	}

	@PostMapping("/api/v1/service/queues")
	@Operation(summary = "Create a queue (admin)",
			description = "{\"name\",\"teamId\",\"leadUserId\",\"assignment\": none|round-robin|fewest-open}")
	ResponseEntity<QueueView> createQueue(@RequestBody JsonNode body) {
		QueueView q = queues.create(queue(body, null));
		return ResponseEntity.created(URI.create("/api/v1/service/queues/" + q.id())).eTag(ETags.of(q.version())).body(q);
	}

	@GetMapping("/api/v1/service/queues/{id}")
	@Operation(summary = "Read a queue")
	ResponseEntity<QueueView> queue(@PathVariable long id) {
		QueueView q = queues.get(id);
		return ResponseEntity.ok().eTag(ETags.of(q.version())).body(q);
	}

	@PatchMapping(path = "/api/v1/service/queues/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change a queue (admin; If-Match)")
	ResponseEntity<QueueView> patchQueue(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		QueueView q = queues.update(id, version, queue(body, queues.get(id)));
		return ResponseEntity.ok().eTag(ETags.of(q.version())).body(q);
	}

	private static QueueFields queue(JsonNode body, QueueView base) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("name", "teamId", "leadUserId", "assignment"), Set.of("id", "teamName", "leadName", "version"));
		QueueFields f = new QueueFields(
				in.has("name") || base == null ? in.requiredText("name", 100) : base.name(),
				in.has("teamId") || base == null ? in.id("teamId") : base.teamId(),
				in.has("leadUserId") || base == null ? in.id("leadUserId") : base.leadUserId(),
				in.has("assignment") || base == null ? in.oneOf("assignment", ServiceVocabulary.ASSIGNMENT)
						: base.assignment());
		in.validate();
		return f;
	}

	@PutMapping("/api/v1/service/agents/{userId}/away")
	@Operation(summary = "Mark an agent away or back", description = "{\"away\": true|false}; agents themselves, "
			+ "their manager, admins. Away agents get no tickets from automatic assignment.")
	Map<String, Object> away(@PathVariable long userId, @RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("away"), Set.of("userId"));
		Boolean away = in.bool("away");
		if (away == null && in.problems().isEmpty()) {
			in.problem("away", "required", "true or false");
		}
		in.validate();
		queues.setAway(userId, away);
		return Map.of("userId", userId, "away", away);
	}

	@GetMapping("/api/v1/service/sla-policies")
	@Operation(summary = "SLA policies")
	Map<String, List<SlaPolicy>> policies() {
		return Map.of("items", policies.list());
	}

	@PutMapping("/api/v1/service/sla-policies")
	@Operation(summary = "Create or replace the SLA policy of a priority and tier (admin)",
			description = "{\"priority\",\"accountTier\",\"firstResponseMinutes\",\"resolutionMinutes\",\"warnMinutes\","
					+ "\"timeZone\",\"workDays\": [1..7],\"workStart\": \"09:00\",\"workEnd\": \"17:00\",\"holidays\": [\"2026-12-25\"]}")
	SlaPolicy savePolicy(@RequestBody JsonNode body, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("priority", "accountTier", "firstResponseMinutes", "resolutionMinutes", "warnMinutes",
				"timeZone", "workDays", "workStart", "workEnd", "holidays"), Set.of("id", "version"));
		String priority = in.oneOf("priority", ServiceVocabulary.PRIORITIES);
		String tier = in.text("accountTier", 50, false);
		Integer fr = in.integer("firstResponseMinutes", 1, 1_000_000);
		Integer res = in.integer("resolutionMinutes", 1, 1_000_000);
		Integer warn = in.integer("warnMinutes", 0, 100_000);
		String zone = in.text("timeZone", 60, false);
		List<Integer> days = null;
		JsonNode rawDays = in.raw("workDays");
		if (rawDays != null && !rawDays.isNull()) {
			days = new ArrayList<>();
			if (!rawDays.isArray()) {
				in.problem("workDays", "not-a-list", "A list of ISO days 1–7");
			}
			else {
				for (JsonNode d : rawDays) {
					if (!d.isIntegralNumber() || d.intValue() < 1 || d.intValue() > 7) {
						in.problem("workDays", "out-of-range", "Days 1 (Monday) to 7 (Sunday)");
						break;
					}
					days.add(d.intValue());
				}
			}
		}
		LocalTime start = time(in, "workStart");
		LocalTime end = time(in, "workEnd");
		List<LocalDate> holidays = null;
		List<String> rawHolidays = in.textList("holidays", 1000, 10);
		if (rawHolidays != null) {
			holidays = new ArrayList<>();
			for (int i = 0; i < rawHolidays.size(); i++) {
				try {
					holidays.add(LocalDate.parse(rawHolidays.get(i)));
				}
				catch (DateTimeParseException ex) {
					in.problem("holidays[" + i + "]", "not-a-date", "A date like 2026-12-25");
				}
			}
		}
		in.validate();
		return policies.save(new PolicyFields(priority, tier, fr, res, warn, zone, days, start, end, holidays),
				ETags.optional(ifMatch));
	}

	private static LocalTime time(JsonInput in, String field) {
		String text = in.text(field, 8, false);
		if (text == null) {
			return null;
		}
		try {
			return LocalTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			in.problem(field, "not-a-time", "A time like 09:00");
			return null;
		}
	}

	@PostMapping("/api/v1/service/nps-surveys")
	@Operation(summary = "Send an NPS survey to contacts (admin, manager, marketer)",
			description = "{\"campaign\", \"contactIds\": [..]}; contacts without an e-mail address are skipped")
	Map<String, Object> sendNps(@RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("campaign", "contactIds"), Set.of());
		String campaign = in.requiredText("campaign", 200);
		List<Long> ids = new ArrayList<>();
		JsonNode raw = in.raw("contactIds");
		if (raw == null || !raw.isArray()) {
			in.problem("contactIds", "required", "A list of contact ids");
		}
		else {
			for (int i = 0; i < raw.size(); i++) {
				JsonNode n = raw.get(i);
				if (!n.isIntegralNumber() || n.longValue() < 1) {
					in.problem("contactIds[" + i + "]", "not-an-id", "Must be a record id");
				}
				else {
					ids.add(n.longValue());
				}
			}
		}
		in.validate();
		return Map.of("sent", surveys.sendNps(campaign, ids));
	}

}
