package org.rapport.platform.web.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditRecord;
import org.rapport.platform.AuditTrail.ChainVerification;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.RecordVisibility;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail: a record's history (for those who may see the record) and chain verification (admins). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditApiController {

	private final AuditTrail audit;

	private final List<RecordVisibility> visibility;

	AuditApiController(AuditTrail audit, List<RecordVisibility> visibility) {
		this.audit = audit;
		this.visibility = visibility;
	}

	@GetMapping
	@Operation(summary = "History of one record, newest first",
			description = "Page backwards with before=<id of the last entry seen>.")
	Map<String, Object> history(@RequestParam String entityType, @RequestParam String entityId,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) Long before) {
		Actor actor = Actor.current();
		if (!actor.isAdmin()) {
			boolean visible = visibility.stream()
				.filter(v -> v.supports(entityType))
				.anyMatch(v -> v.canSee(actor, entityType, entityId));
			if (!visible) {
				throw new RecordNotFound(entityType, entityId);
			}
		}
		List<AuditRecord> items = audit.history(entityType, entityId, Math.max(1, Math.min(limit, 200)), before);
		return Map.of("items", items);
	}

	@GetMapping("/verify")
	@Operation(summary = "Verify the hash chain (admin)")
	ChainVerification verify() {
		if (!Actor.current().isAdmin()) {
			throw new NotPermitted("verify-audit");
		}
		return audit.verify();
	}

}
