package org.rapport.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.Sentiment;
import org.rapport.analytics.SentimentAnalysis;
import org.rapport.platform.web.JsonInput;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sentiment of a text over REST: label, score, language and the words that drove it. */
@RestController
@RequestMapping("/api/v1/analytics/sentiment")
@Tag(name = "Analytics")
class SentimentApiController {

	private final SentimentAnalysis sentiment;

	SentimentApiController(SentimentAnalysis sentiment) {
		this.sentiment = sentiment;
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Sentiment of a text",
			description = "{\"text\"} (Chinese or English, up to 20,000 characters) → {\"label\": positive|negative|neutral, "
					+ "\"score\": −1..+1, \"language\": zh|en, \"evidence\": [words that drove it]}.")
	Sentiment analyse(@RequestBody(required = false) JsonNode body) {
		JsonInput input = JsonInput.of(body);
		input.allowOnly(java.util.Set.of("text"), java.util.Set.of());
		String text = input.text("text", SentimentAnalysis.MAX_LENGTH, true);
		input.validate();
		return sentiment.analyse(text);
	}

}
