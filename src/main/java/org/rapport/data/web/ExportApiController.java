package org.rapport.data.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.ContactQuery;
import org.rapport.data.internal.export.ExportManagement;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Exports of the contact and account lists (CSV, XLSX) and of accounts with their contacts (JSON). */
@RestController
@Tag(name = "Exports")
class ExportApiController {

	private final ExportManagement exports;

	ExportApiController(ExportManagement exports) {
		this.exports = exports;
	}

	static Map<String, String> custom(Map<String, String> params) {
		Map<String, String> custom = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("cf.") && k.length() > 3) {
				custom.put(k.substring(3), v);
			}
		});
		return custom;
	}

	static String contentType(String format) {
		return format.equals("csv") ? "text/csv;charset=UTF-8"
				: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	}

	@GetMapping("/api/v1/contacts/export")
	@Operation(summary = "Export contacts as CSV or XLSX",
			description = "format=csv|xlsx, the list's filters (q, ownerId, accountId, lifecycleStage, tag, cf.<key>, sort) and "
					+ "columns (comma-separated, e.g. firstName,lastName,email,cf.segment). Streamed.")
	void contacts(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) String lifecycleStage, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String columns,
			@Parameter(hidden = true) @RequestParam Map<String, String> params, HttpServletResponse response)
			throws IOException {
		String f = ExportManagement.format(format);
		List<String> cols = exports.contactColumns(columns);
		ContactQuery query = new ContactQuery(q, ownerId, accountId, lifecycleStage, tag, custom(params), sort, null, null);
		response.setContentType(contentType(f));
		response.setHeader("Content-Disposition", "attachment; filename=\"contacts." + f + "\"");
		exports.contacts(query, cols, f, response.getOutputStream());
	}

	@GetMapping("/api/v1/accounts/export")
	@Operation(summary = "Export accounts as CSV, XLSX or JSON",
			description = "format=csv|xlsx|json; json is the full export: each account with all its fields and its contacts. "
					+ "Filters: q, ownerId, industry, tag, cf.<key>, sort; columns for csv/xlsx.")
	void accounts(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String industry,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String columns, @Parameter(hidden = true) @RequestParam Map<String, String> params,
			HttpServletResponse response) throws IOException {
		AccountQuery query = new AccountQuery(q, ownerId, industry, tag, custom(params), sort, null, null);
		if ("json".equalsIgnoreCase(format == null ? "" : format.strip())) {
			response.setContentType("application/json");
			response.setHeader("Content-Disposition", "attachment; filename=\"accounts.json\"");
			exports.accountsJson(query, response.getOutputStream());
			return;
		}
		String f = ExportManagement.format(format);
		List<String> cols = exports.accountColumns(columns);
		response.setContentType(contentType(f));
		response.setHeader("Content-Disposition", "attachment; filename=\"accounts." + f + "\"");
		exports.accounts(query, cols, f, response.getOutputStream());
	}

}
