package org.rapport.customers;

/**
 * Published when a account was created, after the change is committed.
 *
 * @param accountId the account
 * @param actorId who did it
 */
public record AccountCreated(long accountId, long actorId) {
}
