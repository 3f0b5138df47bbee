package org.rapport.service;

/**
 * A ticket missed an SLA target and was escalated (once per missed target).
 *
 * @param ticketId the ticket
 * @param kind first_response or resolution
 * @param priority the priority it was raised to
 * @param assigneeId who it was handed to (the queue lead), if anyone
 */
public record TicketEscalated(long ticketId, String kind, String priority, Long assigneeId) {
}
