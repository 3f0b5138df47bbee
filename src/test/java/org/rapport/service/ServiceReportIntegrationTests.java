package org.rapport.service;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service report on a fixed data set in its own week (2040-03-05, a Monday; default policy
 * "normal": 4 business hours to answer, 24 to resolve, 09:00–17:00 UTC on weekdays), compared with
 * values computed by hand.
 */
class ServiceReportIntegrationTests extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("/forms/survey/([A-Za-z0-9_-]{43})");

	private String admin;

	private Response patch(long id, Map<String, Object> body) {
		String etag = api.get("/api/v1/tickets/" + id, admin).etag();
		Response r = api.patch("/api/v1/tickets/" + id, admin, etag, body);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r;
	}

	private void status(long id, String status) {
		patch(id, Map.of("status", status));
	}

	private void reply(long id) {
		Response r = api.post("/api/v1/tickets/" + id + "/replies", admin, Map.of("body", "On it.", "public", true));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
	}

	private void answer(long ticket, int score) throws Exception {
		String token = SurveyIntegrationTests.tokenSentFor(ticket);
		Response r = api.send(HttpRequest.newBuilder(api.uri("/forms/survey/" + token))
			.POST(HttpRequest.BodyPublishers.ofString("score=" + score, StandardCharsets.UTF_8))
			.header("Content-Type", "application/x-www-form-urlencoded"), null, Map.of("Accept", "text/html"));
		assertThat(r.status()).as(r.text()).isEqualTo(200);
	}

	private void answerNps(String email, int score) throws Exception {
		String body = SurveyIntegrationTests.single(
				"select body from service_outbox where to_address = ? order by id desc limit 1", email);
		Matcher m = LINK.matcher(body);
		assertThat(m.find()).isTrue();
		Response r = api.send(HttpRequest.newBuilder(api.uri("/forms/survey/" + m.group(1)))
			.POST(HttpRequest.BodyPublishers.ofString("score=" + score, StandardCharsets.UTF_8))
			.header("Content-Type", "application/x-www-form-urlencoded"), null, Map.of("Accept", "text/html"));
		assertThat(r.status()).as(r.text()).isEqualTo(200);
	}

	@Test
	void reportEqualsHandComputedValues() throws Exception {
		ServiceFixtures.setClock(clock, Instant.parse("2040-03-05T09:00:00Z"));
		admin = admin();
		ServiceFixtures.Team team = ServiceFixtures.team(api, admin, 2, "round-robin");
		String[] categories = { "billing", "billing", "login", "login", "billing" };
		long[] t = new long[5];
		long[] contacts = new long[5];
		for (int i = 0; i < 5; i++) {
			long contact = ServiceFixtures.contact(api, admin, Api.unique("r" + i) + "@example.com");
			contacts[i] = contact;
			Map<String, Object> body = new HashMap<>();
			body.put("subject", "Report " + i);
			body.put("contactId", contact);
			body.put("priority", "normal");
			body.put("queueId", team.queueId());
			body.put("category", categories[i]);
			if (i == 2) {
				body.put("type", "complaint");
				body.put("severity", "major");
				body.put("rootCause", "billing-error");
			}
			t[i] = api.post("/api/v1/tickets", admin, body).id();
		}
		clock.advance(Duration.ofMinutes(30)); // Mon 09:30
		reply(t[0]);
		reply(t[3]);
		clock.advance(Duration.ofMinutes(30)); // 10:00
		reply(t[1]);
		status(t[3], "pending_customer");
		clock.advance(Duration.ofMinutes(60)); // 11:00
		status(t[0], "resolved");
		clock.advance(Duration.ofMinutes(120)); // 13:00
		status(t[1], "resolved");
		clock.advance(Duration.ofMinutes(30)); // 13:30, half an hour late
		reply(t[2]);
		clock.advance(Duration.ofMinutes(90)); // 15:00
		status(t[2], "resolved");
		clock.advance(Duration.ofHours(19)); // Tuesday 10:00: 420 + 60 business minutes waiting
		status(t[3], "open");
		clock.advance(Duration.ofMinutes(60)); // 11:00
		status(t[3], "resolved");
		clock.advance(Duration.ofMinutes(30)); // 11:30
		status(t[3], "open");
		clock.advance(Duration.ofMinutes(30)); // 12:00
		status(t[3], "resolved");
		answer(t[0], 5);
		answer(t[1], 4);
		answer(t[2], 2);
		answer(t[3], 3);
		List<Long> npsContacts = new ArrayList<>();
		List<String> npsMails = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String mail = Api.unique("nps" + i) + "@example.com";
			npsMails.add(mail);
			npsContacts.add(ServiceFixtures.contact(api, admin, mail));
		}
		assertThat(api.post("/api/v1/service/nps-surveys", admin, Map.of("campaign", "Spring 2040", "contactIds",
				npsContacts)).json().get("sent").asInt()).isEqualTo(5);
		int[] npsScores = { 10, 9, 9, 7, 3 };
		for (int i = 0; i < 5; i++) {
			answerNps(npsMails.get(i), npsScores[i]);
		}

		Response r = api.get("/api/v1/reports/service?from=2040-03-05&to=2040-03-07&queueId=" + team.queueId(), admin);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		JsonNode report = r.json();
		// CSAT: (5 + 4 + 2 + 3) / 4 = 3.5; 2 of 4 answers are 4–5
		assertThat(report.get("csat").asDouble()).isEqualTo(3.5);
		assertThat(report.get("csatSatisfiedPercent").asDouble()).isEqualTo(50.0);
		assertThat(report.get("csatResponses").asLong()).isEqualTo(4);
		// NPS: promoters 3/5 = 60 %, detractors 1/5 = 20 % → 40
		assertThat(report.get("nps").asDouble()).isEqualTo(40.0);
		assertThat(report.get("npsResponses").asLong()).isEqualTo(5);
		// first responses 30, 60, 270, 30 → sorted 30, 30, 60, 270: median 45; p90 = 60 + 0.7 × 210 = 207
		assertThat(report.get("firstResponseMedianMinutes").asDouble()).isEqualTo(45.0);
		assertThat(report.get("firstResponseP90Minutes").asDouble()).isEqualTo(207.0);
		// resolutions 120, 240, 360 and (ticket 4, after 480 + 30 paused minutes) 660 − 510 = 150
		// → sorted 120, 150, 240, 360: median 195; p90 = 240 + 0.7 × 120 = 324
		assertThat(report.get("resolutionMedianMinutes").asDouble()).isEqualTo(195.0);
		assertThat(report.get("resolutionP90Minutes").asDouble()).isEqualTo(324.0);
		// ticket 3 answered late: 3 of 4 resolved tickets within both targets
		assertThat(report.get("slaAttainment").asDouble()).isEqualTo(75.0);
		assertThat(report.get("resolved").asLong()).isEqualTo(4);
		assertThat(report.get("created").asLong()).isEqualTo(5);
		assertThat(report.get("backlog").asLong()).isEqualTo(1);
		// one reopening per five resolutions
		assertThat(report.get("reopenRate").asDouble()).isEqualTo(20.0);
		assertThat(report.get("complaints").asLong()).isEqualTo(1);
		assertThat(report.get("complaintsBySeverity").get("major").asLong()).isEqualTo(1);
		assertThat(report.get("complaintsByRootCause").get("billing-error").asLong()).isEqualTo(1);
		Map<String, JsonNode> byCategory = new HashMap<>();
		report.get("byCategory").forEach(g -> byCategory.put(g.get("key").asString(), g));
		JsonNode billing = byCategory.get("billing");
		assertThat(billing.get("resolved").asLong()).isEqualTo(2);
		assertThat(billing.get("firstResponseMedianMinutes").asDouble()).isEqualTo(45.0);
		assertThat(billing.get("resolutionMedianMinutes").asDouble()).isEqualTo(180.0);
		assertThat(billing.get("slaAttainment").asDouble()).isEqualTo(100.0);
		assertThat(billing.get("csat").asDouble()).isEqualTo(4.5);
		JsonNode login = byCategory.get("login");
		assertThat(login.get("firstResponseMedianMinutes").asDouble()).isEqualTo(150.0);
		assertThat(login.get("resolutionMedianMinutes").asDouble()).isEqualTo(255.0);
		assertThat(login.get("slaAttainment").asDouble()).isEqualTo(50.0);
		assertThat(login.get("csat").asDouble()).isEqualTo(2.5);
		assertThat(report.get("byQueue").get(0).get("resolved").asLong()).isEqualTo(4);

		// one contact's figures (the contact page's): ticket 1 only; NPS of the first NPS contact only
		JsonNode one = api.get("/api/v1/reports/service?from=2040-03-05&to=2040-03-07&contactId=" + contacts[0], admin).json();
		assertThat(one.get("csat").asDouble()).isEqualTo(5.0);
		assertThat(one.get("resolved").asLong()).isEqualTo(1);
		assertThat(one.get("resolutionMedianMinutes").asDouble()).isEqualTo(120.0);
		assertThat(one.get("npsResponses").asLong()).isZero();
		JsonNode npsOne = api.get("/api/v1/reports/service?from=2040-03-05&to=2040-03-07&contactId=" + npsContacts.get(4),
				admin).json();
		assertThat(npsOne.get("nps").asDouble()).as("a single detractor").isEqualTo(-100.0);
		assertThat(api.get("/api/v1/reports/service?contactId=987654321", admin).status()).isEqualTo(404);

		assertThat(api.get("/api/v1/reports/service?from=2040-03-07&to=2040-03-05", admin).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/reports/service?from=yesterday", admin).text()).contains("from");
	}

}
