package org.rapport.sales.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rapport.platform.Actor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Role;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.StateConflict;
import org.rapport.platform.web.Formats;
import org.rapport.platform.web.Forms;
import org.rapport.sales.CurrencyManagement;
import org.rapport.sales.Product;
import org.rapport.sales.ProductManagement;
import org.rapport.sales.ProductManagement.ProductFields;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The product catalogue pages; list prices in the corporate currency's default price book. */
@Controller
class ProductController {

	private final ProductManagement products;

	private final CurrencyManagement currencies;

	private final Formats formats;

	private final MessageSource messages;

	ProductController(ProductManagement products, CurrencyManagement currencies, Formats formats, MessageSource messages) {
		this.products = products;
		this.currencies = currencies;
		this.formats = formats;
		this.messages = messages;
	}

	@GetMapping("/products")
	String list(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("products", products.list(LeadController.blank(q), null, null, 500));
		model.addAttribute("q", q);
		model.addAttribute("canEdit", editor());
		return "sales/products";
	}

	@GetMapping("/products/new")
	String newForm(Model model) {
		return form(model, new LinkedHashMap<>(Map.of("unit", "each", "active", "true", "priceCurrency",
				currencies.corporateCurrency())), Map.of(), null);
	}

	@PostMapping("/products")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Forms f = new Forms(params, formats.zone());
		try {
			products.create(read(f));
			redirect.addFlashAttribute("flash", "flash.created");
			return "redirect:/products";
		}
		catch (InvalidInput ex) {
			return form(model, f.echo(), Forms.errors(ex, messages), null);
		}
		catch (StateConflict ex) {
			return form(model, f.echo(), Map.of("sku", messages.getMessage("field.error.taken", null, "Taken",
					org.springframework.context.i18n.LocaleContextHolder.getLocale())), null);
		}
	}

	@GetMapping("/products/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Product p = products.get(id);
		String currency = currencies.corporateCurrency();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("sku", p.sku());
		form.put("name", p.name());
		form.put("family", p.family());
		form.put("unit", p.unit());
		form.put("description", p.description());
		form.put("active", Boolean.toString(p.active()));
		form.put("priceCurrency", currency);
		form.put("price", p.prices().containsKey(currency) ? p.prices().get(currency).toPlainString() : null);
		form.put("version", Long.toString(p.version()));
		return form(model, form, Map.of(), p);
	}

	@PostMapping("/products/{id}")
	String update(@PathVariable long id, @RequestParam long version, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect) {
		Product current = products.get(id);
		Forms f = new Forms(params, formats.zone());
		try {
			products.update(id, version, read(f));
			redirect.addFlashAttribute("flash", "flash.saved");
			return "redirect:/products";
		}
		catch (InvalidInput ex) {
			return form(model, f.echo(), Forms.errors(ex, messages), current);
		}
		catch (StaleVersion | StateConflict ex) {
			return form(model, f.echo(), Map.of(), current);
		}
	}

	private String form(Model model, Map<String, String> form, Map<String, String> errors, Product product) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("product", product);
		return "sales/product-form";
	}

	private ProductFields read(Forms f) {
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		String currency = f.text("priceCurrency") == null ? currencies.corporateCurrency() : f.text("priceCurrency");
		if (f.text("price") != null) {
			try {
				prices.put(currency, new BigDecimal(f.text("price").replace(",", "")));
			}
			catch (NumberFormatException ex) {
				throw InvalidInput.of("price", "not-a-number", "Must be a number");
			}
		}
		return new ProductFields(f.text("sku"), f.text("name"), f.text("family"), f.text("unit"), f.multiline("description"),
				f.checked("active"), prices);
	}

	private static boolean editor() {
		Role role = Actor.current().role();
		return role == Role.ADMIN || role == Role.MANAGER;
	}

}
