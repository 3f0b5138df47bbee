package org.rapport.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.analytics.sentiment.Language;
import org.rapport.analytics.sentiment.LexiconSentimentModel;
import org.rapport.platform.Actor;
import org.rapport.service.SurveyManagement;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.Browser;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;

/**
 * The company sentiment model learns from planted survey comments with their scores and an agent's
 * correction: with too few it does not train; with enough it is registered with its hold-out accuracy
 * and the shipped default's, analyses the company's words the default does not know, and a later
 * version that does worse on its hold-out is kept without replacing it.
 */
class CompanySentimentIntegrationTests extends IntegrationTest {

	static final List<String> BAD = List.of("the parcel came dented", "courier dumped the box at the gate",
			"invoice charged twice", "on hold for forty minutes", "refund still pending after a month",
			"the tracking number never updated", "box arrived soaked through", "the installer never showed up");

	static final List<String> GOOD = List.of("sorted in one call", "courier came early", "refund landed the same day",
			"tracking updated every hour", "installer showed up on time", "box arrived dry and sealed",
			"the invoice matched the quote", "answered within five minutes");

	@Autowired
	SurveyManagement surveys;

	@Autowired
	SentimentTraining training;

	@Autowired
	SentimentCorrections corrections;

	@Autowired
	ModelRegistry registry;

	@Autowired
	CompanySentiment company;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	/**
	 * The other tests share the database and expect the shipped default: the company model trained on
	 * these planted comments is taken out again (versions and runs; the comments stay, on their ticket).
	 */
	@AfterEach
	void forgetTheCompanyModel() {
		jdbc.sql("delete from analytics_models where name = ?").param(SentimentTraining.MODEL).update();
		company.reload();
	}

