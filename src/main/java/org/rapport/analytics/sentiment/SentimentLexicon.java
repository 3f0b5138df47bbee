package org.rapport.analytics.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word valences from the permissively licensed lexicons Rapport ships (VADER and AFINN for English,
 * the machine-translated AFINN-zh for Chinese; see {@code analytics/sentiment/NOTICE.md}), scaled
 * to −1..+1, with the small closed set of negation words that flip the valence of the words after
 * them.
 */
public final class SentimentLexicon {

	/** Words after a negator, up to this many, have their valence flipped. */
	static final int NEGATION_SCOPE = 3;

	/** Valences below this in absolute value are dropped as neutral. */
	static final double WEAK = 0.125;

	/** Chinese degree adverbs: a word the lexicon lacks is looked up without them ("很脏" as "脏"), stronger. */
	private static final List<String> ZH_DEGREE = List.of("非常", "特别", "十分", "相当", "比较", "很", "太", "挺", "真", "超", "最", "好");

	private static final Set<String> EN_NEGATORS = Set.of("not", "no", "never", "nothing", "nor", "neither", "without",
			"hardly", "barely", "cannot", "dont", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't",
			"won't", "wouldn't", "can't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "ain't", "nobody");

	private static final Set<String> ZH_NEGATORS = Set.of("不", "没", "没有", "无", "别", "非", "未", "不是", "毫无", "并非", "不太",
			"不够", "不会", "不能", "没什么", "一点也不", "从不", "绝不");

	private static volatile SentimentLexicon english;

	private static volatile SentimentLexicon chinese;

	private final Language language;

	private final Map<String, Double> valence;

	SentimentLexicon(Language language, Map<String, Double> valence) {
		this.language = language;
		this.valence = Map.copyOf(valence);
	}

	/** The shipped lexicon of the language, loaded once. */
	public static SentimentLexicon of(Language language) {
		if (language == Language.ZH) {
			SentimentLexicon l = chinese;
			if (l == null) {
				synchronized (SentimentLexicon.class) {
					if (chinese == null) {
						chinese = load(Language.ZH);
					}
					l = chinese;
				}
			}
			return l;
		}
		SentimentLexicon l = english;
		if (l == null) {
			synchronized (SentimentLexicon.class) {
				if (english == null) {
					english = load(Language.EN);
				}
				l = english;
			}
		}
		return l;
	}

	public Language language() {
		return language;
	}

	/** Valence of a word, −1..+1, or 0 when the lexicon does not know it. */
	public double valence(String word) {
		Double v = valence.get(word);
		if (v != null) {
			return v;
		}
		if (language == Language.ZH) {
			for (String degree : ZH_DEGREE) {
				if (word.length() > degree.length() && word.startsWith(degree)) {
					Double rest = valence.get(word.substring(degree.length()));
					if (rest != null) {
						return Math.max(-1, Math.min(1, rest * 1.5));
					}
				}
			}
		}
		return 0.0;
	}

	public int size() {
		return valence.size();
	}

	public boolean isNegator(String word) {
		return (language == Language.ZH ? ZH_NEGATORS : EN_NEGATORS).contains(word);
	}

	/**
	 * Valence of each word in context: the lexicon's value, flipped when one of the
	 * {@value #NEGATION_SCOPE} words before it is a negator.
	 */
	public double[] contextualValences(List<String> words) {
		double[] out = new double[words.size()];
		int lastNegator = -NEGATION_SCOPE - 1;
		for (int i = 0; i < words.size(); i++) {
			String w = words.get(i);
			if (isNegator(w)) {
				lastNegator = i;
				continue;
			}
			double v = valence(w);
			out[i] = i - lastNegator <= NEGATION_SCOPE ? -v : v;
		}
		return out;
	}

	static SentimentLexicon load(Language language) {
		Map<String, double[]> sums = new HashMap<>();
		if (language == Language.EN) {
			// VADER's mean valence is −4..+4, AFINN's score −5..+5; a word in both gets the mean of the two.
			read("vader_lexicon.tsv", 4.0, sums);
			read("AFINN-en-165.txt", 5.0, sums);
		}
		else {
			// The machine-translated list repeats words, sometimes with different scores: averaged.
			read("AFINN-zh-165.txt", 5.0, sums);
		}
		Map<String, Double> valence = new HashMap<>();
		sums.forEach((w, s) -> valence.put(w, s[0] / s[1]));
		if (language == Language.ZH) {
			// Rapport's own list overrides the machine translation where both have a word.
			Map<String, double[]> own = new HashMap<>();
			read("rapport-zh-additions.txt", 5.0, own);
			own.forEach((w, s) -> valence.put(w, s[0] / s[1]));
		}
		// Words rated within ±0.5 on VADER's ±4 scale (such as "number") are in effect neutral.
		valence.values().removeIf(v -> Math.abs(v) < WEAK);
		return new SentimentLexicon(language, valence);
	}

	private static void read(String resource, double scale, Map<String, double[]> sums) {
		try (InputStream in = SentimentLexicon.class.getResourceAsStream("/analytics/sentiment/" + resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource analytics/sentiment/" + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			Map<String, double[]> own = new HashMap<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] parts = line.split("\t");
				if (line.startsWith("#") || parts.length < 2 || parts[0].isBlank() || parts[0].strip().contains(" ")) {
					continue; // multi-word entries: the tokenizer never produces them as one word
				}
				double score;
				try {
					score = Double.parseDouble(parts[1].strip());
				}
				catch (NumberFormatException ex) {
					continue;
				}
				double[] s = own.computeIfAbsent(parts[0].strip().toLowerCase(java.util.Locale.ROOT), k -> new double[2]);
				s[0] += Math.max(-1, Math.min(1, score / scale));
				s[1]++;
			}
			// each list counts once per word, however often it repeats the word
			own.forEach((w, s) -> {
				double[] total = sums.computeIfAbsent(w, k -> new double[2]);
				total[0] += s[0] / s[1];
				total[1]++;
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
