package org.rapport.analytics.web;

import org.rapport.analytics.SentimentTraining;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/** The models page's button that asks for a company sentiment training. */
@Controller
class SentimentTrainingController {

	private final SentimentTraining training;

	SentimentTrainingController(SentimentTraining training) {
		this.training = training;
	}

	@PostMapping("/analytics/models/sentiment/train")
	String train() {
		training.requestTraining();
		return "redirect:/analytics/models";
	}

}
