package org.rapport.analytics.churn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A trained churn model scores from its coefficients exactly as Tribuo's prediction does, and a model
 * stored as JSON and restored (as every node does) gives the same probabilities and reasons.
 */
class ChurnPipelineStorageUnitTests {

	@Test
	void storedModelScoresAsTheTrainedOne() {
		Random random = new Random(7);
		List<ChurnPipeline.Customer> customers = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			double recency = random.nextInt(300);
			double complaints = random.nextInt(4);
			double orders = 1 + random.nextInt(20);
			String plan = random.nextBoolean() ? "monthly" : "yearly";
			double logOdds = -2 + recency / 80 + complaints * 0.8 - orders / 10 + ("monthly".equals(plan) ? 0.7 : 0);
			boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-logOdds));
			Map<String, Double> numbers = new LinkedHashMap<>();
			numbers.put("recencyDays", recency);
			numbers.put("orders", orders);
			if (i % 5 != 0) {
				numbers.put("complaints", complaints); // sometimes unknown
			}
			customers.add(new ChurnPipeline.Customer("c" + i, numbers, Map.of("plan", plan), churned));
		}
		ChurnPipeline.Fitted trained = ChurnPipeline.defaults().fit(customers);
		JsonMapper json = JsonMapper.builder().build();
		ChurnPipeline.Fitted restored = ChurnPipeline.Fitted
			.restore(json.readValue(json.writeValueAsString(trained.parameters()), ChurnPipeline.Parameters.class));
		for (ChurnPipeline.Customer c : customers.subList(0, 100)) {
			assertThat(trained.probability(c)).isCloseTo(trained.tribuoProbability(c), within(1e-9));
			assertThat(restored.probability(c)).isCloseTo(trained.probability(c), within(1e-12));
			assertThat(restored.risk(c, 3)).isEqualTo(trained.risk(c, 3));
		}
		// the planted effects come out with their signs
		assertThat(trained.coefficients().get("recencyDays")).isPositive();
		assertThat(trained.coefficients().get("plan=monthly")).isGreaterThan(trained.coefficients().get("plan=yearly"));
	}

}
