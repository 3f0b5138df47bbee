package org.rapport.sales.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.web.ApiPages;
import org.rapport.platform.web.ETags;
import org.rapport.platform.web.JsonInput;
import org.rapport.sales.DealManagement;
import org.rapport.sales.DealView;
import org.rapport.sales.Pipeline;
import org.rapport.sales.PipelineManagement;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deals and pipelines over REST. */
@RestController
@Tag(name = "Deals")
class DealApiController {

	private final DealManagement deals;

	private final PipelineManagement pipelines;

	DealApiController(DealManagement deals, PipelineManagement pipelines) {
		this.deals = deals;
		this.pipelines = pipelines;
	}

	@PostMapping("/api/v1/deals")
	@Operation(summary = "Create a deal",
			description = "{\"name\",\"accountId\",\"amount\",\"currency\",\"stage\" (key, name or id), \"pipelineId\", "
					+ "\"expectedCloseDate\", \"probability\" (default: the stage's), \"contacts\": [{\"contactId\",\"role\"}]}")
	ResponseEntity<DealView> create(@RequestBody JsonNode body) {
		DealView deal = deals.create(SalesJson.deal(body, null));
		return ResponseEntity.created(URI.create("/api/v1/deals/" + deal.id())).eTag(ETags.of(deal.version())).body(deal);
	}

	@GetMapping("/api/v1/deals")
	@Operation(summary = "List deals", description = "pipelineId, stage, ownerId, accountId, open, q, limit, cursor")
	Map<String, Object> list(@RequestParam(required = false) Long pipelineId, @RequestParam(required = false) String stage,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) Boolean open, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return ApiPages.of(deals.list(pipelineId, stage, ownerId, accountId, open, q, limit, cursor));
	}

	@GetMapping("/api/v1/deals/{id}")
	@Operation(summary = "Read a deal")
	ResponseEntity<DealView> get(@PathVariable long id) {
		DealView deal = deals.get(id);
		return ResponseEntity.ok().eTag(ETags.of(deal.version())).body(deal);
	}

	@PatchMapping(path = "/api/v1/deals/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change a deal (merge patch)",
			description = "Requires If-Match. {\"stage\": \"closed_won\"} moves it; without probability the stage's default applies.")
	ResponseEntity<DealView> patch(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
			@RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		DealView deal = deals.update(id, version, SalesJson.deal(body, deals.get(id).fields()));
		return ResponseEntity.ok().eTag(ETags.of(deal.version())).body(deal);
	}

	@DeleteMapping("/api/v1/deals/{id}")
	@Operation(summary = "Delete a deal")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
		deals.delete(id, ETags.optional(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/deals/{id}/stages")
	@Operation(summary = "A deal's stage history, oldest first")
	Map<String, List<DealManagement.StageVisit>> stages(@PathVariable long id) {
		return Map.of("items", deals.stageHistory(id));
	}

	@GetMapping("/api/v1/pipelines")
	@Operation(summary = "Pipelines with their stages")
	Map<String, List<Pipeline>> pipelines() {
		return Map.of("items", pipelines.pipelines());
	}

	@PostMapping("/api/v1/pipelines")
	@Operation(summary = "Create a pipeline (admin)",
			description = "{\"name\", \"stages\": [{\"key\",\"name\",\"nameZh\",\"probability\",\"outcome\": open|won|lost}]}")
	ResponseEntity<Pipeline> createPipeline(@RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(java.util.Set.of("name", "stages"), java.util.Set.of("id", "isDefault", "version"));
		String name = in.requiredText("name", 100);
		List<PipelineManagement.StageInput> stages = new java.util.ArrayList<>();
		JsonNode raw = in.raw("stages");
		if (raw != null && raw.isArray()) {
			for (int i = 0; i < raw.size(); i++) {
				JsonInput s = JsonInput.nested(in, raw.get(i), "stages[" + i + "].");
				if (s == null) {
					in.problem("stages[" + i + "]", "not-an-object", "Must be an object");
					continue;
				}
				stages.add(new PipelineManagement.StageInput(s.text("key", 40, false), s.text("name", 100, false),
						s.text("nameZh", 100, false), s.integer("probability", 0, 100),
						s.oneOf("outcome", List.of("open", "won", "lost"))));
			}
		}
		else {
			in.problem("stages", "required", "A list of stages");
		}
		in.validate();
		Pipeline pipeline = pipelines.create(name, stages);
		return ResponseEntity.created(URI.create("/api/v1/pipelines/" + pipeline.id())).body(pipeline);
	}

	@GetMapping("/api/v1/pipelines/{id}/board")
	@Operation(summary = "Kanban board of a pipeline", description = "Per stage: count, totals and the first deals.")
	Map<String, Object> board(@PathVariable long id, @RequestParam(required = false) Long ownerId,
			@RequestParam(defaultValue = "50") int perColumn) {
		return Map.of("columns", deals.board(id, ownerId, Math.max(1, Math.min(perColumn, 200))));
	}

}
