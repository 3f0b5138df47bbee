package org.rapport.platform;

/** What a user may do in Rapport; every user has exactly one role. */
public enum Role {

	/** Sees and changes everything, manages users and settings. */
	ADMIN,
	/** Sees and changes the records owned by members of their team. */
	MANAGER,
	/** Sees and changes the records they own or that are shared with them. */
	SALES_REP,
	/** Like a sales rep, for service work. */
	SUPPORT_AGENT,
	/** Reads every customer record, changes none. */
	MARKETER,
	/** Reads every customer record with e-mail addresses and phone numbers masked, changes none. */
	ANALYST;

	public boolean readsEverything() {
		return this == ADMIN || this == MARKETER || this == ANALYST;
	}

	public boolean editsCustomers() {
		return this != MARKETER && this != ANALYST;
	}

	public boolean seesContactDetailsMasked() {
		return this == ANALYST;
	}

}
