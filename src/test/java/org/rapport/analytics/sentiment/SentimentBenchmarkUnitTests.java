package org.rapport.analytics.sentiment;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.sentiment.SentimentSets.Labelled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentiment method against its anchors: trained on a benchmark's training part only and
 * measured on its test part.
 */
class SentimentBenchmarkUnitTests {

	static double accuracy(Language language, List<Labelled> train, List<Labelled> test, LogisticTextTrainer trainer) {
		List<LogisticTextTrainer.Example> examples = train.stream()
			.map(l -> new LogisticTextTrainer.Example(TextFeatures.of(l.text(), language, SentimentLexicon.of(language)).names(), l.positive()))
			.toList();
		LinearTextModel model = trainer.train(language, examples);
		int right = 0;
		for (Labelled l : test) {
			boolean positive = model.logOdds(TextFeatures.of(l.text(), language, SentimentLexicon.of(language)).names()) >= 0;
			right += positive == l.positive() ? 1 : 0;
		}
		return (double) right / test.size();
	}

	@Test
	void chnSentiCorpTestAccuracyIsAtLeastNinetyPercent() {
		double accuracy = accuracy(Language.ZH, SentimentSets.chnSentiCorp("train"), SentimentSets.chnSentiCorp("test"),
				LogisticTextTrainer.defaults());
		System.out.printf("ChnSentiCorp test accuracy %.4f%n", accuracy);
		assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void yelpSentencesAccuracyIsAtLeastEightyFivePercent() {
		List<List<Labelled>> split = SentimentSets.split(SentimentSets.uci("yelp"), 0.8, 42);
		double accuracy = accuracy(Language.EN, split.get(0), split.get(1), LogisticTextTrainer.defaults());
		System.out.printf("yelp 80/20 accuracy %.4f%n", accuracy);
		assertThat(accuracy).isGreaterThanOrEqualTo(0.85);
	}

}
