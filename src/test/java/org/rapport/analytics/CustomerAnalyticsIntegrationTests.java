package org.rapport.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import org.rapport.support.SalesFixtures;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's analytics from Rapport's own orders and activities: RFM, lifetime value, churn risk,
 * sentiment and recommendations; invisible contacts are not found; the dashboard, customer and
 * registry pages render.
 */
class CustomerAnalyticsIntegrationTests extends IntegrationTest {

	@Test
	void answersRfmClvChurnSentimentAndRecommendationsFromOrdersAndActivities() {
		String admin = admin();
		String team = Api.unique("team-an");
		String rep = api.user(admin, Api.unique("rep-an"), "SALES_REP", team);
		String tag = Api.unique("an");
		long lamp = product(admin, tag + "-lamp", "Desk lamp " + tag);
		long bulb = product(admin, tag + "-bulb", "Bulb " + tag);
		long shade = product(admin, tag + "-shade", "Lamp shade " + tag);
		LocalDate today = LocalDate.now(clock);
		// three customers bought lamp, bulb and shade together; ours bought lamp and bulb, twice
		for (int i = 0; i < 3; i++) {
			long other = contact(rep, "Other" + i, tag);
			order(rep, other, today.minusDays(40 + i), List.of(lamp, bulb, shade), "30.00");
			order(rep, other, today.minusDays(10 + i), List.of(bulb), "4.00");
		}
		long customer = contact(rep, "Ada", tag);
		order(rep, customer, today.minusDays(60), List.of(lamp, bulb), "25.00");
		order(rep, customer, today.minusDays(5), List.of(bulb), "4.00");
		assertThat(api.post("/api/v1/activities", rep, Map.of("type", "note", "subject", "Complaint", "body",
				"Terrible delivery, the lamp arrived broken. Very disappointed.", "contactId", customer)).status())
			.isEqualTo(201);

		Response r = api.get("/api/v1/analytics/customers/" + customer, rep);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		JsonNode json = r.json();
		JsonNode rfm = json.get("rfm");
		assertThat(rfm.get("orders").asInt()).isEqualTo(2);
		assertThat(rfm.get("recencyDays").asLong()).isEqualTo(5);
		// 2 × 25.00 + 4.00 (lamp and bulb at 25.00 each, then a bulb)
		assertThat(rfm.get("spent").decimalValue()).isEqualByComparingTo("54.00");
		assertThat(rfm.get("segment").asString()).isNotBlank();
		assertThat(json.get("sentiment").get("label").asString()).isEqualTo("negative");
		assertThat(json.get("sentiment").get("evidence").valueStream().map(JsonNode::asString)).contains("terrible");
		JsonNode recommendations = json.get("recommendations");
		assertThat(recommendations.size()).isPositive();
		JsonNode first = recommendations.get(0);
		assertThat(first.get("productId").asLong()).isEqualTo(shade);
		assertThat(first.get("customers").asInt()).isEqualTo(3);
		assertThat(first.get("because").asString()).isIn("Desk lamp " + tag, "Bulb " + tag);
		// the whole database's order history decides whether the churn model or 1 − P(alive) answers
		JsonNode churn = json.get("churn");
		if (!churn.isNull()) {
			assertThat(churn.get("risk").asDouble()).isBetween(0.0, 1.0);
			assertThat(churn.get("basis").asString()).isIn("model", "bg-nbd");
			assertThat(churn.get("reasons").size()).isPositive();
		}
		JsonNode clv = json.get("clv");
		if (!clv.isNull()) {
			assertThat(clv.get("pAlive").asDouble()).isBetween(0.0, 1.0);
			assertThat(clv.get("expectedPurchases").asDouble()).isPositive();
		}

		// another team's rep does not see the contact: 404, and no analytics of it
		String stranger = api.user(admin, Api.unique("rep-x"), "SALES_REP", Api.unique("team-x"));
		assertThat(api.get("/api/v1/analytics/customers/" + customer, stranger).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/analytics/customers/999999999", rep).status()).isEqualTo(404);

		Response kpis = api.get("/api/v1/analytics/kpis", rep);
		assertThat(kpis.status()).as(kpis.text()).isEqualTo(200);
		assertThat(kpis.json().get("activeCustomers").asLong()).isGreaterThanOrEqualTo(4);
		assertThat(kpis.json().get("segments").size()).isEqualTo(8);
		assertThat(api.get("/api/v1/analytics/kpis?from=2026-05-01&to=2026-01-01", rep).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/analytics/kpis?from=1900-01-01&to=2026-01-01", rep).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/analytics/kpis?from=yesterday", rep).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/analytics/customers/abc", rep).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/analytics/models", rep).json().valueStream()
			.map(m -> m.get("name").asString())).contains("sentiment-default");
	}

	@Test
	void dashboardCustomerAndRegistryPagesRenderInBothLanguages() {
		String admin = admin();
		String tag = Api.unique("pg");
		long lamp = product(admin, tag + "-lamp", "Desk lamp " + tag);
		long customer = contact(admin, "Grace", tag);
		LocalDate today = LocalDate.now(clock);
		order(admin, customer, today.minusDays(20), List.of(lamp), "12.50");
		order(admin, customer, today.minusDays(3), List.of(lamp), "12.50");
		api.post("/api/v1/activities", admin, Map.of("type", "note", "subject", "Call", "body", "Great support, very happy",
				"contactId", customer));

		org.rapport.support.Browser browser = new org.rapport.support.Browser(api.base());
		browser.login("admin", ADMIN_PASSWORD);
		Response contactPage = browser.get("/contacts/" + customer);
		assertThat(contactPage.text()).contains("/analytics/customers/" + customer);

		Response dashboard = browser.get("/analytics", Map.of("Accept-Language", "en"));
		assertThat(dashboard.status()).as(dashboard.text()).isEqualTo(200);
		assertThat(dashboard.text()).contains("Repeat-purchase rate", "Loyalty index", "Average order value",
				"revenue from repeat customers ÷ revenue", "data-chart", "Champions");
		Response dashboardZh = browser.get("/analytics", Map.of("Accept-Language", "zh-CN"));
		assertThat(dashboardZh.text()).contains("复购率", "忠诚度指数", "冠军客户");

		Response page = browser.get("/analytics/customers/" + customer, Map.of("Accept-Language", "en"));
		assertThat(page.status()).as(page.text()).isEqualTo(200);
		assertThat(page.text()).contains("id=\"rfm-segment\"", "Lifetime value", "Churn risk", "Sentiment", "Positive",
				"Recommended products");
		// what drove it: counts per label and the newest texts with their label, score and words
		assertThat(page.text()).contains("id=\"sentiment-recent\"", "1 positive, 0 neutral, 0 negative", "Note",
				"Words that drove it: ", "score 0.");
		assertThat(browser.get("/analytics/customers/" + customer, Map.of("Accept-Language", "zh-CN")).text())
			.contains("客户终身价值", "流失风险", "正面", "备注", "起决定作用的词：");

		Response models = browser.get("/analytics/models", Map.of("Accept-Language", "en"));
		assertThat(models.status()).isEqualTo(200);
		assertThat(models.text()).contains("sentiment-default", "Model registry");
	}

	private long product(String token, String sku, String name) {
		return new SalesFixtures(api, token).product(sku, name);
	}

	private long contact(String token, String first, String last) {
		return new SalesFixtures(api, token).contact(first, last);
	}

	private void order(String token, long contact, LocalDate date, List<Long> products, String unitPrice) {
		new SalesFixtures(api, token).fulfilledOrder(contact, date, products, unitPrice);
	}

}
