package org.rapport.analytics.churn;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Churn risk: logistic regression (Tribuo's linear SGD with the logistic loss and AdaGrad) on
 * standardised numeric features and one-hot categories. Because the model is linear, each
 * customer's log-odds split exactly into one contribution per feature, {@code coefficient × (value −
 * training mean)} (numeric values standardised first), so the largest positive ones are the
 * customer's top reasons relative to the average customer. A numeric feature that is never negative
 * in training also enters as {@code log(1 + x)} (standardised), so that effects which fade with size
 * (the first months of tenure weigh more than the fifth year) fit a linear model; its reason is the
 * sum of both parts.
 *
 * @param epochs passes over the training data
 * @param learningRate AdaGrad step
 * @param minibatch examples per gradient step
 * @param seed Tribuo's shuffle seed
 */
public record ChurnPipeline(int epochs, double learningRate, int minibatch, long seed) {

	static final String CHURN = "churn";

	static final String STAY = "stay";

	static final String LOG = " (log)";

	/** Tribuo's name of the intercept among a linear model's features. */
	static final String BIAS = Model.BIAS_FEATURE;

	public static ChurnPipeline defaults() {
		return new ChurnPipeline(30, 0.1, 8, 1);
	}

	/** A customer's features and, for training and evaluation, whether they left. */
	public record Customer(String id, Map<String, Double> numbers, Map<String, String> categories, boolean churned) {
	}

	/** One feature's part of a customer's risk, in log-odds, with the value it was read from. */
	public record Reason(String feature, String value, double contribution) {
	}

	/** A scored customer. */
	public record Risk(String id, double probability, List<Reason> reasons) {
	}

