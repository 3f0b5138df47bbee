package org.rapport.customers;

/**
 * Published when a contact was created, after the change is committed.
 *
 * @param contactId the contact
 * @param actorId who did it
 */
public record ContactCreated(long contactId, long actorId) {
}
