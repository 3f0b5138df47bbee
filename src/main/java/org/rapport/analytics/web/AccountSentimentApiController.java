package org.rapport.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.AccountSentiment;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An account's sentiment trend over REST. */
@RestController
@Tag(name = "Analytics")
class AccountSentimentApiController {

	private final AccountSentiment sentiment;

	AccountSentimentApiController(AccountSentiment sentiment) {
		this.sentiment = sentiment;
	}

	@GetMapping("/api/v1/analytics/accounts/{id}/sentiment")
	@Operation(summary = "Monthly sentiment of an account's customers",
			description = "months 1–36 (default 12, this month included) → {accountId, accountName, contacts, months: [{month: "
					+ "yyyy-MM, meanScore: −1..+1 or null, texts, positive, neutral, negative}]} over the ticket descriptions, "
					+ "customers' messages on tickets and survey comments of the account's contacts and the notes on the account "
					+ "and its contacts; agents' corrections count in place of the model. 404 for an account the user may not see.")
	AccountSentiment.Trend trend(@PathVariable long id, @RequestParam(defaultValue = "12") int months) {
		return sentiment.of(id, months);
	}

}
