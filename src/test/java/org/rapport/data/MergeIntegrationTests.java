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


	private long accountOf(String table, long id) {
		return jdbc.sql("select " + (table.equals("leads") ? "converted_account_id" : "account_id") + " from " + table
				+ " where id = ?").param(id).query(Long.class).single();
	}

	@Test
	void anAccountMergeMovesEveryRelatedRecordAndUndoRestoresThem() {
		String token = admin();
		String tag = Api.unique("am").replace("-", "");
		Response survivor = api.post("/api/v1/accounts", token, Map.of("name", "Harbour Freight " + tag + " Ltd",
				"website", "https://www." + tag + ".example", "industry", "Logistics", "tags", List.of("keep")));
		Response merged = api.post("/api/v1/accounts", token, Map.of("name", "Harbour Freight " + tag + " Limited",
				"website", "http://" + tag + ".example/about", "phone", "+44 20 7946 0101", "city", "Bristol",
				"tags", List.of("port")));
		assertThat(survivor.status()).as(survivor.text()).isEqualTo(201);
		assertThat(merged.status()).as(merged.text()).isEqualTo(201);
		long s = survivor.id();
		long m = merged.id();
		long contact = api.post("/api/v1/contacts", token, Map.of("firstName", "Ada", "lastName", "Quay " + tag,
				"accountId", m)).id();
		long own = api.post("/api/v1/contacts", token, Map.of("firstName", "Ben", "lastName", "Dock " + tag,
				"accountId", s)).id();
		Response activity = api.post("/api/v1/activities", token, Map.of("type", "note", "subject", "Visit " + tag,
				"accountId", m));
		assertThat(activity.status()).as(activity.text()).isEqualTo(201);
		Response deal = api.post("/api/v1/deals", token, Map.of("name", "Cranes " + tag, "accountId", m,
				"contacts", List.of(Map.of("contactId", contact))));
		assertThat(deal.status()).as(deal.text()).isEqualTo(201);
		Response quote = api.post("/api/v1/quotes", token, Map.of("accountId", m, "contactId", contact, "currency", "EUR",
				"lines", List.of(Map.of("description", "Survey", "quantity", 1, "unitPrice", "10"))));
		assertThat(quote.status()).as(quote.text()).isEqualTo(201);
		Response order = api.post("/api/v1/orders", token, Map.of("accountId", m, "contactId", contact, "currency", "EUR",
				"orderDate", "2026-11-30", "lines", List.of(Map.of("description", "Berth", "quantity", 1, "unitPrice", "5"))));
		assertThat(order.status()).as(order.text()).isEqualTo(201);
		assertThat(api.post("/api/v1/orders/" + order.id() + "/confirm", token, null).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/orders/" + order.id() + "/fulfil", token, null).status()).isEqualTo(200);
		Response ticket = api.post("/api/v1/tickets", token, Map.of("subject", "Late ship " + tag, "description",
				"Where is it", "contactId", contact, "accountId", m, "priority", "high", "channel", "email"));
		assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
		long lead = api.post("/api/v1/leads", token, Map.of("firstName", "Cy", "lastName", "Pier " + tag, "company",
				"Harbour Freight " + tag)).id();
		assertThat(api.post("/api/v1/leads/" + lead + "/convert", token, Map.of("accountId", m)).status()).isEqualTo(200);
		long contactsOfMerged = count("select count(*) from contacts where account_id = ?", m);
		long activitiesOfMerged = count("select count(*) from activities where account_id = ?", m);
		assertThat(activitiesOfMerged).isPositive();

		// the scan proposes the two accounts (legal forms differ, same web domain)
		Response scan = api.post("/api/v1/duplicates/scan?entity=accounts", token, null);
		assertThat(scan.status()).as(scan.text()).isEqualTo(200);
		assertThat(scan.json().get("status").asString()).isEqualTo("done");
		JsonNode pair = null;
		String cursor = null;
		do {
			JsonNode page = api.get("/api/v1/duplicates?entity=accounts&limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
					token).json();
			for (JsonNode item : page.get("items")) {
				List<Long> ids = item.get("ids").valueStream().map(JsonNode::asLong).toList();
				if (ids.contains(s) && ids.contains(m)) {
					pair = item;
				}
			}
			cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
		}
		while (cursor != null);
		assertThat(pair).as("account pair proposed").isNotNull();
		assertThat(pair.get("reasons").valueStream().map(JsonNode::asString).toList()).contains("same-organisation");

		Response merge = api.post("/api/v1/merges", token, Map.of("entity", "accounts", "survivorId", s, "mergedId", m,
				"fields", Map.of("name", "merged")));
		assertThat(merge.status()).as(merge.text()).isEqualTo(201);
		long mergeId = merge.id();
		JsonNode after = api.get("/api/v1/accounts/" + s, token).json();
		assertThat(after.get("name").asString()).isEqualTo("Harbour Freight " + tag + " Limited");
		assertThat(after.get("industry").asString()).isEqualTo("Logistics");
		assertThat(after.get("city").asString()).isEqualTo("Bristol");
		assertThat(after.get("phone").asString()).isEqualTo("+44 20 7946 0101");
		assertThat(after.get("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("keep", "port");
		assertThat(api.get("/api/v1/accounts/" + m, token).status()).isEqualTo(404);
		assertThat(count("select count(*) from contacts where account_id = ?", m)).isZero();
		assertThat(accountOf("contacts", contact)).isEqualTo(s);
		assertThat(api.get("/api/v1/contacts/" + contact, token).json().get("accountName").asString())
			.isEqualTo("Harbour Freight " + tag + " Limited");
		assertThat(accountOf("activities", activity.id())).isEqualTo(s);
		assertThat(accountOf("deals", deal.id())).isEqualTo(s);
		assertThat(accountOf("quotes", quote.id())).isEqualTo(s);
		assertThat(accountOf("orders", order.id())).isEqualTo(s);
		assertThat(accountOf("tickets", ticket.id())).isEqualTo(s);
		assertThat(accountOf("leads", lead)).isEqualTo(s);
		assertThat(merge.json().get("moved").get("customers").asLong()).isEqualTo(contactsOfMerged + activitiesOfMerged);
		assertThat(merge.json().get("moved").get("sales").asInt()).isEqualTo(4);
		assertThat(merge.json().get("moved").get("service").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/duplicates/" + pair.get("id").asLong(), token).status()).isEqualTo(404);
		assertThat(count("select count(*) from duplicate_candidates where id = ? and status = 'merged'", pair.get("id").asLong()))
			.isEqualTo(1);
		assertThat(count("select count(*) from audit_log where entity_type = 'account' and entity_id = ? and action = 'merge'",
				Long.toString(m))).isEqualTo(1);

		Response undo = api.post("/api/v1/merges/" + mergeId + "/undo", token, null);
		assertThat(undo.status()).as(undo.text()).isEqualTo(200);
		JsonNode restored = api.get("/api/v1/accounts/" + m, token).json();
		assertThat(restored.get("name").asString()).isEqualTo("Harbour Freight " + tag + " Limited");
		assertThat(restored.get("city").asString()).isEqualTo("Bristol");
		JsonNode survivorBack = api.get("/api/v1/accounts/" + s, token).json();
		assertThat(survivorBack.get("name").asString()).isEqualTo("Harbour Freight " + tag + " Ltd");
		assertThat(survivorBack.get("city").isNull() || !survivorBack.has("city")).isTrue();
		assertThat(survivorBack.get("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("keep");
		assertThat(accountOf("contacts", contact)).isEqualTo(m);
		assertThat(accountOf("contacts", own)).isEqualTo(s);
		assertThat(api.get("/api/v1/contacts/" + contact, token).json().get("accountName").asString())
			.isEqualTo("Harbour Freight " + tag + " Limited");
		assertThat(api.get("/api/v1/contacts/" + own, token).json().get("accountName").asString())
			.isEqualTo("Harbour Freight " + tag + " Ltd");
		assertThat(count("select count(*) from contacts where account_id = ?", m)).isEqualTo(contactsOfMerged);
		assertThat(accountOf("activities", activity.id())).isEqualTo(m);
		assertThat(count("select count(*) from activities where account_id = ?", m)).isEqualTo(activitiesOfMerged);
		assertThat(accountOf("deals", deal.id())).isEqualTo(m);
		assertThat(accountOf("quotes", quote.id())).isEqualTo(m);
		assertThat(accountOf("orders", order.id())).isEqualTo(m);
		assertThat(api.get("/api/v1/orders/" + order.id(), token).json().get("status").asString()).isEqualTo("fulfilled");
		assertThat(accountOf("tickets", ticket.id())).isEqualTo(m);
		assertThat(accountOf("leads", lead)).isEqualTo(m);
		assertThat(count("select count(*) from duplicate_candidates where id = ? and status = 'open'", pair.get("id").asLong()))
			.isEqualTo(1);
		assertThat(count("select count(*) from audit_log where entity_type = 'account' and entity_id = ? and action = 'restore'",
				Long.toString(m))).isEqualTo(1);
		assertThat(api.post("/api/v1/merges/" + mergeId + "/undo", token, null).status()).isEqualTo(409);
	}

	@Test
	void aSalesRepCannotMergeAwayAnAccountTheyMayNotDelete() {
		String token = admin();
		String tag = Api.unique("an");
		long a = api.post("/api/v1/accounts", token, Map.of("name", "Kiln " + tag)).id();
		long b = api.post("/api/v1/accounts", token, Map.of("name", "Kiln " + tag + " Ltd")).id();
		Response unknownField = api.post("/api/v1/merges", token, Map.of("entity", "accounts", "survivorId", a,
				"mergedId", b, "fields", Map.of("lastName", "merged")));
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.text()).contains("fields.lastName");
		assertThat(api.post("/api/v1/merges", token, Map.of("entity", "people", "survivorId", a, "mergedId", b)).status())
			.isEqualTo(400);
		Response rep = api.post("/api/v1/merges", api.user(token, Api.unique("rep"), "SALES_REP", Api.unique("team")), Map.of("entity", "accounts", "survivorId", a, "mergedId", b));
		assertThat(rep.status()).isIn(403, 404);
		assertThat(api.get("/api/v1/accounts/" + b, token).status()).isEqualTo(200);
	}

	@Test
	void onlyOneScanRunsAtATimeAndItsProgressIsShown() {
		String token = admin();
		Response started = api.post("/api/v1/duplicates/scan?entity=contacts&wait=false", token, null);
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		long id = started.json().get("id").asLong();
		Response second = api.post("/api/v1/duplicates/scan?entity=accounts", token, null);
		// the first may already be done on a small database; while it runs, a second is refused
		if (second.status() == 409) {
			assertThat(second.text()).contains("duplicate-scan-running");
		}
		else {
			assertThat(second.status()).isEqualTo(200);
		}
		JsonNode scan;
		long deadline = System.currentTimeMillis() + 60_000;
		do {
			scan = api.get("/api/v1/duplicates/scans/" + id, token).json();
		}
		while (scan.get("status").asString().equals("running") && System.currentTimeMillis() < deadline);
		assertThat(scan.get("status").asString()).isEqualTo("done");
		assertThat(scan.get("phase").asString()).isEqualTo("finished");
		assertThat(scan.get("records").asLong()).isPositive();
		assertThat(scan.get("blocksDone").asLong()).isEqualTo(scan.get("blocksTotal").asLong());
		assertThat(api.get("/api/v1/duplicates/scans/" + id, api.user(token, Api.unique("rep"), "SALES_REP", Api.unique("team"))).status()).isEqualTo(403);
	}

}
