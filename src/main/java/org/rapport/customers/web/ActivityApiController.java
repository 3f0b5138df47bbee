package org.rapport.customers.web;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.customers.ActivityFields;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ActivityQuery;
import org.rapport.customers.ActivityView;
import org.rapport.platform.Actor;
import org.rapport.platform.web.ApiPages;
import org.rapport.platform.web.ETags;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Calls, meetings, e-mails, notes and tasks over REST. */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities")
class ActivityApiController {

	private final ActivityManagement activities;

	ActivityApiController(ActivityManagement activities) {
		this.activities = activities;
	}

	@PostMapping
	@Operation(summary = "Log an activity or create a task",
			description = "{\"type\": call|meeting|email|note|task, \"subject\", \"contactId\" and/or \"accountId\", "
					+ "\"body\", \"occurredAt\", \"durationMinutes\", \"outcome\", \"dueAt\", \"status\"}")
	ResponseEntity<ActivityView> create(@RequestBody JsonNode body) {
		ActivityView activity = create(CustomerJson.activityInput(body, null));
		return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id()))
			.eTag(ETags.of(activity.version()))
			.body(activity);
	}

	@GetMapping
	@Operation(summary = "List activities, newest first",
			description = "Filters: contactId, accountId, type, status, ownerId, mine=true, dueBefore (ISO instant). "
					+ "My open tasks: type=task&status=open&mine=true.")
	Map<String, Object> list(@RequestParam(required = false) Long contactId,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) String type,
			@RequestParam(required = false) String status, @RequestParam(required = false) Long ownerId,
			@RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueBefore,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		Long owner = mine ? Long.valueOf(Actor.current().id()) : ownerId;
		return ApiPages.of(activities
			.list(new ActivityQuery(contactId, accountId, type, status, owner, dueBefore, limit, cursor)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an activity")
	ResponseEntity<ActivityView> get(@PathVariable long id) {
		ActivityView activity = activities.get(id);
		return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(activity);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change an activity (JSON merge patch)", description = "Requires If-Match.")
	ResponseEntity<ActivityView> patch(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		ActivityView current = activities.get(id);
		ActivityView activity = update(id, version, CustomerJson.activityInput(body, current.fields()));
		return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(activity);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an activity")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch) {
		activities.delete(id, ETags.optional(ifMatch));
		return ResponseEntity.noContent().build();
	}

	private ActivityView create(CustomerJson.Input<ActivityFields> input) {
		return activities.create(input.fields(), input.problems());
	}

	private ActivityView update(long id, long version, CustomerJson.Input<ActivityFields> input) {
		return activities.update(id, version, input.fields(), input.problems());
	}

}
