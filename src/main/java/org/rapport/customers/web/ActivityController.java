package org.rapport.customers.web;

import org.rapport.customers.ActivityFields;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ActivityView;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.web.Formats;
import org.rapport.platform.web.Forms;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Logging activities and ticking off tasks from the record pages and the home page. */
@Controller
class ActivityController {

	private final ActivityManagement activities;

	private final Formats formats;

	private final MessageSource messages;

	ActivityController(ActivityManagement activities, Formats formats, MessageSource messages) {
		this.activities = activities;
		this.formats = formats;
		this.messages = messages;
	}

	@PostMapping("/activities")
	String create(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		ActivityFields fields = new ActivityFields(f.text("type"), f.text("subject"), f.multiline("body"),
				f.instant("occurredAt"), f.integer("durationMinutes"), f.text("outcome"), f.instant("dueAt"), null,
				f.id("contactId"), f.id("accountId"), f.id("ownerId"));
		String back = f.id("contactId") != null ? "/contacts/" + f.id("contactId") : "/accounts/" + f.id("accountId")
				+ "?tab=timeline";
		try {
			f.validate();
			activities.create(fields);
			redirect.addFlashAttribute("flash", "task".equals(fields.type()) ? "flash.taskAdded" : "flash.activityAdded");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("activityErrors", Forms.errors(ex, messages));
			redirect.addFlashAttribute("flash", "flash.activityInvalid");
		}
		return "redirect:" + back;
	}

	@PostMapping("/activities/{id}/status")
	String status(@PathVariable long id, @RequestParam long version, @RequestParam String status,
			@RequestHeader(value = "Referer", required = false) String referer, RedirectAttributes redirect) {
		ActivityView task = activities.setTaskStatus(id, version, status);
		redirect.addFlashAttribute("flash", "done".equals(task.status()) ? "flash.taskDone" : "flash.taskReopened");
		return "redirect:" + backTo(referer, task);
	}

	/** Back to the page the user came from, when it is one of ours. */
	private static String backTo(String referer, ActivityView task) {
		if (referer != null) {
			try {
				java.net.URI uri = java.net.URI.create(referer);
				String path = uri.getRawPath();
				if (path != null && path.startsWith("/") && !path.startsWith("//")) {
					return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
				}
			}
			catch (IllegalArgumentException ex) {
				// fall through
			}
		}
		return task.contactId() != null ? "/contacts/" + task.contactId() : "/";
	}

}
