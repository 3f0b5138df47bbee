package org.rapport.analytics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * What another module knows of customers that bears on whether they stay, as numbers known on a
 * given day (for example tickets opened, complaints, satisfaction scores). Modules that hold such
 * data implement it; analytics feeds the figures to the churn model as features. It is an interface
 * here, not a call into those modules, because they already depend on analytics.
 */
public interface CustomerSignals {

	/**
	 * The figures of every customer who has any, as known at the end of {@code day}, across all
	 * owners (analytics answers only about contacts the actor may see).
	 * @param only these customers ({@code null}: all)
	 * @return contact id → feature name → value; a customer without data is absent
	 */
	Map<Long, Map<String, Double>> asOf(LocalDate day, Collection<Long> only);

	/**
	 * The value of a feature for a customer {@link #asOf} leaves out, where absence has a meaning
	 * (no tickets is 0 tickets); a feature not listed is unknown when absent.
	 */
	default Map<String, Double> valuesWhenAbsent() {
		return Map.of();
	}

}
