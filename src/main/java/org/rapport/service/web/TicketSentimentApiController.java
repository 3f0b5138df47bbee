package org.rapport.service.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.SentimentCorrections;
import org.rapport.analytics.SentimentCorrections.Shown;
import org.rapport.platform.web.JsonInput;
import org.rapport.service.TicketSentiments;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The sentiment of a ticket's customer text over REST, and agents' corrections of it. */
@RestController
@Tag(name = "Tickets")
class TicketSentimentApiController {

	private final TicketSentiments sentiments;

	TicketSentimentApiController(TicketSentiments sentiments) {
		this.sentiments = sentiments;
	}

	@GetMapping("/api/v1/tickets/{id}/sentiment")
	@Operation(summary = "Sentiment of a ticket's customer text",
			description = "{\"description\": sentiment of the subject and description, \"replies\": [{\"replyId\", …}] for each "
					+ "message from the customer}; each {label, score, language, evidence, modelLabel, corrected, correctedBy, "
					+ "correctedAt}: label is an agent's correction when corrected is true, else the model's.")
	Map<String, Object> get(@PathVariable long id) {
		TicketSentiments.TicketSentiment s = sentiments.of(id);
		List<Map<String, Object>> replies = new ArrayList<>();
		s.replies().forEach((replyId, shown) -> {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("replyId", replyId);
			r.put("sentiment", shown);
			replies.add(r);
		});
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("description", s.description());
		out.put("replies", replies);
		return out;
	}

	@PutMapping(path = "/api/v1/tickets/{id}/sentiment", consumes = "application/json")
	@Operation(summary = "Correct the sentiment of a ticket's subject and description",
			description = "{\"label\": positive|neutral|negative} (support agents, managers, administrators who see the "
					+ "ticket); audited in the ticket's history; the company sentiment model learns from it.")
	Shown correct(@PathVariable long id, @RequestBody(required = false) JsonNode body) {
		return sentiments.correct(id, null, label(body));
	}

	@PutMapping(path = "/api/v1/tickets/{id}/replies/{replyId}/sentiment", consumes = "application/json")
	@Operation(summary = "Correct the sentiment of a customer's message on a ticket",
			description = "{\"label\": positive|neutral|negative}; 404 when the reply is not a message from the customer on "
					+ "this ticket.")
	Shown correctReply(@PathVariable long id, @PathVariable long replyId, @RequestBody(required = false) JsonNode body) {
		return sentiments.correct(id, replyId, label(body));
	}

	private static String label(JsonNode body) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("label"), Set.of());
		String label = in.oneOf("label", SentimentCorrections.LABELS);
		if (label == null && in.problems().isEmpty()) {
			in.problem("label", "required", "positive, neutral or negative");
		}
		in.validate();
		return label;
	}

}
