package org.rapport.customers;

/**
 * Records of some module that point at contacts, moved when two contacts are merged. Every module
 * holding contact references implements it as a Spring bean (customers: activities; sales: deals,
 * quotes, orders, converted leads; service: tickets…). The data module's merge calls every bean
 * inside the merge transaction, and {@link #undo} inside the undo transaction. Each implementation
 * keeps its own record of what it moved under the merge id, in its own tables, so that undo puts
 * back exactly those records and nothing else.
 */
public interface ContactReferences {

	/** A short name for reports and logs ("activities", "sales"). */
	String kind();

	/**
	 * Points every record referring to {@code fromContact} at {@code toContact}, remembering each
	 * move under {@code mergeId}.
	 *
	 * @return how many records were moved
	 */
	int reassign(long fromContact, long toContact, long mergeId);

	/** Moves back what {@link #reassign} moved under this merge id (idempotent). */
	void undo(long mergeId);

}
