package org.rapport.service.web;

import org.rapport.analytics.SentimentCorrections.Shown;
import org.rapport.platform.Actor;
import org.rapport.platform.Role;
import org.rapport.service.TicketSentiments;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An agent's correction of the sentiment shown on the ticket page: htmx swaps the corrected badge in
 * place, a plain form post comes back to the ticket.
 */
@Controller
class TicketSentimentController {

	private final TicketSentiments sentiments;

	TicketSentimentController(TicketSentiments sentiments) {
		this.sentiments = sentiments;
	}

	/** Whether the current user may correct sentiment (the page shows the control only then). */
	static boolean canCorrect() {
		Role role = Actor.current().role();
		return role == Role.SUPPORT_AGENT || role == Role.MANAGER || role == Role.ADMIN;
	}

	@PostMapping("/tickets/{id}/sentiment")
	String correct(@PathVariable long id, @RequestParam(required = false) String label,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		Shown s = sentiments.correct(id, null, label);
		return answer(htmx, model, redirect, id, s, "/tickets/" + id + "/sentiment", "sentiment-description");
	}

	@PostMapping("/tickets/{id}/replies/{replyId}/sentiment")
	String correctReply(@PathVariable long id, @PathVariable long replyId, @RequestParam(required = false) String label,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		Shown s = sentiments.correct(id, replyId, label);
		return answer(htmx, model, redirect, id, s, "/tickets/" + id + "/replies/" + replyId + "/sentiment",
				"sentiment-reply-" + replyId);
	}

	private static String answer(String htmx, Model model, RedirectAttributes redirect, long id, Shown s, String action,
			String key) {
		if (htmx == null) {
			redirect.addFlashAttribute("flash", "sentiment.saved");
			return "redirect:/tickets/" + id;
		}
		model.addAttribute("s", s);
		model.addAttribute("action", action);
		model.addAttribute("key", key);
		model.addAttribute("canCorrectSentiment", true);
		return "service/sentiment :: single";
	}

}
