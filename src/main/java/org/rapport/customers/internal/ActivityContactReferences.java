package org.rapport.customers.internal;

import org.rapport.customers.ContactReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merge moves the merged contact's activities (calls, meetings, notes, tasks) to the survivor. */
@Component
class ActivityContactReferences implements ContactReferences {

	private final JdbcClient jdbc;

	ActivityContactReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "activities";
	}

	@Override
	public int reassign(long fromContact, long toContact, long mergeId) {
		jdbc.sql("""
				insert into contact_merge_moves (merge_id, kind, record_id, from_id)
				select ?, 'activities', id, contact_id from activities where contact_id = ?""")
			.params(mergeId, fromContact)
			.update();
		return jdbc.sql("update activities set contact_id = ?, version = version + 1 where contact_id = ?")
			.params(toContact, fromContact)
			.update();
	}

	@Override
	public void undo(long mergeId) {
		jdbc.sql("""
				update activities a set contact_id = m.from_id, version = a.version + 1
				from contact_merge_moves m where m.merge_id = ? and m.kind = 'activities' and m.record_id = a.id""")
			.param(mergeId)
			.update();
		jdbc.sql("delete from contact_merge_moves where merge_id = ? and kind = 'activities'").param(mergeId).update();
	}

}
