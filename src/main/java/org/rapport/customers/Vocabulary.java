package org.rapport.customers;

import java.util.List;

/** The fixed code lists of the customers module; labels live in the message bundles. */
public final class Vocabulary {

	private Vocabulary() {
	}

	/** Where a contact is in the customer lifecycle, in order. */
	public static final List<String> LIFECYCLE_STAGES = List.of("subscriber", "lead", "mql", "sql", "opportunity",
			"customer", "evangelist", "other");

	/** Company size by number of employees. */
	public static final List<String> ACCOUNT_SIZES = List.of("1-10", "11-50", "51-200", "201-1000", "1001-5000",
			"5001+");

	public static final List<String> ACTIVITY_TYPES = List.of("call", "meeting", "email", "note", "task");

	public static final List<String> TASK_STATUSES = List.of("open", "done", "cancelled");

	public static final List<String> CUSTOM_FIELD_TYPES = List.of("text", "number", "date", "choice");

	public static final List<String> SHARE_ACCESS = List.of("read", "edit");

}
