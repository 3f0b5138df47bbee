package org.rapport.analytics.web;

import java.util.List;
import java.util.Locale;

import org.rapport.analytics.Anomalies;
import org.rapport.customers.ContactManagement;
import org.rapport.platform.Page;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The anomalies page: unusual order lines and engagement drops with their reasons, and the scans. */
@Controller
class AnomalyController {

	private final Anomalies anomalies;

	private final AnomalyApiController items;

	private final ContactManagement contacts;

	AnomalyController(Anomalies anomalies, AnomalyApiController items, ContactManagement contacts) {
		this.anomalies = anomalies;
		this.items = items;
		this.contacts = contacts;
	}

	/**
	 * Both lists, 50 flags a page each.
	 * @param orders the order list's cursor
	 * @param engagement the engagement list's cursor
	 */
	@GetMapping("/analytics/anomalies")
	String page(@RequestParam(required = false) String orders, @RequestParam(required = false) String engagement,
			Model model) {
		model.addAttribute("orders", flags("orders", orders));
		model.addAttribute("engagement", flags("engagement", engagement));
		model.addAttribute("ordersCursor", orders);
		model.addAttribute("engagementCursor", engagement);
		model.addAttribute("latest", anomalies.latest());
		model.addAttribute("runs", anomalies.recent(5));
		return "analytics/anomalies";
	}

	private Page<AnomalyApiController.Item> flags(String kind, String cursor) {
		Locale locale = LocaleContextHolder.getLocale();
		return anomalies.list(kind, 50, cursor).map(f -> items.item(f, locale));
	}

	/** The scans, for the page's polling while one is open (htmx). */
	@GetMapping(path = "/analytics/anomalies/runs", headers = "HX-Request")
	String runs(Model model) {
		model.addAttribute("runs", anomalies.recent(5));
		return "analytics/anomalies :: runs";
	}

	@PostMapping("/analytics/anomalies/runs")
	String scan(RedirectAttributes redirect) {
		redirect.addFlashAttribute("requested", anomalies.request("request").id());
		return "redirect:/analytics/anomalies";
	}

	/** A customer's flags, loaded into their analytics page; an invisible customer is a 404. */
	@GetMapping("/analytics/customers/{contactId}/anomalies")
	String customer(@PathVariable long contactId, Model model) {
		contacts.get(contactId);
		Locale locale = LocaleContextHolder.getLocale();
		List<AnomalyApiController.Item> flags = anomalies.forContact(contactId)
			.stream()
			.map(f -> items.item(f, locale))
			.toList();
		model.addAttribute("flags", flags);
		return "analytics/anomalies :: customer";
	}

}
