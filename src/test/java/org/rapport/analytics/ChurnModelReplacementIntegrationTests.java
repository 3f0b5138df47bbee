package org.rapport.analytics;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import org.rapport.support.SalesFixtures;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A churn training scores the model in use on its new hold-out and keeps both figures; the new version
 * is active only if it is not worse there; the risk list then scores with the active model, as the
 * customer's page does.
 */
class ChurnModelReplacementIntegrationTests extends IntegrationTest {

	@Test
	void comparesWithTheActiveModelOnTheSameHoldoutAndTheRiskListUsesTheModel() throws Exception {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-repl"));
		SalesFixtures sales = new SalesFixtures(api, rep.token());
		String tag = Api.unique("repl");
		long item = new SalesFixtures(api, admin).product(tag + "-item", "Item " + tag);
		LocalDate today = LocalDate.now(clock);
		// 15 loyal customers order every 30 days for 400 days; 15 fading ones stop 250 days ago. One of each comes
		// after the first training, so that the second learns from new data (the same data again would give the
		// same model, which the registry does not record twice)
		for (int i = 0; i < 30; i++) {
			if (i != 14 && i != 29) {
				plant(sales, tag, item, today, i);
			}
		}

		JsonNode firstRun = train(admin);
		assertThat(firstRun.get("status").asString()).as(firstRun.toString()).isEqualTo("done");
		assertThat(active()).isNotNull();
		plant(sales, tag, item, today, 14);
		plant(sales, tag, item, today, 29);
		JsonNode secondRun = train(admin);
		assertThat(secondRun.get("status").asString()).as(secondRun.toString()).isEqualTo("done");
		int version = secondRun.get("modelVersion").asInt();
		JsonNode entry = api.get("/api/v1/analytics/models", admin)
			.json()
			.valueStream()
			.filter(m -> m.get("name").asString().equals(CustomerAnalytics.CHURN_MODEL) && m.get("version").asInt() == version)
			.findFirst()
			.orElseThrow();
		// a model was in use when the second run registered: it was scored on the same hold-out
		JsonNode metrics = entry.get("metrics");
		assertThat(metrics.has("activeAucOnThisHoldout")).as(metrics.toString()).isTrue();
		assertThat(metrics.get("calibrationError").asDouble()).isBetween(0.0, 1.0);
		assertThat(entry.get("active").asBoolean())
			.isEqualTo(metrics.get("auc").asDouble() >= metrics.get("activeAucOnThisHoldout").asDouble());

		// the risk list scores with the model in use, as each customer's page does
		Response risks = api.get("/api/v1/analytics/churn/risks?limit=200", rep.token());
		assertThat(risks.status()).as(risks.text()).isEqualTo(200);
		List<JsonNode> items = risks.json().get("items").valueStream().toList();
		assertThat(items).hasSize(30);
		for (JsonNode i : items) {
			assertThat(i.get("basis").asString()).isEqualTo("model");
			JsonNode page = api.get("/api/v1/analytics/customers/" + i.get("contactId").asLong(), rep.token())
				.json()
				.get("churn");
			assertThat(i.get("risk").asDouble()).isEqualTo(page.get("risk").asDouble());
			assertThat(i.get("reasons").valueStream().map(r -> r.get("feature").asString()).toList())
				.isEqualTo(page.get("reasons").valueStream().map(r -> r.get("feature").asString()).toList());
		}
		// the fading customers rank above the loyal ones
		assertThat(items.subList(0, 15).stream().map(i -> i.get("name").asString())).allMatch(n -> n.startsWith("Fading"));
	}

	private static void plant(SalesFixtures sales, String tag, long item, LocalDate today, int i) {
		long c = sales.contact(i < 15 ? "Loyal" : "Fading", tag + i);
		int stop = i < 15 ? 0 : 250;
		for (int day = 400 - i; day >= stop; day -= 30) {
			sales.fulfilledOrder(c, today.minusDays(day), List.of(item), "15.00");
		}
	}

	private JsonNode active() {
		return api.get("/api/v1/analytics/models", admin())
			.json()
			.valueStream()
			.filter(m -> m.get("name").asString().equals(CustomerAnalytics.CHURN_MODEL) && m.get("active").asBoolean())
			.findFirst()
			.orElse(null);
	}

	private JsonNode train(String token) throws InterruptedException {
		Response started = api.post("/api/v1/analytics/churn/training", token, null);
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		return ChurnTrainingIntegrationTests.await(api, started.json().get("id").asLong(), token);
	}

}
