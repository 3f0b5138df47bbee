package org.rapport.service;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Very negative customer text starts a ticket one priority higher; calm text keeps the priority asked for. */
class TicketSentimentIntegrationTests extends IntegrationTest {

	@Test
	void veryNegativeTextRaisesTheStartingPriority() {
		String token = admin();
		long contact = api.post("/api/v1/contacts", token, Map.of("firstName", "Vera", "lastName", Api.unique("Angry")))
			.id();
		String angryText = "This is terrible, awful service. I am furious and disgusted, the worst experience ever.";
		Response angry = api.post("/api/v1/tickets", token, Map.of("subject", "Awful, terrible, worst ever", "description",
				angryText, "contactId", contact, "priority", "normal", "channel", "email"));
		assertThat(angry.status()).as(angry.text()).isEqualTo(201);
		Response sentiment = api.post("/api/v1/analytics/sentiment", token, Map.of("text", angryText));
		assertThat(sentiment.json().get("score").asDouble()).isLessThanOrEqualTo(TicketManagement.VERY_NEGATIVE);
		assertThat(api.get("/api/v1/tickets/" + angry.id(), token).json().get("priority").asString()).isEqualTo("high");
		Response history = api.get("/api/v1/audit?entityType=ticket&entityId=" + angry.id(), token);
		assertThat(history.text()).contains("priority.raisedBySentiment");

		Response calm = api.post("/api/v1/tickets", token, Map.of("subject", "Question about my invoice", "description",
				"Could you send me a copy of last month's invoice?", "contactId", contact, "priority", "normal", "channel",
				"email"));
		assertThat(calm.status()).as(calm.text()).isEqualTo(201);
		assertThat(api.get("/api/v1/tickets/" + calm.id(), token).json().get("priority").asString()).isEqualTo("normal");

		Response urgent = api.post("/api/v1/tickets", token, Map.of("subject", "Awful, terrible, worst ever", "description",
				angryText, "contactId", contact, "priority", "urgent", "channel", "email"));
		assertThat(api.get("/api/v1/tickets/" + urgent.id(), token).json().get("priority").asString()).isEqualTo("urgent");
	}

}
