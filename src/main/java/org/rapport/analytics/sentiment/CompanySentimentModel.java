package org.rapport.analytics.sentiment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A sentiment model learnt from one company's rated texts: per language it was trained in, a
 * {@link LinearTextModel} over words, word pairs and the shipped lexicon's verdicts (so it starts from
 * the default's knowledge and adds the company's own words), with its hold-out accuracy and the
 * shipped default's on the same texts. A language is analysed with it only where it did not do worse
 * than the default; otherwise, and in languages it has no part for, the default answers.
 *
 * @param parts the model of each language trained
 */
public record CompanySentimentModel(Map<Language, Part> parts) {

	public CompanySentimentModel {
		parts = parts.isEmpty() ? Map.of() : new EnumMap<>(parts);
	}

	/**
	 * One language's model.
	 *
	 * @param model the linear model
	 * @param accuracy its accuracy on the hold-out texts
	 * @param defaultAccuracy the shipped default's accuracy on the same texts
	 * @param trainingTexts texts it learnt from
	 * @param holdoutTexts texts it was checked on
	 */
	public record Part(LinearTextModel model, double accuracy, double defaultAccuracy, int trainingTexts,
			int holdoutTexts) {

		/** Not worse than the shipped default on the hold-out. */
		public boolean beatsDefault() {
			return accuracy >= defaultAccuracy;
		}

	}

	/** The part that analyses this language, or {@code null} when the default should. */
	public Part inUse(Language language) {
		Part p = parts.get(language);
		return p != null && p.beatsDefault() ? p : null;
	}

	/**
	 * The verdict of a language's part on a text: score {@code 2p − 1} with p the probability of
	 * positive, so the default's thresholds (±{@value LexiconSentimentModel#NEUTRAL}) give the label.
	 */
	public static LexiconSentimentModel.Verdict analyse(Part part, String text, Language language, int evidenceLimit) {
		TextFeatures features = TextFeatures.of(text, language, SentimentLexicon.of(language));
		double score = 2 * part.model().probabilityPositive(features.names()) - 1;
		int sign = score >= LexiconSentimentModel.NEUTRAL ? 1 : score <= -LexiconSentimentModel.NEUTRAL ? -1 : 0;
		List<String> evidence = sign == 0 ? List.of()
				: part.model().evidence(features, sign, evidenceLimit).stream().map(LinearTextModel.Contribution::feature).toList();
		return new LexiconSentimentModel.Verdict(language, score, evidence);
	}

}
