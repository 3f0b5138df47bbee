package org.rapport.service;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact's sentiment on the customer analytics comes from the customer's own words: an agent's
 * cheerful reply does not move it, the customer's angry ticket does, and an agent's correction of the
 * ticket's label counts in place of the model's. A viewer who may see the customer but not a ticket sees
 * nothing of that ticket in it.
 */
class CustomerSentimentIntegrationTests extends IntegrationTest {

	@Test
	void agentRepliesDoNotMoveTheContactsSentimentButTheirTicketAndCorrectionsDo() {
		String admin = admin();
		ServiceFixtures.Team team = ServiceFixtures.team(api, admin, 1, "round-robin");
		String agent = team.agents()[0].token();
		long contact = ServiceFixtures.contact(api, admin, Api.unique("mood") + "@example.com");
		String angry = "Terrible service " + Api.unique("t") + ", the parcel arrived broken and I am furious.";
		Response created = api.post("/api/v1/tickets", admin, Map.of("subject", "Broken parcel", "description", angry,
				"contactId", contact, "priority", "normal", "channel", "email", "queueId", team.queueId(), "assigneeId",
				team.agents()[0].id()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long ticket = created.id();

		JsonNode before = sentiment(contact, admin);
		assertThat(before.get("label").asString()).isEqualTo("negative");
		assertThat(before.get("texts").asInt()).isEqualTo(1);
		assertThat(before.get("negative").asInt()).isEqualTo(1);
		assertThat(before.get("evidence").valueStream().map(JsonNode::asString)).contains("terrible");
		JsonNode text = before.get("recent").get(0);
		assertThat(text.get("source").asString()).isEqualTo("ticket");
		assertThat(text.get("id").asLong()).isEqualTo(ticket);
		assertThat(text.get("score").asDouble()).isNegative();
		assertThat(text.get("corrected").asBoolean()).isFalse();

		// the agent's public reply goes on the contact's timeline, but is not the customer's word
		assertThat(api.post("/api/v1/tickets/" + ticket + "/replies", agent, Map.of("body",
				"We are so happy to help, wonderful news: a great, lovely, excellent replacement is on its way!", "public",
				true)).status()).isEqualTo(201);
		JsonNode afterReply = sentiment(contact, admin);
		assertThat(afterReply.get("texts").asInt()).isEqualTo(1);
		assertThat(afterReply.get("score").asDouble()).isEqualTo(before.get("score").asDouble());
		assertThat(afterReply.get("label").asString()).isEqualTo("negative");

		// an agent's correction takes the model's place
		assertThat(api.put("/api/v1/tickets/" + ticket + "/sentiment", agent, null, Map.of("label", "positive")).status())
			.isEqualTo(200);
		JsonNode corrected = sentiment(contact, admin);
		assertThat(corrected.get("label").asString()).isEqualTo("positive");
		assertThat(corrected.get("positive").asInt()).isEqualTo(1);
		assertThat(corrected.get("negative").asInt()).isZero();
		assertThat(corrected.get("recent").get(0).get("corrected").asBoolean()).isTrue();
	}

	@Test
	void aTicketTheViewerMayNotOpenAddsNothingToTheContactsSentiment() {
		String admin = admin();
		ServiceFixtures.Team team = ServiceFixtures.team(api, admin, 1, "round-robin");
		String rep = api.user(admin, Api.unique("rep-mood"), "SALES_REP", Api.unique("team-sales"));
		// the rep's own customer, whose complaint goes to the support team's queue and agent
		long contact = ServiceFixtures.contact(api, rep, Api.unique("hidden") + "@example.com");
		Response created = api.post("/api/v1/tickets", admin, Map.of("subject", "Refund",
				"description", "Awful, dreadful experience " + Api.unique("t") + ": I want my money back.", "contactId",
				contact, "priority", "normal", "channel", "email", "queueId", team.queueId(), "assigneeId",
				team.agents()[0].id()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(api.get("/api/v1/tickets/" + created.id(), rep).status()).isEqualTo(404);

		JsonNode forAdmin = sentiment(contact, admin);
		assertThat(forAdmin.get("texts").asInt()).isEqualTo(1);
		assertThat(forAdmin.get("label").asString()).isEqualTo("negative");
		// the rep sees the customer, not the ticket: neither its words nor its label
		Response forRep = api.get("/api/v1/analytics/customers/" + contact, rep);
		assertThat(forRep.status()).as(forRep.text()).isEqualTo(200);
		assertThat(forRep.json().get("sentiment").isNull()).as(forRep.text()).isTrue();
		assertThat(forRep.text()).doesNotContain("dreadful", "awful");
	}

	private JsonNode sentiment(long contact, String token) {
		Response r = api.get("/api/v1/analytics/customers/" + contact, token);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json().get("sentiment");
	}

}
