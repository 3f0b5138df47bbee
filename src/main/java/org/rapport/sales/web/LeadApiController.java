package org.rapport.sales.web;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.web.ApiPages;
import org.rapport.platform.web.ETags;
import org.rapport.sales.LeadConversion;
import org.rapport.sales.LeadManagement;
import org.rapport.sales.LeadView;
import tools.jackson.databind.JsonNode;

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

/** Leads over REST: capture, work, match and convert. */
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
class LeadApiController {

	private final LeadManagement leads;

	LeadApiController(LeadManagement leads) {
		this.leads = leads;
	}

	@PostMapping
	@Operation(summary = "Create a lead",
			description = "{\"firstName\",\"lastName\",\"email\",\"phone\",\"company\",\"source\",…}; without ownerId the "
					+ "assignment rules choose the owner.")
	ResponseEntity<LeadView> create(@RequestBody JsonNode body) {
		LeadView lead = leads.create(SalesJson.lead(body, null));
		return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id())).eTag(ETags.of(lead.version())).body(lead);
	}

	@GetMapping
	@Operation(summary = "List and search leads", description = "q, status, ownerId, source, sort, limit, cursor")
	Map<String, Object> list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String source,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return ApiPages.of(leads.list(q, status, ownerId, source, sort, limit, cursor));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a lead")
	ResponseEntity<LeadView> get(@PathVariable long id) {
		LeadView lead = leads.get(id);
		return ResponseEntity.ok().eTag(ETags.of(lead.version())).body(lead);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change a lead (merge patch)",
			description = "Requires If-Match. status: new|working|qualified|disqualified (disqualified needs disqualifyReason).")
	ResponseEntity<LeadView> patch(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
			@RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		LeadView lead = leads.update(id, version, SalesJson.lead(body, leads.get(id).fields()));
		return ResponseEntity.ok().eTag(ETags.of(lead.version())).body(lead);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a lead")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
		leads.delete(id, ETags.optional(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/matches")
	@Operation(summary = "Existing contacts and accounts the lead may be",
			description = "By e-mail, phone and company name, with the reasons; pick them in the conversion.")
	LeadManagement.Matches matches(@PathVariable long id) {
		return leads.matches(id);
	}

	@PostMapping("/{id}/convert")
	@Operation(summary = "Convert a lead",
			description = "{\"accountId\"?, \"contactId\"? (use existing), \"createDeal\", \"dealName\", \"amount\", "
					+ "\"currency\", \"stage\"} → {\"contactId\", \"accountId\", \"dealId\"}")
	LeadConversion.Result convert(@PathVariable long id, @RequestBody(required = false) JsonNode body) {
		return leads.convert(id, SalesJson.conversion(body));
	}

}
