package org.rapport.sales.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.StateConflict;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.web.Formats;
import org.rapport.platform.web.Forms;
import org.rapport.sales.LeadConversion;
import org.rapport.sales.LeadFields;
import org.rapport.sales.LeadManagement;
import org.rapport.sales.LeadScores;
import org.rapport.sales.LeadView;
import org.rapport.sales.PipelineManagement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Lead pages: list, record, form, and the conversion page that proposes existing matches first. */
@Controller
class LeadController {

	private final LeadManagement leads;

	private final PipelineManagement pipelines;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final Formats formats;

	private final MessageSource messages;

	/** Lead scores, when a module provides them (analytics). */
	private final ObjectProvider<LeadScores> scores;

	LeadController(LeadManagement leads, PipelineManagement pipelines, UserDirectory users, AuditTrail audit,
			Formats formats, MessageSource messages, ObjectProvider<LeadScores> scores) {
		this.leads = leads;
		this.scores = scores;
		this.pipelines = pipelines;
		this.users = users;
		this.audit = audit;
		this.formats = formats;
		this.messages = messages;
	}

	@GetMapping("/leads")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String cursor,
			@RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
		var page = leads.list(blank(q), blank(status), ownerId, null, "-createdAt", 25, blank(cursor));
		model.addAttribute("page", page);
		LeadScores scoring = scores.getIfAvailable();
		model.addAttribute("scores", scoring == null ? Map.of() : scoring.scores(page.items()));
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("ownerId", ownerId);
		model.addAttribute("users", users.activeUsers());
		model.addAttribute("canCreate", LeadManagement.EDITORS.test(Actor.current().role()));
		model.addAttribute("nextUrl", page.hasNext() ? org.rapport.platform.web.PageLinks.next("/leads", params, page.nextCursor()) : null);
		if ("lead-rows".equals(request.getHeader("HX-Target"))) {
			return "sales/leads :: rows";
		}
		return "sales/leads";
	}

	@GetMapping("/leads/{id}")
	String view(@PathVariable long id, @RequestParam(defaultValue = "details") String tab, Model model) {
		LeadView lead = leads.get(id);
		model.addAttribute("lead", lead);
		model.addAttribute("canEdit", leads.canEdit(lead));
		model.addAttribute("tab", tab);
		LeadScores scoring = scores.getIfAvailable();
		model.addAttribute("score", scoring == null ? null : scoring.score(lead).orElse(null));
		if ("history".equals(tab)) {
			model.addAttribute("history", audit.history("lead", Long.toString(id), 100, null));
		}
		return "sales/lead";
	}

	@GetMapping("/leads/new")
	String newForm(Model model) {
		return form(model, new LinkedHashMap<>(Map.of("status", "new")), Map.of(), null, null);
	}

	@PostMapping("/leads")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		try {
			LeadFields fields = read(f);
			f.validate();
			LeadView lead = leads.create(fields);
			redirect.addFlashAttribute("flash", "flash.created");
			return "redirect:/leads/" + lead.id();
		}
		catch (InvalidInput ex) {
			return form(model, f.echo(), Forms.errors(ex, messages), null, null);
		}
	}

	@GetMapping("/leads/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		LeadView l = leads.get(id);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("firstName", l.firstName());
		form.put("lastName", l.lastName());
		form.put("email", l.email());
		form.put("phone", l.phone());
		form.put("company", l.company());
		form.put("title", l.title());
		form.put("website", l.website());
		form.put("city", l.city());
		form.put("country", l.country());
		form.put("source", l.source());
		form.put("status", l.status());
		form.put("disqualifyReason", l.disqualifyReason());
		form.put("notes", l.notes());
		form.put("ownerId", Long.toString(l.ownerId()));
		form.put("version", Long.toString(l.version()));
		return form(model, form, Map.of(), l, null);
	}

	@PostMapping("/leads/{id}")
	String update(@PathVariable long id, @RequestParam long version, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect) {
		LeadView current = leads.get(id);
		Forms f = new Forms(params, formats.zone());
		try {
			LeadFields fields = read(f);
			f.validate();
			leads.update(id, version, fields);
			redirect.addFlashAttribute("flash", "flash.saved");
			return "redirect:/leads/" + id;
		}
		catch (InvalidInput ex) {
			return form(model, f.echo(), Forms.errors(ex, messages), current, null);
		}
		catch (StaleVersion ex) {
			return form(model, f.echo(), Map.of(), current, "conflict");
		}
	}

	@GetMapping("/leads/{id}/convert")
	String convertForm(@PathVariable long id, Model model) {
		LeadView lead = leads.get(id);
		model.addAttribute("lead", lead);
		model.addAttribute("matches", leads.matches(id));
		model.addAttribute("pipelines", pipelines.pipelines());
		model.addAttribute("errors", Map.of());
		return "sales/lead-convert";
	}

	@PostMapping("/leads/{id}/convert")
	String convert(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		try {
			Long accountId = "new".equals(f.text("account")) ? null : f.id("account");
			Long contactId = "new".equals(f.text("contact")) ? null : f.id("contact");
			boolean createDeal = f.checked("createDeal");
			java.math.BigDecimal amount = null;
			if (f.text("amount") != null) {
				try {
					amount = new java.math.BigDecimal(f.text("amount").replace(",", ""));
				}
				catch (NumberFormatException ex) {
					throw InvalidInput.of("amount", "not-a-number", "Must be a number");
				}
			}
			f.validate();
			LeadConversion.Result result = leads.convert(id, new LeadConversion(contactId, accountId, createDeal,
					f.text("dealName"), amount, f.text("currency"), f.id("pipelineId"), f.text("stage"), null));
			redirect.addFlashAttribute("flash", "flash.converted");
			return result.dealId() != null ? "redirect:/deals/" + result.dealId() : "redirect:/contacts/" + result.contactId();
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", Forms.errors(ex, messages));
			model.addAttribute("lead", leads.get(id));
			model.addAttribute("matches", leads.matches(id));
			model.addAttribute("pipelines", pipelines.pipelines());
			return "sales/lead-convert";
		}
		catch (StateConflict ex) {
			redirect.addFlashAttribute("flash", "flash.notConvertible");
			return "redirect:/leads/" + id;
		}
	}

	private String form(Model model, Map<String, String> form, Map<String, String> errors, LeadView lead, String alert) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("lead", lead);
		model.addAttribute("alert", alert);
		model.addAttribute("users", users.activeUsers());
		return "sales/lead-form";
	}

	private static LeadFields read(Forms f) {
		return new LeadFields(f.text("firstName"), f.text("lastName"), f.text("email"), f.text("phone"), f.text("company"),
				f.text("title"), f.text("website"), f.text("city"), f.text("country"), f.text("source"), f.text("status"),
				f.text("disqualifyReason"), f.multiline("notes"), f.id("ownerId"));
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
