package org.rapport.customers.web;

import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Results of the search box in the navigation bar: accounts and contacts. */
@Controller
class SearchController {

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	SearchController(AccountManagement accounts, ContactManagement contacts) {
		this.accounts = accounts;
		this.contacts = contacts;
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, Model model) {
		String query = ContactController.blank(q);
		model.addAttribute("q", q);
		if (query != null) {
			model.addAttribute("accounts",
					accounts.list(new AccountQuery(query, null, null, null, null, null, 10, null)).items());
			model.addAttribute("contacts",
					contacts.list(new ContactQuery(query, null, null, null, null, null, null, 25, null)).items());
		}
		return "customers/search";
	}

}
