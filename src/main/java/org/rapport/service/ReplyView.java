package org.rapport.service;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One message on a ticket's thread.
 *
 * @param id id
 * @param ticketId the ticket
 * @param parentId the message it answers, if any
 * @param body text (mail HTML already reduced to text)
 * @param isPublic a public reply (sent to the customer) or an internal note
 * @param authorKind agent, customer or system
 * @param authorId the agent
 * @param authorName the agent's name or the customer's address
 * @param feedback free-text feedback the customer left on the ticket
 * @param createdAt when
 */
public record ReplyView(long id, long ticketId, Long parentId, String body, @JsonProperty("public") boolean isPublic, String authorKind,
		Long authorId, String authorName, boolean feedback, Instant createdAt) {
}
