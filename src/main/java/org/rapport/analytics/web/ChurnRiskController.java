package org.rapport.analytics.web;

import java.util.Locale;

import org.rapport.analytics.ChurnRisks;
import org.rapport.platform.UserDirectory;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The churn risk list page: customers at risk with their reasons, 50 a page, and its CSV export. */
@Controller
class ChurnRiskController {

	private final ChurnRisks risks;

	private final ChurnRiskApiController items;

	private final UserDirectory users;

	ChurnRiskController(ChurnRisks risks, ChurnRiskApiController items, UserDirectory users) {
		this.risks = risks;
		this.items = items;
		this.users = users;
	}

	@GetMapping("/analytics/risks")
	String page(@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String cursor,
			Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("risks",
				risks.list(new ChurnRisks.RiskQuery(ownerId, null, null, cursor)).map(r -> items.item(r, locale)));
		model.addAttribute("ownerId", ownerId);
		model.addAttribute("owners", users.activeUsers());
		return "analytics/risks";
	}

	@GetMapping("/analytics/risks.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) Long ownerId) {
		Locale locale = LocaleContextHolder.getLocale();
		return items.csv(risks.all(ownerId, null).stream().map(r -> items.item(r, locale)).toList());
	}

}
