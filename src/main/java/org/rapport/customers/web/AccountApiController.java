package org.rapport.customers.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.customers.AccountFields;
import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.AccountView;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ActivityQuery;
import org.rapport.platform.access.RecordAccess.Share;
import org.rapport.platform.web.ApiPages;
import org.rapport.platform.web.ETags;
import org.rapport.platform.web.JsonInput;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts over REST: create, read (with ETag), merge-patch and delete (with If-Match), search and list. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
class AccountApiController {

	private final AccountManagement accounts;

	private final ActivityManagement activities;

	AccountApiController(AccountManagement accounts, ActivityManagement activities) {
		this.accounts = accounts;
		this.activities = activities;
	}

	@PostMapping
	@Operation(summary = "Create an account",
			description = "name is required.")
	ResponseEntity<AccountView> create(@RequestBody JsonNode body) {
		AccountView account = create(CustomerJson.accountInput(body, null));
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id()))
			.eTag(ETags.of(account.version()))
			.body(account);
	}

	@GetMapping
	@Operation(summary = "List and search accounts",
			description = "q finds any part of the name (Chinese and pinyin too) or website, or phone digits. "
					+ "Filters: ownerId, industry, tag, cf.<key>=<value>. Keyset paging: limit (1-200) and "
					+ "cursor=nextCursor.")
	Map<String, Object> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) String industry, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor,
			@Parameter(hidden = true) @RequestParam Map<String, String> params) {
		return ApiPages.of(accounts.list(new AccountQuery(q, ownerId, industry, tag, CustomerJson.customFilters(params),
				sort, limit, cursor)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an account", description = "404 when it does not exist or you may not see it.")
	ResponseEntity<AccountView> get(@PathVariable long id) {
		AccountView account = accounts.get(id);
		return ResponseEntity.ok().eTag(ETags.of(account.version())).body(account);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change an account (JSON merge patch)",
			description = "Requires If-Match with the ETag read; 412 when someone changed it since, 428 without.")
	ResponseEntity<AccountView> patch(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		AccountView current = accounts.get(id);
		AccountView account = update(id, version, CustomerJson.accountInput(body, current.fields()));
		return ResponseEntity.ok().eTag(ETags.of(account.version())).body(account);
	}

	@PutMapping(path = "/{id}")
	@Operation(summary = "Replace an account", description = "Requires If-Match; absent fields are cleared.")
	ResponseEntity<AccountView> put(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		accounts.get(id);
		AccountView account = update(id, version, CustomerJson.accountInput(body, null));
		return ResponseEntity.ok().eTag(ETags.of(account.version())).body(account);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an account", description = "Only without contacts (409 otherwise). With If-Match, 412 when it changed since.")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch) {
		accounts.delete(id, ETags.optional(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "The account's 360° timeline (with its contacts' activities), newest first")
	Map<String, Object> timeline(@PathVariable long id, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return ApiPages.of(activities.list(new ActivityQuery(null, id, type, null, null, null, limit, cursor)));
	}

	@GetMapping("/{id}/shares")
	@Operation(summary = "Who the account is shared with")
	Map<String, List<Share>> shares(@PathVariable long id) {
		return Map.of("items", accounts.shares(id));
	}

	@PutMapping("/{id}/shares/{userId}")
	@Operation(summary = "Share the account with a user", description = "{\"access\": \"read\" | \"edit\"}")
	Map<String, List<Share>> share(@PathVariable long id, @PathVariable long userId, @RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		String access = in.oneOf("access", List.of("read", "edit"));
		in.validate();
		accounts.share(id, userId, access == null ? "read" : access);
		return Map.of("items", accounts.shares(id));
	}

	@DeleteMapping("/{id}/shares/{userId}")
	@Operation(summary = "Stop sharing the account with a user")
	ResponseEntity<Void> unshare(@PathVariable long id, @PathVariable long userId) {
		accounts.unshare(id, userId);
		return ResponseEntity.noContent().build();
	}

	private AccountView create(CustomerJson.Input<AccountFields> input) {
		return accounts.create(input.fields(), input.problems());
	}

	private AccountView update(long id, long version, CustomerJson.Input<AccountFields> input) {
		return accounts.update(id, version, input.fields(), input.problems());
	}

}
