package org.rapport.customers;

import java.time.Instant;

/**
 * An activity list request. A timeline is the activities of one contact or account, newest first.
 *
 * @param contactId of this contact
 * @param accountId of this account (including its contacts' activities)
 * @param type only this type
 * @param status only tasks in this status
 * @param ownerId only this owner's
 * @param dueBefore only tasks due before this instant
 * @param limit page size, 1 to 200 (25 by default)
 * @param cursor position from the previous page's {@code nextCursor}
 */
public record ActivityQuery(Long contactId, Long accountId, String type, String status, Long ownerId,
		Instant dueBefore, Integer limit, String cursor) {

	public static ActivityQuery timelineOfContact(long contactId) {
		return new ActivityQuery(contactId, null, null, null, null, null, null, null);
	}

	public static ActivityQuery timelineOfAccount(long accountId) {
		return new ActivityQuery(null, accountId, null, null, null, null, null, null);
	}

}
