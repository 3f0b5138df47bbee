package org.rapport.service;

import org.rapport.platform.AccessScope;
import org.rapport.platform.Actor;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.data.SqlQuery;

import org.springframework.stereotype.Component;

/**
 * Who sees and works which tickets, as a Java check and as the matching SQL: admins, marketers and
 * analysts see all (only admins and agents change them); a manager sees the tickets assigned to or
 * entered by their team and those in their team's queues; an agent (or sales rep) sees the tickets
 * assigned to them or entered by them, and the unassigned ones in their team's queues. Shares come on
 * top. Marketers and analysts never change tickets.
 */
@Component
class TicketAccess {

	static final String TYPE = "ticket";

	private final RecordAccess access;

	TicketAccess(RecordAccess access) {
		this.access = access;
	}

	/** The ticket's fields that decide access. */
	record Owners(long id, Long assigneeId, long createdBy, Long queueTeamId) {
	}

	AccessScope scope(Actor actor) {
		return access.scope(actor);
	}

	boolean canSee(Actor actor, Owners t) {
		AccessScope scope = access.scope(actor);
		return byRole(actor, scope, t) || access.sharedAccess(TYPE, t.id(), actor.id()).isPresent();
	}

	boolean canEdit(Actor actor, Owners t) {
		if (!actor.role().editsCustomers()) {
			return false;
		}
		AccessScope scope = access.scope(actor);
		return byRole(actor, scope, t) || access.sharedAccess(TYPE, t.id(), actor.id()).filter("edit"::equals).isPresent();
	}

	private static boolean byRole(Actor actor, AccessScope scope, Owners t) {
		if (scope.all()) {
			return true;
		}
		boolean myQueue = actor.teamId() != null && actor.teamId().equals(t.queueTeamId());
		if (scope.kind() == AccessScope.Kind.TEAM) {
			return (t.assigneeId() != null && scope.owns(t.assigneeId())) || scope.owns(t.createdBy()) || myQueue;
		}
		return (t.assigneeId() != null && t.assigneeId() == actor.id()) || t.createdBy() == actor.id()
				|| (t.assigneeId() == null && myQueue);
	}

	/** SQL over {@code tickets t left join service_queues q}: the rows the actor may see. */
	String visible(Actor actor, SqlQuery q) {
		AccessScope scope = access.scope(actor);
		if (scope.all()) {
			return "true";
		}
		String shared = "exists (select 1 from record_shares s where s.entity_type = 'ticket' and s.entity_id = t.id"
				+ " and s.user_id = " + q.param(actor.id()) + ")";
		String myQueue = actor.teamId() == null ? "false" : "q.team_id = " + q.param(actor.teamId());
		if (scope.kind() == AccessScope.Kind.TEAM) {
			String team = q.param(scope.ownerIds().toArray(Long[]::new));
			return "(t.assignee_id = any(" + team + ") or t.created_by = any(" + team + ") or " + myQueue + " or "
					+ shared + ")";
		}
		String me = q.param(actor.id());
		return "(t.assignee_id = " + me + " or t.created_by = " + me + " or (t.assignee_id is null and " + myQueue
				+ ") or " + shared + ")";
	}

}
