package org.rapport.analytics.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.Anomalies;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Page;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Unusual order lines and engagement drops over REST, and the scans that find them. */
@RestController
@RequestMapping("/api/v1/analytics/anomalies")
@Tag(name = "Analytics")
class AnomalyApiController {

	private final Anomalies anomalies;

	private final AnomalyWords words;

	AnomalyApiController(Anomalies anomalies, AnomalyWords words) {
		this.anomalies = anomalies;
		this.words = words;
	}

	/**
	 * What was flagged.
	 *
	 * @param orderId the order (order flags)
	 * @param linePosition the line's position in the order (order flags)
	 * @param orderNumber the order's number
	 * @param contactId the customer, when the reader may see them
	 * @param contactName their name
	 */
	record Subject(Long orderId, Integer linePosition, String orderNumber, Long contactId, String contactName) {
	}

	/**
	 * A reason in figures and in words.
	 *
	 * @param typicalLow the usual range's low end (5 % of the company's rows are below it)
	 * @param typicalHigh its high end (5 % are above it)
	 * @param share the feature's share of the isolation, 0–1
	 * @param direction above, far-above, below, far-below, unusual; for an engagement drop: fell or stopped
	 * @param text the reason in plain words in the request's language
	 */
	record Reason(String feature, double value, double typicalLow, double typicalHigh, double share, String direction,
			String text) {
	}

	/** A flag as the API shows it. */
	record Item(String kind, int rank, double score, Subject subject, Map<String, Double> features, List<Reason> reasons,
			Instant detectedAt, long runId) {
	}

	@GetMapping
	@Operation(summary = "The latest scan's flags of a kind, most unusual first",
			description = "kind: orders (order lines unusual in amount, quantity, discount or time of day) or engagement "
					+ "(customers whose activity dropped suddenly: the last 4 weeks against the 12 before). Only flags on "
					+ "orders and customers the caller may see. Keyset-paged: limit 1–100 (default 20), cursor = the "
					+ "previous page's nextCursor.")
	Page<Item> list(@Parameter(description = "orders or engagement") @RequestParam(required = false) String kind,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		Integer size = null;
		if (limit != null) {
			try {
				size = Integer.valueOf(limit.strip());
			}
			catch (NumberFormatException ex) {
				throw InvalidInput.of("limit", "not-a-number", "A whole number from 1 to 100");
			}
		}
		Locale locale = LocaleContextHolder.getLocale();
		return anomalies.list(kind, size, cursor).map(f -> item(f, locale));
	}

	Item item(Anomalies.Flag f, Locale locale) {
		return new Item(f.kind(), f.rank(), f.score(),
				new Subject(f.orderId(), f.linePosition(), f.orderNumber(), f.contactId(), f.contactName()), f.features(),
				f.reasons()
					.stream()
					.map(r -> new Reason(r.feature(), r.value(), r.low(), r.high(), r.share(), r.direction(),
							words.text(r, locale)))
					.toList(),
				f.detectedAt(), f.runId());
	}

	@PostMapping("/runs")
	@Operation(summary = "Scan for anomalies now (administrators, managers and analysts)",
			description = "202 with the run: queued, then running with its step and progress, then done or failed. When a "
					+ "scan is already queued or running, that one is returned instead of a second one.")
	ResponseEntity<Anomalies.Run> scan() {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(anomalies.request("request"));
	}

	@GetMapping("/runs/{id}")
	@Operation(summary = "An anomaly scan's status and progress")
	Anomalies.Run run(@PathVariable long id) {
		return anomalies.get(id);
	}

	@GetMapping("/runs")
	@Operation(summary = "The latest anomaly scans, newest first", description = "limit 1–100 (default 20)")
	List<Anomalies.Run> runs(@RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 100) {
			throw InvalidInput.of("limit", "out-of-range", "From 1 to 100");
		}
		return anomalies.recent(limit);
	}

}
