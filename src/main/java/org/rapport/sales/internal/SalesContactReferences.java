package org.rapport.sales.internal;

import org.rapport.customers.ContactReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A contact merge moves the merged contact's deal links, quotes, orders and the leads converted into
 * it to the survivor; a deal that already names the survivor loses the merged contact's link (kept
 * for undo). Orders keep their content (they never change once fulfilled); only whom they belong to
 * follows the merge.
 */
@Component
class SalesContactReferences implements ContactReferences {

	private final JdbcClient jdbc;

	SalesContactReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "sales";
	}

	@Override
	public int reassign(long from, long to, long mergeId) {
		int moved = 0;
		jdbc.sql("""
				insert into sales_contact_moves (merge_id, kind, record_id, from_id, to_id, role, removed)
				select ?, 'deal_contacts', dc.deal_id, dc.contact_id, ?, dc.role,
				  exists (select 1 from deal_contacts s where s.deal_id = dc.deal_id and s.contact_id = ?)
				from deal_contacts dc where dc.contact_id = ?""")
			.params(mergeId, to, to, from)
			.update();
		moved += jdbc.sql("""
				delete from deal_contacts dc using sales_contact_moves m
				where m.merge_id = ? and m.kind = 'deal_contacts' and m.removed and dc.deal_id = m.record_id and dc.contact_id = ?""")
			.params(mergeId, from)
			.update();
		moved += jdbc.sql("update deal_contacts set contact_id = ? where contact_id = ?").params(to, from).update();
		for (String[] t : new String[][] { { "quotes", "contact_id" }, { "orders", "contact_id" },
				{ "leads", "converted_contact_id" } }) {
			jdbc.sql("insert into sales_contact_moves (merge_id, kind, record_id, from_id, to_id) select ?, '" + t[0]
					+ "', id, " + t[1] + ", ? from " + t[0] + " where " + t[1] + " = ?")
				.params(mergeId, to, from)
				.update();
			moved += jdbc.sql("update " + t[0] + " set " + t[1] + " = ?, version = version + 1 where " + t[1] + " = ?")
				.params(to, from)
				.update();
		}
		return moved;
	}

	@Override
	public void undo(long mergeId) {
		jdbc.sql("""
				update deal_contacts dc set contact_id = m.from_id from sales_contact_moves m
				where m.merge_id = ? and m.kind = 'deal_contacts' and not m.removed and dc.deal_id = m.record_id
				  and dc.contact_id = m.to_id""")
			.param(mergeId)
			.update();
		jdbc.sql("""
				insert into deal_contacts (deal_id, contact_id, role)
				select m.record_id, m.from_id, m.role from sales_contact_moves m
				where m.merge_id = ? and m.kind = 'deal_contacts' and m.removed
				on conflict (deal_id, contact_id) do nothing""")
			.param(mergeId)
			.update();
		for (String[] t : new String[][] { { "quotes", "contact_id" }, { "orders", "contact_id" },
				{ "leads", "converted_contact_id" } }) {
			jdbc.sql("update " + t[0] + " r set " + t[1] + " = m.from_id, version = r.version + 1 from sales_contact_moves m "
					+ "where m.merge_id = ? and m.kind = '" + t[0] + "' and m.record_id = r.id")
				.param(mergeId)
				.update();
		}
		jdbc.sql("delete from sales_contact_moves where merge_id = ?").param(mergeId).update();
	}

}
