package org.rapport.analytics.sentiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features a linear sentiment model reads from a text: its distinct words, its distinct pairs
 * of adjacent words ("not good", "不 好") so that negation and short phrases carry their own weight,
 * and, when a lexicon is given, the lexicon's verdict on each word in context ({@code LEX+},
 * {@code LEX-}, and {@code LEX++}/{@code LEX--} for strong words, flipped after a negator) so that
 * words the training texts never showed still count.
 *
 * @param names the distinct feature names (a bigram is two words joined by one space)
 * @param words for each lexicon feature, the words of the text that raised it
 */
public record TextFeatures(Set<String> names, Map<String, List<String>> words) {

	/** Lexicon valence from which a word counts as strong. */
	static final double STRONG = 0.5;

	public static final String PREFIX = "LEX";

	public static TextFeatures of(List<String> words, SentimentLexicon lexicon) {
		Set<String> names = new LinkedHashSet<>();
		for (int i = 0; i < words.size(); i++) {
			names.add(words.get(i));
			if (i > 0) {
				names.add(words.get(i - 1) + ' ' + words.get(i));
			}
		}
		Map<String, List<String>> sources = new LinkedHashMap<>();
		if (lexicon != null) {
			double[] valences = lexicon.contextualValences(words);
			for (int i = 0; i < valences.length; i++) {
				double v = valences[i];
				if (v == 0) {
					continue;
				}
				String sign = v > 0 ? "+" : "-";
				String word = lexicon.valence(words.get(i)) * v < 0 ? "¬" + words.get(i) : words.get(i);
				sources.computeIfAbsent(PREFIX + sign, k -> new ArrayList<>()).add(word);
				if (Math.abs(v) >= STRONG) {
					sources.computeIfAbsent(PREFIX + sign + sign, k -> new ArrayList<>()).add(word);
				}
			}
			names.addAll(sources.keySet());
		}
		return new TextFeatures(names, sources);
	}

	public static TextFeatures of(String text, Language language, SentimentLexicon lexicon) {
		return of(TextTokens.words(text, language), lexicon);
	}

}
