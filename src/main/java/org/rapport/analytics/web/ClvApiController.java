package org.rapport.analytics.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.rapport.analytics.ClvAnalysis;
import org.rapport.analytics.ClvOptions;
import org.rapport.analytics.ClvReport;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException;
import org.rapport.platform.web.BodySizeLimit;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Customer-lifetime value over REST: fits BG/NBD and Gamma-Gamma to an uploaded CSV of
 * transactions or summaries and answers the parameters, the hold-out tracking and, on request,
 * every customer's expected purchases, probability of being alive and lifetime value.
 */
@RestController
@RequestMapping("/api/v1/analytics/clv")
@Tag(name = "Analytics")
class ClvApiController {

	private static final String DESCRIPTION = "Body: CSV with a header, either transactions "
			+ "(customerId,date,amount; dates yyyy-MM-dd; all of a customer's purchases on one day are one "
			+ "transaction) or, with format=summary, customerId,x,tx,T[,zbar] in weeks. As text/csv up to 1 MiB, or "
			+ "as the multipart part 'file' up to 50 MB. calibrationEnd defaults to the last date; holdoutEnd adds "
			+ "the hold-out check and the weekly tracking table. customers=true adds every customer's "
			+ "expectedTransactions (next horizonWeeks, default 52), pAlive, expectedAverageProfit and clv "
			+ "(months, default 12, discounted at discountRate a year, default 0.10). Bad CSV: 400 naming line and column.";

	private final ClvAnalysis analysis;

	ClvApiController(ClvAnalysis analysis) {
		this.analysis = analysis;
	}

	@PostMapping(path = "/fit", consumes = { "text/csv", "text/plain" })
	@Operation(summary = "Fit CLV models to a CSV body", description = DESCRIPTION)
	Map<String, Object> fit(HttpServletRequest request, @RequestParam(required = false) String format,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calibrationEnd,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate holdoutEnd,
			@RequestParam(defaultValue = "false") boolean customers, @RequestParam(required = false) Double horizonWeeks,
			@RequestParam(required = false) Integer months, @RequestParam(required = false) Double discountRate)
			throws IOException {
		ClvOptions options = new ClvOptions(calibrationEnd, holdoutEnd, customers, horizonWeeks, months, discountRate);
		return analyse(request.getInputStream(), format, options);
	}

	@PostMapping(path = "/fit", consumes = "multipart/form-data")
	@Operation(summary = "Fit CLV models to an uploaded CSV file", description = DESCRIPTION)
	Map<String, Object> fitUpload(@Parameter(description = "the CSV file") @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String format,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calibrationEnd,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate holdoutEnd,
			@RequestParam(defaultValue = "false") boolean customers, @RequestParam(required = false) Double horizonWeeks,
			@RequestParam(required = false) Integer months, @RequestParam(required = false) Double discountRate)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw InvalidInput.of("file", "required", "Attach the CSV as the multipart part 'file'");
		}
		ClvOptions options = new ClvOptions(calibrationEnd, holdoutEnd, customers, horizonWeeks, months, discountRate);
		try (InputStream in = file.getInputStream()) {
			return analyse(in, format, options);
		}
	}

	private Map<String, Object> analyse(InputStream in, String format, ClvOptions options) {
		try {
			if (format == null || format.equals("transactions")) {
				return json(analysis.fromTransactions(in, options));
			}
			if (format.equals("summary")) {
				return json(analysis.fromSummaries(in, options));
			}
			throw InvalidInput.of("format", "not-allowed", "Must be transactions or summary");
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof BodySizeLimit.TooLarge) {
				// a chunked body that passed the limit while being read
				throw new TooLarge();
			}
			throw ex;
		}
	}

	/** The answer: parameters at the top level, money rounded to cents, other figures to 6 decimals. */
	static Map<String, Object> json(ClvReport report) {
		Map<String, Object> json = new LinkedHashMap<>();
		ClvReport.BgNbdParameters bg = report.bgNbd();
		json.put("r", bg.r());
		json.put("alpha", bg.alpha());
		json.put("a", bg.a());
		json.put("b", bg.b());
		json.put("logLikelihood", bg.logLikelihood());
		ClvReport.GammaGammaParameters gg = report.gammaGamma();
		json.put("p", gg == null ? null : gg.p());
		json.put("q", gg == null ? null : gg.q());
		json.put("gamma", gg == null ? null : gg.gamma());
		json.put("ggLogLikelihood", gg == null ? null : gg.logLikelihood());
		json.put("customersFitted", report.customersFitted());
		json.put("ggCustomersFitted", gg == null ? 0 : gg.customers());
		json.put("customersAfterCalibration", report.customersAfterCalibration());
		json.put("calibrationEnd", report.calibrationEnd() == null ? null : report.calibrationEnd().toString());
		json.put("holdoutEnd", report.holdoutEnd() == null ? null : report.holdoutEnd().toString());
		json.put("horizonWeeks", report.horizonWeeks());
		json.put("months", report.months());
		json.put("discountRate", report.discountRate());
		if (report.holdout() != null) {
			Map<String, Object> holdout = new LinkedHashMap<>();
			holdout.put("weeks", round(report.holdout().weeks(), 6));
			holdout.put("actual", report.holdout().actual());
			holdout.put("expected", round(report.holdout().expected(), 6));
			json.put("holdout", holdout);
		}
		else {
			json.put("holdout", null);
		}
		if (report.tracking() != null) {
			List<Map<String, Object>> weeks = new ArrayList<>(report.tracking().size());
			for (ClvReport.TrackingWeek w : report.tracking()) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("week", w.week());
				row.put("date", w.date().toString());
				row.put("actual", w.actual());
				row.put("expected", round(w.expected(), 6));
				weeks.add(row);
			}
			json.put("tracking", weeks);
		}
		else {
			json.put("tracking", null);
		}
		if (report.customers() != null) {
			List<Map<String, Object>> customers = new ArrayList<>(report.customers().size());
			for (ClvReport.CustomerValue c : report.customers()) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("customerId", c.customerId());
				row.put("x", c.x());
				row.put("tx", round(c.tx(), 6));
				row.put("T", round(c.T(), 6));
				row.put("zbar", c.zbar() == null ? null : round(c.zbar(), 2));
				row.put("expectedTransactions", round(c.expectedTransactions(), 6));
				row.put("pAlive", round(c.pAlive(), 6));
				row.put("expectedAverageProfit", c.expectedAverageProfit() == null ? null : round(c.expectedAverageProfit(), 2));
				row.put("clv", c.clv() == null ? null : round(c.clv(), 2));
				if (c.holdoutTransactions() != null) {
					row.put("holdoutTransactions", c.holdoutTransactions());
					row.put("expectedHoldoutTransactions", round(c.expectedHoldoutTransactions(), 6));
				}
				customers.add(row);
			}
			json.put("customers", customers);
		}
		else {
			json.put("customers", null);
		}
		return json;
	}

	private static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

	/** A chunked CSV body over the 1 MiB limit: send larger files as a multipart upload. */
	static final class TooLarge extends RapportException {

		TooLarge() {
			super(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Body over 1 MiB; upload larger files as multipart",
					BodySizeLimit.MAX_BYTES);
		}

	}

}
