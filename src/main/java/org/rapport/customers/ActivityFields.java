package org.rapport.customers;

import java.time.Instant;

/**
 * Everything a user sets on an activity.
 *
 * @param type one of {@link Vocabulary#ACTIVITY_TYPES}
 * @param subject what it was about (required)
 * @param body notes, e-mail text
 * @param occurredAt when it happened or is planned; now when {@code null}
 * @param durationMinutes how long
 * @param outcome result of a call or meeting
 * @param dueAt for tasks: when due
 * @param status for tasks: open, done or cancelled
 * @param contactId the contact; with or instead of the account
 * @param accountId the account; taken from the contact when {@code null}
 * @param ownerId who does it; the creator when {@code null}
 */
public record ActivityFields(String type, String subject, String body, Instant occurredAt, Integer durationMinutes,
		String outcome, Instant dueAt, String status, Long contactId, Long accountId, Long ownerId) {
}
