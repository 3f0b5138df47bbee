package org.rapport.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.platform.Actor;
import org.rapport.service.SurveyManagement;
import org.rapport.service.TicketManagement;
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
 * An account's sentiment by month counts what its contacts wrote (ticket descriptions, their messages,
 * survey comments) and the notes on the account, with agents' corrections in place of the model, and
 * nothing of other customers.
 */
class AccountSentimentIntegrationTests extends IntegrationTest {

	static final String ANGRY = "Terrible, awful service. I am furious, the worst experience ever.";

	static final String HAPPY = "Wonderful help, thank you so much, great work!";

	@Autowired
	SurveyManagement surveys;

	@Autowired
	TicketManagement tickets;

	@Test
	void monthlyCountsAndMeansOfPlantedTexts() {
		String admin = admin();
		long account = api.post("/api/v1/accounts", admin, Map.of("name", Api.unique("Moody Ltd"))).id();
		String email = Api.unique("moody") + "@example.com";
		long ada = api.post("/api/v1/contacts", admin,
				Map.of("firstName", "Ada", "lastName", Api.unique("Moody"), "accountId", account, "email", email))
			.id();
		long bo = api.post("/api/v1/contacts", admin, Map.of("firstName", "Bo", "lastName", Api.unique("Moody"), "accountId",
				account))
			.id();
		long stranger = api.post("/api/v1/contacts", admin, Map.of("firstName", "Cy", "lastName", Api.unique("Elsewhere")))
			.id();
		YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
		YearMonth previous = now.minusMonths(1);

		// last month: Ada's angry ticket and Bo's happy survey comment
		at(previous.atDay(10).atTime(12, 0).toInstant(ZoneOffset.UTC));
		long angry = ticket(admin, ada, "Furious", ANGRY);
		Actor.runAs(Actor.SYSTEM, () -> surveys.importCsatAnswer(angry, bo, 5, HAPPY));
		ticket(admin, stranger, "Furious", ANGRY);
		// this month: Ada's happy message on her ticket, a happy ticket an agent marked negative, a note on the account
		at(now.atDay(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
		Actor.runAs(Actor.SYSTEM, () -> tickets.customerMessage(angry, email, HAPPY, null));
		long corrected = ticket(admin, bo, "Thanks", HAPPY);
		assertThat(api.put("/api/v1/tickets/" + corrected + "/sentiment", admin, null, Map.of("label", "negative")).status())
			.isEqualTo(200);
		assertThat(api.post("/api/v1/activities", admin, Map.of("type", "note", "subject", "Angry call", "body", ANGRY,
				"accountId", account, "occurredAt", now.atDay(1).atTime(13, 0).toInstant(ZoneOffset.UTC).toString()))
			.status()).isEqualTo(201);
		clock.reset();

		double angryScore = score(admin, "Furious\n" + ANGRY);
		double happyScore = score(admin, HAPPY);
		double noteScore = score(admin, "Angry call\n" + ANGRY);
		Response trend = api.get("/api/v1/analytics/accounts/" + account + "/sentiment?months=3", admin);
		assertThat(trend.status()).as(trend.text()).isEqualTo(200);
		JsonNode months = trend.json().get("months");
		assertThat(months).hasSize(3);
		assertThat(trend.json().get("contacts").asInt()).isEqualTo(2);
		assertThat(months.get(0).get("texts").asInt()).isZero();
		assertThat(months.get(0).get("meanScore").isNull()).isTrue();
		JsonNode last = months.get(1);
		assertThat(last.get("month").asString()).isEqualTo(previous.toString());
		assertThat(last.get("texts").asInt()).isEqualTo(2);
		assertThat(last.get("positive").asInt()).isEqualTo(1);
		assertThat(last.get("negative").asInt()).isEqualTo(1);
		assertThat(last.get("neutral").asInt()).isZero();
		assertThat(last.get("meanScore").asDouble()).isCloseTo((angryScore + happyScore) / 2, org.assertj.core.data.Offset.offset(1e-3));
		JsonNode current = months.get(2);
		assertThat(current.get("month").asString()).isEqualTo(now.toString());
		assertThat(current.get("texts").asInt()).isEqualTo(3);
		assertThat(current.get("positive").asInt()).isEqualTo(1);
		assertThat(current.get("negative").asInt()).as("the corrected ticket and the note").isEqualTo(2);
		// the corrected happy text counts at −0.5, the value of the agent's label
		assertThat(current.get("meanScore").asDouble()).isCloseTo((happyScore - 0.5 + noteScore) / 3,
				org.assertj.core.data.Offset.offset(1e-3));

		String rep = api.user(admin, Api.unique("rep-mood"), "SALES_REP", Api.unique("team-mood"));
		assertProblem(api.get("/api/v1/analytics/accounts/" + account + "/sentiment", rep), 404);
		assertProblem(api.get("/api/v1/analytics/accounts/999999999/sentiment", admin), 404);
		Response tooMany = api.get("/api/v1/analytics/accounts/" + account + "/sentiment?months=99", admin);
		assertProblem(tooMany, 400);
		assertThat(errorFields(tooMany)).containsExactly("months");

		// every new endpoint is in the OpenAPI document
		JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
		assertThat(paths.get("/api/v1/analytics/accounts/{id}/sentiment").has("get")).isTrue();
		assertThat(paths.get("/api/v1/tickets/{id}/sentiment").has("put")).isTrue();
		assertThat(paths.get("/api/v1/tickets/{id}/sentiment").has("get")).isTrue();
		assertThat(paths.get("/api/v1/tickets/{id}/replies/{replyId}/sentiment").has("put")).isTrue();
		assertThat(paths.get("/api/v1/analytics/sentiment/training").has("post")).isTrue();
		assertThat(paths.get("/api/v1/analytics/sentiment/training/{id}").has("get")).isTrue();

		// the account page links to the trend page, which shows the same figures in both languages
		Browser b = new Browser(api.base());
		b.login("admin", ADMIN_PASSWORD);
		assertThat(b.get("/accounts/" + account + "?lang=en").text()).contains("/analytics/accounts/" + account + "/sentiment");
		Response page = b.get("/analytics/accounts/" + account + "/sentiment?lang=en");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("id=\"month-" + now + "\"").contains("Mean score");
		assertThat(b.get("/analytics/accounts/" + account + "/sentiment?lang=zh-CN").text()).contains("平均分");
	}

	private long ticket(String admin, long contact, String subject, String description) {
		Response r = api.post("/api/v1/tickets", admin, Map.of("subject", subject, "description", description, "contactId",
				contact, "priority", "urgent", "channel", "email"));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.id();
	}

	private double score(String admin, String text) {
		return api.post("/api/v1/analytics/sentiment", admin, Map.of("text", text)).json().get("score").asDouble();
	}

	private void at(Instant instant) {
		clock.advance(Duration.between(clock.instant(), instant));
	}

}
