package org.rapport.analytics.leads;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.churn.ChurnPipeline;
import org.rapport.sales.LeadScores.LeadScore;
import org.rapport.sales.LeadScores.Reason;
import org.rapport.sales.LeadView;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The lead-scoring pipeline on synthetic leads with a planted signal: senior titles convert far more
 * often, everything else is noise. The model learnt from the older leads must rank the most recent
 * ones well, name seniority as the reason, and come back identical from its stored parameters.
 */
class LeadScoringPipelineUnitTests {

	static final Instant START = Instant.parse("2026-01-01T09:00:00Z");

	static final String[] TITLES = { "CEO", "Head of Sales", "IT Manager", "Engineer", "总经理", "采购专员", null };

	static LeadView lead(long id, String title, String email, String phone, String source, String status, Instant created,
			Instant closed, int version) {
		boolean converted = "converted".equals(status);
		return new LeadView(id, "F" + id, "L" + id, "F" + id + " L" + id, email, phone, "Co " + id, title, null, null,
				"Germany", source, status, "disqualified".equals(status) ? "no" : null, null, 1, "owner",
				converted ? closed : null, null, null, null, created, closed == null ? created : closed, version);
	}

	/** Leads closed one after another over a year; senior titles convert with 85 %, others with 10 % (best possible AUC about 0.87). */
	static List<LeadView> planted(int n, long seed) {
		Random random = new Random(seed);
		List<LeadView> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String title = TITLES[random.nextInt(TITLES.length)];
			String seniority = LeadFeatures.seniority(title);
			boolean senior = seniority.equals("executive") || seniority.equals("director");
			boolean converted = random.nextDouble() < (senior ? 0.85 : 0.10);
			Instant created = START.plus(Duration.ofHours(8L * i));
			Instant closed = created.plus(Duration.ofDays(1 + random.nextInt(30)));
			out.add(lead(i + 1, title, random.nextBoolean() ? "x@corp.example" : "x@gmail.com",
					random.nextBoolean() ? "+49 30 1234" : null, random.nextBoolean() ? "website" : "trade show",
					converted ? "converted" : "disqualified", created, closed, 1 + random.nextInt(4)));
		}
		return out;
	}

	@Test
	void learnsThePlantedSignalAndRanksTheMostRecentLeadsWell() {
		List<LeadView> leads = planted(600, 7);
		LeadScoringPipeline.Result result = LeadScoringPipeline.defaults().train(leads);

		assertThat(result.trained()).isTrue();
		assertThat(result.holdoutRows()).isEqualTo(150);
		assertThat(result.trainingRows()).isEqualTo(450);
		// the hold-out is the most recently closed quarter
		Instant firstHeldOut = leads.stream().map(LeadFeatures::closedAt).sorted().toList().get(450);
		assertThat(result.holdoutFrom()).isEqualTo(firstHeldOut.atZone(java.time.ZoneOffset.UTC).toLocalDate());
		assertThat(result.metrics().auc()).as("hold-out AUC").isGreaterThan(0.75);
		assertThat(result.metrics().topDecilePrecision()).isGreaterThan(result.metrics().baseRate());
		assertThat(result.metrics().calibrationError()).isLessThan(0.15);

		LeadView ceo = lead(9001, "Chief Executive Officer", "x@gmail.com", null, "website", "new", START, null, 0);
		LeadView engineer = lead(9002, "Engineer", "x@gmail.com", null, "website", "new", START, null, 0);
		ChurnPipeline.Fitted model = result.model();
		Instant now = START.plus(Duration.ofDays(3));
		double pCeo = model.probability(LeadFeatures.of(ceo, now));
		double pEngineer = model.probability(LeadFeatures.of(engineer, now));
		assertThat(pCeo).isGreaterThan(pEngineer + 0.3);
		ChurnPipeline.Reason top = model.reasons(LeadFeatures.of(ceo, now))
			.stream()
			.max(Comparator.comparingDouble(r -> Math.abs(r.contribution())))
			.orElseThrow();
		assertThat(top.feature()).isEqualTo(LeadFeatures.SENIORITY);
		assertThat(top.value()).isEqualTo("executive");
		assertThat(top.contribution()).isPositive();
	}

	@Test
	void aStoredModelScoresExactlyAsTheTrainedOne() {
		ChurnPipeline.Fitted trained = LeadScoringPipeline.defaults().train(planted(300, 11)).model();
		JsonMapper json = JsonMapper.builder().build();
		String stored = json.writeValueAsString(trained.parameters());
		ChurnPipeline.Fitted restored = ChurnPipeline.Fitted.restore(json.readValue(stored, ChurnPipeline.Parameters.class));
		for (LeadView l : planted(50, 12)) {
			ChurnPipeline.Customer c = LeadFeatures.of(l, null);
			assertThat(restored.probability(c)).isCloseTo(trained.probability(c), within(1e-9));
		}
		LeadView unseen = lead(1, "Sales Director", "a@b.example", null, "podcast", "new", START, null, 0);
		ChurnPipeline.Customer c = LeadFeatures.of(unseen, START);
		assertThat(restored.probability(c)).isCloseTo(trained.probability(c), within(1e-9));
	}

	@Test
	void tooFewClosedLeadsOrOutcomesIsAColdStart() {
		assertThat(LeadScoringPipeline.defaults().train(planted(29, 3)).why()).isEqualTo("too-few-closed");
		List<LeadView> allConverted = planted(60, 3).stream()
			.map(l -> lead(l.id(), l.title(), l.email(), l.phone(), l.source(), "converted", l.createdAt(), l.updatedAt(), 1))
			.toList();
		LeadScoringPipeline.Result result = LeadScoringPipeline.defaults().train(allConverted);
		assertThat(result.trained()).isFalse();
		assertThat(result.why()).isEqualTo("too-few-disqualified");
		assertThat(result.model()).isNull();
	}

	@Test
	void rulesGiveDocumentedPointsWithTheRulesAsReasons() {
		Instant now = START.plus(Duration.ofDays(2));
		LeadView strong = lead(1, "VP Marketing", "ann@acme.example", "+1 555 0100", "referral", "working", START, null, 3);
		LeadScore s = LeadRules.score(strong, now);
		// 20 base + 15 work e-mail + 10 phone + 10 company + 12 director + 10 referral + 10 recent + 5 changed twice
		assertThat(s.score()).isEqualTo(92);
		assertThat(s.basis()).isEqualTo("rules");
		assertThat(s.modelVersion()).isNull();
		assertThat(s.reasons()).extracting(Reason::feature)
			.containsExactly("emailKind", "seniority", "phone", "company", "source", "recentActivity", "updates");
		assertThat(s.reasons().get(1).messageKey()).isEqualTo("leadScore.reason.seniority.director");

		LeadView weak = new LeadView(2, null, "X", "X", null, null, null, null, null, null, null, null, "new", null, null, 1,
				"o", null, null, null, null, START, START, 0);
		LeadScore w = LeadRules.score(weak, START.plus(Duration.ofDays(120)));
		assertThat(w.score()).isEqualTo(10);
		assertThat(w.reasons()).extracting(Reason::feature).containsExactly("ageDays");
		assertThat(w.reasons().get(0).raises()).isFalse();
	}

	@Test
	void readsSeniorityAndEmailKindInEnglishAndChinese() {
		assertThat(LeadFeatures.seniority("Co-Founder & CTO")).isEqualTo("executive");
		assertThat(LeadFeatures.seniority("Vice President, Sales")).isEqualTo("director");
		assertThat(LeadFeatures.seniority("Head of IT")).isEqualTo("director");
		assertThat(LeadFeatures.seniority("General Manager")).isEqualTo("executive");
		assertThat(LeadFeatures.seniority("Account Manager")).isEqualTo("manager");
		assertThat(LeadFeatures.seniority("Software Engineer")).isEqualTo("staff");
		assertThat(LeadFeatures.seniority("销售总监")).isEqualTo("director");
		assertThat(LeadFeatures.seniority("副总经理")).isEqualTo("director");
		assertThat(LeadFeatures.seniority("总经理")).isEqualTo("executive");
		assertThat(LeadFeatures.seniority("采购经理")).isEqualTo("manager");
		assertThat(LeadFeatures.seniority(" ")).isEqualTo("none");
		assertThat(LeadFeatures.emailKind("ann@acme.example")).isEqualTo("work");
		assertThat(LeadFeatures.emailKind("a***@qq.com")).isEqualTo("free");
		assertThat(LeadFeatures.emailKind("bob@yahoo.co.uk")).isEqualTo("free");
		assertThat(LeadFeatures.emailKind(null)).isEqualTo("none");
	}

	@Test
	void everyReasonAndRuleHasWordsInBothLanguages() throws java.io.IOException {
		for (String bundle : List.of("/messages.properties", "/messages_zh_CN.properties")) {
			java.util.Properties words = new java.util.Properties();
			try (var in = new java.io.InputStreamReader(getClass().getResourceAsStream(bundle),
					java.nio.charset.StandardCharsets.UTF_8)) {
				words.load(in);
			}
			List<String> keys = new ArrayList<>();
			for (String v : List.of("work", "free", "none")) {
				keys.add(LeadFeatures.messageKey(LeadFeatures.EMAIL, v));
			}
			for (String v : List.of("executive", "director", "manager", "staff", "none")) {
				keys.add(LeadFeatures.messageKey(LeadFeatures.SENIORITY, v));
			}
			for (String f : List.of(LeadFeatures.PHONE, LeadFeatures.COMPANY, LeadFeatures.WEBSITE)) {
				keys.add(LeadFeatures.messageKey(f, "yes"));
				keys.add(LeadFeatures.messageKey(f, "no"));
			}
			for (String f : List.of(LeadFeatures.SOURCE, LeadFeatures.COUNTRY)) {
				keys.add(LeadFeatures.messageKey(f, "x"));
				keys.add(LeadFeatures.messageKey(f, LeadFeatures.NONE));
			}
			keys.add(LeadFeatures.messageKey(LeadFeatures.NOTES, "0"));
			keys.add(LeadFeatures.messageKey(LeadFeatures.NOTES, "12"));
			keys.add(LeadFeatures.messageKey(LeadFeatures.UPDATES, "2"));
			keys.add(LeadFeatures.messageKey(LeadFeatures.AGE, "30"));
			keys.add("leadScore.reason.recentActivity");
			LeadRules.TABLE.forEach(r -> keys.add(r.messageKey()));
			assertThat(keys).as(bundle).allSatisfy(k -> assertThat(words).containsKey(k));
		}
	}

}
