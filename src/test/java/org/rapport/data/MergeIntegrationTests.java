package org.rapport.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MergeIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void aMergeMovesEveryRelatedRecordAndUndoRestoresThem() {
		String token = admin();
		String tag = Api.unique("merge");
		long account = api.post("/api/v1/accounts", token, Map.of("name", Api.unique("Merge Co"))).id();
		Response survivor = api.post("/api/v1/contacts", token, Map.of("firstName", "William", "lastName", "Turner " + tag,
				"email", "w.turner@" + tag + ".com", "title", "Painter", "tags", List.of("keep")));
		Response merged = api.post("/api/v1/contacts", token, Map.of("firstName", "Bill", "lastName", "Turner " + tag,
				"email", "bill@" + tag + ".com", "phone", "+44 20 7946 0000", "title", "Royal Academician", "city", "London",
				"accountId", account));
		assertThat(survivor.status()).as(survivor.text()).isEqualTo(201);
		assertThat(merged.status()).as(merged.text()).isEqualTo(201);
		long s = survivor.id();
		long m = merged.id();
		Response call = api.post("/api/v1/activities", token, Map.of("type", "call", "subject", "Call " + tag, "contactId", m));
		Response note = api.post("/api/v1/activities", token, Map.of("type", "note", "subject", "Note " + tag, "contactId", m));
		Response own = api.post("/api/v1/activities", token, Map.of("type", "note", "subject", "Own " + tag, "contactId", s));
		assertThat(call.status()).as(call.text()).isEqualTo(201);
		Response dealBoth = api.post("/api/v1/deals", token, Map.of("name", "Both " + tag, "accountId", account,
				"contacts", List.of(Map.of("contactId", s), Map.of("contactId", m, "role", "buyer"))));
		Response dealMerged = api.post("/api/v1/deals", token, Map.of("name", "Merged " + tag, "accountId", account,
				"contacts", List.of(Map.of("contactId", m, "role", "champion"))));
		assertThat(dealBoth.status()).as(dealBoth.text()).isEqualTo(201);
		assertThat(dealMerged.status()).as(dealMerged.text()).isEqualTo(201);
		Response quote = api.post("/api/v1/quotes", token, Map.of("accountId", account, "contactId", m, "currency", "EUR",
				"lines", List.of(Map.of("description", "Licences", "quantity", 1, "unitPrice", "10"))));
		assertThat(quote.status()).as(quote.text()).isEqualTo(201);
		Response order = api.post("/api/v1/orders", token, Map.of("accountId", account, "contactId", m, "currency", "EUR",
				"orderDate", "2026-11-30", "lines", List.of(Map.of("description", "Setup", "quantity", 1, "unitPrice", "5"))));
		assertThat(order.status()).as(order.text()).isEqualTo(201);

		Response merge = api.post("/api/v1/merges", token, Map.of("entity", "contacts", "survivorId", s, "mergedId", m,
				"fields", Map.of("title", "merged")));
		assertThat(merge.status()).as(merge.text()).isEqualTo(201);
		long mergeId = merge.id();
		JsonNode after = api.get("/api/v1/contacts/" + s, token).json();
		assertThat(after.get("title").asString()).isEqualTo("Royal Academician");
		assertThat(after.get("firstName").asString()).isEqualTo("William");
		assertThat(after.get("city").asString()).isEqualTo("London");
		assertThat(after.get("accountId").asLong()).isEqualTo(account);
		assertThat(after.get("emails").valueStream().map(JsonNode::asString).toList())
			.containsExactly("w.turner@" + tag + ".com", "bill@" + tag + ".com");
		assertThat(api.get("/api/v1/contacts/" + m, token).status()).isEqualTo(404);
		assertThat(count("select count(*) from activities where contact_id = ?", s)).isEqualTo(3);
		assertThat(count("select count(*) from activities where contact_id = ?", m)).isZero();
		assertThat(count("select count(*) from deal_contacts where contact_id = ?", m)).isZero();
		assertThat(count("select count(*) from deal_contacts where deal_id = ? and contact_id = ?", dealBoth.id(), s)).isEqualTo(1);
		assertThat(count("select count(*) from deal_contacts where deal_id = ? and contact_id = ?", dealMerged.id(), s)).isEqualTo(1);
		assertThat(count("select count(*) from quotes where id = ? and contact_id = ?", quote.id(), s)).isEqualTo(1);
		assertThat(count("select count(*) from orders where id = ? and contact_id = ?", order.id(), s)).isEqualTo(1);
		assertThat(merge.json().get("moved").get("activities").asInt()).isEqualTo(2);
		// the merged record's history stays in the audit log
		assertThat(count("select count(*) from audit_log where entity_type = 'contact' and entity_id = ? and action = 'merge'",
				Long.toString(m))).isEqualTo(1);

		Response undo = api.post("/api/v1/merges/" + mergeId + "/undo", token, null);
		assertThat(undo.status()).as(undo.text()).isEqualTo(200);
		assertThat(undo.json().get("status").asString()).isEqualTo("undone");
		JsonNode restored = api.get("/api/v1/contacts/" + m, token).json();
		assertThat(restored.get("firstName").asString()).isEqualTo("Bill");
		assertThat(restored.get("title").asString()).isEqualTo("Royal Academician");
		JsonNode survivorBack = api.get("/api/v1/contacts/" + s, token).json();
		assertThat(survivorBack.get("title").asString()).isEqualTo("Painter");
		assertThat(survivorBack.get("emails").size()).isEqualTo(1);
		assertThat(count("select count(*) from activities where contact_id = ?", m)).isEqualTo(2);
		assertThat(count("select count(*) from activities where contact_id = ?", s)).isEqualTo(1);
		assertThat(count("select count(*) from deal_contacts where deal_id = ? and contact_id = ?", dealBoth.id(), m)).isEqualTo(1);
		assertThat(count("select count(*) from deal_contacts where deal_id = ? and contact_id = ?", dealBoth.id(), s)).isEqualTo(1);
		assertThat(jdbc.sql("select role from deal_contacts where deal_id = ? and contact_id = ?").params(dealBoth.id(), m)
			.query(String.class).single()).isEqualTo("buyer");
		assertThat(count("select count(*) from deal_contacts where deal_id = ? and contact_id = ?", dealMerged.id(), m)).isEqualTo(1);
		assertThat(count("select count(*) from deal_contacts where deal_id = ? and contact_id = ?", dealMerged.id(), s)).isZero();
		assertThat(count("select count(*) from quotes where id = ? and contact_id = ?", quote.id(), m)).isEqualTo(1);
		assertThat(count("select count(*) from orders where id = ? and contact_id = ?", order.id(), m)).isEqualTo(1);
		assertThat(api.post("/api/v1/merges/" + mergeId + "/undo", token, null).status()).isEqualTo(409);
	}

	@Test
	void badMergeRequestsNameTheField() {
		String token = admin();
		long a = api.post("/api/v1/contacts", token, Map.of("lastName", Api.unique("A"))).id();
		Response same = api.post("/api/v1/merges", token, Map.of("entity", "contacts", "survivorId", a, "mergedId", a));
		assertThat(same.status()).isEqualTo(400);
		assertThat(same.text()).contains("mergedId");
		Response missing = api.post("/api/v1/merges", token, Map.of("entity", "contacts", "survivorId", a, "mergedId", 987654321));
		assertThat(missing.status()).isEqualTo(404);
		Response badField = api.post("/api/v1/merges", token, Map.of("entity", "contacts", "survivorId", a, "mergedId", a + 1,
				"fields", Map.of("title", "both")));
		assertThat(badField.status()).isEqualTo(400);
		assertThat(badField.text()).contains("fields.title");
	}

	@Test
	void theScanFindsDuplicatesButNotNamesakesAndTheQueueCanDismissThem() {
		String token = admin();
		String tag = Api.unique("scan").replace("-", "");
		long bob = api.post("/api/v1/contacts", token, Map.of("firstName", "Robert", "lastName", "Smithers" + tag,
				"email", "rob@" + tag + ".com")).id();
		long bobby = api.post("/api/v1/contacts", token, Map.of("firstName", "Bob", "lastName", "Smithers" + tag,
				"email", "ROB@" + tag + ".com")).id();
		long namesake = api.post("/api/v1/contacts", token, Map.of("firstName", "Robert", "lastName", "Smithers" + tag,
				"email", "other@" + tag + ".org", "phone", "+1 212 555 0101")).id();
		Response scan = api.post("/api/v1/duplicates/scan?entity=contacts", token, null);
		assertThat(scan.status()).as(scan.text()).isEqualTo(200);
		assertThat(scan.json().get("records").asLong()).isGreaterThanOrEqualTo(3);

		JsonNode pair = null;
		String cursor = null;
		boolean namesakeProposed = false;
		do {
			JsonNode page = api.get("/api/v1/duplicates?entity=contacts&limit=200" + (cursor == null ? "" : "&cursor=" + cursor), token).json();
			for (JsonNode item : page.get("items")) {
				List<Long> ids = item.get("ids").valueStream().map(JsonNode::asLong).toList();
				if (ids.contains(bob) && ids.contains(bobby)) {
					pair = item;
				}
				if (ids.contains(namesake)) {
					namesakeProposed = true;
				}
			}
			cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
		}
		while (cursor != null);
		assertThat(pair).isNotNull();
		assertThat(pair.get("score").asDouble()).isBetween(0.5, 1.0);
		assertThat(pair.get("reasons").valueStream().map(JsonNode::asString).toList()).contains("same-email", "nickname");
		assertThat(namesakeProposed).isFalse();

		Response dismissed = api.post("/api/v1/duplicates/" + pair.get("id").asLong() + "/dismiss", token, null);
		assertThat(dismissed.status()).isEqualTo(200);
		assertThat(dismissed.json().get("status").asString()).isEqualTo("dismissed");
		assertThat(api.get("/api/v1/duplicates?entity=people", token).status()).isEqualTo(400);
	}

}
