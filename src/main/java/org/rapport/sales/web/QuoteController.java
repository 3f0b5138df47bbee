package org.rapport.sales.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.customers.AccountManagement;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.StateConflict;
import org.rapport.platform.web.Formats;
import org.rapport.platform.web.Forms;
import org.rapport.sales.CurrencyManagement;
import org.rapport.sales.DealManagement;
import org.rapport.sales.DealView;
import org.rapport.sales.LineView;
import org.rapport.sales.OrderManagement;
import org.rapport.sales.OrderView;
import org.rapport.sales.ProductManagement;
import org.rapport.sales.QuoteFields;
import org.rapport.sales.QuoteLine;
import org.rapport.sales.QuoteManagement;
import org.rapport.sales.QuoteView;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Quote and order pages: lists, the quote editor with its lines, actions, the printable quote, orders. */
@Controller
class QuoteController {

	static final int EMPTY_LINES = 3;

	private final QuoteManagement quotes;

	private final OrderManagement orders;

	private final DealManagement deals;

	private final ProductManagement products;

	private final AccountManagement accounts;

	private final CurrencyManagement currencies;

	private final AuditTrail audit;

	private final Formats formats;

	private final MessageSource messages;

	QuoteController(QuoteManagement quotes, OrderManagement orders, DealManagement deals, ProductManagement products,
			AccountManagement accounts, CurrencyManagement currencies, AuditTrail audit, Formats formats,
			MessageSource messages) {
		this.quotes = quotes;
		this.orders = orders;
		this.deals = deals;
		this.products = products;
		this.accounts = accounts;
		this.currencies = currencies;
		this.audit = audit;
		this.formats = formats;
		this.messages = messages;
	}

