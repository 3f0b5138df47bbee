package org.rapport.customers.internal;

import java.util.Set;

import org.rapport.platform.Actor;
import org.rapport.platform.RecordVisibility;
import org.rapport.platform.access.RecordAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells platform features (the audit history) whether an actor may see an account, contact or activity. */
@Component
class CustomerRecordVisibility implements RecordVisibility {

	private static final Set<String> TYPES = Set.of("account", "contact", "activity");

	private final JdbcClient jdbc;

	private final RecordAccess access;

	CustomerRecordVisibility(JdbcClient jdbc, RecordAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public boolean supports(String entityType) {
		return TYPES.contains(entityType);
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
		if (entityType.equals("activity")) {
			return jdbc.sql("select owner_id, contact_id, account_id from activities where id = ?").param(id)
				.query((rs, i) -> rs.getLong(1) == actor.id() || visible(actor, "contact", rs.getLong(2))
						|| visible(actor, "account", rs.getLong(3)))
				.optional()
				.orElse(access.scope(actor).all());
		}
		return visible(actor, entityType, id);
	}

	private boolean visible(Actor actor, String type, long id) {
		if (id == 0) {
			return false;
		}
		String table = type.equals("contact") ? "contacts" : "accounts";
		return jdbc.sql("select owner_id from " + table + " where id = ?").param(id).query(Long.class).optional()
			.map(owner -> access.canSee(actor, type, id, owner))
			// a deleted record's history stays readable for those who see everything
			.orElse(access.scope(actor).all());
	}

}
