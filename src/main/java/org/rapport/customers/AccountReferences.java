package org.rapport.customers;

/**
 * Records of some module that point at accounts, moved when two accounts are merged. Every module
 * holding account references implements it as a Spring bean (customers: contacts and activities;
 * sales: deals, quotes, orders, converted leads; service: tickets). The data module's merge calls
 * every bean inside the merge transaction, before the merged account is removed, and {@link #undo}
 * inside the undo transaction, after it is restored. Each implementation keeps its own record of
 * what it moved under the merge id, in its own tables, so that undo puts back exactly those records.
 */
public interface AccountReferences {

	/** A short name for reports and logs ("contacts", "sales"). */
	String kind();

	/**
	 * Points every record referring to {@code fromAccount} at {@code toAccount}, remembering each
	 * move under {@code mergeId}.
	 *
	 * @return how many records were moved
	 */
	int reassign(long fromAccount, long toAccount, long mergeId);

	/** Moves back what {@link #reassign} moved under this merge id (idempotent). */
	void undo(long mergeId);

}
