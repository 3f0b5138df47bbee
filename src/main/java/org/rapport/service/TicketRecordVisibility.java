package org.rapport.service;

import org.rapport.platform.Actor;
import org.rapport.platform.RecordVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells platform features (the audit history) whether an actor may see a ticket. */
@Component
class TicketRecordVisibility implements RecordVisibility {

	private final JdbcClient jdbc;

	private final TicketAccess access;

	TicketRecordVisibility(JdbcClient jdbc, TicketAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public boolean supports(String entityType) {
		return TicketAccess.TYPE.equals(entityType);
	}

	@Override
	public boolean canSee(Actor actor, String entityType, String entityId) {
		long id;
		try {
			id = Long.parseLong(entityId);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		return jdbc.sql("""
				select t.id, t.assignee_id, t.created_by, q.team_id from tickets t
				left join service_queues q on q.id = t.queue_id where t.id = ?""")
			.param(id)
			.query((rs, i) -> new TicketAccess.Owners(rs.getLong(1), TicketManagement.longOrNull(rs, "assignee_id"),
					rs.getLong(3), TicketManagement.longOrNull(rs, "team_id")))
			.optional()
			.map(o -> access.canSee(actor, o))
			.orElse(access.scope(actor).all());
	}

}
