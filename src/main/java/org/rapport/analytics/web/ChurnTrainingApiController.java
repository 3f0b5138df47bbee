package org.rapport.analytics.web;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.AnalyticsPreferences;
import org.rapport.analytics.ChurnModels;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.web.ETags;
import org.rapport.platform.web.JsonInput;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The churn model's training runs and the analytics settings over REST. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics")
class ChurnTrainingApiController {

	private final ChurnModels churn;

	private final AnalyticsPreferences preferences;

	ChurnTrainingApiController(ChurnModels churn, AnalyticsPreferences preferences) {
		this.churn = churn;
		this.preferences = preferences;
	}

	@PostMapping("/churn/training")
	@Operation(summary = "Train the churn model now (administrators and managers)",
			description = "202 with the run: queued, then running with its step and progress, then done or failed. When a run "
					+ "is already queued or running, that run is returned instead of a second one.")
	ResponseEntity<ChurnModels.Run> train() {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(churn.request("request"));
	}

	@GetMapping("/churn/training/{id}")
	@Operation(summary = "A churn training run's status and progress")
	ChurnModels.Run run(@PathVariable long id) {
		return churn.get(id);
	}

	@GetMapping("/churn/training")
	@Operation(summary = "The latest churn training runs, newest first", description = "limit 1–100 (default 20)")
	List<ChurnModels.Run> runs(@RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 100) {
			throw InvalidInput.of("limit", "out-of-range", "From 1 to 100");
		}
		return churn.recent(limit);
	}

	@GetMapping("/settings")
	@Operation(summary = "Analytics settings", description = "lostAfterDays: a customer with no fulfilled order for that "
			+ "many days counts as lost (KPI churn rate and the churn model's horizon). ETag = version.")
	ResponseEntity<AnalyticsPreferences.Preferences> settings() {
		AnalyticsPreferences.Preferences p = preferences.get();
		return ResponseEntity.ok().header(HttpHeaders.ETAG, ETags.of(p.version())).body(p);
	}

	@PutMapping("/settings")
	@Operation(summary = "Change the analytics settings (administrators)",
			description = "{\"lostAfterDays\": 14–730}; If-Match with the ETag read (optional)")
	ResponseEntity<AnalyticsPreferences.Preferences> setSettings(@RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("lostAfterDays"), Set.of("version"));
		Integer days = in.integer("lostAfterDays", AnalyticsPreferences.MIN_LOST_DAYS, AnalyticsPreferences.MAX_LOST_DAYS);
		if (days == null && in.problems().isEmpty()) {
			in.problem("lostAfterDays", "required", "Required");
		}
		in.validate();
		Long expected = ETags.optional(ifMatch);
		AnalyticsPreferences.Preferences p = preferences.setLostAfterDays(days,
				expected == null ? null : Math.toIntExact(expected));
		return ResponseEntity.ok().header(HttpHeaders.ETAG, ETags.of(p.version())).body(p);
	}

}
