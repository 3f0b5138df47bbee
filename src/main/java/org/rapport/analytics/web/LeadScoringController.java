package org.rapport.analytics.web;

import jakarta.servlet.http.HttpServletRequest;
import org.rapport.analytics.LeadScoring;
import org.rapport.platform.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The lead-scoring page: what scores leads, the latest training (live while it runs), the rules; admins train. */
@Controller
class LeadScoringController {

	private final LeadScoring scoring;

	LeadScoringController(LeadScoring scoring) {
		this.scoring = scoring;
	}

	@GetMapping("/analytics/lead-scoring")
	String page(HttpServletRequest request, Model model) {
		LeadScoring.Status status = scoring.status();
		model.addAttribute("status", status);
		model.addAttribute("run", status.lastRun());
		model.addAttribute("isAdmin", Actor.current().isAdmin());
		if ("lead-scoring-run".equals(request.getHeader("HX-Target"))) {
			return "analytics/lead-scoring :: run";
		}
		return "analytics/lead-scoring";
	}

	@PostMapping("/analytics/lead-scoring/train")
	String train(RedirectAttributes redirect) {
		scoring.requestTraining();
		redirect.addFlashAttribute("flash", "leadScoring.trainRequested");
		return "redirect:/analytics/lead-scoring";
	}

}
