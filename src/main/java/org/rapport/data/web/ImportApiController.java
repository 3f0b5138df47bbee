package org.rapport.data.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.data.internal.imports.ImportManagement;
import org.rapport.data.internal.imports.ImportView;
import org.rapport.platform.InvalidInput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports over REST: upload a CSV or XLSX file, follow the job, download its row errors. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportApiController {

	private final ImportManagement imports;

	private final JsonMapper json;

	ImportApiController(ImportManagement imports, JsonMapper json) {
		this.imports = imports;
		this.json = json;
	}

	@PostMapping(consumes = "multipart/form-data")
	@Operation(summary = "Start an import",
			description = "multipart: file (CSV in any common encoding and delimiter, or XLSX), entity=contacts|accounts|leads, "
					+ "mapping (JSON {\"column\":\"field\"}, optional: columns named like the API fields map by themselves), "
					+ "duplicates=skip|update|create, dryRun, defaultCountry (for phones, default US). 202 with the import.")
	ResponseEntity<ImportView> start(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String entity, @RequestParam(required = false) String mapping,
			@RequestParam(required = false) String duplicates, @RequestParam(required = false) String dryRun,
			@RequestParam(required = false) String defaultCountry) {
		if (file == null || file.isEmpty()) {
			throw InvalidInput.of("file", "required", "A non-empty file is required");
		}
		ImportManagement.Request request = new ImportManagement.Request(entity, mapping(mapping), duplicates,
				bool(dryRun), defaultCountry);
		try (InputStream in = file.getInputStream()) {
			ImportView view = imports.start(file.getOriginalFilename(), in, request);
			return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + view.id())).body(view);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean bool(String value) {
		if (value == null || value.isBlank()) {
			return false;
		}
		return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "true", "1", "yes", "on" -> true;
			case "false", "0", "no", "off" -> false;
			default -> throw InvalidInput.of("dryRun", "boolean", "true or false");
		};
	}

	Map<String, String> mapping(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		JsonNode node;
		try {
			node = json.readTree(text);
		}
		catch (RuntimeException ex) {
			throw InvalidInput.of("mapping", "json", "Not JSON: an object {\"column\": \"field\"} is expected");
		}
		if (node == null || !node.isObject()) {
			throw InvalidInput.of("mapping", "json", "An object {\"column\": \"field\"} is expected");
		}
		Map<String, String> mapping = new LinkedHashMap<>();
		for (var entry : node.properties()) {
			JsonNode v = entry.getValue();
			if (!v.isNull() && !v.isString()) {
				throw InvalidInput.of("mapping", "json", "Each column maps to a field name or null");
			}
			mapping.put(entry.getKey(), v.isNull() ? null : v.asString());
		}
		return mapping;
	}

	@GetMapping("/{id}")
	@Operation(summary = "An import's status and progress")
	ImportView get(@PathVariable long id) {
		return imports.get(id);
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a running import (rows already committed stay)")
	ImportView cancel(@PathVariable long id) {
		return imports.cancel(id);
	}

	@GetMapping("/{id}/errors")
	@Operation(summary = "The rows that were rejected, as CSV: row, column, value, reason")
	void errors(@PathVariable long id, HttpServletResponse response) throws IOException {
		imports.get(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
		imports.writeErrors(id, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
	}

}