	public Fitted fit(List<Customer> training) {
		Encoding encoding = Encoding.of(training);
		LabelFactory labels = new LabelFactory();
		MutableDataset<Label> data = new MutableDataset<>(
				new SimpleDataSourceProvenance("churn training", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
						labels),
				labels);
		for (Customer c : training) {
			data.add(encoding.example(c, new Label(c.churned() ? CHURN : STAY)));
		}
		LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 0.1), epochs, epochs + 1,
				minibatch, seed);
		Model<Label> model = trainer.train(data);
		// two-class softmax: the churn log-odds are the difference of the two classes' linear scores
		Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(-1);
		Map<String, Double> coefficients = new HashMap<>();
		top.getOrDefault(CHURN, List.of()).forEach(p -> coefficients.merge(p.getA(), p.getB(), Double::sum));
		top.getOrDefault(STAY, List.of()).forEach(p -> coefficients.merge(p.getA(), -p.getB(), Double::sum));
		return new Fitted(encoding, model, coefficients);
	}

	/**
	 * A trained model as plain numbers.
	 *
	 * @param scaling mean and standard deviation of each numeric feature (and of its log)
	 * @param categories the values seen of each category
	 * @param means the training mean of each encoded feature
	 * @param coefficients log-odds coefficient of each encoded feature, and of Tribuo's bias feature
	 */
	public record Parameters(Map<String, List<Double>> scaling, Map<String, List<String>> categories,
			Map<String, Double> means, Map<String, Double> coefficients) {
	}

	/** The encoding of the training data: numeric means and deviations, the categories seen. */
	record Encoding(Map<String, double[]> scaling, Map<String, Set<String>> categories, Map<String, Double> means) {

		static Encoding of(List<Customer> customers) {
			Map<String, Boolean> nonNegative = new LinkedHashMap<>();
			for (Customer c : customers) {
				c.numbers().forEach((k, v) -> nonNegative.merge(k, v >= 0, Boolean::logicalAnd));
			}
			Map<String, double[]> sums = new LinkedHashMap<>();
			Map<String, Set<String>> categories = new LinkedHashMap<>();
			for (Customer c : customers) {
				c.numbers().forEach((k, v) -> {
					double[] s = sums.computeIfAbsent(k, x -> new double[3]);
					s[0] += v;
					s[1] += v * v;
					s[2]++;
					if (nonNegative.get(k)) {
						double l = Math.log1p(v);
						double[] t = sums.computeIfAbsent(k + LOG, x -> new double[3]);
						t[0] += l;
						t[1] += l * l;
						t[2]++;
					}
				});
				c.categories().forEach((k, v) -> categories.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
			}
			Map<String, double[]> scaling = new LinkedHashMap<>();
			sums.forEach((k, s) -> {
				double mean = s[0] / s[2];
				double sd = Math.sqrt(Math.max(0, s[1] / s[2] - mean * mean));
				scaling.put(k, new double[] { mean, sd > 0 ? sd : 1 });
			});
			Encoding provisional = new Encoding(scaling, categories, Map.of());
			// the training mean of every encoded feature: contributions are measured from it
			Map<String, Double> means = new HashMap<>();
			for (Customer c : customers) {
				provisional.encode(c).forEach((k, v) -> means.merge(k, v / customers.size(), Double::sum));
			}
			return new Encoding(scaling, categories, means);
		}

		Map<String, Double> encode(Customer c) {
			Map<String, Double> out = new LinkedHashMap<>();
			scaling.forEach((k, s) -> {
				boolean log = k.endsWith(LOG);
				Double v = c.numbers().get(log ? k.substring(0, k.length() - LOG.length()) : k);
				if (v != null && log) {
					v = Math.log1p(Math.max(0, v));
				}
				out.put(k, v == null ? 0 : (v - s[0]) / s[1]);
			});
			categories.forEach((k, values) -> {
				String v = c.categories().get(k);
				for (String option : values) {
					out.put(k + "=" + option, option.equals(v) ? 1.0 : 0.0);
				}
			});
			return out;
		}

		ArrayExample<Label> example(Customer c, Label label) {
			Map<String, Double> features = encode(c);
			String[] names = new String[features.size()];
			double[] values = new double[features.size()];
			int i = 0;
			for (Map.Entry<String, Double> e : features.entrySet()) {
				names[i] = e.getKey();
				values[i++] = e.getValue();
			}
			return new ArrayExample<>(label, names, values);
		}

	}

	/** A trained churn model. */
	public static final class Fitted {

		private final Encoding encoding;

		private final Model<Label> model;

		private final Map<String, Double> coefficients;

		Fitted(Encoding encoding, Model<Label> model, Map<String, Double> coefficients) {
			this.encoding = encoding;
			this.model = model;
			this.coefficients = Map.copyOf(coefficients);
		}

		/**
		 * Everything the model computes with, as plain numbers (for storing it in the database); {@link
		 * #restore} makes the same model of them on any node.
		 */
		public Parameters parameters() {
			Map<String, List<String>> categories = new LinkedHashMap<>();
			encoding.categories().forEach((k, v) -> categories.put(k, List.copyOf(v)));
			Map<String, List<Double>> scaling = new LinkedHashMap<>();
			encoding.scaling().forEach((k, v) -> scaling.put(k, List.of(v[0], v[1])));
			return new Parameters(scaling, categories, new TreeMap<>(encoding.means()), new TreeMap<>(coefficients));
		}

		/**
		 * The model of stored parameters. It answers from the coefficients alone: the two-class softmax
		 * probability is the logistic function of the log-odds, {@code bias + Σ coefficient × feature}.
		 */
		public static Fitted restore(Parameters p) {
			Map<String, double[]> scaling = new LinkedHashMap<>();
			p.scaling().forEach((k, v) -> scaling.put(k, new double[] { v.get(0), v.get(1) }));
			Map<String, Set<String>> categories = new LinkedHashMap<>();
			p.categories().forEach((k, v) -> categories.put(k, new TreeSet<>(v)));
			return new Fitted(new Encoding(scaling, categories, Map.copyOf(p.means())), null, p.coefficients());
		}

		/** Churn log-odds coefficient of each encoded feature (numeric ones per standard deviation). */
		public Map<String, Double> coefficients() {
			return coefficients;
		}

		/**
		 * The churn probability: the logistic function of the bias plus Σ coefficient × encoded value
		 * (the two-class softmax Tribuo predicts with, computed from the coefficients so that a stored
		 * model scores exactly as the trained one).
		 */
		public double probability(Customer c) {
			double logOdds = coefficients.getOrDefault(BIAS, 0.0);
			for (Map.Entry<String, Double> e : encoding.encode(c).entrySet()) {
				logOdds += coefficients.getOrDefault(e.getKey(), 0.0) * e.getValue();
			}
			return 1 / (1 + Math.exp(-logOdds));
		}

		/** Tribuo's own prediction, for checking {@link #probability} against it. */
		double tribuoProbability(Customer c) {
			Prediction<Label> p = model.predict(encoding.example(c, LabelFactory.UNKNOWN_LABEL));
			Label churn = p.getOutputScores().get(CHURN);
			return churn == null ? 0 : churn.getScore();
		}

		public Risk risk(Customer c, int reasons) {
			List<Reason> top = reasons(c).stream()
				.filter(r -> r.contribution() > 0)
				.sorted(Comparator.comparingDouble((Reason r) -> -r.contribution()))
				.limit(reasons)
				.toList();
			return new Risk(c.id(), probability(c), top);
		}

		/** Every feature's part of the customer's log-odds (raising or lowering), in feature order. */
		public List<Reason> reasons(Customer c) {
			Map<String, Double> features = encoding.encode(c);
			List<Reason> all = new ArrayList<>();
			Set<String> done = new LinkedHashSet<>();
			for (Map.Entry<String, Double> e : features.entrySet()) {
				String name = e.getKey();
				double contribution = coefficients.getOrDefault(name, 0.0)
						* (e.getValue() - encoding.means().getOrDefault(name, 0.0));
				int eq = name.indexOf('=');
				String feature = eq < 0 ? name : name.substring(0, eq);
				if (name.endsWith(LOG)) {
					continue; // joins its plain feature below
				}
				if (eq >= 0) {
					// a category speaks as one reason: the sum over its one-hot columns
					if (!done.add(feature)) {
						continue;
					}
					contribution = 0;
					for (String option : encoding.categories().get(feature)) {
						String column = feature + "=" + option;
						contribution += coefficients.getOrDefault(column, 0.0)
								* (features.get(column) - encoding.means().getOrDefault(column, 0.0));
					}
					all.add(new Reason(feature, c.categories().get(feature), contribution));
				}
				else {
					String logName = feature + LOG;
					if (features.containsKey(logName)) {
						contribution += coefficients.getOrDefault(logName, 0.0)
								* (features.get(logName) - encoding.means().getOrDefault(logName, 0.0));
					}
					Double raw = c.numbers().get(feature);
					all.add(new Reason(feature, raw == null ? "" : format(raw), contribution));
				}
			}
			return all;
		}

		private static String format(double v) {
			return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
		}

	}

}
