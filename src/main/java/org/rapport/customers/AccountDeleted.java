package org.rapport.customers;

/**
 * Published when a account was deleted, after the change is committed.
 *
 * @param accountId the account
 * @param actorId who did it
 */
public record AccountDeleted(long accountId, long actorId) {
}
