package org.rapport.sales.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.web.Formats;
import org.rapport.platform.web.Forms;
import org.rapport.sales.CurrencyManagement;
import org.rapport.sales.DealFields;
import org.rapport.sales.DealManagement;
import org.rapport.sales.DealView;
import org.rapport.sales.Pipeline;
import org.rapport.sales.PipelineManagement;
import org.rapport.sales.QuoteManagement;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deal pages: the kanban board of a pipeline (drag a card to another column, or use the card's
 * stage menu from the keyboard), the list, the record page and the form.
 */
@Controller
class DealController {

	private final DealManagement deals;

	private final PipelineManagement pipelines;

	private final QuoteManagement quotes;

	private final AccountManagement accounts;

	private final CurrencyManagement currencies;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final Formats formats;

	private final MessageSource messages;

	DealController(DealManagement deals, PipelineManagement pipelines, QuoteManagement quotes,
			AccountManagement accounts, CurrencyManagement currencies, UserDirectory users, AuditTrail audit,
			Formats formats, MessageSource messages) {
		this.deals = deals;
		this.pipelines = pipelines;
		this.quotes = quotes;
		this.accounts = accounts;
		this.currencies = currencies;
		this.users = users;
		this.audit = audit;
		this.formats = formats;
		this.messages = messages;
	}

	@GetMapping("/deals")
	String board(@RequestParam(required = false) Long pipelineId, @RequestParam(required = false) Long ownerId,
			HttpServletRequest request, Model model) {
		Pipeline pipeline = pipelineId == null ? pipelines.defaultPipeline() : pipelines.get(pipelineId);
		model.addAttribute("pipeline", pipeline);
		model.addAttribute("pipelines", pipelines.pipelines());
		model.addAttribute("columns", deals.board(pipeline.id(), ownerId, 50));
		model.addAttribute("currency", currencies.corporateCurrency());
		model.addAttribute("ownerId", ownerId);
		model.addAttribute("users", users.activeUsers());
		model.addAttribute("canCreate", Actor.current().role().editsCustomers());
		if ("board".equals(request.getHeader("HX-Target"))) {
			return "sales/deals :: board";
		}
		return "sales/deals";
	}

