package org.rapport.analytics.sentiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains a {@link LinearTextModel}: logistic regression on binary word and bigram features scaled
 * by their naive-Bayes log-count ratio (Wang &amp; Manning 2012, "NB-LR"), fitted by AdaGrad
 * stochastic gradient descent with L2 regularisation over a fixed-seed shuffle. The naive-Bayes
 * scaling lets rare but one-sided words count from the first epoch; the regression then corrects
 * the weights of words that co-occur.
 *
 * @param epochs passes over the training texts
 * @param learningRate AdaGrad base step
 * @param l2 L2 penalty per example
 * @param smoothing Laplace count added to every feature in the log-count ratio
 * @param seed shuffle seed
 */
public record LogisticTextTrainer(int epochs, double learningRate, double l2, double smoothing, long seed) {

	public static LogisticTextTrainer defaults() {
		return new LogisticTextTrainer(10, 0.1, 1e-5, 1.0, 17);
	}

	/** A labelled text's features. */
	public record Example(Set<String> features, boolean positive) {
	}

	public LinearTextModel train(Language language, List<Example> examples) {
		Map<String, Integer> index = new HashMap<>();
		List<String> names = new ArrayList<>();
		int[][] docs = new int[examples.size()][];
		boolean[] labels = new boolean[examples.size()];
		for (int d = 0; d < examples.size(); d++) {
			Collection<String> features = examples.get(d).features();
			int[] ids = new int[features.size()];
			int k = 0;
			for (String f : features) {
				Integer id = index.get(f);
				if (id == null) {
					id = names.size();
					index.put(f, id);
					names.add(f);
				}
				ids[k++] = id;
			}
			docs[d] = ids;
			labels[d] = examples.get(d).positive();
		}
		int n = names.size();
		double[] pos = new double[n];
		double[] neg = new double[n];
		int positives = 0;
		for (int d = 0; d < docs.length; d++) {
			double[] counts = labels[d] ? pos : neg;
			positives += labels[d] ? 1 : 0;
			for (int id : docs[d]) {
				counts[id]++;
			}
		}
		double posTotal = 0;
		double negTotal = 0;
		for (int i = 0; i < n; i++) {
			posTotal += pos[i] + smoothing;
			negTotal += neg[i] + smoothing;
		}
		double[] ratio = new double[n];
		for (int i = 0; i < n; i++) {
			ratio[i] = Math.log((pos[i] + smoothing) / posTotal) - Math.log((neg[i] + smoothing) / negTotal);
		}
		double[] w = new double[n];
		double[] g2 = new double[n];
		double b = Math.log((positives + 1.0) / (docs.length - positives + 1.0));
		double gb2 = 0;
		int[] order = new int[docs.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Random random = new Random(seed);
		for (int epoch = 0; epoch < epochs; epoch++) {
			for (int i = order.length - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
			for (int d : order) {
				double z = b;
				for (int id : docs[d]) {
					z += w[id] * ratio[id];
				}
				double p = 1 / (1 + Math.exp(-z));
				double err = p - (labels[d] ? 1 : 0);
				for (int id : docs[d]) {
					double g = err * ratio[id] + l2 * w[id];
					g2[id] += g * g;
					w[id] -= learningRate * g / Math.sqrt(g2[id] + 1e-8);
				}
				gb2 += err * err;
				b -= learningRate * err / Math.sqrt(gb2 + 1e-8);
			}
		}
		Map<String, Double> weights = new HashMap<>();
		for (int i = 0; i < n; i++) {
			double effective = w[i] * ratio[i];
			if (Math.abs(effective) > 1e-4) {
				weights.put(names.get(i), effective);
			}
		}
		return new LinearTextModel(language, weights, b);
	}

}
