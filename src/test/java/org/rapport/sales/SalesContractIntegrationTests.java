package org.rapport.sales;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The sales contract outside checks use: leads and conversion, deals and stages, quotes to orders, reports. */
class SalesContractIntegrationTests extends IntegrationTest {

	@Test
	void createsAndConvertsALeadIntoContactAccountAndDeal() {
		String token = admin();
		String company = Api.unique("Globex");
		Response lead = api.post("/api/v1/leads", token,
				Map.of("firstName", "Hank", "lastName", "Scorpio", "email", Api.unique("hank") + "@globex.example",
						"company", company));
		assertThat(lead.status()).as(lead.text()).isEqualTo(201);
		Response converted = api.post("/api/v1/leads/" + lead.id() + "/convert", token,
				Map.of("createDeal", true, "dealName", "Globex platform", "amount", 120000, "currency", "USD"));
		assertThat(converted.status()).as(converted.text()).isEqualTo(200);
		long contactId = converted.json().get("contactId").asLong();
		long accountId = converted.json().get("accountId").asLong();
		long dealId = converted.json().get("dealId").asLong();
		assertThat(api.get("/api/v1/contacts/" + contactId, token).json().get("accountId").asLong()).isEqualTo(accountId);
		assertThat(api.get("/api/v1/accounts/" + accountId, token).json().get("name").asString()).isEqualTo(company);
		Response deal = api.get("/api/v1/deals/" + dealId, token);
		assertThat(deal.json().get("amount").decimalValue()).isEqualByComparingTo("120000");
		assertThat(api.get("/api/v1/leads/" + lead.id(), token).json().get("status").asString()).isEqualTo("converted");
		assertThat(api.post("/api/v1/leads/" + lead.id() + "/convert", token, Map.of()).status()).isEqualTo(409);
	}

	@Test
	void movesADealToClosedWonWithIfMatch() {
		String token = admin();
		long account = api.post("/api/v1/accounts", token, Map.of("name", Api.unique("Initech"))).id();
		Response deal = api.post("/api/v1/deals", token,
				Map.of("name", "TPS reports", "accountId", account, "amount", "5000.50", "currency", "EUR", "stage",
						"proposal"));
		assertThat(deal.status()).as(deal.text()).isEqualTo(201);
		assertThat(deal.json().get("probability").asInt()).isEqualTo(50);
		Response won = api.patch("/api/v1/deals/" + deal.id(), token, deal.etag(), Map.of("stage", "closed_won"));
		assertThat(won.status()).as(won.text()).isEqualTo(200);
		assertThat(won.json().get("outcome").asString()).isEqualTo("won");
		assertThat(won.json().get("probability").asInt()).isEqualTo(100);
		assertThat(won.json().get("closedAt").isNull()).isFalse();
		assertThat(api.patch("/api/v1/deals/" + deal.id(), token, deal.etag(), Map.of("stage", "negotiation")).status())
			.isEqualTo(412);
		Response stages = api.get("/api/v1/deals/" + deal.id() + "/stages", token);
		assertThat(stages.json().get("items").valueStream().map(n -> n.get("stage").asString()).toList())
			.containsExactly("proposal", "closed_won");
	}

	@Test
	void quotesComputeTotalsAndBecomeOrders() {
		String token = admin();
		long account = api.post("/api/v1/accounts", token, Map.of("name", Api.unique("Umbrella"))).id();
		Response quote = api.post("/api/v1/quotes", token, Map.of("accountId", account, "currency", "USD", "lines",
				List.of(Map.of("description", "Licences", "quantity", 3, "unitPrice", "19.99", "discountPercent", 10,
						"taxRatePercent", "8.25"), Map.of("description", "Setup", "quantity", 2, "unitPrice", "5.125",
								"taxRatePercent", 20))));
		assertThat(quote.status()).as(quote.text()).isEqualTo(201);
		assertThat(quote.json().get("subtotal").decimalValue()).isEqualByComparingTo("64.22");
		assertThat(quote.json().get("tax").decimalValue()).isEqualByComparingTo("6.50");
		assertThat(quote.json().get("total").decimalValue()).isEqualByComparingTo("70.72");
		Response accepted = api.post("/api/v1/quotes/" + quote.id() + "/accept", token, null);
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		long orderId = accepted.json().get("orderId").asLong();
		Response order = api.get("/api/v1/orders/" + orderId, token);
		assertThat(order.json().get("status").asString()).isEqualTo("confirmed");
		assertThat(order.json().get("total").decimalValue()).isEqualByComparingTo("70.72");
		assertThat(api.post("/api/v1/orders/" + orderId + "/fulfil", token, null).status()).isEqualTo(200);
		Response fulfilled = api.get("/api/v1/orders/" + orderId, token);
		assertThat(api.patch("/api/v1/orders/" + orderId, token, fulfilled.etag(), Map.of("orderDate", "2026-01-01"))
			.status()).isEqualTo(409);
		assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", token, null).status()).isEqualTo(409);
	}

	@Test
	void reportsAnswerJson() {
		String token = admin();
		Response funnel = api.get("/api/v1/reports/sales/funnel?from=2026-01-01&to=2026-12-31", token);
		assertThat(funnel.status()).as(funnel.text()).isEqualTo(200);
		assertThat(funnel.json().get("steps").size()).isGreaterThan(1);
		Response forecast = api.get("/api/v1/reports/sales/forecast?period=2026-Q4", token);
		assertThat(forecast.status()).as(forecast.text()).isEqualTo(200);
		assertThat(forecast.json().get("total").has("weighted")).isTrue();
		assertThat(forecast.json().get("projection").has("method")).isTrue();
	}

}
