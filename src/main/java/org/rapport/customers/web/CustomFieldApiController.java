package org.rapport.customers.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.CustomFieldManagement;
import org.rapport.customers.Vocabulary;
import org.rapport.platform.web.ETags;
import org.rapport.platform.web.JsonInput;
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

/** Admin-defined custom fields of accounts and contacts. */
@RestController
@RequestMapping("/api/v1/custom-fields")
@Tag(name = "Custom fields")
class CustomFieldApiController {

	private static final Set<String> FIELDS = Set.of("entityType", "key", "label", "labelZh", "type", "options",
			"required", "position");

	private final CustomFieldManagement fields;

	CustomFieldApiController(CustomFieldManagement fields) {
		this.fields = fields;
	}

	@GetMapping
	@Operation(summary = "Custom fields of accounts or contacts")
	Map<String, List<CustomFieldDefinition>> list(@RequestParam String entityType) {
		return Map.of("items", fields.definitions(entityType));
	}

	@PostMapping
	@Operation(summary = "Define a custom field (admin)",
			description = "{\"entityType\": account|contact, \"key\", \"label\", \"labelZh\", \"type\": text|number|date|choice, "
					+ "\"options\": [...] for choice, \"required\", \"position\"}")
	ResponseEntity<CustomFieldDefinition> create(@RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(FIELDS, Set.of("id", "version"));
		String entityType = in.oneOf("entityType", List.of("account", "contact"));
		String key = in.requiredText("key", 40);
		String label = in.requiredText("label", 100);
		String labelZh = in.text("labelZh", 100, false);
		String type = in.oneOf("type", Vocabulary.CUSTOM_FIELD_TYPES);
		List<String> options = in.textList("options", 100, 100);
		Boolean required = in.bool("required");
		Integer position = in.integer("position", 0, 10000);
		if (entityType == null && !in.has("entityType")) {
			in.problem("entityType", "required", "Required");
		}
		if (type == null && !in.has("type")) {
			in.problem("type", "required", "Required");
		}
		in.validate();
		CustomFieldDefinition def = fields.define(new CustomFieldDefinition(0, entityType, key, label, labelZh, type,
				options == null ? List.of() : options, Boolean.TRUE.equals(required), position == null ? 0 : position, 0));
		return ResponseEntity.created(URI.create("/api/v1/custom-fields/" + def.id())).eTag(ETags.of(def.version()))
			.body(def);
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change labels, options, required or position (admin)", description = "Requires If-Match.")
	ResponseEntity<CustomFieldDefinition> patch(@PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
		long version = ETags.required(ifMatch);
		CustomFieldDefinition current = fields.get(id);
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("label", "labelZh", "options", "required", "position"),
				Set.of("id", "version", "entityType", "key", "type"));
		String label = in.has("label") ? in.requiredText("label", 100) : current.label();
		String labelZh = in.has("labelZh") ? in.text("labelZh", 100, false) : current.labelZh();
		List<String> options = in.has("options") ? in.textList("options", 100, 100) : current.options();
		Boolean required = in.has("required") ? in.bool("required") : Boolean.valueOf(current.required());
		Integer position = in.has("position") ? in.integer("position", 0, 10000) : Integer.valueOf(current.position());
		in.validate();
		CustomFieldDefinition def = fields.redefine(id, version, new CustomFieldDefinition(id, null, null, label,
				labelZh == null ? "" : labelZh, null, options == null ? List.of() : options, Boolean.TRUE.equals(required),
				position == null ? 0 : position, version));
		return ResponseEntity.ok().eTag(ETags.of(def.version())).body(def);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Remove a custom field (admin)")
	ResponseEntity<Void> delete(@PathVariable long id) {
		fields.remove(id);
		return ResponseEntity.noContent().build();
	}

}
