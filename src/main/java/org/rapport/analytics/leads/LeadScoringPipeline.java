package org.rapport.analytics.leads;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.rapport.analytics.churn.ChurnMetrics;
import org.rapport.analytics.churn.ChurnPipeline;
import org.rapport.sales.LeadView;

/**
 * Learns which leads convert from the closed ones (converted = 1, disqualified = 0) with the churn
 * pipeline's logistic regression, checked on a time-based hold-out: the model learnt from the older
 * closed leads must rank the most recently closed {@code holdoutShare} of them (at least {@value
 * #MIN_HOLDOUT}); the model put to use then learns from all of them. Too few closed leads — fewer than
 * {@code minClosed}, or fewer than {@code minPerOutcome} of either outcome — is a cold start, and the
 * rules score instead.
 *
 * @param minClosed fewest closed leads to learn from
 * @param minPerOutcome fewest converted and fewest disqualified leads to learn from
 * @param holdoutShare the share of the most recently closed leads held out
 * @param pipeline the logistic regression
 */
public record LeadScoringPipeline(int minClosed, int minPerOutcome, double holdoutShare, ChurnPipeline pipeline) {

	static final int MIN_HOLDOUT = 10;

	public static LeadScoringPipeline defaults() {
		return new LeadScoringPipeline(30, 5, 0.25, ChurnPipeline.defaults());
	}

	/**
	 * What training gave.
	 *
	 * @param trained whether a model was learnt ({@code false}: cold start, see {@code why})
	 * @param why {@code too-few-closed}, {@code too-few-converted}, {@code too-few-disqualified} or
	 *     {@code holdout-one-outcome} when not trained
	 * @param closed closed leads read
	 * @param converted of which converted
	 * @param trainingRows leads the checked model learnt from (the older ones)
	 * @param holdoutRows leads it was checked on (the most recent ones)
	 * @param from when the oldest closed lead closed
	 * @param holdoutFrom when the first held-out lead closed
	 * @param to when the newest closed lead closed
	 * @param metrics the checked model on the hold-out
	 * @param model the model to use, learnt from all closed leads
	 */
	public record Result(boolean trained, String why, int closed, int converted, int trainingRows, int holdoutRows,
			LocalDate from, LocalDate holdoutFrom, LocalDate to, ChurnMetrics metrics, ChurnPipeline.Fitted model) {
	}

	public Result train(List<LeadView> leads) {
		List<LeadView> closed = leads.stream()
			.filter(LeadFeatures::isClosed)
			.sorted(Comparator.comparing(LeadFeatures::closedAt).thenComparingLong(LeadView::id))
			.toList();
		int n = closed.size();
		int converted = (int) closed.stream().filter(l -> "converted".equals(l.status())).count();
		LocalDate from = n == 0 ? null : day(LeadFeatures.closedAt(closed.get(0)));
		LocalDate to = n == 0 ? null : day(LeadFeatures.closedAt(closed.get(n - 1)));
		String why = n < minClosed ? "too-few-closed" : converted < minPerOutcome ? "too-few-converted"
				: n - converted < minPerOutcome ? "too-few-disqualified" : null;
		if (why != null) {
			return new Result(false, why, n, converted, 0, 0, from, null, to, null, null);
		}
		int holdout = Math.max(MIN_HOLDOUT, (int) Math.ceil(n * holdoutShare));
		List<ChurnPipeline.Customer> all = closed.stream().map(l -> LeadFeatures.of(l, null)).toList();
		List<ChurnPipeline.Customer> older = all.subList(0, n - holdout);
		List<ChurnPipeline.Customer> recent = all.subList(n - holdout, n);
		if (!bothOutcomes(older) || !bothOutcomes(recent)) {
			return new Result(false, "holdout-one-outcome", n, converted, older.size(), recent.size(), from,
					day(LeadFeatures.closedAt(closed.get(n - holdout))), to, null, null);
		}
		ChurnPipeline.Fitted checked = pipeline.fit(older);
		double[] scores = new double[recent.size()];
		boolean[] outcomes = new boolean[recent.size()];
		for (int i = 0; i < scores.length; i++) {
			scores[i] = checked.probability(recent.get(i));
			outcomes[i] = recent.get(i).churned();
		}
		ChurnMetrics metrics = ChurnMetrics.of(scores, outcomes);
		ChurnPipeline.Fitted model = pipeline.fit(all);
		return new Result(true, null, n, converted, older.size(), recent.size(), from,
				day(LeadFeatures.closedAt(closed.get(n - holdout))), to, metrics, model);
	}

	private static boolean bothOutcomes(List<ChurnPipeline.Customer> leads) {
		boolean yes = leads.stream().anyMatch(ChurnPipeline.Customer::churned);
		boolean no = leads.stream().anyMatch(c -> !c.churned());
		return yes && no;
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

}
