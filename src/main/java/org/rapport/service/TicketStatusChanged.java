package org.rapport.service;

/**
 * A ticket moved from one status to another.
 *
 * @param ticketId the ticket
 * @param from the status before
 * @param to the status now
 */
public record TicketStatusChanged(long ticketId, String from, String to) {
}
