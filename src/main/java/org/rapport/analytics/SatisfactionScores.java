package org.rapport.analytics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Survey results by month for the KPI dashboard's CSAT and NPS trend, from the module that runs the
 * surveys (an interface here because that module depends on analytics).
 */
public interface SatisfactionScores {

	/**
	 * One month of survey answers.
	 *
	 * @param month {@code yyyy-MM}
	 * @param csat mean CSAT score (1–5), {@code null} without answers
	 * @param csatResponses CSAT answers in the month
	 * @param nps % promoters (9–10) − % detractors (0–6), {@code null} without answers
	 * @param npsResponses NPS answers in the month
	 */
	record Month(String month, Double csat, long csatResponses, Double nps, long npsResponses) {
	}

	/**
	 * Every month from {@code from} to {@code to} (inclusive days), CSAT over the tickets the current
	 * actor may see.
	 * @param teamId only CSAT of tickets in this team's queues ({@code null}: all)
	 * @param contactIds only these customers' answers ({@code null}: all)
	 */
	List<Month> monthly(LocalDate from, LocalDate to, Long teamId, Collection<Long> contactIds);

}
