package org.rapport.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.churn.ChurnPipeline;
import org.rapport.platform.Actor;
import org.rapport.sales.SalesReports;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;
import org.rapport.support.SalesFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The churn model reads the sentiment of a customer's messages of the last 180 days: their mean score
 * and how many read negative, with words for both as reasons in English and Chinese.
 */
class SentimentChurnFeaturesIntegrationTests extends IntegrationTest {

	@Autowired
	ChurnModels churn;

	@Autowired
	SalesReports sales;

	@Test
	void meanSentimentAndNegativeMessagesAreChurnFeatures() throws Exception {
		String admin = admin();
		SalesFixtures fixtures = new SalesFixtures(api, admin);
		String tag = Api.unique("mood");
		long item = fixtures.product(tag + "-item", "Item " + tag);
		long c = fixtures.contact("Grumpy", tag);
		long calm = fixtures.contact("Calm", tag);
		LocalDate today = LocalDate.now(clock);
		fixtures.fulfilledOrder(c, today.minusDays(40), List.of(item), "20.00");
		fixtures.fulfilledOrder(calm, today.minusDays(40), List.of(item), "20.00");
		String angry = "Terrible, awful service. I am furious, the worst experience ever.";
		for (String text : new String[] { angry, "Broken again, useless and disappointing." }) {
			assertThat(api.post("/api/v1/tickets", admin, Map.of("subject", "Complaint", "description", text, "contactId", c,
					"priority", "urgent", "channel", "email")).status()).isEqualTo(201);
		}
		double first = api.post("/api/v1/analytics/sentiment", admin, Map.of("text", "Complaint\n" + angry)).json()
			.get("score").asDouble();
		double second = api.post("/api/v1/analytics/sentiment", admin,
				Map.of("text", "Complaint\nBroken again, useless and disappointing.")).json().get("score").asDouble();

		Actor.runAs(Actor.SYSTEM, () -> {
			CustomerAnalytics.History history = CustomerAnalytics.History
				.of(sales.fulfilledOrderLines(today.minusYears(3), today));
			Map<Long, ChurnPipeline.Customer> features = churn.features(history, today, 90, List.of(c, calm));
			assertThat(features.get(c).numbers()).containsEntry("negativeTexts180", 2.0);
			assertThat(features.get(c).numbers().get("sentiment180")).isCloseTo((first + second) / 2,
					org.assertj.core.data.Offset.offset(1e-3));
			// a customer who wrote nothing has no negative messages and no mean
			assertThat(features.get(calm).numbers()).containsEntry("negativeTexts180", 0.0).doesNotContainKey("sentiment180");
			// texts written after the day are not known on it
			assertThat(churn.features(history, today.minusDays(1), 90, List.of(c)).get(c).numbers())
				.containsEntry("negativeTexts180", 0.0);
		});

		for (String bundle : new String[] { "i18n/sentiment.properties", "i18n/sentiment_zh_CN.properties" }) {
			Properties words = new Properties();
			try (var in = new ClassPathResource(bundle).getInputStream()) {
				words.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			assertThat(words).containsKeys("analytics.reason.sentiment180", "analytics.reason.negativeTexts180");
		}
	}

}
