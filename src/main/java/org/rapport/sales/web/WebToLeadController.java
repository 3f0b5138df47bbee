package org.rapport.sales.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.security.RateLimits;
import org.rapport.platform.web.Formats;
import org.rapport.platform.web.Forms;
import org.rapport.sales.LeadFields;
import org.rapport.sales.LeadManagement;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The public web-to-lead form a company embeds on its website (an {@code <iframe>} of
 * {@code /forms/lead}, or its own form posting there). No sign-in; spam is kept out by a honeypot
 * field people never see and never fill, and by a limit of posts per IP address per hour shared by
 * all nodes.
 */
@Controller
class WebToLeadController {

	static final String HONEYPOT = "website_url";

	static final int POSTS_PER_HOUR = 10;

	private final LeadManagement leads;

	private final RateLimits limits;

	private final Formats formats;

	private final MessageSource messages;

	WebToLeadController(LeadManagement leads, RateLimits limits, Formats formats, MessageSource messages) {
		this.leads = leads;
		this.limits = limits;
		this.formats = formats;
		this.messages = messages;
	}

	@GetMapping("/forms/lead")
	String form(@RequestParam(required = false) String source, Model model) {
		model.addAttribute("form", java.util.Map.of("source", source == null ? "" : source));
		model.addAttribute("errors", java.util.Map.of());
		return "sales/web-form";
	}

	@PostMapping("/forms/lead")
	String submit(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Model model) {
		Forms f = new Forms(params, formats.zone());
		if (f.text(HONEYPOT) != null) {
			// a bot filled the invisible field: answer as if all went well, store nothing
			return "sales/web-form-thanks";
		}
		if (!limits.allow("web-to-lead:" + request.getRemoteAddr(), POSTS_PER_HOUR, Duration.ofHours(1))) {
			throw new TooManyPosts();
		}
		try {
			leads.capture(new LeadFields(f.text("firstName"), f.text("lastName"), f.text("email"), f.text("phone"),
					f.text("company"), f.text("title"), null, f.text("city"), f.text("country"), f.text("source"), null,
					null, f.multiline("message"), null));
			return "sales/web-form-thanks";
		}
		catch (InvalidInput ex) {
			model.addAttribute("form", f.echo());
			model.addAttribute("errors", Forms.errors(ex, messages));
			return "sales/web-form";
		}
	}

	@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
	static class TooManyPosts extends org.rapport.platform.RapportException {

		TooManyPosts() {
			super(HttpStatus.TOO_MANY_REQUESTS, "too-many-posts", "Too many submissions from this address; try later");
		}

		@Override
		public Long retryAfterSeconds() {
			return 3600L;
		}

	}

}
