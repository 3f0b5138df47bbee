package org.rapport.customers;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;
import static org.rapport.support.ProblemAssertions.errorFields;

/** Admin-defined fields on contacts: typed values that are checked, returned and filtered on. */
class CustomFieldIntegrationTests extends IntegrationTest {

	/** Keys of this test's own fields (definitions are shared by the whole database). */
	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private final String number = "budget_" + suffix;

	private final String date = "renewal_" + suffix;

	private final String choice = "tier_" + suffix;

	private final String text = "note_" + suffix;

	@Test
	void onlyAdminsDefineFields() {
		String rep = api.newUser(admin(), "SALES_REP", null).token();
		assertProblem(api.post("/api/v1/custom-fields", rep,
				Map.of("entityType", "contact", "key", text, "label", "Note", "type", "text")), 403);
		assertThat(api.get("/api/v1/custom-fields?entityType=contact", rep).text()).doesNotContain(text);
	}

	@Test
	void typedValuesGoInComeBackAndChange() {
		String admin = admin();
		defineAll(admin);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put(number, 1234.5);
		values.put(date, "2027-03-01");
		values.put(choice, "gold");
		values.put(text, "Prefers e-mail, 不要打电话");
		Response created = api.post("/api/v1/contacts", admin,
				Map.of("lastName", Api.unique("Custom"), "customFields", values));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String path = "/api/v1/contacts/" + created.id();
		JsonNode read = api.get(path, admin).json().get("customFields");
		assertThat(read.get(number).decimalValue()).isEqualByComparingTo(new BigDecimal("1234.5"));
		assertThat(read.get(number).isNumber()).isTrue();
		assertThat(read.get(date).asString()).isEqualTo("2027-03-01");
		assertThat(read.get(choice).asString()).isEqualTo("gold");
		assertThat(read.get(text).asString()).isEqualTo("Prefers e-mail, 不要打电话");

		Map<String, Object> patch = new LinkedHashMap<>();
		patch.put(number, 7);
		patch.put(text, null);
		Response patched = api.patch(path, admin, created.etag(), Map.of("customFields", patch));
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		JsonNode after = api.get(path, admin).json().get("customFields");
		assertThat(after.get(number).decimalValue()).isEqualByComparingTo("7");
		assertThat(after.has(text)).isFalse();
		assertThat(after.get(choice).asString()).as("untouched by the patch").isEqualTo("gold");

		var history = api.get("/api/v1/audit?entityType=contact&entityId=" + created.id(), admin).json().get("items");
		assertThat(history.get(0).get("changes").toString()).contains("customFields." + number)
			.contains("customFields." + text);
	}

	@Test
	void badValuesAreNamedAsCustomFieldsKey() {
		String admin = admin();
		defineAll(admin);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put(number, "a lot");
		values.put(date, "2027-13-45");
		values.put(choice, "bronze");
		values.put(text, "x".repeat(1001));
		values.put("undefined_" + suffix, "?");
		Response r = api.post("/api/v1/contacts", admin, Map.of("lastName", Api.unique("Bad"), "customFields", values));
		assertProblem(r, 400);
		assertThat(errorFields(r)).containsExactlyInAnyOrder("customFields." + number, "customFields." + date,
				"customFields." + choice, "customFields." + text, "customFields.undefined_" + suffix);
		Response created = api.post("/api/v1/contacts", admin, Map.of("lastName", Api.unique("Good")));
		Response patch = api.patch("/api/v1/contacts/" + created.id(), admin, created.etag(),
				Map.of("customFields", Map.of(date, 20270301)));
		assertThat(errorFields(patch)).containsExactly("customFields." + date);
		assertThat(errorFields(api.post("/api/v1/contacts", admin, Map.of("lastName", "x", "customFields", "gold"))))
			.containsExactly("customFields");
	}

	@Test
	void listsFilterOnCustomValues() {
		String admin = admin();
		defineAll(admin);
		String family = Api.unique("Filtered");
		long gold = api.post("/api/v1/contacts", admin, Map.of("firstName", "Gold", "lastName", family, "customFields",
				Map.of(choice, "gold", number, 100, date, "2027-01-31"))).id();
		long silver = api.post("/api/v1/contacts", admin, Map.of("firstName", "Silver", "lastName", family,
				"customFields", Map.of(choice, "silver", number, 100.0))).id();
		long none = api.post("/api/v1/contacts", admin, Map.of("firstName", "None", "lastName", family)).id();

		assertThat(ids("/api/v1/contacts?q=" + Api.q(family) + "&cf." + choice + "=gold", admin)).containsExactly(gold);
		assertThat(ids("/api/v1/contacts?cf." + choice + "=silver", admin)).containsExactly(silver);
		assertThat(ids("/api/v1/contacts?cf." + number + "=100", admin)).containsExactlyInAnyOrder(gold, silver);
		assertThat(ids("/api/v1/contacts?cf." + date + "=2027-01-31", admin)).containsExactly(gold);
		assertThat(ids("/api/v1/contacts?cf." + choice + "=gold&cf." + number + "=99", admin)).isEmpty();
		assertThat(ids("/api/v1/contacts?q=" + Api.q(family), admin)).contains(none);
		assertThat(errorFields(api.get("/api/v1/contacts?cf." + number + "=lots", admin)))
			.containsExactly("cf." + number);
		assertThat(errorFields(api.get("/api/v1/contacts?cf." + choice + "=platinum", admin)))
			.containsExactly("cf." + choice);
	}

	private void defineAll(String admin) {
		define(admin, Map.of("entityType", "contact", "key", number, "label", "Budget", "type", "number"));
		define(admin, Map.of("entityType", "contact", "key", date, "label", "Renewal", "labelZh", "续约日期", "type",
				"date"));
		define(admin, Map.of("entityType", "contact", "key", choice, "label", "Tier", "type", "choice", "options",
				List.of("gold", "silver")));
		define(admin, Map.of("entityType", "contact", "key", text, "label", "Note", "type", "text"));
		JsonNode listed = api.get("/api/v1/custom-fields?entityType=contact", admin).json().get("items");
		assertThat(listed.valueStream().map(d -> d.get("key").asString())).contains(number, date, choice, text);
	}

	private void define(String admin, Map<String, Object> body) {
		Response r = api.post("/api/v1/custom-fields", admin, body);
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		assertThat(r.json().get("key").asString()).isEqualTo(body.get("key"));
		assertThat(r.json().get("type").asString()).isEqualTo(body.get("type"));
	}

	private List<Long> ids(String path, String token) {
		Response r = api.get(path, token);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
	}

}
