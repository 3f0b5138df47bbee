package org.rapport.customers;

/**
 * Published when a contact was deleted, after the change is committed.
 *
 * @param contactId the contact
 * @param actorId who did it
 */
public record ContactDeleted(long contactId, long actorId) {
}
