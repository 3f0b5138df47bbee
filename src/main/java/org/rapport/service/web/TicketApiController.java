package org.rapport.service.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.web.ApiPages;
import org.rapport.platform.web.ETags;
import org.rapport.platform.web.JsonInput;
import org.rapport.service.ReplyView;
import org.rapport.service.SurveyManagement;
import org.rapport.service.TicketManagement;
import org.rapport.service.TicketManagement.ReplyInput;
import org.rapport.service.TicketManagement.TicketQuery;
import org.rapport.service.TicketView;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tickets over REST. */
@RestController
@Tag(name = "Tickets")
class TicketApiController {

	private final TicketManagement tickets;

	private final SurveyManagement surveys;

	TicketApiController(TicketManagement tickets, SurveyManagement surveys) {
		this.tickets = tickets;
		this.surveys = surveys;
	}

	@PostMapping("/api/v1/tickets")
	@Operation(summary = "Open a ticket", description = "{\"subject\",\"description\",\"contactId\",\"accountId\",\"priority\": "
			+ "low|normal|high|urgent, \"channel\": email|phone|web|chat|social, \"type\": question|problem|complaint|"
			+ "feature_request, \"category\", \"queueId\", \"assigneeId\", \"tags\", \"severity\", \"rootCause\"}")
	ResponseEntity<TicketView> create(@RequestBody JsonNode body) {
		TicketView t = tickets.create(ServiceJson.ticket(body, null).fields());
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + t.id())).eTag(ETags.of(t.version())).body(t);
	}

	@GetMapping("/api/v1/tickets")
	@Operation(summary = "List tickets", description = "inbox=true: unresolved by SLA urgency; assigneeId, queueId, "
			+ "status, contactId, accountId, type, q, limit, cursor")
	Map<String, Object> list(@RequestParam(defaultValue = "false") boolean inbox,
			@RequestParam(required = false) Long assigneeId, @RequestParam(required = false) Long queueId,
			@RequestParam(required = false) String status, @RequestParam(required = false) Long contactId,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) String type,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return ApiPages.of(tickets.list(new TicketQuery(inbox, assigneeId, queueId, status, contactId, accountId, type,
				q, limit, cursor)));
	}

	@GetMapping("/api/v1/tickets/inbox")
	@Operation(summary = "My inbox: my unresolved tickets, the most urgent SLA first")
	Map<String, Object> inbox(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return ApiPages.of(tickets.list(new TicketQuery(true, org.rapport.platform.Actor.current().id(), null, null, null,
				null, null, null, limit, cursor)));
	}

	@GetMapping("/api/v1/tickets/{id}")
	@Operation(summary = "Read a ticket", description = "With slaFirstResponseDueAt, slaResolutionDueAt, breached, slaMinutesLeft")
	ResponseEntity<TicketView> get(@PathVariable long id) {
		TicketView t = tickets.get(id);
		return ResponseEntity.ok().eTag(ETags.of(t.version())).body(t);
	}

	@PatchMapping(path = "/api/v1/tickets/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change a ticket (merge patch)", description = "Requires If-Match. status (new → open → "
			+ "pending_customer → resolved → closed; resolved → open reopens; others 409), assigneeId, priority, …")
	ResponseEntity<TicketView> patch(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		ServiceJson.TicketInput in = ServiceJson.ticket(body, tickets.get(id).fields());
		TicketView t = tickets.update(id, version, in.fields(), in.status());
		return ResponseEntity.ok().eTag(ETags.of(t.version())).body(t);
	}

	@PostMapping("/api/v1/tickets/{id}/replies")
	@Operation(summary = "Reply (public) or add an internal note", description = "{\"body\", \"public\": true|false, \"parentId\"}")
	ResponseEntity<ReplyView> reply(@PathVariable long id, @RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("body", "public", "parentId"), Set.of());
		String text = in.text("body", 20000, true);
		Boolean isPublic = in.bool("public");
		if (isPublic == null && !in.has("public")) {
			in.problem("public", "required", "true for a reply to the customer, false for an internal note");
		}
		Long parent = in.id("parentId");
		if (text == null && in.problems().stream().noneMatch(p -> p.field().equals("body"))) {
			in.problem("body", "required", "Required");
		}
		in.validate();
		ReplyView r = tickets.reply(id, new ReplyInput(text, Boolean.TRUE.equals(isPublic), parent));
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/tickets/" + id + "/replies")).body(r);
	}

	@GetMapping("/api/v1/tickets/{id}/replies")
	@Operation(summary = "A ticket's thread, oldest first")
	Map<String, List<ReplyView>> replies(@PathVariable long id) {
		return Map.of("items", tickets.replies(id));
	}

	@GetMapping("/api/v1/tickets/{id}/surveys")
	@Operation(summary = "A ticket's CSAT surveys and answers")
	Map<String, Object> surveys(@PathVariable long id) {
		return Map.of("items", tickets.surveys(id));
	}

	@PutMapping("/api/v1/tickets/{id}/shares/{userId}")
	@Operation(summary = "Share a ticket", description = "{\"access\": \"read\"|\"edit\"}")
	ResponseEntity<Void> share(@PathVariable long id, @PathVariable long userId, @RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("access"), Set.of());
		String access = in.oneOf("access", List.of("read", "edit"));
		if (access == null && in.problems().isEmpty()) {
			in.problem("access", "required", "read or edit");
		}
		in.validate();
		tickets.share(id, userId, access);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/tickets/{id}/shares/{userId}")
	@Operation(summary = "Stop sharing a ticket")
	ResponseEntity<Void> unshare(@PathVariable long id, @PathVariable long userId) {
		tickets.unshare(id, userId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/service/notifications")
	@Operation(summary = "My SLA warnings and escalations, newest first")
	Map<String, Object> notifications(@RequestParam(defaultValue = "50") int limit) {
		return Map.of("items", tickets.myNotifications(limit));
	}

}
