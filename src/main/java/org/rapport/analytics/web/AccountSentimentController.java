package org.rapport.analytics.web;

import org.rapport.analytics.AccountSentiment;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The page of an account's sentiment by month, linked from the account page. */
@Controller
class AccountSentimentController {

	private final AccountSentiment sentiment;

	AccountSentimentController(AccountSentiment sentiment) {
		this.sentiment = sentiment;
	}

	@GetMapping("/analytics/accounts/{id}/sentiment")
	String trend(@PathVariable long id, @RequestParam(defaultValue = "12") int months, Model model) {
		model.addAttribute("trend", sentiment.of(id, months));
		return "analytics/account-sentiment";
	}

}
