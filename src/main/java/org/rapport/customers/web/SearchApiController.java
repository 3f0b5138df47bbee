package org.rapport.customers.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The one search box: accounts and contacts at once. */
@RestController
@Tag(name = "Search")
class SearchApiController {

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	SearchApiController(AccountManagement accounts, ContactManagement contacts) {
		this.accounts = accounts;
		this.contacts = contacts;
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Find accounts and contacts",
			description = "By any part of a name (Chinese or pinyin too), e-mail, company, or phone digits in any formatting.")
	Map<String, Object> search(@RequestParam String q, @RequestParam(defaultValue = "10") int limit) {
		int l = Math.max(1, Math.min(limit, 50));
		return Map.of("accounts",
				accounts.list(new AccountQuery(q, null, null, null, null, null, l, null)).items(), "contacts",
				contacts.list(new ContactQuery(q, null, null, null, null, null, null, l, null)).items());
	}

}
