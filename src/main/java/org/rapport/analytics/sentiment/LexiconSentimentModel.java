package org.rapport.analytics.sentiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rapport's shipped default sentiment model, built only from the permissively licensed lexicons in
 * {@link SentimentLexicon}: the sum of the words' valences in context (flipped after a negator,
 * an exclamation mark strengthening the sum by 10 %), squashed to −1..+1 as VADER's compound score
 * is, {@code s / sqrt(s² + α)} with α = {@value #ALPHA} on the −1..+1 valence scale (VADER's 15 on
 * its −4..+4 scale). It reads no review text, so it can ship with the Apache-2.0 product.
 */
public final class LexiconSentimentModel {

	/** VADER's normalisation constant 15 expressed on the −1..+1 scale (15 / 4²). */
	static final double ALPHA = 15.0 / 16.0;

	/** Scores below this in absolute value are neutral (VADER's threshold). */
	public static final double NEUTRAL = 0.05;

	/** The verdict on one text. */
	public record Verdict(Language language, double score, List<String> evidence) {

		/** {@code positive}, {@code negative} or {@code neutral}. */
		public String label() {
			return score >= NEUTRAL ? "positive" : score <= -NEUTRAL ? "negative" : "neutral";
		}

	}

	public Verdict analyse(String text, int evidenceLimit) {
		Language language = TextTokens.language(text);
		List<String> words = TextTokens.words(text, language);
		SentimentLexicon lexicon = SentimentLexicon.of(language);
		double[] valences = lexicon.contextualValences(words);
		double sum = 0;
		Map<String, Double> byWord = new LinkedHashMap<>();
		boolean exclaimed = false;
		for (int i = 0; i < valences.length; i++) {
			exclaimed |= words.get(i).equals("!");
			if (valences[i] != 0) {
				sum += valences[i];
				String shown = lexicon.valence(words.get(i)) * valences[i] < 0 ? precedingNegator(words, i, lexicon) + words.get(i)
						: words.get(i);
				byWord.merge(shown, valences[i], Double::sum);
			}
		}
		if (exclaimed) {
			sum *= 1.1;
		}
		double score = sum / Math.sqrt(sum * sum + ALPHA);
		int sign = score >= NEUTRAL ? 1 : score <= -NEUTRAL ? -1 : 0;
		List<Map.Entry<String, Double>> drivers = new ArrayList<>();
		for (Map.Entry<String, Double> e : byWord.entrySet()) {
			if (sign == 0 ? e.getValue() != 0 : e.getValue() * sign > 0) {
				drivers.add(e);
			}
		}
		drivers.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())));
		List<String> evidence = drivers.stream().limit(evidenceLimit).map(Map.Entry::getKey).toList();
		return new Verdict(language, score, evidence);
	}

	private static String precedingNegator(List<String> words, int i, SentimentLexicon lexicon) {
		for (int j = i - 1; j >= Math.max(0, i - SentimentLexicon.NEGATION_SCOPE); j--) {
			if (lexicon.isNegator(words.get(j))) {
				return words.get(j) + (lexicon.language() == Language.ZH ? "" : " ");
			}
		}
		return "";
	}

}
