package org.rapport.customers.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.rapport.customers.AccountFields;
import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.AccountView;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ActivityQuery;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;
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

/** Account pages: list with live search, the record page (people, timeline, history, sharing), the form. */
@Controller
class AccountController {

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ActivityManagement activities;

	private final CustomFieldManagement customFields;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final Formats formats;

	private final MessageSource messages;

	AccountController(AccountManagement accounts, ContactManagement contacts, ActivityManagement activities,
			CustomFieldManagement customFields, UserDirectory users, AuditTrail audit, Formats formats,
			MessageSource messages) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.activities = activities;
		this.customFields = customFields;
		this.users = users;
		this.audit = audit;
		this.formats = formats;
		this.messages = messages;
	}

	@GetMapping("/accounts")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) String industry, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
			@RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
		var page = accounts.list(new AccountQuery(ContactController.blank(q), ownerId, ContactController.blank(industry),
				ContactController.blank(tag), CustomerJson.customFilters(params), ContactController.blank(sort), 25,
				ContactController.blank(cursor)));
		model.addAttribute("page", page);
		model.addAttribute("q", q);
		model.addAttribute("ownerId", ownerId);
		model.addAttribute("industry", industry);
		model.addAttribute("tag", tag);
		model.addAttribute("sort", sort == null ? "name" : sort);
		model.addAttribute("industries", accounts.industries());
		model.addAttribute("users", users.activeUsers());
		model.addAttribute("defs", customFields.definitions("account"));
		model.addAttribute("cf", CustomerJson.customFilters(params));
		model.addAttribute("canCreate", Actor.current().role().editsCustomers());
		model.addAttribute("nextUrl", page.hasNext() ? org.rapport.platform.web.PageLinks.next("/accounts", params, page.nextCursor()) : null);
		if ("account-rows".equals(request.getHeader("HX-Target"))) {
			return "customers/accounts :: rows";
		}
		return "customers/accounts";
	}

	/** Options for the company picker of the contact form. */
	@GetMapping("/accounts/picker")
	String picker(@RequestParam(name = "accountSearch", required = false) String q, Model model) {
		model.addAttribute("options", accounts.list(new AccountQuery(ContactController.blank(q), null, null, null, null,
				null, 20, null)).items());
		return "customers/accounts :: options";
	}

	@GetMapping("/accounts/{id}")
	String view(@PathVariable long id, @RequestParam(defaultValue = "contacts") String tab,
			@RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
		AccountView account = accounts.get(id);
		model.addAttribute("account", account);
		model.addAttribute("canEdit", accounts.canEdit(account));
		model.addAttribute("canDelete", accounts.canDelete(account));
		model.addAttribute("defs", customFields.definitions("account"));
		model.addAttribute("tab", tab);
		switch (tab) {
			case "history" -> model.addAttribute("history", audit.history("account", Long.toString(id), 100, null));
			case "sharing" -> {
				model.addAttribute("shares", accounts.shares(id));
				model.addAttribute("users", users.activeUsers());
			}
			case "timeline" -> {
				var timeline = activities.list(new ActivityQuery(null, id, null, null, null, null, 20,
						ContactController.blank(cursor)));
				model.addAttribute("timeline", timeline);
				model.addAttribute("moreUrl",
						timeline.hasNext() ? "/accounts/" + id + "?tab=timeline&cursor=" + timeline.nextCursor() : null);
				model.addAttribute("activityTypes", Vocabulary.ACTIVITY_TYPES);
				model.addAttribute("now", formats.inputDateTime(java.time.Instant.now()));
				if (cursor != null && request.getHeader("HX-Request") != null) {
					return "customers/timeline :: items";
				}
			}
			default -> {
				model.addAttribute("tab", "contacts");
				model.addAttribute("people",
						contacts.list(new ContactQuery(null, null, id, null, null, null, null, 200, null)).items());
			}
		}
		return "customers/account";
	}

	@GetMapping("/accounts/new")
	String newForm(Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("ownerId", Long.toString(Actor.current().id()));
		return form(model, form, Map.of(), null, null);
	}

	@PostMapping("/accounts")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Forms forms = new Forms(params, formats.zone());
		try {
			AccountFields fields = read(forms);
			forms.validate();
			AccountView account = accounts.create(fields);
			redirect.addFlashAttribute("flash", "flash.created");
			return "redirect:/accounts/" + account.id();
		}
		catch (InvalidInput ex) {
			return form(model, forms.echo(), Forms.errors(ex, messages), null, null);
		}
	}

	@GetMapping("/accounts/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		AccountView a = accounts.get(id);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", a.name());
		form.put("industry", a.industry());
		form.put("size", a.size());
		form.put("website", a.website());
		form.put("phone", a.phone());
		form.put("street", a.street());
		form.put("city", a.city());
		form.put("region", a.region());
		form.put("postalCode", a.postalCode());
		form.put("country", a.country());
		form.put("ownerId", Long.toString(a.ownerId()));
		form.put("tags", String.join(", ", a.tags()));
		a.customFields().forEach((k, v) -> form.put("cf." + k, String.valueOf(v)));
		form.put("version", Long.toString(a.version()));
		return form(model, form, Map.of(), a, null);
	}

	@PostMapping("/accounts/{id}")
	String update(@PathVariable long id, @RequestParam long version,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		AccountView current = accounts.get(id);
		Forms forms = new Forms(params, formats.zone());
		try {
			AccountFields fields = read(forms);
			forms.validate();
			accounts.update(id, version, fields);
			redirect.addFlashAttribute("flash", "flash.saved");
			return "redirect:/accounts/" + id;
		}
		catch (InvalidInput ex) {
			return form(model, forms.echo(), Forms.errors(ex, messages), current, null);
		}
		catch (StaleVersion ex) {
			return form(model, forms.echo(), Map.of(), current, "conflict");
		}
	}

	@PostMapping("/accounts/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		accounts.delete(id, version);
		redirect.addFlashAttribute("flash", "flash.deleted");
		return "redirect:/accounts";
	}

	@PostMapping("/accounts/{id}/shares")
	String share(@PathVariable long id, @RequestParam long userId, @RequestParam(defaultValue = "read") String access,
			RedirectAttributes redirect) {
		accounts.share(id, userId, access);
		redirect.addFlashAttribute("flash", "flash.shared");
		return "redirect:/accounts/" + id + "?tab=sharing";
	}

	@PostMapping("/accounts/{id}/shares/{userId}/delete")
	String unshare(@PathVariable long id, @PathVariable long userId, RedirectAttributes redirect) {
		accounts.unshare(id, userId);
		redirect.addFlashAttribute("flash", "flash.unshared");
		return "redirect:/accounts/" + id + "?tab=sharing";
	}

	private String form(Model model, Map<String, String> form, Map<String, String> errors, AccountView account,
			String alert) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("account", account);
		model.addAttribute("alert", alert);
		model.addAttribute("defs", customFields.definitions("account"));
		model.addAttribute("sizes", Vocabulary.ACCOUNT_SIZES);
		model.addAttribute("users", users.activeUsers());
		return "customers/account-form";
	}

	private static AccountFields read(Forms f) {
		return new AccountFields(f.text("name"), f.text("industry"), f.text("size"), f.text("website"), f.text("phone"),
				f.text("street"), f.text("city"), f.text("region"), f.text("postalCode"), f.text("country"),
				f.id("ownerId"), f.commaList("tags"), f.prefixed("cf."));
	}

}
