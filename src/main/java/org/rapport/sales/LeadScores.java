package org.rapport.sales;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How likely an open lead is to convert, 0 to 100, with the reasons in words: an interface the sales
 * pages call when a bean implements it (analytics does; sales cannot depend on analytics, which reads
 * sales).
 */
public interface LeadScores {

	/** The lead's score; empty when it has none (a converted or disqualified lead). */
	Optional<LeadScore> score(LeadView lead);

	/** Scores of several leads at once, by lead id (leads without a score are left out). */
	default Map<Long, LeadScore> scores(List<LeadView> leads) {
		Map<Long, LeadScore> out = new LinkedHashMap<>();
		for (LeadView lead : leads) {
			score(lead).ifPresent(s -> out.put(lead.id(), s));
		}
		return out;
	}

	/**
	 * A lead's score.
	 *
	 * @param score 0 to 100: the model's conversion probability in per cent, or the rules' points
	 * @param basis {@code model} (trained on this installation's converted and disqualified leads) or
	 *     {@code rules} (fixed points per attribute, while there are too few closed leads to learn from)
	 * @param reasons what weighs most, largest first
	 * @param modelVersion the model's version in the registry ({@code null} for the rules)
	 */
	record LeadScore(int score, String basis, List<Reason> reasons, Integer modelVersion) {

		public LeadScore {
			reasons = List.copyOf(reasons);
		}

	}

	/**
	 * One reason.
	 *
	 * @param feature what it is about: source, emailKind, seniority, phone, company, website, country,
	 *     notes, updates, ageDays, recentActivity
	 * @param value the lead's value of it
	 * @param effect rules: the points it adds (negative: takes away); model: its share of the log-odds
	 * @param messageKey message bundle key of the reason in words, {@code {0}} being the value
	 */
	record Reason(String feature, String value, double effect, String messageKey) {

		/** Whether it raises the score. */
		public boolean raises() {
			return effect > 0;
		}

	}

}
