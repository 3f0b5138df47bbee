package org.rapport.service.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;
import org.rapport.customers.ContactView;
import org.rapport.platform.Actor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.UserDirectory.UserSummary;
import org.rapport.platform.web.Formats;
import org.rapport.platform.web.Forms;
import org.rapport.service.QueueManagement;
import org.rapport.service.QueueManagement.QueueFields;
import org.rapport.service.ServiceVocabulary;
import org.rapport.service.SlaPolicies;
import org.rapport.service.SlaPolicies.PolicyFields;
import org.rapport.service.SurveyManagement;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The service set-up page: queues, SLA policies (admins) and NPS surveys to a contact search. */
@Controller
class ServiceSetupController {

	private final QueueManagement queues;

	private final SlaPolicies policies;

	private final SurveyManagement surveys;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final Formats formats;

	private final MessageSource messages;

	ServiceSetupController(QueueManagement queues, SlaPolicies policies, SurveyManagement surveys,
			ContactManagement contacts, UserDirectory users, Formats formats, MessageSource messages) {
		this.queues = queues;
		this.policies = policies;
		this.surveys = surveys;
		this.contacts = contacts;
		this.users = users;
		this.formats = formats;
		this.messages = messages;
	}

	@GetMapping("/service/setup")
	String page(@RequestParam(required = false) Long editQueue, Model model) {
		model.addAttribute("queues", queues.list());
		model.addAttribute("editing", editQueue == null ? null : queues.get(editQueue));
		model.addAttribute("policies", policies.list());
		model.addAttribute("users", users.activeUsers());
		Map<Long, String> teams = new LinkedHashMap<>();
		for (UserSummary u : users.activeUsers()) {
			if (u.teamId() != null) {
				teams.put(u.teamId(), u.teamName());
			}
		}
		model.addAttribute("teams", teams);
		model.addAttribute("assignments", ServiceVocabulary.ASSIGNMENT);
		model.addAttribute("isAdmin", Actor.current().isAdmin());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "service/setup";
	}

	@PostMapping("/service/setup/queues")
	String createQueue(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		try {
			Long team = f.id("teamId");
			Long lead = f.id("leadUserId");
			f.validate();
			queues.create(new QueueFields(f.text("name"), team, lead, f.text("assignment")));
			redirect.addFlashAttribute("flash", "flash.created");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("errors", Forms.errors(ex, messages));
		}
		return "redirect:/service/setup";
	}

	@PostMapping("/service/setup/queues/{id}")
	String updateQueue(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		try {
			Long team = f.id("teamId");
			Long lead = f.id("leadUserId");
			Long version = f.id("version");
			f.validate();
			queues.update(id, version == null ? -1 : version, new QueueFields(f.text("name"), team, lead, f.text("assignment")));
			redirect.addFlashAttribute("flash", "flash.saved");
			return "redirect:/service/setup";
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("errors", Forms.errors(ex, messages));
			return "redirect:/service/setup?editQueue=" + id;
		}
	}

	@PostMapping("/service/setup/policies")
	String savePolicy(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		try {
			Integer fr = f.integer("firstResponseMinutes");
			Integer res = f.integer("resolutionMinutes");
			Integer warn = f.integer("warnMinutes");
			f.validate();
			List<Integer> days = new ArrayList<>();
			for (String d : f.commaList("workDays")) {
				try {
					days.add(Integer.parseInt(d));
				}
				catch (NumberFormatException ex) {
					throw InvalidInput.of("workDays", "out-of-range", "Days 1 (Monday) to 7 (Sunday)");
				}
			}
			List<LocalDate> holidays = new ArrayList<>();
			for (String h : f.commaList("holidays")) {
				try {
					holidays.add(LocalDate.parse(h));
				}
				catch (DateTimeParseException ex) {
					throw InvalidInput.of("holidays", "not-a-date", "Dates like 2026-12-25");
				}
			}
			policies.save(new PolicyFields(f.text("priority"), f.text("accountTier"), fr, res, warn, f.text("timeZone"),
					days.isEmpty() ? null : days, time(f.text("workStart"), "workStart"), time(f.text("workEnd"), "workEnd"),
					holidays), null);
			redirect.addFlashAttribute("flash", "flash.saved");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("errors", Forms.errors(ex, messages));
		}
		return "redirect:/service/setup";
	}

	@PostMapping("/service/setup/nps")
	String sendNps(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		try {
			List<Long> ids = contacts.list(new ContactQuery(f.text("q"), null, null, null, f.text("tag"), null, null, 200, null))
				.items()
				.stream()
				.map(ContactView::id)
				.toList();
			int sent = ids.isEmpty() ? 0 : surveys.sendNps(f.text("campaign"), ids);
			redirect.addFlashAttribute("npsSent", sent);
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("errors", Forms.errors(ex, messages));
		}
		return "redirect:/service/setup";
	}

	private static LocalTime time(String text, String field) {
		if (text == null) {
			return null;
		}
		try {
			return LocalTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw InvalidInput.of(field, "not-a-time", "A time like 09:00");
		}
	}

}
