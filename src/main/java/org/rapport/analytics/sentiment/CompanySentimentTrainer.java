package org.rapport.analytics.sentiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Learns a {@link CompanySentimentModel} from rated texts: per language, the positive and negative
 * texts (neutral ones are not learnt from: the model is a two-way one, neutral being the band where it
 * hesitates), the newest {@value #HOLDOUT_PERCENT} % held out by time to check it; a language with fewer
 * than {@value #MIN_TEXTS} such texts, or fewer than {@value #MIN_PER_LABEL} of either label, is not
 * trained (the default keeps answering it).
 */
public final class CompanySentimentTrainer {

	/** Fewest positive and negative texts of a language to train it. */
	public static final int MIN_TEXTS = 40;

	/** Fewest texts of each label. */
	public static final int MIN_PER_LABEL = 10;

	public static final int HOLDOUT_PERCENT = 20;

	/** A text with its label ({@code positive}, {@code neutral} or {@code negative}) and when it was rated. */
	public record Rated(String text, String label, Instant at) {
	}

	/**
	 * The outcome.
	 *
	 * @param model the trained languages ({@code null} when none had enough texts)
	 * @param texts rated texts read per language (all labels)
	 * @param skipped why a language was not trained
	 * @param currentAccuracy per trained language, the accuracy of what analysed it until now on the same hold-out
	 */
	public record Result(CompanySentimentModel model, Map<Language, Integer> texts, Map<Language, String> skipped,
			Map<Language, Double> currentAccuracy) {
	}

	private final LexiconSentimentModel lexicon = new LexiconSentimentModel();

	/**
	 * @param current what labels a text now (the active model), checked on the same hold-out
	 */
	public Result train(List<Rated> rated, Function<String, String> current) {
		Map<Language, List<Rated>> byLanguage = new EnumMap<>(Language.class);
		Map<Language, Integer> counts = new EnumMap<>(Language.class);
		for (Rated r : rated) {
			Language language = TextTokens.language(r.text());
			counts.merge(language, 1, Integer::sum);
			if (!"neutral".equals(r.label())) {
				byLanguage.computeIfAbsent(language, k -> new ArrayList<>()).add(r);
			}
		}
		Map<Language, CompanySentimentModel.Part> parts = new LinkedHashMap<>();
		Map<Language, String> skipped = new EnumMap<>(Language.class);
		Map<Language, Double> currentAccuracy = new EnumMap<>(Language.class);
		for (Language language : Language.values()) {
			List<Rated> texts = new ArrayList<>(byLanguage.getOrDefault(language, List.of()));
			long positive = texts.stream().filter(r -> r.label().equals("positive")).count();
			if (texts.size() < MIN_TEXTS || positive < MIN_PER_LABEL || texts.size() - positive < MIN_PER_LABEL) {
				skipped.put(language, texts.size() + " positive or negative texts, " + positive + " positive (needs "
						+ MIN_TEXTS + ", and " + MIN_PER_LABEL + " of each)");
				continue;
			}
			texts.sort(Comparator.comparing(Rated::at));
			int holdout = Math.max(1, texts.size() * HOLDOUT_PERCENT / 100);
			List<Rated> training = texts.subList(0, texts.size() - holdout);
			List<Rated> checked = texts.subList(texts.size() - holdout, texts.size());
			SentimentLexicon words = SentimentLexicon.of(language);
			LinearTextModel model = LogisticTextTrainer.defaults()
				.train(language, training.stream()
					.map(r -> new LogisticTextTrainer.Example(TextFeatures.of(r.text(), language, words).names(),
							r.label().equals("positive")))
					.toList());
			CompanySentimentModel.Part part = new CompanySentimentModel.Part(model, 0, 0, training.size(), checked.size());
			double accuracy = accuracy(checked, t -> CompanySentimentModel.analyse(part, t, language, 0).label());
			double byDefault = accuracy(checked, t -> lexicon.analyse(t, 0).label());
			currentAccuracy.put(language, accuracy(checked, current));
			parts.put(language, new CompanySentimentModel.Part(model, accuracy, byDefault, training.size(), checked.size()));
		}
		return new Result(parts.isEmpty() ? null : new CompanySentimentModel(parts), counts, skipped, currentAccuracy);
	}

	/** Share of the texts whose label is the one given (a neutral answer to a rated text is wrong). */
	static double accuracy(List<Rated> texts, Function<String, String> label) {
		long right = texts.stream().filter(r -> r.label().equals(label.apply(r.text()))).count();
		return (double) right / texts.size();
	}

}
