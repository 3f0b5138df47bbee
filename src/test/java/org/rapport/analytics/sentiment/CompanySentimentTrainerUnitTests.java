package org.rapport.analytics.sentiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.SentimentTraining;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The company model trains a language only with enough positive and negative texts, holds out the
 * newest fifth by time, and survey scores map to labels as documented.
 */
class CompanySentimentTrainerUnitTests {

	static List<CompanySentimentTrainer.Rated> texts(int n, int positives) {
		List<CompanySentimentTrainer.Rated> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			boolean positive = i < positives;
			out.add(new CompanySentimentTrainer.Rated(
					(positive ? "the courier came early, sorted " : "the parcel came dented, on hold ") + i,
					positive ? "positive" : "negative", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L)));
		}
		// shuffle the order given: the split is by time, not by position
		java.util.Collections.reverse(out);
		return out;
	}

	@Test
	void trainsALanguageOnlyWithEnoughTextsOfEachLabel() {
		CompanySentimentTrainer trainer = new CompanySentimentTrainer();
		assertThat(trainer.train(texts(39, 20), t -> "neutral").model()).isNull();
		CompanySentimentTrainer.Result oneSided = trainer.train(texts(60, 55), t -> "neutral");
		assertThat(oneSided.model()).isNull();
		assertThat(oneSided.skipped().get(Language.EN)).contains("55 positive");
		List<CompanySentimentTrainer.Rated> mixed = new ArrayList<>(texts(40, 0));
		for (int i = 0; i < 40; i++) {
			CompanySentimentTrainer.Rated r = mixed.get(i);
			// alternate labels over time, so the newest fifth has both
			String label = i % 2 == 0 ? "negative" : "positive";
			String text = (label.equals("positive") ? "the courier came early, sorted " : "the parcel came dented, on hold ") + i;
			mixed.set(i, new CompanySentimentTrainer.Rated(text, label, r.at()));
		}
		mixed.add(new CompanySentimentTrainer.Rated("it was fine i guess", "neutral", Instant.parse("2026-02-01T00:00:00Z")));
		CompanySentimentTrainer.Result result = trainer.train(mixed, t -> "neutral");
		CompanySentimentModel.Part en = result.model().parts().get(Language.EN);
		assertThat(en.holdoutTexts()).isEqualTo(8);
		assertThat(en.trainingTexts()).isEqualTo(32);
		assertThat(result.texts().get(Language.EN)).as("the neutral text is read, not learnt").isEqualTo(41);
		assertThat(en.accuracy()).isEqualTo(1.0);
		assertThat(result.currentAccuracy().get(Language.EN)).as("a model that always says neutral").isZero();
		assertThat(en.beatsDefault()).isEqualTo(en.accuracy() >= en.defaultAccuracy());
		assertThat(result.model().parts()).doesNotContainKey(Language.ZH);
		assertThat(result.skipped()).containsKey(Language.ZH);
	}

	@Test
	void surveyScoresGiveLabels() {
		assertThat(List.of(1, 2, 3, 4, 5).stream().map(s -> SentimentTraining.labelOf("csat", s)).toList())
			.containsExactly("negative", "negative", "neutral", "positive", "positive");
		assertThat(List.of(0, 6, 7, 8, 9, 10).stream().map(s -> SentimentTraining.labelOf("nps", s)).toList())
			.containsExactly("negative", "negative", "neutral", "neutral", "positive", "positive");
		assertThat(SentimentTraining.labelOf("ticket", null)).isNull();
		assertThat(SentimentTraining.labelOf("csat", null)).isNull();
	}

}
