package org.rapport.customers.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ActivityQuery;
import org.rapport.customers.ContactFields;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;
import org.rapport.customers.ContactView;
import org.rapport.customers.CustomFieldManagement;
import org.rapport.customers.Vocabulary;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.web.Formats;
import org.rapport.platform.web.Forms;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contact pages: the list with live search, the record page with its timeline and history, the form. */
@Controller
class ContactController {

	private final ContactManagement contacts;

	private final ActivityManagement activities;

	private final CustomFieldManagement customFields;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final Formats formats;

	private final MessageSource messages;

	ContactController(ContactManagement contacts, ActivityManagement activities, CustomFieldManagement customFields,
			UserDirectory users, AuditTrail audit, Formats formats, MessageSource messages) {
		this.contacts = contacts;
		this.activities = activities;
		this.customFields = customFields;
		this.users = users;
		this.audit = audit;
		this.formats = formats;
		this.messages = messages;
	}

	@GetMapping("/contacts")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String cursor, @RequestParam Map<String, String> params,
			HttpServletRequest request, Model model) {
		var page = contacts.list(new ContactQuery(blank(q), ownerId, accountId, blank(stage), blank(tag),
				CustomerJson.customFilters(params), blank(sort), 25, blank(cursor)));
		model.addAttribute("page", page);
		model.addAttribute("q", q);
		model.addAttribute("stage", stage);
		model.addAttribute("ownerId", ownerId);
		model.addAttribute("tag", tag);
		model.addAttribute("sort", sort == null ? "name" : sort);
		model.addAttribute("stages", Vocabulary.LIFECYCLE_STAGES);
		model.addAttribute("users", users.activeUsers());
		model.addAttribute("defs", customFields.definitions("contact"));
		model.addAttribute("cf", CustomerJson.customFilters(params));
		model.addAttribute("canCreate", Actor.current().role().editsCustomers());
		model.addAttribute("nextUrl", page.hasNext() ? org.rapport.platform.web.PageLinks.next("/contacts", params, page.nextCursor()) : null);
		if ("contact-rows".equals(request.getHeader("HX-Target"))) {
			return "customers/contacts :: rows";
		}
		return "customers/contacts";
	}

	@GetMapping("/contacts/{id}")
	String view(@PathVariable long id, @RequestParam(defaultValue = "timeline") String tab,
			@RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
		ContactView contact = contacts.get(id);
		model.addAttribute("contact", contact);
		model.addAttribute("canEdit", contacts.canEdit(contact));
		model.addAttribute("canDelete", contacts.canDelete(contact));
		model.addAttribute("defs", customFields.definitions("contact"));
		model.addAttribute("tab", tab);
		switch (tab) {
			case "history" -> model.addAttribute("history", audit.history("contact", Long.toString(id), 100, null));
			case "sharing" -> {
				model.addAttribute("shares", contacts.shares(id));
				model.addAttribute("users", users.activeUsers());
			}
			default -> {
				var timeline = activities.list(new ActivityQuery(id, null, null, null, null, null, 20, blank(cursor)));
				model.addAttribute("timeline", timeline);
				model.addAttribute("moreUrl", timeline.hasNext()
						? "/contacts/" + id + "?tab=timeline&cursor=" + timeline.nextCursor() : null);
				model.addAttribute("activityTypes", Vocabulary.ACTIVITY_TYPES);
				model.addAttribute("now", formats.inputDateTime(java.time.Instant.now()));
				if (cursor != null && request.getHeader("HX-Request") != null) {
					return "customers/timeline :: items";
				}
			}
		}
		return "customers/contact";
	}

	@GetMapping("/contacts/new")
	String newForm(@RequestParam(required = false) Long accountId, Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("lifecycleStage", "lead");
		form.put("ownerId", Long.toString(Actor.current().id()));
		if (accountId != null) {
			form.put("accountId", accountId.toString());
		}
		return form(model, form, Map.of(), null, null);
	}

	@PostMapping("/contacts")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Forms forms = new Forms(params, formats.zone());
		try {
			ContactFields fields = read(forms);
			forms.validate();
			ContactView contact = contacts.create(fields);
			redirect.addFlashAttribute("flash", "flash.created");
			return "redirect:/contacts/" + contact.id();
		}
		catch (InvalidInput ex) {
			return form(model, forms.echo(), Forms.errors(ex, messages), null, null);
		}
	}

	@GetMapping("/contacts/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		ContactView c = contacts.get(id);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("firstName", c.firstName());
		form.put("lastName", c.lastName());
		form.put("title", c.title());
		form.put("email", c.email());
		form.put("otherEmails", String.join("\n", c.emails().stream().skip(1).toList()));
		form.put("phone", c.phone());
		form.put("otherPhones", String.join("\n", c.phones().stream().skip(1).toList()));
		form.put("accountId", c.accountId() == null ? null : c.accountId().toString());
		form.put("accountName", c.accountName());
		form.put("street", c.street());
		form.put("city", c.city());
		form.put("region", c.region());
		form.put("postalCode", c.postalCode());
		form.put("country", c.country());
		form.put("lifecycleStage", c.lifecycleStage());
		form.put("source", c.source());
		form.put("ownerId", Long.toString(c.ownerId()));
		form.put("tags", String.join(", ", c.tags()));
		c.customFields().forEach((k, v) -> form.put("cf." + k, String.valueOf(v)));
		form.put("version", Long.toString(c.version()));
		return form(model, form, Map.of(), c, null);
	}

	@PostMapping("/contacts/{id}")
	String update(@PathVariable long id, @RequestParam long version,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		ContactView current = contacts.get(id);
		Forms forms = new Forms(params, formats.zone());
		try {
			ContactFields fields = read(forms);
			forms.validate();
			contacts.update(id, version, fields);
			redirect.addFlashAttribute("flash", "flash.saved");
			return "redirect:/contacts/" + id;
		}
		catch (InvalidInput ex) {
			return form(model, forms.echo(), Forms.errors(ex, messages), current, null);
		}
		catch (StaleVersion ex) {
			return form(model, forms.echo(), Map.of(), current, "conflict");
		}
	}

	@PostMapping("/contacts/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		contacts.delete(id, version);
		redirect.addFlashAttribute("flash", "flash.deleted");
		return "redirect:/contacts";
	}

	@PostMapping("/contacts/{id}/shares")
	String share(@PathVariable long id, @RequestParam long userId, @RequestParam(defaultValue = "read") String access,
			RedirectAttributes redirect) {
		contacts.share(id, userId, access);
		redirect.addFlashAttribute("flash", "flash.shared");
		return "redirect:/contacts/" + id + "?tab=sharing";
	}

	@PostMapping("/contacts/{id}/shares/{userId}/delete")
	String unshare(@PathVariable long id, @PathVariable long userId, RedirectAttributes redirect) {
		contacts.unshare(id, userId);
		redirect.addFlashAttribute("flash", "flash.unshared");
		return "redirect:/contacts/" + id + "?tab=sharing";
	}

	private String form(Model model, Map<String, String> form, Map<String, String> errors, ContactView contact,
			String alert) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("contact", contact);
		model.addAttribute("alert", alert);
		model.addAttribute("defs", customFields.definitions("contact"));
		model.addAttribute("stages", Vocabulary.LIFECYCLE_STAGES);
		model.addAttribute("users", users.activeUsers());
		return "customers/contact-form";
	}

	private static ContactFields read(Forms f) {
		List<String> emails = new ArrayList<>();
		if (f.text("email") != null) {
			emails.add(f.text("email"));
		}
		emails.addAll(f.lines("otherEmails"));
		List<String> phones = new ArrayList<>();
		if (f.text("phone") != null) {
			phones.add(f.text("phone"));
		}
		phones.addAll(f.lines("otherPhones"));
		return new ContactFields(f.text("firstName"), f.text("lastName"), f.text("title"), emails, phones,
				f.id("accountId"), f.text("street"), f.text("city"), f.text("region"), f.text("postalCode"),
				f.text("country"), f.text("lifecycleStage"), f.text("source"), f.id("ownerId"), f.commaList("tags"),
				f.prefixed("cf."));
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
