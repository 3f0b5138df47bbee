package org.rapport.platform;

import java.time.Instant;
import java.util.List;

/**
 * The append-only audit log. Business modules record every create, update, delete and access-rule
 * change in the same transaction as the change itself.
 */
public interface AuditTrail {

	/** Appends an entry for the current actor, chained to the previous entry. */
	void record(AuditEvent event);

	/** Entries about one record, newest first, before {@code beforeId} when given. */
	List<AuditRecord> history(String entityType, String entityId, int limit, Long beforeId);

	/** Re-computes the whole chain and reports the first break, if any. */
	ChainVerification verify();

	/**
	 * What happened to a record.
	 *
	 * @param action create, update, delete, share, unshare…
	 * @param entityType e.g. {@code contact}
	 * @param entityId the record's id
	 * @param summary a short human description (e.g. the record's name), never personal contact data
	 * @param changes field changes, personal values already masked
	 */
	record AuditEvent(String action, String entityType, String entityId, String summary, List<FieldChange> changes) {

		public AuditEvent {
			changes = List.copyOf(changes);
		}

	}

	/**
	 * One field's change.
	 *
	 * @param field the API name of the field
	 * @param from value before ({@code null} when absent)
	 * @param to value after ({@code null} when absent)
	 */
	record FieldChange(String field, String from, String to) {
	}

	/**
	 * A stored entry.
	 *
	 * @param id position in the chain
	 * @param occurredAt when
	 * @param actorId who ({@code 0} for the system)
	 * @param actorName their name at the time
	 * @param action what
	 * @param entityType record type
	 * @param entityId record id
	 * @param summary short description
	 * @param changes field changes
	 * @param hash this entry's chained hash
	 */
	record AuditRecord(long id, Instant occurredAt, Long actorId, String actorName, String action, String entityType,
			String entityId, String summary, List<FieldChange> changes, String hash) {
	}

	/**
	 * The result of re-computing the hash chain.
	 *
	 * @param intact whether every entry is as written and none is missing in between
	 * @param checked how many entries were checked
	 * @param firstBrokenId the first entry that does not verify, if any
	 * @param reason why it does not verify
	 * @param checkedAt when the check ran
	 */
	record ChainVerification(boolean intact, long checked, Long firstBrokenId, String reason, Instant checkedAt) {
	}

}
