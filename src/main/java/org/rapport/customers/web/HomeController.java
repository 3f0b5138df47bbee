package org.rapport.customers.web;

import java.time.Instant;
import java.util.List;

import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ActivityQuery;
import org.rapport.customers.ActivityView;
import org.rapport.platform.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the signed-in user has to do — overdue tasks first — and what happened lately. */
@Controller
class HomeController {

	private final ActivityManagement activities;

	HomeController(ActivityManagement activities) {
		this.activities = activities;
	}

	@GetMapping("/")
	String home(Model model) {
		Actor me = Actor.current();
		List<ActivityView> open = activities.openTasks(me.id(), 100);
		Instant now = Instant.now();
		model.addAttribute("overdue", open.stream().filter(t -> t.dueAt() != null && t.dueAt().isBefore(now)).toList());
		model.addAttribute("upcoming", open.stream().filter(t -> t.dueAt() == null || !t.dueAt().isBefore(now)).toList());
		model.addAttribute("recent", activities.list(new ActivityQuery(null, null, null, null, me.id(), null, 10, null))
			.items());
		return "customers/home";
	}

}
