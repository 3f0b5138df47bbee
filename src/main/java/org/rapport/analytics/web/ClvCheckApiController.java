package org.rapport.analytics.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.ClvCheck;
import org.rapport.analytics.ModelRegistry;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.web.Csv;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The lifetime-value model's check on Rapport's own customers over REST: JSON, the weekly series as CSV, a registered run. */
@RestController
@RequestMapping("/api/v1/analytics/clv/check")
@Tag(name = "Analytics")
class ClvCheckApiController {

	private static final String WHO = " Over the fulfilled orders of the whole customer base in the three years to asOf "
			+ "(default today); ADMIN, MARKETER and ANALYST only (the roles that read every customer record; others: 403).";

	private final ClvCheck check;

	ClvCheckApiController(ClvCheck check) {
		this.check = check;
	}

	@GetMapping
	@Operation(summary = "BG/NBD and Gamma-Gamma checked on a hold-out",
			description = "Fits both models on the orders up to calibrationEnd = asOf − holdoutWeeks weeks and tracks "
					+ "cumulative repeat purchases (repeat purchase days of the customers who first bought by then), actual "
					+ "and expected, per week since the first order through calibration and hold-out (weeks: period, actual, "
					+ "expected, and the week alone in actualInWeek, expectedInWeek); holdoutMeanAbsoluteError is the mean "
					+ "|actual − expected| over the hold-out weeks. Without enough data, problem is no-orders, too-short or "
					+ "too-little-data and the parameters are null. Bad holdoutWeeks: 400 naming it." + WHO)
	ClvCheck.Check check(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@Parameter(description = "1 to 104, shorter than the history; default 26 or a third of the history if shorter")
			@RequestParam(required = false) Integer holdoutWeeks) {
		return check.check(new ClvCheck.Query(asOf, holdoutWeeks));
	}

	@GetMapping("/weeks.csv")
	@Operation(summary = "The weekly expected-versus-actual series as CSV",
			description = "week, date, period, actual, expected (cumulative), actual_in_week, expected_in_week." + WHO)
	ResponseEntity<byte[]> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer holdoutWeeks) {
		return csv(check.check(new ClvCheck.Query(asOf, holdoutWeeks)));
	}

	@PostMapping("/runs")
	@Operation(summary = "Run the check and register the fit in the model registry as clv",
			description = "The registry entry: training window (first order to asOf), customers, the parameters, "
					+ "log-likelihoods and the hold-out error as metrics, no primary metric (the newest fit is active); the "
					+ "same data again register nothing new (200 with the active entry). Too little data: 400 naming asOf." + WHO)
	ResponseEntity<ModelRegistry.Entry> run(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer holdoutWeeks) {
		ModelRegistry.Entry entry = check.register(new ClvCheck.Query(asOf, holdoutWeeks));
		if (entry == null) {
			throw InvalidInput.of("asOf", "too-little-data", "Too little order history to fit the model");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(entry);
	}

	/** The weekly series as a CSV download. */
	static ResponseEntity<byte[]> csv(ClvCheck.Check c) {
		Csv csv = new Csv();
		csv.row("week", "date", "period", "actual", "expected", "actual_in_week", "expected_in_week");
		for (ClvCheck.Week w : c.weeks()) {
			csv.row(w.week(), w.date(), w.period(), w.actual(), round(w.expected()), w.actualInWeek(),
					round(w.expectedInWeek()));
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"clv-check-" + c.asOf() + ".csv\"")
			.body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
	}

	static BigDecimal round(double v) {
		return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
	}

}
