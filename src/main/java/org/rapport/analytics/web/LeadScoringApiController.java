package org.rapport.analytics.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.TrainingRun;
import org.rapport.analytics.LeadScoring;
import org.rapport.sales.LeadScores.LeadScore;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lead scores, the lead-scoring model's status and its training over REST. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics")
class LeadScoringApiController {

	private final LeadScoring scoring;

	private final MessageSource messages;

	LeadScoringApiController(LeadScoring scoring, MessageSource messages) {
		this.scoring = scoring;
		this.messages = messages;
	}

	/**
	 * A lead's score.
	 *
	 * @param leadId the lead
	 * @param score 0 to 100
	 * @param basis {@code model} or {@code rules}
	 * @param reasons what weighs most, largest first
	 * @param modelVersion the registry version of the model ({@code null} for the rules)
	 */
	record ScoreResponse(long leadId, int score, String basis, List<ReasonResponse> reasons, Integer modelVersion) {
	}

	/**
	 * One reason.
	 *
	 * @param feature source, emailKind, seniority, phone, company, website, country, notes, updates, ageDays,
	 *     recentActivity
	 * @param value the lead's value of it
	 * @param effect rules: points; model: share of the log-odds
	 * @param raises whether it raises the score
	 * @param text the reason in words, in the request's language
	 */
	record ReasonResponse(String feature, String value, double effect, boolean raises, String text) {
	}

	@GetMapping("/leads/{leadId}")
	@Operation(summary = "A lead's score",
			description = "{leadId, score (0–100), basis: model|rules, reasons: [{feature, value, effect, raises, text}], "
					+ "modelVersion}. With a model the score is the conversion probability in per cent and a reason's effect "
					+ "its share of the log-odds against the average closed lead; with the cold-start rules the effect is "
					+ "points. A converted or disqualified lead is scored as it stood when it closed. 404 when the lead "
					+ "does not exist or the caller may not see it.")
	ScoreResponse lead(@PathVariable long leadId) {
		LeadScore s = scoring.forLead(leadId);
		return new ScoreResponse(leadId, s.score(), s.basis(), s.reasons()
			.stream()
			.map(r -> new ReasonResponse(r.feature(), r.value(), r.effect(), r.raises(),
					messages.getMessage(r.messageKey(), new Object[] { r.value() }, r.messageKey(),
							LocaleContextHolder.getLocale())))
			.toList(), s.modelVersion());
	}

	@GetMapping("/lead-scoring")
	@Operation(summary = "What scores leads now",
			description = "basis (model|rules), the active registry entry with its hold-out metrics, every version, the "
					+ "latest training run and the cold-start rules.")
	LeadScoring.Status status() {
		return scoring.status();
	}

	@PostMapping("/lead-scoring/train")
	@Operation(summary = "Train the lead-scoring model now (admins)",
			description = "Queues a training run and answers 202 with it; one node of the cluster runs it within seconds. "
					+ "Follow it at the Location (state queued → running → done|skipped|failed, step, message, result). "
					+ "The new version replaces the active one only if its hold-out AUC is not lower.")
	ResponseEntity<TrainingRun> train() {
		TrainingRun run = scoring.requestTraining();
		return ResponseEntity.accepted().location(URI.create("/api/v1/analytics/lead-scoring/runs/" + run.id())).body(run);
	}

	@GetMapping("/lead-scoring/runs/{runId}")
	@Operation(summary = "A lead-scoring training run", description = "404 for an unknown run.")
	TrainingRun run(@PathVariable long runId) {
		return scoring.run(runId);
	}

}
