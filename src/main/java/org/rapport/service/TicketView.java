package org.rapport.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A ticket as its readers see it, with its SLA clock.
 *
 * @param id id
 * @param reference the reference quoted in mail subjects ({@code T-123})
 * @param subject subject
 * @param description description
 * @param contactId customer contact
 * @param contactName their name (when visible)
 * @param accountId account
 * @param accountName its name (when visible)
 * @param channel channel
 * @param category category
 * @param type type
 * @param priority priority
 * @param status status
 * @param queueId queue
 * @param queueName queue name
 * @param assigneeId agent
 * @param assigneeName agent's name
 * @param tags tags
 * @param severity complaint severity
 * @param rootCause complaint root cause
 * @param slaFirstResponseDueAt when the first public reply is due
 * @param slaResolutionDueAt when resolution is due
 * @param firstRespondedAt first public reply
 * @param resolvedAt last resolution
 * @param closedAt closed
 * @param breached whether a target was missed (or is overdue now)
 * @param firstResponseBreached the first-response target was missed
 * @param resolutionBreached the resolution target was missed
 * @param slaPaused the clock is paused (waiting on the customer)
 * @param slaNextDueAt the next target still running, if any
 * @param slaMinutesLeft business minutes until it (negative when overdue)
 * @param firstResponseMinutes business minutes to the first reply
 * @param resolutionMinutes business minutes to resolution
 * @param reopenCount how often reopened
 * @param createdBy who entered it ({@code 0}: the customer through a public channel)
 * @param createdAt created
 * @param updatedAt changed
 * @param version optimistic lock version, the ETag
 */
public record TicketView(long id, String reference, String subject, String description, Long contactId,
		String contactName, Long accountId, String accountName, String channel, String category, String type,
		String priority, String status, Long queueId, String queueName, Long assigneeId, String assigneeName,
		List<String> tags, String severity, String rootCause, Instant slaFirstResponseDueAt,
		Instant slaResolutionDueAt, Instant firstRespondedAt, Instant resolvedAt, Instant closedAt, boolean breached,
		boolean firstResponseBreached, boolean resolutionBreached, boolean slaPaused, Instant slaNextDueAt,
		Long slaMinutesLeft, Integer firstResponseMinutes, Integer resolutionMinutes, int reopenCount, long createdBy,
		Instant createdAt, Instant updatedAt, long version) {

	@JsonIgnore
	public TicketFields fields() {
		return new TicketFields(subject, description, contactId, accountId, channel, category, type, priority, queueId,
				assigneeId, tags, severity, rootCause);
	}

	@JsonIgnore
	public boolean isUnresolved() {
		return ServiceVocabulary.UNRESOLVED.contains(status);
	}

}
