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
 * The models behind a customer's analytics are fitted once per state of the order history: asking
 * again gives the same answer, and a new fulfilled order gives a new one.
 */
class CustomerAnalyticsCacheIntegrationTests extends IntegrationTest {

	@Test
	void aNewOrderRefreshesTheLifetimeValue() {
		String admin = admin();
		SalesFixtures sales = new SalesFixtures(api, admin);
		String tag = Api.unique("cache");
		long kit = sales.product(tag + "-kit", "Starter kit " + tag);
		LocalDate today = LocalDate.now(clock);
		for (int i = 0; i < 10; i++) {
			long other = sales.contact("Repeat" + i, tag);
			sales.fulfilledOrder(other, today.minusDays(150 + 5 * i), List.of(kit), "20.00");
			sales.fulfilledOrder(other, today.minusDays(30 + 2 * i), List.of(kit), "20.00");
		}
		long customer = sales.contact("Cleo", tag);
		sales.fulfilledOrder(customer, today.minusDays(120), List.of(kit), "20.00");
		sales.fulfilledOrder(customer, today.minusDays(60), List.of(kit), "20.00");

		JsonNode first = clv(admin, customer);
		assertThat(first.isNull()).as("lifetime value fitted").isFalse();
		assertThat(clv(admin, customer)).isEqualTo(first);

		sales.fulfilledOrder(customer, today.minusDays(1), List.of(kit), "20.00");
		JsonNode after = clv(admin, customer);
		assertThat(after.get("expectedPurchases").asDouble()).isNotEqualTo(first.get("expectedPurchases").asDouble());
	}

	private JsonNode clv(String token, long contact) {
		Response r = api.get("/api/v1/analytics/customers/" + contact, token);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json().get("clv");
	}

}
