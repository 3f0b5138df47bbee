package org.rapport.service.web;

import java.util.List;
import java.util.Set;

import org.rapport.platform.web.JsonInput;
import org.rapport.service.ServiceVocabulary;
import org.rapport.service.TicketFields;
import tools.jackson.databind.JsonNode;

/** Reads service API bodies; with a base record a body is a JSON merge patch. */
final class ServiceJson {

	static final Set<String> WRITABLE = Set.of("subject", "description", "contactId", "accountId", "channel", "category",
			"type", "priority", "queueId", "assigneeId", "tags", "severity", "rootCause", "status");

	static final Set<String> READ_ONLY = Set.of("id", "reference", "contactName", "accountName", "queueName",
			"assigneeName", "slaFirstResponseDueAt", "slaResolutionDueAt", "firstRespondedAt", "resolvedAt", "closedAt",
			"breached", "firstResponseBreached", "resolutionBreached", "slaPaused", "slaNextDueAt", "slaMinutesLeft",
			"firstResponseMinutes", "resolutionMinutes", "reopenCount", "createdBy", "createdAt", "updatedAt", "version");

	private ServiceJson() {
	}

	/**
	 * The fields and status of a ticket request.
	 *
	 * @param fields the fields
	 * @param status the requested status ({@code null}: unchanged)
	 */
	record TicketInput(TicketFields fields, String status) {
	}

	static TicketInput ticket(JsonNode body, TicketFields base) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(base == null ? without(WRITABLE, "status") : WRITABLE, base == null ? withStatus() : READ_ONLY);
		TicketFields b = base == null ? new TicketFields(null, null, null, null, null, null, null, null, null, null, null,
				null, null) : base;
		TicketFields f = new TicketFields(in.has("subject") ? in.requiredText("subject", 200) : b.subject(),
				in.has("description") ? in.text("description", 20000, true) : b.description(),
				in.has("contactId") ? in.id("contactId") : b.contactId(),
				in.has("accountId") ? in.id("accountId") : b.accountId(),
				in.has("channel") ? in.oneOf("channel", ServiceVocabulary.CHANNELS) : b.channel(),
				in.has("category") ? in.text("category", 100, false) : b.category(),
				in.has("type") ? in.oneOf("type", ServiceVocabulary.TYPES) : b.type(),
				in.has("priority") ? in.oneOf("priority", ServiceVocabulary.PRIORITIES) : b.priority(),
				in.has("queueId") ? in.id("queueId") : b.queueId(),
				in.has("assigneeId") ? in.id("assigneeId") : b.assigneeId(),
				in.has("tags") ? in.textList("tags", 30, 50) : b.tags(),
				in.has("severity") ? in.oneOf("severity", ServiceVocabulary.SEVERITIES) : b.severity(),
				in.has("rootCause") ? in.text("rootCause", 100, false) : b.rootCause());
		String status = base != null && in.has("status") ? in.oneOf("status", ServiceVocabulary.STATUSES) : null;
		if (base != null && in.has("status") && status == null && in.problems().isEmpty()) {
			in.problem("status", "required", "A status");
		}
		if (base == null && !in.has("subject")) {
			in.problem("subject", "required", "Required");
		}
		in.validate();
		return new TicketInput(f, status);
	}

	private static Set<String> withStatus() {
		java.util.Set<String> s = new java.util.HashSet<>(READ_ONLY);
		s.add("status");
		return s;
	}

	static Set<String> without(Set<String> set, String name) {
		java.util.Set<String> s = new java.util.HashSet<>(set);
		s.remove(name);
		return s;
	}

	static List<String> list(List<String> l) {
		return l == null ? List.of() : l;
	}

}