	@Test
	void trainsOnRatedCommentsAndCorrectionsAndIsUsedOnlyWhenNotWorse() throws Exception {
		String admin = admin();
		long contact = api.post("/api/v1/contacts", admin, Map.of("firstName", "Rated", "lastName", Api.unique("Comments")))
			.id();
		long ticket = api.post("/api/v1/tickets", admin, Map.of("subject", "Delivery", "description", "About my delivery",
				"contactId", contact, "priority", "normal", "channel", "email"))
			.id();
		// too few rated texts: no model, the default keeps answering
		plant(ticket, contact, 0, 6, false);
		TrainingRun few = trainAsSystem();
		assertThat(few.state()).as(few.toString()).isEqualTo("skipped");
		assertThat(few.message()).contains("Too few rated texts");
		assertThat(registry.active(SentimentTraining.MODEL)).isNull();

		// an agent's correction is learnt from too
		Actor.runAs(Actor.SYSTEM, () -> corrections.correct("ticket", ticket, "The parcel came dented, again", "negative"));
		plant(ticket, contact, 6, 90, false);
		String text = "So the parcel came dented";
		assertThat(new LexiconSentimentModel().analyse(text, 5).label()).isEqualTo("neutral");

		assertProblem(api.post("/api/v1/analytics/sentiment/training", api.user(admin, Api.unique("mgr-sent"), "MANAGER",
				null), null), 403);
		clock.reset(); // the scheduler runs what is due by the wall clock
		Response started = api.post("/api/v1/analytics/sentiment/training", admin, null);
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		JsonNode run = await(started.json().get("id").asLong(), admin);
		assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("done");
		JsonNode result = run.get("result");
		assertThat(result.get("corrections").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(result.get("surveyComments").asInt()).isGreaterThanOrEqualTo(90);
		assertThat(result.get("active").asBoolean()).isTrue();
		assertThat(result.get("accuracy").asDouble()).isGreaterThanOrEqualTo(result.get("defaultAccuracy").asDouble())
			.isGreaterThanOrEqualTo(0.9);
		assertThat(result.get("holdoutTexts").asInt()).isEqualTo(result.get("en.holdoutTexts").asInt()).isPositive();
		assertProblem(api.get("/api/v1/analytics/sentiment/training/999999999", admin), 404);

		int first = result.get("version").asInt();
		ModelRegistry.Entry entry = registry.active(SentimentTraining.MODEL);
		assertThat(entry.version()).isEqualTo(first);
		assertThat(entry.primaryMetric()).isEqualTo("accuracy");
		assertThat(entry.metrics()).containsKeys("accuracy", "defaultAccuracy", "activeAccuracy", "trainingTexts");
		// another node (a fresh loader over the same database) reads the same model from its stored parameters
		CompanySentiment otherNode = new CompanySentiment(registry, jdbc, json, clock);
		assertThat(otherNode.active()).isEqualTo(company.active());
		assertThat(otherNode.inUse(Language.EN)).isNotNull();
		assertThat(otherNode.inUse(Language.EN).model().weights()).containsKey("dented");
		// the stored model analyses the company's words the shipped default does not know
		Response analysed = api.post("/api/v1/analytics/sentiment", admin, Map.of("text", text));
		assertThat(analysed.json().get("label").asString()).as(analysed.text()).isEqualTo("negative");
		assertThat(analysed.json().get("evidence").toString()).contains("dented");

		// older comments rated the other way round (an earlier survey with its scale upside down) and newer
		// consistent ones: the new version learns from the muddle and does worse than the model in use on the
		// same newest texts, so it is kept without replacing it
		clock.advance(Duration.ofDays(-30));
		plant(ticket, contact, 90, 190, true);
		clock.reset();
		clock.advance(Duration.ofMinutes(200));
		plant(ticket, contact, 190, 230, false);
		TrainingRun worse = trainAsSystem();
		assertThat(worse.state()).as(worse.toString()).isEqualTo("done");
		assertThat(worse.result().get("active")).isEqualTo(false);
		assertThat(((Number) worse.result().get("accuracy")).doubleValue())
			.isLessThan(((Number) worse.result().get("activeAccuracy")).doubleValue());
		assertThat(registry.active(SentimentTraining.MODEL).version()).isEqualTo(first);
		assertThat(api.post("/api/v1/analytics/sentiment", admin, Map.of("text", text)).json().get("label").asString())
			.isEqualTo("negative");

		// the models page offers the training to administrators, in both languages
		Browser b = new Browser(api.base());
		b.login("admin", ADMIN_PASSWORD);
		Response page = b.get("/analytics/models?lang=en");
		assertThat(page.text()).contains("id=\"train-sentiment\"").contains("Company sentiment model")
			.contains("id=\"sentiment-run\"");
		assertThat(b.get("/analytics/models?lang=zh-CN").text()).contains("公司情感模型");
		Response posted = b.postForm("/analytics/models/sentiment/train", Map.of("_csrf", Browser.csrf(page.text())));
		assertThat(posted.status()).isEqualTo(302);
	}

	/**
	 * CSAT comments from {@code from} to {@code to} (exclusive), a minute apart: even ones unhappy (score
	 * 1 or 2) in the company's words for trouble, odd ones happy (4 or 5); {@code flipped} rates each the
	 * other way round.
	 */
	private void plant(long ticket, long contact, int from, int to, boolean flipped) {
		Actor.runAs(Actor.SYSTEM, () -> {
			for (int i = from; i < to; i++) {
				boolean bad = i % 2 == 0;
				List<String> words = bad ? BAD : GOOD;
				String comment = words.get(i % words.size()) + ", " + words.get((i / 2 + 3) % words.size()) + " (" + i + ")";
				int score = bad != flipped ? 1 + (i / 2) % 2 : 4 + (i / 2) % 2;
				surveys.importCsatAnswer(ticket, contact, score, comment);
				clock.advance(Duration.ofMinutes(1));
			}
		});
	}

	private TrainingRun trainAsSystem() {
		TrainingRun[] run = new TrainingRun[1];
		Actor.runAs(Actor.SYSTEM, () -> run[0] = training.train("request"));
		return run[0];
	}

	private JsonNode await(long runId, String token) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 90_000;
		JsonNode run;
		do {
			Thread.sleep(500);
			run = api.get("/api/v1/analytics/sentiment/training/" + runId, token).json();
		}
		while (System.currentTimeMillis() < deadline && List.of("queued", "running").contains(run.get("state").asString()));
		return run;
	}

}
