package org.rapport.service.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.InvalidInput;
import org.rapport.service.ServiceReports;
import org.rapport.service.ServiceReports.ServiceReport;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Service metrics over REST. */
@RestController
@Tag(name = "Service reports")
class ServiceReportApiController {

	private final ServiceReports reports;

	ServiceReportApiController(ServiceReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/reports/service")
	@Operation(summary = "Service metrics over [from, to)", description = "from, to: ISO date (UTC midnight) or date-time; "
			+ "default the last 30 days. csat (mean 1–5), csatSatisfiedPercent (4–5), nps, firstResponseMedianMinutes, "
			+ "resolutionMedianMinutes (and p90; business minutes), slaAttainment (%), backlog, reopenRate (%), "
			+ "complaints; byAgent, byTeam, byQueue, byCategory. queueId, contactId or accountId narrow it to one queue, contact or account.")
	ServiceReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long queueId, @RequestParam(required = false) Long contactId,
			@RequestParam(required = false) Long accountId) {
		return reports.report(instant("from", from), instant("to", to), queueId, contactId, accountId);
	}

	static Instant instant(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException ex2) {
				throw InvalidInput.of(field, "not-a-date", "An ISO date (2026-12-01) or date-time (2026-12-01T09:00:00Z)");
			}
		}
	}

}
