package org.rapport.analytics.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.rapport.analytics.AnalyticsPreferences;
import org.rapport.analytics.ClvCheck;
import org.rapport.analytics.ModelRegistry;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.web.Charts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lifetime-value check page: both models' parameters, the cumulative expected-versus-actual repeat
 * purchases per week through calibration and hold-out, the series as CSV, and a button that registers the fit.
 */
@Controller
class ClvCheckController {

	private final ClvCheck check;

	private final JsonMapper json;

	private final MessageSource messages;

	private final AnalyticsPreferences preferences;

	ClvCheckController(ClvCheck check, JsonMapper json, MessageSource messages, AnalyticsPreferences preferences) {
		this.check = check;
		this.preferences = preferences;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/analytics/clv")
	String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer holdoutWeeks, Model model) {
		ClvCheck.Check c = check.check(new ClvCheck.Query(asOf, holdoutWeeks));
		model.addAttribute("c", c);
		model.addAttribute("discount", preferences.clvDiscount());
		List<String> labels = c.weeks().stream().map(w -> Integer.toString(w.week())).toList();
		model.addAttribute("trackingChart", json.writeValueAsString(Charts.chart("line", labels,
				List.of(Charts.dataset(msg("clv.check.actual"), c.weeks().stream().map(w -> (Object) w.actual()).toList()),
						Charts.dataset(msg("clv.check.expected"),
								c.weeks().stream().map(w -> (Object) ClvCheckApiController.round(w.expected())).toList())))));
		return "analytics/clv";
	}

	@GetMapping("/analytics/clv.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer holdoutWeeks) {
		return ClvCheckApiController.csv(check.check(new ClvCheck.Query(asOf, holdoutWeeks)));
	}

	@PostMapping("/analytics/clv/runs")
	String register(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer holdoutWeeks, RedirectAttributes redirect) {
		ModelRegistry.Entry entry = check.register(new ClvCheck.Query(asOf, holdoutWeeks));
		redirect.addFlashAttribute("registered", entry == null ? Integer.valueOf(0) : Integer.valueOf(entry.version()));
		if (asOf != null) {
			redirect.addAttribute("asOf", asOf.toString()); // ISO: the binder would format it in the reader's style
		}
		if (holdoutWeeks != null) {
			redirect.addAttribute("holdoutWeeks", holdoutWeeks);
		}
		return "redirect:/analytics/clv";
	}

	@PostMapping("/analytics/clv/settings")
	String settings(@RequestParam String clvDiscountPercent, @RequestParam int version, RedirectAttributes redirect) {
		BigDecimal percent;
		try {
			percent = new BigDecimal(clvDiscountPercent.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidInput.of("clvDiscountPercent", "not-a-number", "A number of percent");
		}
		preferences.setClvDiscountPercent(percent, version);
		redirect.addFlashAttribute("settingsSaved", true);
		return "redirect:/analytics/clv";
	}

	private String msg(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
