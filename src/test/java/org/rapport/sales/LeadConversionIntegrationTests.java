package org.rapport.sales;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class LeadConversionIntegrationTests extends IntegrationTest {

	@Test
	void proposesExistingMatchesAndConvertsWithoutDuplicatingThem() {
		String token = admin();
		String base = Api.unique("acme");
		long account = api.post("/api/v1/accounts", token, Map.of("name", base + " Ltd.")).id();
		String email = base + "@acme.example";
		long contact = api.post("/api/v1/contacts", token,
				Map.of("firstName", "Wile", "lastName", "Coyote", "email", email, "accountId", account)).id();
		long lead = api.post("/api/v1/leads", token, Map.of("firstName", "Wile E.", "lastName", "Coyote", "email",
				email.toUpperCase(), "company", base.toUpperCase() + " Limited")).id();
		Response matches = api.get("/api/v1/leads/" + lead + "/matches", token);
		assertThat(matches.json().get("contacts").get(0).get("id").asLong()).isEqualTo(contact);
		assertThat(matches.json().get("contacts").get(0).get("reasons").toString()).contains("same-email");
		assertThat(matches.json().get("accounts").get(0).get("id").asLong()).isEqualTo(account);
		assertThat(matches.json().get("accounts").get(0).get("reasons").toString()).contains("same-company-name");
		Response converted = api.post("/api/v1/leads/" + lead + "/convert", token,
				Map.of("accountId", account, "contactId", contact));
		assertThat(converted.status()).as(converted.text()).isEqualTo(200);
		assertThat(converted.json().get("contactId").asLong()).isEqualTo(contact);
		assertThat(converted.json().get("accountId").asLong()).isEqualTo(account);
		assertThat(converted.json().get("createdContact").asBoolean()).isFalse();
		assertThat(api.get("/api/v1/contacts?q=" + Api.q(email), token).json().get("items").size()).isEqualTo(1);
		assertThat(api.get("/api/v1/accounts?q=" + Api.q(base), token).json().get("items").size()).isEqualTo(1);
		Response timeline = api.get("/api/v1/contacts/" + contact + "/timeline", token);
		assertThat(timeline.json().get("items").get(0).get("subject").asString()).isEqualTo("Converted from lead");
	}

	@Test
	void publicWebFormCapturesLeadsAndKeepsBotsOut() {
		String token = admin();
		String email = Api.unique("visitor") + "@example.org";
		Response ok = form("lastName=Visitor&firstName=Vera&email=" + Api.q(email) + "&company=Example&source=website");
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.text()).contains("thanks");
		Response found = api.get("/api/v1/leads?q=" + Api.q(email), token);
		assertThat(found.json().get("items").size()).isEqualTo(1);
		assertThat(found.json().get("items").get(0).get("source").asString()).isEqualTo("website");
		String botEmail = Api.unique("bot") + "@example.org";
		Response bot = form("lastName=Bot&email=" + Api.q(botEmail) + "&website_url=http%3A%2F%2Fspam.example");
		assertThat(bot.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/leads?q=" + Api.q(botEmail), token).json().get("items").size()).isZero();
		Response invalid = form("lastName=&email=not-an-email");
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.text()).contains("is-invalid");
	}

	@Test
	void webFormLimitsPostsPerAddress() {
		// a window of its own, far from the one the other tests post in
		clock.advance(java.time.Duration.ofDays(400));
		int status = 200;
		for (int i = 0; i < 25 && status == 200; i++) {
			status = form("lastName=" + Api.unique("flood") + "&email=" + Api.q(Api.unique("f") + "@example.org")).status();
		}
		assertThat(status).isEqualTo(429);
	}

	private Response form(String body) {
		return api.send(HttpRequest.newBuilder(api.uri("/forms/lead"))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded"), null, Map.of("Accept", "text/html"));
	}

}
