package org.rapport.analytics;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;
import static org.rapport.support.ProblemAssertions.errorFields;

/** The sentiment endpoint over real HTTP: the contract and its problems. */
class SentimentApiIntegrationTests extends IntegrationTest {

	private static final String PATH = "/api/v1/analytics/sentiment";

	@Test
	void answersLabelScoreLanguageAndEvidenceInBothLanguages() {
		String token = api.user(admin(), Api.unique("senti"), "SALES_REP", null);
		Response en = api.post(PATH, token, Map.of("text", "Terrible service, the parcel arrived broken.\nNot happy at all."));
		assertThat(en.status()).as(en.text()).isEqualTo(200);
		JsonNode json = en.json();
		assertThat(json.get("label").asString()).isEqualTo("negative");
		assertThat(json.get("language").asString()).isEqualTo("en");
		assertThat(json.get("score").asDouble()).isBetween(-1.0, -0.05);
		assertThat(json.get("evidence").valueStream().map(JsonNode::asString)).contains("terrible");

		Response zh = api.post(PATH, token, Map.of("text", "服务很好，非常满意"));
		assertThat(zh.status()).as(zh.text()).isEqualTo(200);
		assertThat(zh.json().get("label").asString()).isEqualTo("positive");
		assertThat(zh.json().get("language").asString()).isEqualTo("zh");
		assertThat(zh.json().get("evidence").size()).isPositive();
	}

	@Test
	void badInputIsAProblemNamingTheField() {
		String token = api.user(admin(), Api.unique("senti"), "SALES_REP", null);
		Response missing = api.post(PATH, token, Map.of());
		assertProblem(missing, 400);
		assertThat(errorFields(missing)).containsExactly("text");

		Response blank = api.post(PATH, token, Map.of("text", "   "));
		assertProblem(blank, 400);
		assertThat(errorFields(blank)).containsExactly("text");

		Response number = api.post(PATH, token, Map.of("text", 42));
		assertProblem(number, 400);
		assertThat(errorFields(number)).containsExactly("text");

		Response tooLong = api.post(PATH, token, Map.of("text", "good ".repeat(5000)));
		assertProblem(tooLong, 400);
		assertThat(errorFields(tooLong)).containsExactly("text");

		Response unknown = api.post(PATH, token, Map.of("text", "fine", "lang", "en"));
		assertProblem(unknown, 400);
		assertThat(errorFields(unknown)).containsExactly("lang");

		assertThat(api.post(PATH, null, Map.of("text", "good")).status()).isEqualTo(401);
	}

}
