package org.rapport.service.web;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.security.RateLimits;
import org.rapport.platform.web.Formats;
import org.rapport.platform.web.Forms;
import org.rapport.service.SurveyManagement;
import org.rapport.service.SurveyManagement.OpenSurvey;
import org.rapport.service.TicketManagement;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's public pages under {@code /forms/}: the ticket form (honeypot field and a limit of
 * posts per IP address per hour, like web-to-lead) and the survey links. A survey link that is unknown
 * answers 404 and one used or expired 410, each with the same plain page that names nothing.
 */
@Controller
class PublicServiceController {

	static final String HONEYPOT = "website_url";

	static final int POSTS_PER_HOUR = 10;

	private final TicketManagement tickets;

	private final SurveyManagement surveys;

	private final RateLimits limits;

	private final Formats formats;

	private final MessageSource messages;

	PublicServiceController(TicketManagement tickets, SurveyManagement surveys, RateLimits limits, Formats formats,
			MessageSource messages) {
		this.tickets = tickets;
		this.surveys = surveys;
		this.limits = limits;
		this.formats = formats;
		this.messages = messages;
	}

	@GetMapping("/forms/ticket")
	String form(Model model) {
		model.addAttribute("form", Map.of());
		model.addAttribute("errors", Map.of());
		return "service/public-ticket";
	}

	@PostMapping("/forms/ticket")
	String submit(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Model model) {
		Forms f = new Forms(params, formats.zone());
		if (f.text(HONEYPOT) != null) {
			// a bot filled the invisible field: thank it, store nothing
			return "service/public-ticket-thanks";
		}
		if (!limits.allow("web-ticket:" + request.getRemoteAddr(), POSTS_PER_HOUR, Duration.ofHours(1))) {
			throw new TooManyPosts();
		}
		try {
			var t = tickets.openForCustomer(f.text("email"), f.text("firstName"), f.text("lastName"), f.text("subject"),
					f.multiline("description"), "web");
			model.addAttribute("reference", t.reference());
			return "service/public-ticket-thanks";
		}
		catch (InvalidInput ex) {
			model.addAttribute("form", f.echo());
			model.addAttribute("errors", Forms.errors(ex, messages));
			return "service/public-ticket";
		}
	}

	@GetMapping("/forms/feedback")
	String feedbackForm(@RequestParam(required = false) String reference, Model model) {
		model.addAttribute("form", reference == null ? Map.of() : Map.of("reference", reference));
		model.addAttribute("errors", Map.of());
		return "service/public-feedback";
	}

	/** Feedback on a ticket: the same thanks whether or not the reference and address matched. */
	@PostMapping("/forms/feedback")
	String feedback(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Model model) {
		Forms f = new Forms(params, formats.zone());
		if (f.text(HONEYPOT) != null) {
			return "service/public-ticket-thanks";
		}
		if (!limits.allow("web-feedback:" + request.getRemoteAddr(), POSTS_PER_HOUR, Duration.ofHours(1))) {
			throw new TooManyPosts();
		}
		try {
			tickets.leaveFeedback(f.text("reference"), f.text("email"), f.multiline("feedback"));
			return "service/public-ticket-thanks";
		}
		catch (InvalidInput ex) {
			model.addAttribute("form", f.echo());
			model.addAttribute("errors", Forms.errors(ex, messages));
			return "service/public-feedback";
		}
	}

	@GetMapping("/forms/survey/{token}")
	String survey(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			OpenSurvey s = surveys.open(token);
			model.addAttribute("survey", s);
			model.addAttribute("token", token);
			model.addAttribute("errors", Map.of());
			return "service/survey";
		}
		catch (RecordNotFound | SurveyManagement.SurveyGone ex) {
			return unavailable(ex, response);
		}
	}

	@PostMapping("/forms/survey/{token}")
	String answer(@PathVariable String token, @RequestParam MultiValueMap<String, String> params, Model model,
			HttpServletResponse response) {
		Forms f = new Forms(params, formats.zone());
		try {
			Integer score = null;
			try {
				score = f.integer("score");
			}
			catch (InvalidInput ex) {
				// reported by the survey's own check below, as "score"
			}
			surveys.answer(token, score, f.multiline("comment"));
			return "service/survey-thanks";
		}
		catch (RecordNotFound | SurveyManagement.SurveyGone ex) {
			return unavailable(ex, response);
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("survey", surveys.open(token));
			model.addAttribute("token", token);
			model.addAttribute("errors", Forms.errors(ex, messages));
			return "service/survey";
		}
	}

	private static String unavailable(RapportException ex, HttpServletResponse response) {
		response.setStatus(ex instanceof RecordNotFound ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
		return "service/survey-unavailable";
	}

	static class TooManyPosts extends RapportException {

		TooManyPosts() {
			super(HttpStatus.TOO_MANY_REQUESTS, "too-many-posts", "Too many submissions from this address; try later");
		}

		@Override
		public Long retryAfterSeconds() {
			return 3600L;
		}

	}

}
