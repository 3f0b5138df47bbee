package org.rapport.customers;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An activity on the timeline.
 *
 * @param id id
 * @param type call, meeting, email, note or task
 * @param subject subject
 * @param body notes
 * @param occurredAt when
 * @param durationMinutes duration
 * @param outcome outcome
 * @param dueAt due (tasks)
 * @param status open, done or cancelled (tasks)
 * @param completedAt when a task was done
 * @param contactId contact
 * @param contactName contact's display name
 * @param accountId account
 * @param accountName account's name
 * @param ownerId owner
 * @param ownerName owner's display name
 * @param createdAt created
 * @param updatedAt last changed
 * @param version optimistic lock version, the ETag
 */
public record ActivityView(long id, String type, String subject, String body, Instant occurredAt,
		Integer durationMinutes, String outcome, Instant dueAt, String status, Instant completedAt, Long contactId,
		String contactName, Long accountId, String accountName, long ownerId, String ownerName, Instant createdAt,
		Instant updatedAt, long version) {

	@JsonIgnore
	public ActivityFields fields() {
		return new ActivityFields(type, subject, body, occurredAt, durationMinutes, outcome, dueAt, status, contactId,
				accountId, ownerId);
	}

	@JsonIgnore
	public boolean isOpenTask() {
		return "task".equals(type) && "open".equals(status);
	}

	@JsonIgnore
	public boolean isOverdue() {
		return isOpenTask() && dueAt != null && dueAt.isBefore(Instant.now());
	}

}
