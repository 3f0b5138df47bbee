package org.rapport.platform.web;

import java.util.Map;

import org.rapport.platform.Actor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.security.ApiTokens;
import org.rapport.platform.users.UserAccounts;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own page: password and API tokens. */
@Controller
class ProfileController {

	private final UserAccounts users;

	private final ApiTokens tokens;

	private final MessageSource messages;

	ProfileController(UserAccounts users, ApiTokens tokens, MessageSource messages) {
		this.users = users;
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping("/profile")
	String profile(Model model) {
		Actor me = Actor.current();
		model.addAttribute("user", users.get(me.id()));
		model.addAttribute("tokens", tokens.list(me, me.id()));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "platform/profile";
	}

	@PostMapping("/profile/password")
	String password(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, Model model, RedirectAttributes redirect) {
		try {
			users.changeOwnPassword(Actor.current().id(), currentPassword, newPassword);
			redirect.addFlashAttribute("flash", "flash.passwordChanged");
			return "redirect:/profile";
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", Forms.errors(ex, messages));
			return profile(model);
		}
	}

	@PostMapping("/profile/tokens")
	String createToken(@RequestParam(required = false) String name, @RequestParam(required = false) Integer days,
			Model model) {
		var issued = tokens.issue(Actor.current(), name, days);
		model.addAttribute("newToken", issued.token());
		return profile(model);
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(Actor.current(), id);
		redirect.addFlashAttribute("flash", "flash.tokenRevoked");
		return "redirect:/profile";
	}

}
