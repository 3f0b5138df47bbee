package org.rapport.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.churn.ChurnPipeline;
import org.rapport.platform.Actor;
import org.rapport.sales.SalesReports;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import org.rapport.support.SalesFixtures;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The churn model is trained as a run on the database scheduler with its progress, stored with its
 * registry version and used for customers' risk; it learns from other modules' signals (tickets,
 * complaints) and the "lost" rule is an administrator's setting.
 */
class ChurnTrainingIntegrationTests extends IntegrationTest {

	@Autowired
	ChurnModels churn;

	@Autowired
	SalesReports sales;

	@Test
	void trainsOnRequestThroughTheSchedulerAndScoresWithTheStoredModel() throws Exception {
		String admin = admin();
		String manager = api.user(admin, Api.unique("mgr-churn"), "MANAGER", Api.unique("team-churn"));
		String rep = api.user(admin, Api.unique("rep-churn"), "SALES_REP", Api.unique("team-churn"));
		SalesFixtures fixtures = new SalesFixtures(api, admin);
		String tag = Api.unique("churn");
		long item = fixtures.product(tag + "-item", "Item " + tag);
		LocalDate today = LocalDate.now(clock);
		// 15 loyal customers order every 30 days for 400 days; 15 fading ones stop 250 days ago
		long loyal = 0;
		for (int i = 0; i < 30; i++) {
			long c = fixtures.contact(i < 15 ? "Loyal" : "Fading", tag + i);
			int stop = i < 15 ? 0 : 250;
			for (int day = 400 - i; day >= stop; day -= 30) {
				fixtures.fulfilledOrder(c, today.minusDays(day), List.of(item), "15.00");
			}
			loyal = i == 0 ? c : loyal;
		}

		assertThat(api.post("/api/v1/analytics/churn/training", rep, null).status()).isEqualTo(403);
		Response started = api.post("/api/v1/analytics/churn/training", manager, null);
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		long runId = started.json().get("id").asLong();
		assertThat(started.json().get("status").asString()).isIn("queued", "running");
		assertThat(started.json().get("total").asInt()).isEqualTo(ChurnModels.STEPS.size());
		JsonNode run = await(runId, manager);
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("done");
		assertThat(run.get("done").asInt()).isEqualTo(run.get("total").asInt());
		assertThat(run.get("message").asString()).contains("AUC");
		int version = run.get("modelVersion").asInt();
		assertThat(version).isPositive();
		assertThat(api.get("/api/v1/analytics/churn/training/999999999", manager).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/analytics/churn/training", manager).json().get(0).get("id").asLong()).isEqualTo(runId);

		JsonNode entry = api.get("/api/v1/analytics/models", admin).json().valueStream()
			.filter(m -> m.get("name").asString().equals(CustomerAnalytics.CHURN_MODEL) && m.get("version").asInt() == version)
			.findFirst()
			.orElseThrow();
		assertThat(entry.get("metrics").get("horizonDays").asInt()).isEqualTo(90);
		assertThat(entry.get("metrics").get("calibrationError").asDouble()).isBetween(0.0, 1.0);
		assertThat(entry.get("metrics").has("topDecilePrecision")).isTrue();
		if (entry.get("active").asBoolean()) {
			JsonNode risk = api.get("/api/v1/analytics/customers/" + loyal, admin).json().get("churn");
			assertThat(risk.get("basis").asString()).isEqualTo("model");
			assertThat(risk.get("horizonDays").asInt()).isEqualTo(90);
			assertThat(risk.get("risk").asDouble()).isBetween(0.0, 1.0);
		}
		// the stored model is what every node loads
		ChurnModels.Active active = churn.active();
		assertThat(active).isNotNull();
		assertThat(active.model().coefficients()).containsKeys("recencyDays", "spendTrend", "tickets180");
	}

	@Test
	void featuresCarryTicketsComplaintsAndActivityFromOtherModules() {
		String admin = admin();
		SalesFixtures fixtures = new SalesFixtures(api, admin);
		String tag = Api.unique("sig");
		long item = fixtures.product(tag + "-item", "Item " + tag);
		LocalDate today = LocalDate.now(clock);
		long c = fixtures.contact("Signal", tag);
		fixtures.fulfilledOrder(c, today.minusDays(100), List.of(item), "20.00");
		fixtures.fulfilledOrder(c, today.minusDays(10), List.of(item), "50.00");
		Response complaint = api.post("/api/v1/tickets", admin, Map.of("subject", "Broken again", "contactId", c,
				"priority", "normal", "type", "complaint", "severity", "major"));
		assertThat(complaint.status()).as(complaint.text()).isEqualTo(201);
		assertThat(api.post("/api/v1/activities", admin, Map.of("type", "call", "subject", "Follow-up", "contactId", c,
				"occurredAt", today.minusDays(3) + "T10:00:00Z")).status()).isEqualTo(201);

		Actor.runAs(Actor.SYSTEM, () -> {
			CustomerAnalytics.History history = CustomerAnalytics.History
				.of(sales.fulfilledOrderLines(today.minusYears(3), today));
			ChurnPipeline.Customer all = churn.features(history, today, 90, null).get(c);
			ChurnPipeline.Customer one = churn.features(history, today, 90, List.of(c)).get(c);
			assertThat(one).isEqualTo(all);
			Map<String, Double> f = one.numbers();
			assertThat(f).containsEntry("recencyDays", 10.0).containsEntry("orders", 2.0).containsEntry("tenureDays", 100.0);
			// 50.00 in the last 90 days, 20.00 in the 90 before
			assertThat(f).containsEntry("spendTrend", 30.0);
			assertThat(f).containsEntry("tickets180", 1.0).containsEntry("complaints365", 1.0);
			assertThat(f).containsEntry("daysSinceActivity", 3.0);
			assertThat(f).doesNotContainKey("csat");
			// a snapshot before the ticket knows no ticket
			ChurnPipeline.Customer before = churn.features(history, today.minusDays(30), 90, List.of(c)).get(c);
			assertThat(before.numbers()).containsEntry("tickets180", 0.0).doesNotContainKey("daysSinceActivity");
			assertThat(before.churned()).isFalse();
		});
	}

	@Test
	void lostRuleIsAnAdministratorsSettingValidatedAndAudited() {
		String admin = admin();
		String rep = api.user(admin, Api.unique("rep-set"), "SALES_REP", Api.unique("team-set"));
		Response read = api.get("/api/v1/analytics/settings", admin);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("lostAfterDays").asInt()).isEqualTo(90);
		assertThat(api.put("/api/v1/analytics/settings", rep, null, Map.of("lostAfterDays", 120)).status()).isEqualTo(403);
		Response tooShort = api.put("/api/v1/analytics/settings", admin, null, Map.of("lostAfterDays", 5));
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.text()).contains("lostAfterDays");
		assertThat(api.put("/api/v1/analytics/settings", admin, null, Map.of("lostAfterDays", "many")).status())
			.isEqualTo(400);
		assertThat(api.put("/api/v1/analytics/settings", admin, null, Map.of("lostDays", 100)).status()).isEqualTo(400);
		assertThat(api.put("/api/v1/analytics/settings", admin, "\"999\"", Map.of("lostAfterDays", 100)).status())
			.isEqualTo(412);
		try {
			Response changed = api.put("/api/v1/analytics/settings", admin, read.etag(), Map.of("lostAfterDays", 120));
			assertThat(changed.status()).as(changed.text()).isEqualTo(200);
			assertThat(changed.json().get("lostAfterDays").asInt()).isEqualTo(120);
			assertThat(api.get("/api/v1/analytics/kpis", admin).json().get("lostAfterDays").asInt()).isEqualTo(120);
			JsonNode audit = api.get("/api/v1/audit?entityType=analytics-settings&entityId=1", admin).json();
			assertThat(audit.toString()).contains("lostAfterDays", "120");
		}
		finally {
			api.put("/api/v1/analytics/settings", admin, null, Map.of("lostAfterDays", 90));
		}
	}

	private JsonNode await(long runId, String token) throws InterruptedException {
		return await(api, runId, token);
	}

	/** The run once it is no longer queued or running (at most 90 seconds). */
	static JsonNode await(Api api, long runId, String token) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 90_000;
		JsonNode run;
		do {
			Thread.sleep(500);
			run = api.get("/api/v1/analytics/churn/training/" + runId, token).json();
		}
		while (System.currentTimeMillis() < deadline && List.of("queued", "running").contains(run.get("status").asString()));
		return run;
	}

}
