package org.rapport.sales.internal;

import org.rapport.customers.AccountReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An account merge moves the merged account's deals, quotes, orders and the leads converted into it
 * to the survivor. Orders keep their content (fulfilled ones never change); only whom they belong to
 * follows the merge. Undo moves back exactly what was moved.
 */
@Component
class SalesAccountReferences implements AccountReferences {

	private static final String[][] TABLES = { { "deals", "account_id" }, { "quotes", "account_id" },
			{ "orders", "account_id" }, { "leads", "converted_account_id" } };

	private final JdbcClient jdbc;

	SalesAccountReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "sales";
	}

	@Override
	public int reassign(long from, long to, long mergeId) {
		int moved = 0;
		for (String[] t : TABLES) {
			jdbc.sql("insert into sales_account_moves (merge_id, kind, record_id, from_id) select ?, '" + t[0] + "', id, "
					+ t[1] + " from " + t[0] + " where " + t[1] + " = ?")
				.params(mergeId, from)
				.update();
			moved += jdbc.sql("update " + t[0] + " set " + t[1] + " = ?, version = version + 1 where " + t[1] + " = ?")
				.params(to, from)
				.update();
		}
		return moved;
	}

	@Override
	public void undo(long mergeId) {
		for (String[] t : TABLES) {
			jdbc.sql("update " + t[0] + " r set " + t[1] + " = m.from_id, version = r.version + 1 from sales_account_moves m "
					+ "where m.merge_id = ? and m.kind = '" + t[0] + "' and m.record_id = r.id")
				.param(mergeId)
				.update();
		}
		jdbc.sql("delete from sales_account_moves where merge_id = ?").param(mergeId).update();
	}

}
