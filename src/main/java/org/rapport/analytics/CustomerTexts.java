package org.rapport.analytics;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.rapport.platform.Actor;

/**
 * What customers wrote, from the module that keeps it (ticket descriptions, their messages on tickets,
 * survey comments with their scores): the company sentiment model learns from the rated ones, and the
 * per-account trend and the churn features read them all. An interface here, because the modules that
 * hold these texts depend on analytics.
 */
public interface CustomerTexts {

	/**
	 * One text.
	 *
	 * @param source {@code ticket} (subject and description), {@code reply} (a customer's message on a
	 *     ticket), {@code csat} or {@code nps} (a survey comment)
	 * @param id the record's id in its source
	 * @param contactId the customer who wrote it
	 * @param at when it was written
	 * @param text the text
	 * @param score the survey score that came with it (CSAT 1–5, NPS 0–10), {@code null} for others
	 */
	record Text(String source, long id, Long contactId, Instant at, String text, Integer score) {
	}

	/** Every survey comment that came with a score, oldest first (the rated texts the model learns from). */
	List<Text> rated();

	/**
	 * What customers wrote from {@code from} (inclusive) to {@code to} (exclusive), oldest first,
	 * without access checks (analytics applies them to whom it answers about).
	 * @param contactIds only these customers' texts ({@code null}: everyone's)
	 */
	List<Text> written(Instant from, Instant to, Collection<Long> contactIds);


	/**
	 * The texts among {@code texts} that {@code actor} may read where they are kept (a ticket's words only
	 * for those who may open the ticket): a person's sentiment is shown from these alone, so it reveals
	 * nothing of records the viewer may not see. Texts of other sources are returned unchanged.
	 */
	default List<Text> readableBy(Actor actor, List<Text> texts) {
		return texts;
	}

}
