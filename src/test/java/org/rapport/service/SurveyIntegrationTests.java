package org.rapport.service;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import org.rapport.support.TestDatabase;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Survey links: sent when a ticket is resolved, unguessable, single-use and expiring; a forged,
 * used or expired link answers 404 or 410 with a page that reveals nothing. NPS goes to a list of
 * contacts. Answers attach to the ticket and the contact.
 */
class SurveyIntegrationTests extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("/forms/survey/([A-Za-z0-9_-]{43})");

	@Test
	void aCsatLinkWorksOnceThenAnswers410() throws SQLException {
		String admin = admin();
		String subject = Api.unique("Secret subject");
		long ticket = resolvedTicket(admin, subject, Api.unique("csat") + "@example.com");
		String token = tokenSentFor(ticket);
		assertThat(count("select count(*) from surveys where token_hash = ?", token)).as("only a hash is stored").isZero();

		Response page = page("/forms/survey/" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains(subject);
		Response bad = postForm("/forms/survey/" + token, "score=9");
		assertThat(bad.status()).as("a CSAT score is 1 to 5").isEqualTo(400);
		Response answered = postForm("/forms/survey/" + token, "score=5&comment=" + enc("快，好！ Quick"));
		assertThat(answered.status()).as(answered.text()).isEqualTo(200);
		JsonNode surveys = api.get("/api/v1/tickets/" + ticket + "/surveys", admin).json().get("items");
		assertThat(surveys.get(0).get("score").asInt()).isEqualTo(5);
		assertThat(surveys.get(0).get("comment").asString()).isEqualTo("快，好！ Quick");

		Response again = postForm("/forms/survey/" + token, "score=1");
		assertThat(again.status()).isEqualTo(410);
		assertThat(again.text()).doesNotContain(subject);
		Response reopen = page("/forms/survey/" + token);
		assertThat(reopen.status()).isEqualTo(410);
		assertThat(api.get("/api/v1/tickets/" + ticket + "/surveys", admin).json().get("items").get(0).get("score").asInt())
			.as("the second use changed nothing").isEqualTo(5);
	}

	@Test
	void forgedAndExpiredLinksRevealNothing() throws SQLException {
		String admin = admin();
		String subject = Api.unique("Expiring subject");
		long ticket = resolvedTicket(admin, subject, Api.unique("exp") + "@example.com");
		String token = tokenSentFor(ticket);
		String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
		Response f1 = page("/forms/survey/" + forged);
		Response f2 = postForm("/forms/survey/" + forged, "score=5");
		Response f3 = page("/forms/survey/short");
		assertThat(List.of(f1.status(), f2.status(), f3.status())).containsOnly(404);

		clock.advance(Duration.ofDays(15));
		Response expired = page("/forms/survey/" + token);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(postForm("/forms/survey/" + token, "score=5").status()).isEqualTo(410);
		for (Response r : List.of(f1, f2, expired)) {
			assertThat(r.text()).doesNotContain(subject).doesNotContain("T-" + ticket).doesNotContain("@example.com");
		}
		// the not-found and the gone pages say the same thing
		assertThat(strip(f1.text())).isEqualTo(strip(expired.text()));
	}

	@Test
	void npsGoesToAListOfContactsAndAnswersAttachToTheContact() throws SQLException {
		String admin = admin();
		String campaign = Api.unique("NPS 2026");
		String email = Api.unique("nps") + "@example.com";
		long withMail = ServiceFixtures.contact(api, admin, email);
		long withoutMail = ServiceFixtures.contact(api, admin, null);
		Response sent = api.post("/api/v1/service/nps-surveys", admin,
				Map.of("campaign", campaign, "contactIds", List.of(withMail, withoutMail)));
		assertThat(sent.status()).as(sent.text()).isEqualTo(200);
		assertThat(sent.json().get("sent").asInt()).isEqualTo(1);
		String body = single("select body from service_outbox where to_address = ? order by id desc limit 1", email);
		Matcher m = LINK.matcher(body);
		assertThat(m.find()).isTrue();
		assertThat(page("/forms/survey/" + m.group(1)).text()).contains(campaign);
		assertThat(postForm("/forms/survey/" + m.group(1), "score=11").status()).isEqualTo(400);
		assertThat(postForm("/forms/survey/" + m.group(1), "score=0").status()).isEqualTo(200);
		assertThat(count("select count(*) from surveys where contact_id = ? and kind = 'nps' and score = 0", withMail))
			.isEqualTo(1);
		Response unknown = api.post("/api/v1/service/nps-surveys", admin, Map.of("campaign", campaign, "contactIds",
				List.of(withMail, 987654321L)));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.text()).contains("contactIds[1]");
		String agent = api.newUser(admin, "SUPPORT_AGENT", null).token();
		assertThat(api.post("/api/v1/service/nps-surveys", agent, Map.of("campaign", "x", "contactIds", List.of(withMail)))
			.status()).isEqualTo(403);
	}

	private long resolvedTicket(String admin, String subject, String email) {
		long contact = ServiceFixtures.contact(api, admin, email);
		Response t = api.post("/api/v1/tickets", admin, Map.of("subject", subject, "contactId", contact));
		Response resolved = api.patch("/api/v1/tickets/" + t.id(), admin, t.etag(), Map.of("status", "resolved"));
		assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
		return t.id();
	}

	static String tokenSentFor(long ticket) throws SQLException {
		String body = single("select body from service_outbox where ticket_id = ? and subject like '%How did we do%' "
				+ "order by id desc limit 1", ticket);
		Matcher m = LINK.matcher(body);
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

	private Response postForm(String path, String form) {
		return api.send(HttpRequest.newBuilder(api.uri(path))
			.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
			.header("Content-Type", "application/x-www-form-urlencoded"), null, Map.of("Accept", "text/html"));
	}

	private Response page(String path) {
		return api.send(HttpRequest.newBuilder(api.uri(path)).GET(), null, Map.of("Accept", "text/html"));
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static String strip(String html) {
		return html.replaceAll("\\s+", " ");
	}

	static String single(String sql, Object param) throws SQLException {
		try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
			s.setObject(1, param);
			try (ResultSet rs = s.executeQuery()) {
				assertThat(rs.next()).as(sql + " " + param).isTrue();
				return rs.getString(1);
			}
		}
	}

	static long count(String sql, Object param) throws SQLException {
		try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
			s.setObject(1, param);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

}
