package org.rapport.sales.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.platform.web.JsonInput;
import org.rapport.sales.DealFields;
import org.rapport.sales.LeadConversion;
import org.rapport.sales.LeadFields;
import org.rapport.sales.OrderFields;
import org.rapport.sales.ProductManagement.ProductFields;
import org.rapport.sales.QuoteFields;
import org.rapport.sales.QuoteLine;
import tools.jackson.databind.JsonNode;

/** Reads sales API bodies; with a base record a body is a JSON merge patch. */
final class SalesJson {

	static final Set<String> READ_ONLY = Set.of("id", "displayName", "ownerName", "accountName", "contactName",
			"pipelineName", "stageId", "stageName", "outcome", "weightedAmount", "closedAt", "stageChangedAt", "createdAt",
			"updatedAt", "version", "convertedAt", "convertedContactId", "convertedAccountId", "convertedDealId",
			"sourceLeadId", "number", "revision", "previousId", "status", "subtotal", "discount", "tax", "total",
			"acceptedAt", "orderId", "quoteId", "dealId", "adjustsOrderId", "confirmedAt", "fulfilledAt", "cancelledAt",
			"prices");

	private SalesJson() {
	}

	static LeadFields lead(JsonNode body, LeadFields base) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("firstName", "lastName", "email", "phone", "company", "title", "website", "city", "country",
				"source", "status", "disqualifyReason", "notes", "ownerId"), without(READ_ONLY, "status"));
		LeadFields b = base == null
				? new LeadFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null) : base;
		LeadFields f = new LeadFields(text(in, "firstName", 200, b.firstName()), text(in, "lastName", 200, b.lastName()),
				text(in, "email", 254, b.email()), text(in, "phone", 40, b.phone()), text(in, "company", 200, b.company()),
				text(in, "title", 200, b.title()), text(in, "website", 300, b.website()), text(in, "city", 100, b.city()),
				text(in, "country", 100, b.country()), text(in, "source", 100, b.source()),
				in.has("status") ? in.oneOf("status", List.of("new", "working", "qualified", "disqualified")) : b.status(),
				text(in, "disqualifyReason", 500, b.disqualifyReason()),
				in.has("notes") ? in.text("notes", 20000, true) : b.notes(),
				in.has("ownerId") ? in.id("ownerId") : b.ownerId());
		in.validate();
		return f;
	}

	static LeadConversion conversion(JsonNode body) {
		JsonInput in = JsonInput.of(body == null || body.isNull() ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body);
		in.allowOnly(Set.of("contactId", "accountId", "createDeal", "dealName", "amount", "currency", "pipelineId",
				"stage", "expectedCloseDate"), Set.of());
		Boolean createDeal = in.bool("createDeal");
		LeadConversion c = new LeadConversion(in.id("contactId"), in.id("accountId"),
				Boolean.TRUE.equals(createDeal) || (createDeal == null && (in.has("dealName") || in.has("amount"))),
				in.text("dealName", 200, false), in.decimal("amount"), in.text("currency", 3, false), in.id("pipelineId"),
				stage(in), date(in, "expectedCloseDate"));
		in.validate();
		return c;
	}

	static DealFields deal(JsonNode body, DealFields base) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("name", "pipelineId", "stage", "accountId", "amount", "currency", "expectedCloseDate",
				"probability", "ownerId", "nextStep", "lostReason", "contacts"), READ_ONLY);
		DealFields b = base == null
				? new DealFields(null, null, null, null, null, null, null, null, null, null, null, null) : base;
		Integer probability = in.has("probability") ? in.integer("probability", 0, 100)
				: in.has("stage") && base != null ? null : b.probability();
		DealFields f = new DealFields(text(in, "name", 200, b.name()), in.has("pipelineId") ? in.id("pipelineId") : b.pipelineId(),
				in.has("stage") ? stage(in) : b.stage(), in.has("accountId") ? in.id("accountId") : b.accountId(),
				in.has("amount") ? in.decimal("amount") : b.amount(), text(in, "currency", 3, b.currency()),
				in.has("expectedCloseDate") ? date(in, "expectedCloseDate") : b.expectedCloseDate(), probability,
				in.has("ownerId") ? in.id("ownerId") : b.ownerId(), text(in, "nextStep", 500, b.nextStep()),
				text(in, "lostReason", 500, b.lostReason()), in.has("contacts") ? dealContacts(in) : b.contacts());
		in.validate();
		return f;
	}

	static ProductFields product(JsonNode body, ProductFields base) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("sku", "name", "family", "unit", "description", "active", "prices"),
				Set.of("id", "createdAt", "version"));
		ProductFields b = base == null ? new ProductFields(null, null, null, null, null, null, Map.of()) : base;
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		if (in.has("prices")) {
			Map<String, JsonNode> raw = in.object("prices");
			if (raw != null) {
				raw.forEach((currency, value) -> {
					if (value.isNull()) {
						prices.put(currency, null);
					}
					else if (value.isNumber()) {
						prices.put(currency, value.decimalValue());
					}
					else if (value.isString()) {
						try {
							prices.put(currency, new BigDecimal(value.stringValue()));
						}
						catch (NumberFormatException ex) {
							in.problem("prices." + currency, "not-a-number", "Must be a number");
						}
					}
					else {
						in.problem("prices." + currency, "not-a-number", "Must be a number");
					}
				});
			}
		}
		ProductFields f = new ProductFields(text(in, "sku", 64, b.sku()), text(in, "name", 200, b.name()),
				text(in, "family", 100, b.family()), text(in, "unit", 30, b.unit()),
				in.has("description") ? in.text("description", 5000, true) : b.description(),
				in.has("active") ? in.bool("active") : b.active(), prices);
		in.validate();
		return f;
	}

	static QuoteFields quote(JsonNode body, QuoteFields base) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("accountId", "contactId", "dealId", "currency", "validUntil", "notes", "ownerId", "lines"),
				READ_ONLY);
		QuoteFields b = base == null ? new QuoteFields(null, null, null, null, null, null, null, null) : base;
		QuoteFields f = new QuoteFields(in.has("accountId") ? in.id("accountId") : b.accountId(),
				in.has("contactId") ? in.id("contactId") : b.contactId(), in.has("dealId") ? in.id("dealId") : b.dealId(),
				text(in, "currency", 3, b.currency()), in.has("validUntil") ? date(in, "validUntil") : b.validUntil(),
				in.has("notes") ? in.text("notes", 10000, true) : b.notes(), in.has("ownerId") ? in.id("ownerId") : b.ownerId(),
				in.has("lines") ? lines(in) : b.lines());
		in.validate();
		return f;
	}

	static OrderFields order(JsonNode body, OrderFields base) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(Set.of("accountId", "contactId", "currency", "orderDate", "ownerId", "lines"), READ_ONLY);
		OrderFields b = base == null ? new OrderFields(null, null, null, null, null, null) : base;
		OrderFields f = new OrderFields(in.has("accountId") ? in.id("accountId") : b.accountId(),
				in.has("contactId") ? in.id("contactId") : b.contactId(), text(in, "currency", 3, b.currency()),
				in.has("orderDate") ? date(in, "orderDate") : b.orderDate(), in.has("ownerId") ? in.id("ownerId") : b.ownerId(),
				in.has("lines") ? lines(in) : b.lines());
		in.validate();
		return f;
	}

	private static List<QuoteLine> lines(JsonInput in) {
		JsonNode raw = in.raw("lines");
		List<QuoteLine> lines = new ArrayList<>();
		if (raw == null || raw.isNull()) {
			return lines;
		}
		if (!raw.isArray()) {
			in.problem("lines", "not-a-list", "Must be a list of lines");
			return lines;
		}
		for (int i = 0; i < raw.size(); i++) {
			JsonNode item = raw.get(i);
			if (!item.isObject()) {
				in.problem("lines[" + i + "]", "not-an-object", "Must be an object");
				continue;
			}
			JsonInput line = JsonInput.nested(in, item, "lines[" + i + "].");
			line.allowOnly(Set.of("productId", "description", "quantity", "unitPrice", "discountPercent", "taxRatePercent"),
					Set.of("position", "gross", "discount", "net", "tax", "total"));
			lines.add(new QuoteLine(line.id("productId"), line.text("description", 1000, true), line.decimal("quantity"),
					line.decimal("unitPrice"), line.decimal("discountPercent"), line.decimal("taxRatePercent")));
		}
		return lines;
	}

	private static List<DealFields.DealContact> dealContacts(JsonInput in) {
		JsonNode raw = in.raw("contacts");
		List<DealFields.DealContact> contacts = new ArrayList<>();
		if (raw == null || raw.isNull()) {
			return contacts;
		}
		if (!raw.isArray()) {
			in.problem("contacts", "not-a-list", "Must be a list");
			return contacts;
		}
		for (int i = 0; i < raw.size(); i++) {
			JsonNode item = raw.get(i);
			JsonInput c = JsonInput.nested(in, item.isObject() ? item : null, "contacts[" + i + "].");
			if (c == null) {
				in.problem("contacts[" + i + "]", "not-an-object", "Must be {contactId, role}");
				continue;
			}
			c.allowOnly(Set.of("contactId", "role"), Set.of("name"));
			Long id = c.id("contactId");
			if (id == null && !c.has("contactId")) {
				c.problem("contactId", "required", "Required");
			}
			String role = c.text("role", 100, false);
			if (id != null) {
				contacts.add(new DealFields.DealContact(id, role, null));
			}
		}
		return contacts;
	}

	private static String stage(JsonInput in) {
		JsonNode raw = in.raw("stage");
		if (raw == null || raw.isNull()) {
			return null;
		}
		if (raw.isIntegralNumber()) {
			return Long.toString(raw.longValue());
		}
		return in.text("stage", 100, false);
	}

	private static LocalDate date(JsonInput in, String field) {
		JsonNode raw = in.raw(field);
		if (raw == null || raw.isNull()) {
			return null;
		}
		if (raw.isString()) {
			try {
				return LocalDate.parse(raw.stringValue().strip());
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		in.problem(field, "not-a-date", "A date as yyyy-MM-dd");
		return null;
	}

	private static String text(JsonInput in, String field, int max, String base) {
		return in.has(field) ? in.text(field, max, false) : base;
	}

	private static Set<String> without(Set<String> set, String name) {
		Set<String> copy = new java.util.HashSet<>(set);
		copy.remove(name);
		return copy;
	}

}
