package org.rapport.data.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.data.internal.duplicates.DuplicateManagement;
import org.rapport.data.internal.duplicates.DuplicateScans;
import org.rapport.data.internal.duplicates.MergeManagement;
import org.rapport.platform.Actor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.Role;
import org.rapport.platform.web.ApiPages;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Duplicate candidates and merges over REST. */
@RestController
@Tag(name = "Duplicates and merges")
class DuplicateApiController {

	private final DuplicateManagement duplicates;

	private final MergeManagement merges;

	private final DuplicateScans scans;

	DuplicateApiController(DuplicateManagement duplicates, MergeManagement merges, DuplicateScans scans) {
		this.duplicates = duplicates;
		this.merges = merges;
		this.scans = scans;
	}

	@GetMapping("/api/v1/duplicates")
	@Operation(summary = "Candidate duplicate pairs, best first",
			description = "entity=contacts|accounts, status=open|dismissed|merged, limit, cursor. Each item: ids (the two "
					+ "record ids), score (0-1), reasons.")
	Map<String, Object> list(@RequestParam(required = false) String entity, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return ApiPages.of(duplicates.list(entity, status, limit, cursor));
	}

	@GetMapping("/api/v1/duplicates/{id}")
	@Operation(summary = "One candidate pair")
	DuplicateManagement.Pair get(@PathVariable long id) {
		return duplicates.get(id);
	}

	@PostMapping("/api/v1/duplicates/{id}/dismiss")
	@Operation(summary = "Not duplicates: the pair leaves the review queue")
	DuplicateManagement.Pair dismiss(@PathVariable long id) {
		return duplicates.dismiss(id);
	}

	@PostMapping("/api/v1/duplicates/scan")
	@Operation(summary = "Scan all records of an entity for duplicates now (admins and managers); also runs nightly",
			description = "entity=contacts|accounts. By default waits for the scan and answers 200 with its result; "
					+ "wait=false answers 202 at once with the running scan (follow it at Location). One scan runs at a "
					+ "time in the whole cluster: 409 duplicate-scan-running while another does.")
	ResponseEntity<DuplicateScans.Scan> scan(@RequestParam(required = false) String entity,
			@RequestParam(defaultValue = "true") boolean wait) {
		requireScanner();
		if (wait) {
			return ResponseEntity.ok(scans.scan(entity, "user"));
		}
		DuplicateScans.Scan scan = scans.start(entity);
		return ResponseEntity.accepted().location(URI.create("/api/v1/duplicates/scans/" + scan.id())).body(scan);
	}

	@GetMapping("/api/v1/duplicates/scans/{id}")
	@Operation(summary = "A duplicate scan and its progress (admins and managers)",
			description = "status running|done|failed; phase reading|blocking|comparing|storing|finished; records read, "
					+ "blocksDone of blocksTotal, comparisons, candidates, stored.")
	DuplicateScans.Scan scanProgress(@PathVariable long id) {
		requireScanner();
		return scans.get(id);
	}

	private static void requireScanner() {
		Actor actor = Actor.current();
		if (actor.role() != Role.ADMIN && actor.role() != Role.MANAGER) {
			throw new NotPermitted("scan duplicates");
		}
	}

	@PostMapping("/api/v1/merges")
	@Operation(summary = "Merge two records",
			description = "{\"entity\":\"contacts\",\"survivorId\":1,\"mergedId\":2,\"fields\":{\"title\":\"merged\",…}}: "
					+ "each field takes the survivor's or the merged record's value. Activities, deals, quotes, orders and "
					+ "other references move to the survivor.")
	ResponseEntity<MergeManagement.MergeView> merge(@RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			throw InvalidInput.of("body", "json", "A JSON object is expected");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		JsonNode f = body.get("fields");
		if (f != null && !f.isNull()) {
			if (!f.isObject()) {
				throw InvalidInput.of("fields", "json", "An object {\"field\": \"survivor\"|\"merged\"} is expected");
			}
			for (var e : f.properties()) {
				fields.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString());
			}
		}
		MergeManagement.MergeView view = merges.merge(text(body, "entity"), id(body, "survivorId"), id(body, "mergedId"),
				fields);
		return ResponseEntity.created(URI.create("/api/v1/merges/" + view.id())).body(view);
	}

	private static String text(JsonNode body, String field) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isString()) {
			throw InvalidInput.of(field, "text", "Must be text");
		}
		return v.asString();
	}

	private static Long id(JsonNode body, String field) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.canConvertToLong() || !v.isIntegralNumber()) {
			throw InvalidInput.of(field, "id", "Must be a record id");
		}
		return v.asLong();
	}

	@GetMapping("/api/v1/merges/{id}")
	@Operation(summary = "A merge")
	MergeManagement.MergeView getMerge(@PathVariable long id) {
		return merges.get(id);
	}

	@PostMapping("/api/v1/merges/{id}/undo")
	@Operation(summary = "Undo a merge: the merged record, its references and the survivor's values come back")
	MergeManagement.MergeView undo(@PathVariable long id) {
		return merges.undo(id);
	}

}
