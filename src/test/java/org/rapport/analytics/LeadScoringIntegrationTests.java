package org.rapport.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rapport.platform.Actor;
import org.rapport.sales.LeadFields;
import org.rapport.sales.LeadManagement;
import org.rapport.sales.LeadScores.LeadScore;
import org.rapport.sales.LeadView;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lead scoring on PostgreSQL: the rules while there are few closed leads, then a model trained from
 * imported closed leads (converted = 1, disqualified = 0) with a planted signal, registered in the
 * model registry and scoring open leads; the score over REST with the lead's own access rules, and
 * training on request through db-scheduler.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeadScoringIntegrationTests extends IntegrationTest {

	@Autowired
	LeadScoring scoring;

	@Autowired
	LeadManagement leads;

	@Autowired
	ModelRegistry registry;

	@Test
	@Order(1)
	void withFewClosedLeadsTrainingIsSkippedAndTheRulesScore() {
		Actor.runAs(Actor.SYSTEM, () -> {
			// this runs before the class imports its closed leads; the other tests close only a few
			List<LeadView> closed = leads.closedLeads();
			assertThat(closed).as("closed leads before this class imports any").hasSizeLessThan(30);
			Instant now = clock.instant();
			leads.importLead(fields("Few" + Api.unique("x"), "CEO", "converted"), now.minus(Duration.ofDays(9)),
					now.minus(Duration.ofDays(2)), 2);

			TrainingRun run = scoring.train("test");
			assertThat(run.state()).isEqualTo("skipped");
			assertThat(run.result()).containsEntry("why", "too-few-closed");
			assertThat(registry.active(LeadScoring.MODEL)).isNull();

			LeadView open = leads.create(new LeadFields("Ann", "Rules" + Api.unique("r"), "ann@acme.example", "+1 555 0100",
					"Acme", "VP Sales", null, null, null, "referral", "new", null, null, null));
			LeadScore s = scoring.score(open).orElseThrow();
			assertThat(s.basis()).isEqualTo("rules");
			assertThat(s.modelVersion()).isNull();
			// 20 + 15 work e-mail + 10 phone + 10 company + 12 director + 10 referral + 10 changed just now
			assertThat(s.score()).isEqualTo(87);
			assertThat(s.reasons().get(0).feature()).isEqualTo("emailKind");
		});
	}

	@Test
	@Order(2)
	void trainsOnClosedLeadsRegistersTheModelAndScoresOpenLeadsWithIt() {
		Actor.runAs(Actor.SYSTEM, () -> {
			importPlanted(160, 5);
			TrainingRun run = scoring.train("test");
			assertThat(run.state()).as(run.message()).isEqualTo("done");
			assertThat(run.finishedAt()).isNotNull();
			assertThat(((Number) run.result().get("auc")).doubleValue()).as("hold-out AUC").isGreaterThan(0.75);
			assertThat(((Number) run.result().get("holdoutLeads")).intValue()).isGreaterThanOrEqualTo(40);
			int version = ((Number) run.result().get("version")).intValue();
			ModelRegistry.Entry entry = registry.list()
				.stream()
				.filter(e -> e.name().equals(LeadScoring.MODEL) && e.version() == version)
				.findFirst()
				.orElseThrow();
			assertThat(entry.primaryMetric()).isEqualTo("auc");
			assertThat(entry.metrics()).containsKeys("auc", "topDecilePrecision", "brier", "calibrationError");
			assertThat(entry.rows()).isGreaterThanOrEqualTo(160);
			ModelRegistry.Entry active = registry.active(LeadScoring.MODEL);
			assertThat(active).isNotNull();

			LeadView ceo = leads.create(new LeadFields("Chen", "Model" + Api.unique("m"), null, null, "Co", "Founder & CEO",
					null, null, null, "trade show", "new", null, null, null));
			LeadView clerk = leads.create(new LeadFields("Li", "Model" + Api.unique("m"), null, null, "Co", "Clerk", null,
					null, null, "trade show", "new", null, null, null));
			LeadScore high = scoring.score(ceo).orElseThrow();
			LeadScore low = scoring.score(clerk).orElseThrow();
			assertThat(high.basis()).isEqualTo("model");
			assertThat(high.modelVersion()).isEqualTo(active.version());
			assertThat(high.score()).isGreaterThan(low.score() + 30);
			assertThat(high.reasons().get(0).feature()).isEqualTo("seniority");
			assertThat(high.reasons().get(0).raises()).isTrue();
			assertThat(high.reasons().get(0).messageKey()).isEqualTo("leadScore.reason.seniority.executive");
			// closed leads carry no score on the sales pages
			LeadView closed = leads.closedLeads().get(0);
			assertThat(scoring.score(closed)).isEmpty();
		});
	}

	@Test
	@Order(3)
	void theScoreOverRestFollowsTheLeadsAccessRules() {
		String admin = admin();
		Api.TestUser owner = api.newUser(admin, "SALES_REP", null);
		Api.TestUser other = api.newUser(admin, "SALES_REP", null);
		Api.Response created = api.post("/api/v1/leads", admin, Map.of("firstName", "Rita", "lastName", Api.unique("Rest"),
				"title", "Managing Director", "company", "Nordwind", "ownerId", owner.id()));
		assertThat(created.status()).isEqualTo(201);
		long id = created.id();

		Api.Response mine = api.get("/api/v1/analytics/leads/" + id, owner.token());
		assertThat(mine.status()).isEqualTo(200);
		JsonNode body = mine.json();
		assertThat(body.get("leadId").asLong()).isEqualTo(id);
		assertThat(body.get("score").asInt()).isBetween(0, 100);
		assertThat(body.get("basis").asString()).isIn("model", "rules");
		assertThat(body.get("reasons").size()).isPositive();
		assertThat(body.get("reasons").get(0).get("text").asString()).isNotBlank().doesNotStartWith("leadScore.");

		Api.Response notTheirs = api.get("/api/v1/analytics/leads/" + id, other.token());
		assertThat(notTheirs.status()).isEqualTo(404);
		assertThat(notTheirs.header("Content-Type")).contains("problem+json");
		assertThat(api.get("/api/v1/analytics/leads/999999999", admin).status()).isEqualTo(404);
		Api.Response notAnId = api.get("/api/v1/analytics/leads/abc", admin);
		assertThat(notAnId.status()).isEqualTo(400);
		assertThat(notAnId.text()).contains("leadId");

		JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
		assertThat(paths.has("/api/v1/analytics/leads/{leadId}")).isTrue();
		assertThat(paths.get("/api/v1/analytics/lead-scoring/train").has("post")).isTrue();
		assertThat(paths.has("/api/v1/analytics/lead-scoring/runs/{runId}")).isTrue();
	}

	@Test
	@Order(4)
	void adminsTrainOnRequestAndFollowTheRun() throws InterruptedException {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", null);
		assertThat(api.post("/api/v1/analytics/lead-scoring/train", rep.token(), Map.of()).status()).isEqualTo(403);

		Api.Response accepted = api.post("/api/v1/analytics/lead-scoring/train", admin, Map.of());
		assertThat(accepted.status()).isEqualTo(202);
		String location = accepted.header("Location");
		assertThat(location).startsWith("/api/v1/analytics/lead-scoring/runs/");
		JsonNode run = accepted.json();
		for (int i = 0; i < 60 && !List.of("done", "skipped", "failed").contains(run.get("state").asString()); i++) {
			Thread.sleep(500);
			run = api.get(location, admin).json();
		}
		assertThat(run.get("state").asString()).isEqualTo("done");
		assertThat(run.get("trigger").asString()).isEqualTo("request");
		assertThat(run.get("result").get("auc").asDouble()).isGreaterThan(0.5);

		JsonNode status = api.get("/api/v1/analytics/lead-scoring", rep.token()).json();
		assertThat(status.get("basis").asString()).isEqualTo("model");
		assertThat(status.get("lastRun").get("id").asLong()).isEqualTo(run.get("id").asLong());
		assertThat(status.get("rules").size()).isEqualTo(14);
		assertThat(api.get("/api/v1/analytics/lead-scoring/runs/999999999", admin).status()).isEqualTo(404);
	}

	@Test
	@Order(5)
	void thePagesShowTheScoreAndLetAdminsTrain() {
		String admin = admin();
		long id = api.post("/api/v1/leads", admin, Map.of("firstName", "Paula", "lastName", Api.unique("Page"), "title",
				"CEO", "company", "Paging GmbH")).id();
		org.rapport.support.Browser browser = new org.rapport.support.Browser(api.base());
		browser.login("admin", ADMIN_PASSWORD);
		String lead = browser.get("/leads/" + id).text();
		assertThat(lead).contains("id=\"lead-score-value\"").contains("Executive title");
		String list = browser.get("/leads").text();
		assertThat(list).contains("class=\"lead-score\"");
		Api.Response page = browser.get("/analytics/lead-scoring");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("id=\"train-lead-scoring\"").contains("id=\"lead-scoring-rules\"")
			.contains("Older than 90 days");
		Api.Response train = browser.postForm("/analytics/lead-scoring/train",
				Map.of("_csrf", org.rapport.support.Browser.csrf(page.text())));
		assertThat(train.status()).isEqualTo(302);
		assertThat(scoring.lastRun().orElseThrow().trigger()).isEqualTo("request");
		// the run block alone, as the page polls it while a run is going
		assertThat(browser.get("/analytics/lead-scoring", Map.of("HX-Request", "true", "HX-Target", "lead-scoring-run"))
			.text()).contains("lead-scoring-run-state").doesNotContain("<html");
	}

	/** Closed leads over the last year: executives convert 9 times in 10, everyone else 1 in 10. */
	private void importPlanted(int n, long seed) {
		Random random = new Random(seed);
		Instant now = clock.instant();
		String[] titles = { "CEO", "Founder", "Clerk", "Engineer", "Assistant" };
		for (int i = 0; i < n; i++) {
			String title = titles[random.nextInt(titles.length)];
			boolean senior = title.equals("CEO") || title.equals("Founder");
			boolean converted = random.nextDouble() < (senior ? 0.9 : 0.1);
			Instant closed = now.minus(Duration.ofDays(365)).plus(Duration.ofHours(50L * i));
			Instant created = closed.minus(Duration.ofDays(1 + random.nextInt(40)));
			leads.importLead(fields("Planted" + i, title, converted ? "converted" : "disqualified"), created, closed,
					random.nextInt(4));
		}
	}

	private static LeadFields fields(String lastName, String title, String status) {
		return new LeadFields("Test", lastName + "-" + Api.unique("l"), null, null, "Co", title, null, null, null,
				"trade show", status, "disqualified".equals(status) ? "No budget" : null, null, null);
	}

}
