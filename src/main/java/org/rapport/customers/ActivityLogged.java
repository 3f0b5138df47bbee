package org.rapport.customers;

/**
 * Published when an activity was added to a timeline.
 *
 * @param activityId the activity
 * @param type its type
 * @param contactId its contact, if any
 * @param accountId its account, if any
 */
public record ActivityLogged(long activityId, String type, Long contactId, Long accountId) {
}