	@GetMapping("/quotes")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
			@RequestParam Map<String, String> params, Model model) {
		var page = quotes.list(null, null, LeadController.blank(status), 25, LeadController.blank(cursor));
		model.addAttribute("page", page);
		model.addAttribute("status", status);
		model.addAttribute("nextUrl", page.hasNext() ? org.rapport.platform.web.PageLinks.next("/quotes", params, page.nextCursor()) : null);
		return "sales/quotes";
	}

	@GetMapping("/quotes/{id}")
	String view(@PathVariable long id, @RequestParam(defaultValue = "details") String tab, Model model) {
		QuoteView quote = quotes.get(id);
		model.addAttribute("quote", quote);
		model.addAttribute("canEdit", quotes.canEdit(quote));
		model.addAttribute("tab", tab);
		if ("history".equals(tab)) {
			model.addAttribute("history", audit.history("quote", Long.toString(id), 100, null));
		}
		return "sales/quote";
	}

	@GetMapping("/quotes/{id}/print")
	String print(@PathVariable long id, Model model) {
		model.addAttribute("quote", quotes.get(id));
		return "sales/quote-print";
	}

	@GetMapping("/quotes/new")
	String newForm(@RequestParam(required = false) Long dealId, Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("currency", currencies.corporateCurrency());
		if (dealId != null) {
			DealView deal = deals.get(dealId);
			form.put("dealId", dealId.toString());
			form.put("currency", deal.currency());
			if (deal.accountId() != null) {
				form.put("accountId", deal.accountId().toString());
				form.put("accountName", deal.accountName());
			}
		}
		form.put("validUntil", LocalDate.now().plusDays(30).toString());
		return form(model, form, Map.of(), null, EMPTY_LINES);
	}

	@PostMapping("/quotes")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		int rows = rows(params);
		if (params.containsKey("addLine")) {
			return form(model, f.echo(), Map.of(), null, rows + 3);
		}
		try {
			QuoteFields fields = read(f, rows);
			QuoteView quote = quotes.create(fields);
			redirect.addFlashAttribute("flash", "flash.created");
			return "redirect:/quotes/" + quote.id();
		}
		catch (InvalidInput ex) {
			return form(model, f.echo(), Forms.errors(ex, messages), null, rows);
		}
	}

	@GetMapping("/quotes/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		QuoteView q = quotes.get(id);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("accountId", q.accountId() == null ? null : q.accountId().toString());
		form.put("accountName", q.accountName());
		form.put("dealId", q.dealId() == null ? null : q.dealId().toString());
		form.put("currency", q.currency());
		form.put("validUntil", q.validUntil() == null ? null : q.validUntil().toString());
		form.put("notes", q.notes());
		form.put("version", Long.toString(q.version()));
		for (LineView l : q.lines()) {
			String p = "lines[" + (l.position() - 1) + "].";
			form.put(p + "productId", l.productId() == null ? null : l.productId().toString());
			form.put(p + "description", l.description());
			form.put(p + "quantity", l.quantity().toPlainString());
			form.put(p + "unitPrice", l.unitPrice().toPlainString());
			form.put(p + "discountPercent", l.discountPercent().toPlainString());
			form.put(p + "taxRatePercent", l.taxRatePercent().toPlainString());
		}
		return form(model, form, Map.of(), q, q.lines().size() + 1);
	}

	@PostMapping("/quotes/{id}")
	String update(@PathVariable long id, @RequestParam long version, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect) {
		QuoteView current = quotes.get(id);
		Forms f = new Forms(params, formats.zone());
		int rows = rows(params);
		if (params.containsKey("addLine")) {
			return form(model, f.echo(), Map.of(), current, rows + 3);
		}
		try {
			quotes.update(id, version, read(f, rows));
			redirect.addFlashAttribute("flash", "flash.saved");
			return "redirect:/quotes/" + id;
		}
		catch (InvalidInput ex) {
			return form(model, f.echo(), Forms.errors(ex, messages), current, rows);
		}
		catch (StaleVersion ex) {
			return form(model, f.echo(), Map.of(), current, rows);
		}
	}

	@PostMapping("/quotes/{id}/{action:send|revise|reject|accept}")
	String action(@PathVariable long id, @PathVariable String action, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			switch (action) {
				case "send" -> quotes.send(id, version);
				case "reject" -> quotes.reject(id, version);
				case "revise" -> {
					QuoteView revised = quotes.revise(id, version);
					redirect.addFlashAttribute("flash", "flash.revised");
					return "redirect:/quotes/" + revised.id() + "/edit";
				}
				default -> {
					OrderView order = quotes.accept(id, version);
					redirect.addFlashAttribute("flash", "flash.accepted");
					return "redirect:/orders/" + order.id();
				}
			}
			redirect.addFlashAttribute("flash", "flash.saved");
		}
		catch (StateConflict ex) {
			redirect.addFlashAttribute("flash", "flash.notAllowedNow");
		}
		return "redirect:/quotes/" + id;
	}

	@GetMapping("/orders")
	String orders(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
			@RequestParam Map<String, String> params, Model model) {
		var page = orders.list(null, null, LeadController.blank(status), null, null, 25, LeadController.blank(cursor));
		model.addAttribute("page", page);
		model.addAttribute("status", status);
		model.addAttribute("nextUrl", page.hasNext() ? org.rapport.platform.web.PageLinks.next("/orders", params, page.nextCursor()) : null);
		return "sales/orders";
	}

	@GetMapping("/orders/{id}")
	String order(@PathVariable long id, @RequestParam(defaultValue = "details") String tab, Model model) {
		OrderView order = orders.get(id);
		model.addAttribute("order", order);
		model.addAttribute("canEdit", orders.canEdit(order));
		model.addAttribute("tab", tab);
		if ("history".equals(tab)) {
			model.addAttribute("history", audit.history("order", Long.toString(id), 100, null));
		}
		return "sales/order";
	}

	@PostMapping("/orders/{id}/{action:confirm|fulfil|cancel}")
	String orderAction(@PathVariable long id, @PathVariable String action, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			switch (action) {
				case "confirm" -> orders.confirm(id, version);
				case "fulfil" -> orders.fulfil(id, version);
				default -> orders.cancel(id, version);
			}
			redirect.addFlashAttribute("flash", "flash.saved");
		}
		catch (StateConflict ex) {
			redirect.addFlashAttribute("flash", "flash.notAllowedNow");
		}
		return "redirect:/orders/" + id;
	}

	private String form(Model model, Map<String, String> form, Map<String, String> errors, QuoteView quote, int rows) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("quote", quote);
		model.addAttribute("rows", java.util.stream.IntStream.range(0, Math.max(rows, 1)).boxed().toList());
		model.addAttribute("products", products.list(null, true, null, 500));
		return "sales/quote-form";
	}

	private static int rows(MultiValueMap<String, String> params) {
		int max = -1;
		for (String key : params.keySet()) {
			if (key.startsWith("lines[")) {
				try {
					max = Math.max(max, Integer.parseInt(key.substring(6, key.indexOf(']'))));
				}
				catch (RuntimeException ex) {
					// not a line field
				}
			}
		}
		return Math.min(max + 1, 500);
	}

	private static QuoteFields read(Forms f, int rows) {
		List<FieldProblem> problems = new ArrayList<>();
		List<QuoteLine> lines = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			String p = "lines[" + i + "].";
			Long product = f.id(p + "productId");
			String description = f.text(p + "description");
			String quantity = f.text(p + "quantity");
			if (product == null && description == null && quantity == null) {
				continue;
			}
			int index = lines.size();
			lines.add(new QuoteLine(product, description, decimal(f, p + "quantity", "lines[" + index + "].quantity", problems),
					decimal(f, p + "unitPrice", "lines[" + index + "].unitPrice", problems),
					decimal(f, p + "discountPercent", "lines[" + index + "].discountPercent", problems),
					decimal(f, p + "taxRatePercent", "lines[" + index + "].taxRatePercent", problems)));
		}
		LocalDate valid = null;
		if (f.text("validUntil") != null) {
			try {
				valid = LocalDate.parse(f.text("validUntil"));
			}
			catch (java.time.format.DateTimeParseException ex) {
				problems.add(new FieldProblem("validUntil", "not-a-date", "Must be a date"));
			}
		}
		f.validate();
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new QuoteFields(f.id("accountId"), null, f.id("dealId"), f.text("currency"), valid, f.multiline("notes"),
				null, lines);
	}

	private static BigDecimal decimal(Forms f, String name, String field, List<FieldProblem> problems) {
		String text = f.text(name);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(",", ""));
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "not-a-number", "Must be a number"));
			return null;
		}
	}

}
