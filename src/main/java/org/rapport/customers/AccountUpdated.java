package org.rapport.customers;

/**
 * Published when a account was updated, after the change is committed.
 *
 * @param accountId the account
 * @param actorId who did it
 */
public record AccountUpdated(long accountId, long actorId) {
}
