package org.rapport.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funnel and win rate on a small fixed data set in a pipeline of its own, against numbers
 * computed by hand (see the comments).
 */
class SalesFunnelIntegrationTests extends IntegrationTest {

	@Test
	void funnelAndWinRateEqualTheHandComputedNumbers() {
		String admin = admin();
		String rep = api.user(admin, Api.unique("funnel-rep"), "SALES_REP", Api.unique("funnel-team"));
		Response pipeline = api.post("/api/v1/pipelines", admin, Map.of("name", Api.unique("Funnel"), "stages", List.of(
				Map.of("key", "a", "name", "A", "probability", 10, "outcome", "open"),
				Map.of("key", "b", "name", "B", "probability", 40, "outcome", "open"),
				Map.of("key", "c", "name", "C", "probability", 70, "outcome", "open"),
				Map.of("key", "won", "name", "Won", "probability", 100, "outcome", "won"),
				Map.of("key", "lost", "name", "Lost", "probability", 0, "outcome", "lost"))));
		assertThat(pipeline.status()).as(pipeline.text()).isEqualTo(201);
		long p = pipeline.id();
		// D1 a→b→c→won (1000), D2 a→b→lost, D3 a→c→won (3000), D4 a, D5 a→b, D6 a→lost
		deal(rep, p, "1000", "b", "c", "won");
		deal(rep, p, "500", "b", "lost");
		deal(rep, p, "3000", "c", "won");
		deal(rep, p, "700");
		deal(rep, p, "800", "b");
		deal(rep, p, "900", "lost");
		String range = "from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1);
		Response funnel = api.get("/api/v1/reports/sales/funnel?" + range + "&pipelineId=" + p, rep);
		assertThat(funnel.status()).as(funnel.text()).isEqualTo(200);
		JsonNode steps = funnel.json().get("steps");
		// reached: a = 6; b = D1, D2, D3 (went past b), D5 = 4; c = D1, D3 = 2; won = 2
		assertThat(steps.valueStream().map(s -> s.get("reached").asLong()).toList()).containsExactly(6L, 4L, 2L, 2L);
		// conversions: 4/6, 2/4, 2/2
		assertThat(steps.get(0).get("conversionToNext").decimalValue()).isEqualByComparingTo("0.6667");
		assertThat(steps.get(1).get("conversionToNext").decimalValue()).isEqualByComparingTo("0.5000");
		assertThat(steps.get(2).get("conversionToNext").decimalValue()).isEqualByComparingTo("1.0000");
		assertThat(funnel.json().get("created").asLong()).isEqualTo(6);
		// win rate over deals closed in the period: won D1, D3; lost D2, D6 → 2 / 4
		assertThat(funnel.json().get("winRate").decimalValue()).isEqualByComparingTo("0.5");
		// average won deal: (1000 + 3000) / 2
		assertThat(funnel.json().get("averageDealSize").decimalValue()).isEqualByComparingTo("2000");
		assertThat(funnel.json().get("wonAmount").decimalValue()).isEqualByComparingTo("4000");
	}

	private void deal(String token, long pipeline, String amount, String... moves) {
		Response deal = api.post("/api/v1/deals", token, Map.of("name", Api.unique("deal"), "pipelineId", pipeline,
				"stage", "a", "amount", amount, "currency", "USD"));
		assertThat(deal.status()).as(deal.text()).isEqualTo(201);
		String etag = deal.etag();
		for (String stage : moves) {
			Response moved = api.patch("/api/v1/deals/" + deal.id(), token, etag, Map.of("stage", stage));
			assertThat(moved.status()).as(moved.text()).isEqualTo(200);
			etag = moved.etag();
		}
	}

}
