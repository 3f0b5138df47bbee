package org.rapport.analytics.sentiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A linear sentiment model over word and bigram features: the log-odds that a text is positive
 * are {@code bias + Σ weight(f)} over the text's distinct features, so each feature's weight is
 * exactly its share of the decision and the heaviest ones are the evidence.
 *
 * @param language the language it reads
 * @param weights effective weight of each feature (log-odds)
 * @param bias log-odds of a text without known features
 */
public record LinearTextModel(Language language, Map<String, Double> weights, double bias) {

	public LinearTextModel {
		weights = Map.copyOf(weights);
	}

	/** Log-odds that the text with these features is positive. */
	public double logOdds(Collection<String> features) {
		double z = bias;
		for (String f : features) {
			z += weights.getOrDefault(f, 0.0);
		}
		return z;
	}

	public double probabilityPositive(Collection<String> features) {
		return 1 / (1 + Math.exp(-logOdds(features)));
	}

	/**
	 * The features that pushed the decision the way it went ({@code sign} +1 positive, −1 negative),
	 * heaviest first.
	 */
	public List<Contribution> evidence(TextFeatures features, int sign, int limit) {
		Map<String, Double> byText = new java.util.LinkedHashMap<>();
		for (String f : features.names()) {
			Double w = weights.get(f);
			if (w == null || w * sign <= 0) {
				continue;
			}
			List<String> sources = features.words().get(f);
			if (sources == null) {
				byText.merge(f, w, Double::sum);
			}
			else {
				// a lexicon feature speaks through the words that raised it
				for (String word : new java.util.LinkedHashSet<>(sources)) {
					byText.merge(word, w, Double::sum);
				}
			}
		}
		List<Contribution> out = new ArrayList<>();
		byText.forEach((text, w) -> out.add(new Contribution(text, w)));
		out.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight())).thenComparing(Contribution::feature));
		return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
	}

	/** One feature's part of the decision. */
	public record Contribution(String feature, double weight) {
	}

}