	@GetMapping("/deals/list")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String cursor,
			@RequestParam Map<String, String> params, Model model) {
		var page = deals.list(null, null, ownerId, null, open, LeadController.blank(q), 25, LeadController.blank(cursor));
		model.addAttribute("page", page);
		model.addAttribute("q", q);
		model.addAttribute("open", open);
		model.addAttribute("nextUrl", page.hasNext() ? org.rapport.platform.web.PageLinks.next("/deals/list", params, page.nextCursor()) : null);
		return "sales/deal-list";
	}

	@GetMapping("/deals/{id}")
	String view(@PathVariable long id, @RequestParam(defaultValue = "details") String tab, Model model) {
		DealView deal = deals.get(id);
		model.addAttribute("deal", deal);
		model.addAttribute("canEdit", deals.canEdit(deal));
		model.addAttribute("canDelete", deals.canDelete(deal));
		model.addAttribute("pipeline", pipelines.get(deal.pipelineId()));
		model.addAttribute("stages", deals.stageHistory(id));
		model.addAttribute("quotes", quotes.list(null, id, null, 50, null).items());
		model.addAttribute("tab", tab);
		if ("history".equals(tab)) {
			model.addAttribute("history", audit.history("deal", Long.toString(id), 100, null));
		}
		return "sales/deal";
	}

	/** The board's move: from a drag (htmx, answers the refreshed board) or from the card's stage menu. */
	@PostMapping("/deals/{id}/stage")
	Object move(@PathVariable long id, @RequestParam long version, @RequestParam String stage,
			@RequestHeader(value = "HX-Request", required = false) String htmx, RedirectAttributes redirect, Model model,
			HttpServletRequest request) {
		DealView deal = deals.move(id, version, stage);
		if (htmx != null) {
			model.addAttribute("pipeline", pipelines.get(deal.pipelineId()));
			model.addAttribute("columns", deals.board(deal.pipelineId(), null, 50));
			model.addAttribute("currency", currencies.corporateCurrency());
			return "sales/deals :: board";
		}
		redirect.addFlashAttribute("flash", "flash.moved");
		return "redirect:/deals?pipelineId=" + deal.pipelineId();
	}

	@GetMapping("/deals/new")
	String newForm(@RequestParam(required = false) Long accountId, Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("currency", currencies.corporateCurrency());
		form.put("ownerId", Long.toString(Actor.current().id()));
		if (accountId != null) {
			form.put("accountId", accountId.toString());
			form.put("accountName", accounts.visibleNames(List.of(accountId)).get(accountId));
		}
		return form(model, form, Map.of(), null, null);
	}

	@PostMapping("/deals")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		try {
			DealFields fields = read(f);
			f.validate();
			DealView deal = deals.create(fields);
			redirect.addFlashAttribute("flash", "flash.created");
			return "redirect:/deals/" + deal.id();
		}
		catch (InvalidInput ex) {
			return form(model, f.echo(), Forms.errors(ex, messages), null, null);
		}
	}

	@GetMapping("/deals/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		DealView d = deals.get(id);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", d.name());
		form.put("pipelineId", Long.toString(d.pipelineId()));
		form.put("stage", d.stage());
		form.put("accountId", d.accountId() == null ? null : d.accountId().toString());
		form.put("accountName", d.accountName());
		form.put("amount", d.amount().toPlainString());
		form.put("currency", d.currency());
		form.put("expectedCloseDate", d.expectedCloseDate() == null ? null : d.expectedCloseDate().toString());
		form.put("probability", Integer.toString(d.probability()));
		form.put("ownerId", Long.toString(d.ownerId()));
		form.put("nextStep", d.nextStep());
		form.put("lostReason", d.lostReason());
		form.put("version", Long.toString(d.version()));
		return form(model, form, Map.of(), d, null);
	}

	@PostMapping("/deals/{id}")
	String update(@PathVariable long id, @RequestParam long version, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect) {
		DealView current = deals.get(id);
		Forms f = new Forms(params, formats.zone());
		try {
			DealFields fields = read(f);
			f.validate();
			deals.update(id, version, new DealFields(fields.name(), fields.pipelineId(), fields.stage(),
					fields.accountId(), fields.amount(), fields.currency(), fields.expectedCloseDate(),
					fields.probability(), fields.ownerId(), fields.nextStep(), fields.lostReason(), current.contacts()));
			redirect.addFlashAttribute("flash", "flash.saved");
			return "redirect:/deals/" + id;
		}
		catch (InvalidInput ex) {
			return form(model, f.echo(), Forms.errors(ex, messages), current, null);
		}
		catch (StaleVersion ex) {
			return form(model, f.echo(), Map.of(), current, "conflict");
		}
	}

	@PostMapping("/deals/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		deals.delete(id, version);
		redirect.addFlashAttribute("flash", "flash.deleted");
		return "redirect:/deals";
	}

	private String form(Model model, Map<String, String> form, Map<String, String> errors, DealView deal, String alert) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("deal", deal);
		model.addAttribute("alert", alert);
		model.addAttribute("pipelines", pipelines.pipelines());
		model.addAttribute("users", users.activeUsers());
		return "sales/deal-form";
	}

	private DealFields read(Forms f) {
		BigDecimal amount = null;
		List<org.rapport.platform.RapportException.FieldProblem> problems = new ArrayList<>();
		if (f.text("amount") != null) {
			try {
				amount = new BigDecimal(f.text("amount").replace(",", "").replace("，", ""));
			}
			catch (NumberFormatException ex) {
				problems.add(new org.rapport.platform.RapportException.FieldProblem("amount", "not-a-number", "Must be a number"));
			}
		}
		java.time.LocalDate close = null;
		if (f.text("expectedCloseDate") != null) {
			try {
				close = java.time.LocalDate.parse(f.text("expectedCloseDate"));
			}
			catch (java.time.format.DateTimeParseException ex) {
				problems.add(new org.rapport.platform.RapportException.FieldProblem("expectedCloseDate", "not-a-date", "Must be a date"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new DealFields(f.text("name"), f.id("pipelineId"), f.text("stage"), f.id("accountId"), amount,
				f.text("currency"), close, f.integer("probability"), f.id("ownerId"), f.text("nextStep"),
				f.text("lostReason"), List.of());
	}

}
