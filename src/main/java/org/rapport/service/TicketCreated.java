package org.rapport.service;

/**
 * A ticket was opened.
 *
 * @param ticketId the ticket
 * @param contactId its contact, if any
 */
public record TicketCreated(long ticketId, Long contactId) {
}
