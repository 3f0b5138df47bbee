package org.rapport.customers.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.customers.AccountFields;
import org.rapport.customers.ActivityFields;
import org.rapport.customers.ContactFields;
import org.rapport.customers.Vocabulary;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.web.JsonInput;
import tools.jackson.databind.JsonNode;

/**
 * Reads API bodies into the customers module's field records. With a base record this is a JSON
 * merge patch (RFC 7396): fields present replace the base's, {@code null} clears, absent fields stay.
 */
final class CustomerJson {

	static final Set<String> CONTACT_FIELDS = Set.of("firstName", "lastName", "title", "email", "emails", "phone",
			"phones", "accountId", "street", "city", "region", "postalCode", "country", "lifecycleStage", "source",
			"ownerId", "tags", "customFields");

	static final Set<String> ACCOUNT_FIELDS = Set.of("name", "industry", "size", "website", "phone", "street", "city",
			"region", "postalCode", "country", "ownerId", "tags", "customFields");

	static final Set<String> ACTIVITY_FIELDS = Set.of("type", "subject", "body", "occurredAt", "durationMinutes",
			"outcome", "dueAt", "status", "contactId", "accountId", "ownerId");

	static final Set<String> READ_ONLY = Set.of("id", "displayName", "accountName", "ownerName", "contactName",
			"contactCount", "completedAt", "createdAt", "updatedAt", "version");

	private CustomerJson() {
	}

	/**
	 * Fields read from a body, with the problems of those that could not be read (left at their base
	 * value or {@code null}), for the facade to report together with the rest.
	 *
	 * @param <T> the field record
	 * @param fields what could be read
	 * @param problems what could not
	 */
	record Input<T>(T fields, List<FieldProblem> problems) {
	}

	static ContactFields contact(JsonNode body, ContactFields base) {
		return valid(contactInput(body, base));
	}

	static AccountFields account(JsonNode body, AccountFields base) {
		return valid(accountInput(body, base));
	}

	static ActivityFields activity(JsonNode body, ActivityFields base) {
		return valid(activityInput(body, base));
	}

	private static <T> T valid(Input<T> input) {
		if (!input.problems().isEmpty()) {
			throw new InvalidInput(input.problems());
		}
		return input.fields();
	}

	static Input<ContactFields> contactInput(JsonNode body, ContactFields base) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(CONTACT_FIELDS, READ_ONLY);
		ContactFields b = base == null ? ContactFields.named(null, null) : base;
		ContactFields f = new ContactFields(text(in, "firstName", 200, b.firstName()),
				text(in, "lastName", 200, b.lastName()), text(in, "title", 200, b.title()),
				primaryAndList(in, "email", "emails", 254, b.emails()),
				primaryAndList(in, "phone", "phones", 40, b.phones()), id(in, "accountId", b.accountId()),
				text(in, "street", 300, b.street()), text(in, "city", 100, b.city()), text(in, "region", 100, b.region()),
				text(in, "postalCode", 20, b.postalCode()), text(in, "country", 100, b.country()),
				in.has("lifecycleStage") ? in.oneOf("lifecycleStage", Vocabulary.LIFECYCLE_STAGES) : b.lifecycleStage(),
				text(in, "source", 100, b.source()), id(in, "ownerId", b.ownerId()), tags(in, b.tags()),
				custom(in, b.customFields()));
		return new Input<>(f, List.copyOf(in.problems()));
	}

	static Input<AccountFields> accountInput(JsonNode body, AccountFields base) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(ACCOUNT_FIELDS, READ_ONLY);
		AccountFields b = base == null ? AccountFields.named(null) : base;
		AccountFields f = new AccountFields(text(in, "name", 200, b.name()), text(in, "industry", 100, b.industry()),
				in.has("size") ? in.oneOf("size", Vocabulary.ACCOUNT_SIZES) : b.size(),
				text(in, "website", 300, b.website()), text(in, "phone", 40, b.phone()), text(in, "street", 300, b.street()),
				text(in, "city", 100, b.city()), text(in, "region", 100, b.region()),
				text(in, "postalCode", 20, b.postalCode()), text(in, "country", 100, b.country()),
				id(in, "ownerId", b.ownerId()), tags(in, b.tags()), custom(in, b.customFields()));
		return new Input<>(f, List.copyOf(in.problems()));
	}

	static Input<ActivityFields> activityInput(JsonNode body, ActivityFields base) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(ACTIVITY_FIELDS, READ_ONLY);
		ActivityFields b = base == null
				? new ActivityFields(null, null, null, null, null, null, null, null, null, null, null) : base;
		ActivityFields f = new ActivityFields(
				in.has("type") ? in.oneOf("type", Vocabulary.ACTIVITY_TYPES) : b.type(),
				text(in, "subject", 300, b.subject()),
				in.has("body") ? in.text("body", 20000, true) : b.body(),
				in.has("occurredAt") ? in.instant("occurredAt") : b.occurredAt(),
				in.has("durationMinutes") ? in.integer("durationMinutes", 0, 100000) : b.durationMinutes(),
				text(in, "outcome", 200, b.outcome()), in.has("dueAt") ? in.instant("dueAt") : b.dueAt(),
				in.has("status") ? in.oneOf("status", Vocabulary.TASK_STATUSES) : b.status(),
				id(in, "contactId", b.contactId()), id(in, "accountId", b.accountId()), id(in, "ownerId", b.ownerId()));
		return new Input<>(f, List.copyOf(in.problems()));
	}

	private static String text(JsonInput in, String field, int max, String base) {
		return in.has(field) ? in.text(field, max, false) : base;
	}

	private static Long id(JsonInput in, String field, Long base) {
		return in.has(field) ? in.id(field) : base;
	}

	private static List<String> tags(JsonInput in, List<String> base) {
		if (!in.has("tags")) {
			return base;
		}
		List<String> tags = in.textList("tags", 50, 50);
		return tags == null ? List.of() : tags;
	}

	/** {@code email} is the first of {@code emails}: setting it replaces (or, with null, removes) the primary one. */
	private static List<String> primaryAndList(JsonInput in, String primary, String listField, int max,
			List<String> base) {
		List<String> list = new ArrayList<>(base);
		if (in.has(listField)) {
			List<String> given = in.textList(listField, 10, max);
			list = given == null ? new ArrayList<>() : new ArrayList<>(given);
		}
		if (in.has(primary)) {
			String value = in.text(primary, max, false);
			if (value == null) {
				if (!list.isEmpty() && !in.has(listField)) {
					list.remove(0);
				}
			}
			else {
				list.remove(value);
				if (!list.isEmpty() && !in.has(listField) && !base.isEmpty()) {
					list.remove(0);
				}
				list.add(0, value);
			}
		}
		return list;
	}

	private static Map<String, Object> custom(JsonInput in, Map<String, Object> base) {
		if (!in.has("customFields")) {
			return base;
		}
		Map<String, JsonNode> patch = in.object("customFields");
		if (patch == null) {
			return in.raw("customFields") != null && in.raw("customFields").isNull() ? Map.of() : base;
		}
		Map<String, Object> merged = new LinkedHashMap<>(base);
		patch.forEach((k, v) -> {
			if (v.isNull()) {
				merged.remove(k);
			}
			else {
				merged.put(k, v);
			}
		});
		return merged;
	}

	/** Custom field filters from query parameters named {@code cf.<key>}. */
	static Map<String, String> customFilters(Map<String, String> params) {
		Map<String, String> filters = new HashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("cf.") && v != null && !v.isBlank()) {
				filters.put(k.substring(3), v);
			}
		});
		return filters;
	}

}
