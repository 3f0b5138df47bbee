package org.rapport.service.internal;

import org.rapport.customers.AccountReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An account merge moves the merged account's tickets to the survivor, so its service history and
 * figures include them; undo moves back exactly what was moved.
 */
@Component
class TicketAccountReferences implements AccountReferences {

	private final JdbcClient jdbc;

	TicketAccountReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "service";
	}

	@Override
	public int reassign(long fromAccount, long toAccount, long mergeId) {
		jdbc.sql("""
				insert into service_account_moves (merge_id, kind, record_id, from_id)
				select ?, 'tickets', id, account_id from tickets where account_id = ?""")
			.params(mergeId, fromAccount)
			.update();
		// tickets carry a version (their ETag), so a client holding the old one learns of the move
		return jdbc.sql("update tickets set account_id = ?, version = version + 1 where account_id = ?")
			.params(toAccount, fromAccount)
			.update();
	}

	@Override
	public void undo(long mergeId) {
		jdbc.sql("""
				update tickets r set account_id = m.from_id, version = r.version + 1 from service_account_moves m
				where m.merge_id = ? and m.kind = 'tickets' and m.record_id = r.id""")
			.param(mergeId)
			.update();
		jdbc.sql("delete from service_account_moves where merge_id = ?").param(mergeId).update();
	}

}
