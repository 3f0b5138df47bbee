package org.rapport.customers;

/**
 * Published when a contact was updated, after the change is committed.
 *
 * @param contactId the contact
 * @param actorId who did it
 */
public record ContactUpdated(long contactId, long actorId) {
}
