package org.rapport.analytics.web;

import java.math.BigDecimal;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.AnalyticsPreferences;
import org.rapport.platform.web.ETags;
import org.rapport.platform.web.JsonInput;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The lifetime-value settings over REST: the annual discount rate every customer's CLV uses. */
@RestController
@RequestMapping("/api/v1/analytics/clv/settings")
@Tag(name = "Analytics")
class ClvSettingsApiController {

	private final AnalyticsPreferences preferences;

	ClvSettingsApiController(AnalyticsPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	@Operation(summary = "Lifetime-value settings",
			description = "percent: the annual discount rate of every customer's 12-month CLV (chosen false: the "
					+ "installation default rapport.analytics.clv-discount-rate). ETag = version.")
	ResponseEntity<AnalyticsPreferences.ClvDiscount> settings() {
		AnalyticsPreferences.ClvDiscount d = preferences.clvDiscount();
		return ResponseEntity.ok().header(HttpHeaders.ETAG, ETags.of(d.version())).body(d);
	}

	@PutMapping
	@Operation(summary = "Change the CLV discount rate (administrators; others 403)",
			description = "{\"clvDiscountPercent\": 0–100, two decimals at most}, else 400 naming it; If-Match with the "
					+ "ETag read (optional, 412 when stale). Audited.")
	ResponseEntity<AnalyticsPreferences.ClvDiscount> setSettings(@RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("clvDiscountPercent"), Set.of("version"));
		BigDecimal percent = in.decimal("clvDiscountPercent");
		if (percent == null && in.problems().isEmpty()) {
			in.problem("clvDiscountPercent", "required", "Required");
		}
		in.validate();
		Long expected = ETags.optional(ifMatch);
		AnalyticsPreferences.ClvDiscount d = preferences.setClvDiscountPercent(percent,
				expected == null ? null : Math.toIntExact(expected));
		return ResponseEntity.ok().header(HttpHeaders.ETAG, ETags.of(d.version())).body(d);
	}

}
