package org.rapport.service;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A contact merge (data module) moves the merged contact's tickets and fulfilled orders too, and undo moves them back. */
class TicketMergeIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private long contactOf(String table, long id) {
		return jdbc.sql("select contact_id from " + table + " where id = ?").param(id).query(Long.class).single();
	}

	@Test
	void ticketsAndFulfilledOrdersFollowAMergeAndItsUndo() {
		String token = admin();
		String tag = Api.unique("tm");
		long survivor = api.post("/api/v1/contacts", token, Map.of("firstName", "Grace", "lastName", "Hopper " + tag,
				"email", "grace@" + tag + ".example")).id();
		long merged = api.post("/api/v1/contacts", token, Map.of("firstName", "G.", "lastName", "Hopper " + tag,
				"email", "g.hopper@" + tag + ".example")).id();
		Response ticket = api.post("/api/v1/tickets", token, Map.of("subject", "Compiler bug " + tag, "description",
				"It found a moth", "contactId", merged, "priority", "high", "channel", "email"));
		assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
		long account = api.post("/api/v1/accounts", token, Map.of("name", Api.unique("Navy"))).id();
		Response order = api.post("/api/v1/orders", token, Map.of("accountId", account, "contactId", merged, "currency",
				"USD", "orderDate", "2026-11-30", "lines", List.of(Map.of("description", "Relay", "quantity", 1,
						"unitPrice", "5"))));
		assertThat(order.status()).as(order.text()).isEqualTo(201);
		assertThat(api.post("/api/v1/orders/" + order.id() + "/confirm", token, null).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/orders/" + order.id() + "/fulfil", token, null).status()).isEqualTo(200);
		String ticketEtag = api.get("/api/v1/tickets/" + ticket.id(), token).etag();

		Response merge = api.post("/api/v1/merges", token, Map.of("entity", "contacts", "survivorId", survivor,
				"mergedId", merged));
		assertThat(merge.status()).as(merge.text()).isEqualTo(201);
		assertThat(contactOf("tickets", ticket.id())).isEqualTo(survivor);
		assertThat(contactOf("orders", order.id())).isEqualTo(survivor);
		assertThat(merge.json().get("moved").get("service").asInt()).isEqualTo(1);
		Response moved = api.get("/api/v1/tickets/" + ticket.id(), token);
		assertThat(moved.json().get("contactId").asLong()).isEqualTo(survivor);
		assertThat(moved.etag()).isNotEqualTo(ticketEtag);

		Response undo = api.post("/api/v1/merges/" + merge.id() + "/undo", token, null);
		assertThat(undo.status()).as(undo.text()).isEqualTo(200);
		assertThat(contactOf("tickets", ticket.id())).isEqualTo(merged);
		assertThat(contactOf("orders", order.id())).isEqualTo(merged);
		assertThat(api.get("/api/v1/orders/" + order.id(), token).json().get("status").asString()).isEqualTo("fulfilled");
	}

}
