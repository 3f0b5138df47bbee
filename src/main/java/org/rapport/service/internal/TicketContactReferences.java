package org.rapport.service.internal;

import org.rapport.customers.ContactReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A contact merge moves the merged contact's tickets and survey answers to the survivor, so the
 * survivor's service history and figures include them; undo moves back exactly what was moved.
 */
@Component
class TicketContactReferences implements ContactReferences {

	private static final String[] TABLES = { "tickets", "surveys" };

	private final JdbcClient jdbc;

	TicketContactReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "service";
	}

	@Override
	public int reassign(long fromContact, long toContact, long mergeId) {
		int moved = 0;
		for (String table : TABLES) {
			jdbc.sql("insert into service_contact_moves (merge_id, kind, record_id, from_id) select ?, '" + table
					+ "', id, contact_id from " + table + " where contact_id = ?")
				.params(mergeId, fromContact)
				.update();
			moved += jdbc.sql("update " + table + " r set contact_id = ?" + versionBump(table) + " where r.contact_id = ?")
				.params(toContact, fromContact)
				.update();
		}
		return moved;
	}

	@Override
	public void undo(long mergeId) {
		for (String table : TABLES) {
			jdbc.sql("update " + table + " r set contact_id = m.from_id" + versionBump(table)
					+ " from service_contact_moves m where m.merge_id = ? and m.kind = '" + table + "' and m.record_id = r.id")
				.param(mergeId)
				.update();
		}
		jdbc.sql("delete from service_contact_moves where merge_id = ?").param(mergeId).update();
	}

	/** Tickets carry a version (their ETag), so a client holding the old one learns of the move. */
	private static String versionBump(String table) {
		return "tickets".equals(table) ? ", version = r.version + 1" : "";
	}

}
