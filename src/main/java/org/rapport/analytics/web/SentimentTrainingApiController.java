package org.rapport.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.analytics.TrainingRun;
import org.rapport.analytics.SentimentTraining;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The company sentiment model's training runs over REST. */
@RestController
@RequestMapping("/api/v1/analytics/sentiment/training")
@Tag(name = "Analytics")
class SentimentTrainingApiController {

	private final SentimentTraining training;

	SentimentTrainingApiController(SentimentTraining training) {
		this.training = training;
	}

	@PostMapping
	@Operation(summary = "Train the company sentiment model now (administrators)",
			description = "202 with the run: queued, running, then done (a version registered as sentiment-company), skipped "
					+ "(too few rated texts) or failed. A run already queued or running is returned instead of a second one.")
	ResponseEntity<TrainingRun> train() {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(training.requestTraining());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A company sentiment training run's state and figures")
	TrainingRun run(@PathVariable long id) {
		return training.run(id);
	}

}
