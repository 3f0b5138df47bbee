package org.rapport.customers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An account merge moves the merged account's contacts (their company name follows) and the
 * activities logged on it to the survivor; undo moves back exactly those. In the base package
 * because the contacts' company name and search text are kept by {@link ContactManagement}.
 */
@Component
class CustomerAccountReferences implements AccountReferences {

	private final JdbcClient jdbc;

	private final ContactManagement contacts;

	CustomerAccountReferences(JdbcClient jdbc, ContactManagement contacts) {
		this.jdbc = jdbc;
		this.contacts = contacts;
	}

	@Override
	public String kind() {
		return "customers";
	}

	@Override
	public int reassign(long fromAccount, long toAccount, long mergeId) {
		int moved = 0;
		for (String table : new String[] { "contacts", "activities" }) {
			jdbc.sql("insert into account_merge_moves (merge_id, kind, record_id, from_id) select ?, '" + table
					+ "', id, account_id from " + table + " where account_id = ?")
				.params(mergeId, fromAccount)
				.update();
			moved += jdbc.sql("update " + table + " set account_id = ?, version = version + 1 where account_id = ?")
				.params(toAccount, fromAccount)
				.update();
		}
		name(toAccount);
		return moved;
	}

	@Override
	public void undo(long mergeId) {
		for (String table : new String[] { "contacts", "activities" }) {
			jdbc.sql("update " + table + " r set account_id = m.from_id, version = r.version + 1 from account_merge_moves m "
					+ "where m.merge_id = ? and m.kind = '" + table + "' and m.record_id = r.id")
				.param(mergeId)
				.update();
		}
		jdbc.sql("select distinct from_id from account_merge_moves where merge_id = ? and kind = 'contacts'")
			.param(mergeId)
			.query(Long.class)
			.list()
			.forEach(this::name);
		jdbc.sql("delete from account_merge_moves where merge_id = ?").param(mergeId).update();
	}

	/** The account's contacts carry its name as their company (and find it in search). */
	private void name(long account) {
		jdbc.sql("select name from accounts where id = ?")
			.param(account)
			.query(String.class)
			.optional()
			.ifPresent(name -> contacts.companiesRenamed(java.util.Map.of(account, name)));
	}

}
