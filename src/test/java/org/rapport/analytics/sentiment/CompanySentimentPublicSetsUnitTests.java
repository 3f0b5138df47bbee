package org.rapport.analytics.sentiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.sentiment.SentimentSets.Labelled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The company model's training as the nightly run does it, on public rated sentences standing in for a
 * company's survey comments: the 3,000 UCI sentences (amazon, imdb, yelp) and ChnSentiCorp's 9,600
 * training reviews (12,600), in a seed-42 shuffled order taken as the order they were written; the newest 20 % of
 * each language held out. With this much rated text the company model must beat the shipped default on
 * the same hold-out, so it would be used.
 */
class CompanySentimentPublicSetsUnitTests {

	@Test
	void beatsTheShippedDefaultOnTheNewestFifth() {
		List<Labelled> all = new ArrayList<>();
		for (String set : new String[] { "amazon_cells", "imdb", "yelp" }) {
			all.addAll(SentimentSets.uci(set));
		}
		all.addAll(SentimentSets.chnSentiCorp("train"));
		Collections.shuffle(all, new Random(42));
		List<CompanySentimentTrainer.Rated> rated = new ArrayList<>();
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < all.size(); i++) {
			rated.add(new CompanySentimentTrainer.Rated(all.get(i).text(), all.get(i).positive() ? "positive" : "negative",
					start.plusSeconds(60L * i)));
		}
		LexiconSentimentModel lexicon = new LexiconSentimentModel();
		long began = System.nanoTime();
		CompanySentimentTrainer.Result result = new CompanySentimentTrainer().train(rated, t -> lexicon.analyse(t, 0).label());
		double seconds = (System.nanoTime() - began) / 1e9;
		CompanySentimentModel.Part en = result.model().parts().get(Language.EN);
		CompanySentimentModel.Part zh = result.model().parts().get(Language.ZH);
		System.out.printf("company model on public sets in %.1f s: en %d/%d accuracy %.4f (default %.4f); zh %d/%d accuracy %.4f"
				+ " (default %.4f)%n", seconds, en.trainingTexts(), en.holdoutTexts(), en.accuracy(), en.defaultAccuracy(),
				zh.trainingTexts(), zh.holdoutTexts(), zh.accuracy(), zh.defaultAccuracy());
		// a few Chinese reviews with little Han text read as English (the 30 % rule)
		assertThat(en.trainingTexts() + en.holdoutTexts() + zh.trainingTexts() + zh.holdoutTexts()).isEqualTo(12_600);
		assertThat(en.holdoutTexts()).isEqualTo((en.trainingTexts() + en.holdoutTexts()) / 5);
		assertThat(zh.holdoutTexts()).isEqualTo((zh.trainingTexts() + zh.holdoutTexts()) / 5);
		assertThat(en.accuracy()).isGreaterThan(en.defaultAccuracy()).isGreaterThanOrEqualTo(0.80);
		assertThat(zh.accuracy()).isGreaterThan(zh.defaultAccuracy()).isGreaterThanOrEqualTo(0.88);
		assertThat(result.model().inUse(Language.EN)).isSameAs(en);
		assertThat(result.model().inUse(Language.ZH)).isSameAs(zh);
	}

}
