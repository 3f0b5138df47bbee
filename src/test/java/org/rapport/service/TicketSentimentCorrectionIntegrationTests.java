package org.rapport.service;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.SentimentCorrections;
import org.rapport.platform.Actor;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.Browser;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;
import static org.rapport.support.ProblemAssertions.errorFields;

/**
 * An agent corrects the sentiment of a ticket's description or of a customer's message: the ticket then
 * shows the agent's label, marked as corrected, the correction is in the ticket's history, and the
 * company sentiment model's training sees it.
 */
class TicketSentimentCorrectionIntegrationTests extends IntegrationTest {

	@Autowired
	TicketManagement tickets;

	@Autowired
	SentimentCorrections corrections;

	@Test
	void agentCorrectsTheShownSentimentAndItIsAudited() {
		String admin = admin();
		ServiceFixtures.Team team = ServiceFixtures.team(api, admin, 1, "round-robin");
		ServiceFixtures.Team other = ServiceFixtures.team(api, admin, 1, "round-robin");
		String agent = team.agents()[0].token();
		String email = Api.unique("sentiment") + "@example.com";
		long contact = ServiceFixtures.contact(api, admin, email);
		String text = "Sarcasm test " + Api.unique("s") + ": oh great, wonderful, the parcel arrived broken again.";
		Response created = api.post("/api/v1/tickets", admin, Map.of("subject", "Lovely", "description", text, "contactId",
				contact, "priority", "normal", "channel", "email", "queueId", team.queueId(), "assigneeId", team.agents()[0].id()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long id = created.id();

		Response read = api.get("/api/v1/tickets/" + id + "/sentiment", agent);
		assertThat(read.status()).as(read.text()).isEqualTo(200);
		JsonNode before = read.json().get("description");
		assertThat(before).as(read.text()).isNotNull();
		assertThat(before.get("label").asString()).isEqualTo("positive");
		assertThat(before.get("corrected").asBoolean()).isFalse();

		Response corrected = api.put("/api/v1/tickets/" + id + "/sentiment", agent, null, Map.of("label", "negative"));
		assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
		assertThat(corrected.json().get("label").asString()).isEqualTo("negative");
		assertThat(corrected.json().get("modelLabel").asString()).isEqualTo("positive");
		assertThat(corrected.json().get("corrected").asBoolean()).isTrue();
		assertThat(corrected.json().get("correctedBy").asLong()).isEqualTo(team.agents()[0].id());
		assertThat(corrected.json().get("score").asDouble()).isEqualTo(-0.5);
		JsonNode after = api.get("/api/v1/tickets/" + id + "/sentiment", admin).json().get("description");
		assertThat(after.get("label").asString()).isEqualTo("negative");
		assertThat(after.get("corrected").asBoolean()).isTrue();

		JsonNode history = api.get("/api/v1/audit?entityType=ticket&entityId=" + id, admin).json();
		assertThat(history.toString()).contains("correct-sentiment").contains("\"field\":\"sentiment\"")
			.contains("\"from\":\"positive\"").contains("\"to\":\"negative\"");
		assertThat(history.toString()).contains(team.agents()[0].username());

		// the company model's training reads the corrected text with the agent's label
		assertThat(corrections.all()).anySatisfy(c -> {
			assertThat(c.text()).contains(text);
			assertThat(c.label()).isEqualTo("negative");
		});

		// a customer's message on the ticket, corrected on its own; an agent's reply is not a customer text
		Actor.runAs(Actor.SYSTEM, () -> tickets.customerMessage(id, email, "Thanks, that is fine now.", null));
		JsonNode replies = api.get("/api/v1/tickets/" + id + "/sentiment", agent).json().get("replies");
		assertThat(replies).hasSize(1);
		long replyId = replies.get(0).get("replyId").asLong();
		Response reply = api.put("/api/v1/tickets/" + id + "/replies/" + replyId + "/sentiment", agent, null,
				Map.of("label", "neutral"));
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(reply.json().get("label").asString()).isEqualTo("neutral");
		assertThat(api.get("/api/v1/tickets/" + id + "/sentiment", agent).json().get("replies").get(0).get("sentiment")
			.get("corrected").asBoolean()).isTrue();
		long agentReply = api.post("/api/v1/tickets/" + id + "/replies", agent, Map.of("body", "Glad to help!", "public", true))
			.id();
		assertProblem(api.put("/api/v1/tickets/" + id + "/replies/" + agentReply + "/sentiment", agent, null,
				Map.of("label", "positive")), 404);

		// bad labels name the field; tickets the user may not see are 404; readers who may not correct get 403
		Response bad = api.put("/api/v1/tickets/" + id + "/sentiment", agent, null, Map.of("label", "furious"));
		assertProblem(bad, 400);
		assertThat(errorFields(bad)).containsExactly("label");
		Response missing = api.put("/api/v1/tickets/" + id + "/sentiment", agent, null, Map.of());
		assertProblem(missing, 400);
		assertThat(errorFields(missing)).containsExactly("label");
		assertProblem(api.put("/api/v1/tickets/" + id + "/sentiment", other.agents()[0].token(), null,
				Map.of("label", "positive")), 404);
		assertProblem(api.get("/api/v1/tickets/" + id + "/sentiment", other.agents()[0].token()), 404);
		assertProblem(api.put("/api/v1/tickets/999999999/sentiment", agent, null, Map.of("label", "positive")), 404);
		String marketer = api.user(admin, Api.unique("mkt-sent"), "MARKETER", null);
		assertProblem(api.put("/api/v1/tickets/" + id + "/sentiment", marketer, null, Map.of("label", "positive")), 403);
		assertThat(api.get("/api/v1/tickets/" + id + "/sentiment", admin).json().get("description").get("label").asString())
			.isEqualTo("negative");

		// the ticket page shows the corrected label in both languages; its form corrects too
		Browser b = new Browser(api.base());
		b.login("admin", ADMIN_PASSWORD);
		Response page = b.get("/tickets/" + id + "?lang=en");
		assertThat(page.text()).contains("id=\"sentiment-description\"").contains("Corrected by an agent")
			.contains("id=\"sentiment-reply-" + replyId + "\"");
		// the badge shows the score and the words that drove the model, also to screen readers
		String words = String.join(", ", corrected.json().get("evidence").valueStream().map(JsonNode::asString).toList());
		assertThat(words).isNotBlank();
		assertThat(page.text()).contains("score -0.50", "Words that drove it: " + words,
				"aria-label=\"Sentiment Negative, score -0.50; words that drove it: " + words + "\"");
		assertThat(b.get("/tickets/" + id + "?lang=zh-CN").text()).contains("已由客服更正").contains("负面")
			.contains("得分 -0.50", "起决定作用的词：" + words);
		Response posted = b.postForm("/tickets/" + id + "/sentiment",
				Map.of("_csrf", Browser.csrf(page.text()), "label", "neutral"));
		assertThat(posted.status()).as(posted.text()).isEqualTo(302);
		assertThat(api.get("/api/v1/tickets/" + id + "/sentiment", admin).json().get("description").get("label").asString())
			.isEqualTo("neutral");
	}

}
