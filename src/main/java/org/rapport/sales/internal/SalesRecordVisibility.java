package org.rapport.sales.internal;

import java.util.Map;

import org.rapport.platform.Actor;
import org.rapport.platform.RecordVisibility;
import org.rapport.platform.access.RecordAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells platform features (the audit history) whether an actor may see a lead, deal, quote or order. */
@Component
class SalesRecordVisibility implements RecordVisibility {

	private static final Map<String, String> TABLES = Map.of("lead", "leads", "deal", "deals", "quote", "quotes", "order",
			"orders");

	private final JdbcClient jdbc;

	private final RecordAccess access;

	SalesRecordVisibility(JdbcClient jdbc, RecordAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public boolean supports(String entityType) {
		return TABLES.containsKey(entityType);
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
		return jdbc.sql("select owner_id from " + TABLES.get(entityType) + " where id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.map(owner -> access.canSee(actor, entityType, id, owner))
			// a deleted record's history stays readable for those who see everything
			.orElse(access.scope(actor).all());
	}

}
