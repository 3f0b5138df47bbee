package org.rapport.customers.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ActivityQuery;
import org.rapport.customers.ContactFields;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;
import org.rapport.customers.ContactView;
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

/** Contacts over REST: create, read (with ETag), merge-patch and delete (with If-Match), search and list. */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
class ContactApiController {

	private final ContactManagement contacts;

	private final ActivityManagement activities;

	ContactApiController(ContactManagement contacts, ActivityManagement activities) {
		this.contacts = contacts;
		this.activities = activities;
	}

	@PostMapping
	@Operation(summary = "Create a contact",
			description = "At least firstName or lastName. email/phone set the primary of emails/phones.")
	ResponseEntity<ContactView> create(@RequestBody JsonNode body) {
		ContactView contact = create(CustomerJson.contactInput(body, null));
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id()))
			.eTag(ETags.of(contact.version()))
			.body(contact);
	}

	@GetMapping
	@Operation(summary = "List and search contacts",
			description = "q finds any part of a name (Chinese and pinyin too), e-mail or company, or phone digits "
					+ "in any formatting. Filters: ownerId, accountId, lifecycleStage, tag, cf.<key>=<value>. "
					+ "Keyset paging: limit (1-200) and cursor=nextCursor.")
	Map<String, Object> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) String lifecycleStage,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@Parameter(hidden = true) @RequestParam Map<String, String> params) {
		return ApiPages.of(contacts.list(new ContactQuery(q, ownerId, accountId, lifecycleStage, tag,
				CustomerJson.customFilters(params), sort, limit, cursor)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a contact", description = "404 when it does not exist or you may not see it.")
	ResponseEntity<ContactView> get(@PathVariable long id) {
		ContactView contact = contacts.get(id);
		return ResponseEntity.ok().eTag(ETags.of(contact.version())).body(contact);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change a contact (JSON merge patch)",
			description = "Requires If-Match with the ETag read; 412 when someone changed it since, 428 without.")
	ResponseEntity<ContactView> patch(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		ContactView current = contacts.get(id);
		ContactView contact = update(id, version, CustomerJson.contactInput(body, current.fields()));
		return ResponseEntity.ok().eTag(ETags.of(contact.version())).body(contact);
	}

	@PutMapping(path = "/{id}")
	@Operation(summary = "Replace a contact", description = "Requires If-Match; absent fields are cleared.")
	ResponseEntity<ContactView> put(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		contacts.get(id);
		ContactView contact = update(id, version, CustomerJson.contactInput(body, null));
		return ResponseEntity.ok().eTag(ETags.of(contact.version())).body(contact);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a contact", description = "With If-Match, refused (412) when it changed since.")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch) {
		contacts.delete(id, ETags.optional(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "The contact's 360° timeline, newest first")
	Map<String, Object> timeline(@PathVariable long id, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return ApiPages.of(activities.list(new ActivityQuery(id, null, type, null, null, null, limit, cursor)));
	}

	@GetMapping("/{id}/shares")
	@Operation(summary = "Who the contact is shared with")
	Map<String, List<Share>> shares(@PathVariable long id) {
		return Map.of("items", contacts.shares(id));
	}

	@PutMapping("/{id}/shares/{userId}")
	@Operation(summary = "Share the contact with a user", description = "{\"access\": \"read\" | \"edit\"}")
	Map<String, List<Share>> share(@PathVariable long id, @PathVariable long userId, @RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		String access = in.oneOf("access", List.of("read", "edit"));
		in.validate();
		contacts.share(id, userId, access == null ? "read" : access);
		return Map.of("items", contacts.shares(id));
	}

	@DeleteMapping("/{id}/shares/{userId}")
	@Operation(summary = "Stop sharing the contact with a user")
	ResponseEntity<Void> unshare(@PathVariable long id, @PathVariable long userId) {
		contacts.unshare(id, userId);
		return ResponseEntity.noContent().build();
	}

	private ContactView create(CustomerJson.Input<ContactFields> input) {
		return contacts.create(input.fields(), input.problems());
	}

	private ContactView update(long id, long version, CustomerJson.Input<ContactFields> input) {
		return contacts.update(id, version, input.fields(), input.problems());
	}

}
