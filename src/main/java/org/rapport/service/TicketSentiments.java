package org.rapport.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.analytics.SentimentCorrections;
import org.rapport.analytics.SentimentCorrections.Shown;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.AuditTrail.FieldChange;
import org.rapport.platform.RecordNotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sentiment of a ticket's customer text (its subject and description, and each message from the
 * customer) as the agents see it, and their corrections of it: stored by analytics, which learns from
 * them, and recorded in the ticket's history (who, when, from which label to which).
 */
@Service
public class TicketSentiments {

	private final TicketManagement tickets;

	private final SentimentCorrections corrections;

	private final AuditTrail audit;

	TicketSentiments(TicketManagement tickets, SentimentCorrections corrections, AuditTrail audit) {
		this.tickets = tickets;
		this.corrections = corrections;
		this.audit = audit;
	}

	/**
	 * A ticket's sentiment.
	 *
	 * @param description of the subject and description ({@code null} without words)
	 * @param replies of each message from the customer, by reply id
	 */
	public record TicketSentiment(Shown description, Map<Long, Shown> replies) {
	}

	/** The sentiment of a ticket the actor may see (404 otherwise). */
	@Transactional(readOnly = true)
	public TicketSentiment of(long ticketId) {
		TicketView t = tickets.get(ticketId);
		return new TicketSentiment(corrections.shown("ticket", Map.of(t.id(), text(t))).get(t.id()),
				corrections.shown("reply", customerMessages(tickets.replies(ticketId))));
	}

	/**
	 * Corrects the sentiment of a ticket's subject and description ({@code replyId} null) or of one of
	 * the customer's messages on it: support agents, managers and administrators who see the ticket.
	 * @throws RecordNotFound for a ticket the actor may not see, or a reply that is not a customer's
	 *     message on it
	 */
	@Transactional
	public Shown correct(long ticketId, Long replyId, String label) {
		TicketView t = tickets.get(ticketId);
		String source = replyId == null ? "ticket" : "reply";
		long sourceId = replyId == null ? t.id() : replyId;
		String text = replyId == null ? text(t)
				: customerMessages(tickets.replies(ticketId)).entrySet()
					.stream()
					.filter(e -> e.getKey().equals(replyId))
					.map(Map.Entry::getValue)
					.findFirst()
					.orElseThrow(() -> new RecordNotFound("ticket-reply", replyId));
		SentimentCorrections.Correction c = corrections.correct(source, sourceId, text, label);
		String field = replyId == null ? "sentiment" : "reply." + replyId + ".sentiment";
		audit.record(new AuditEvent("correct-sentiment", TicketManagement.TYPE, Long.toString(t.id()),
				t.reference() + " " + t.subject(), List.of(new FieldChange(field, c.from(), c.shown().label()))));
		return c.shown();
	}

	static String text(TicketView t) {
		return ((t.subject() == null ? "" : t.subject()) + "\n" + (t.description() == null ? "" : t.description())).strip();
	}

	private static Map<Long, String> customerMessages(List<ReplyView> replies) {
		Map<Long, String> out = new LinkedHashMap<>();
		replies.stream().filter(r -> "customer".equals(r.authorKind())).forEach(r -> out.put(r.id(), r.body()));
		return out;
	}

}
