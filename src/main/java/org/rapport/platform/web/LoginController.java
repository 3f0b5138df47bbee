package org.rapport.platform.web;

import org.rapport.platform.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; signed-in users go home. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return Actor.find().isPresent() ? "redirect:/" : "login";
	}

}
