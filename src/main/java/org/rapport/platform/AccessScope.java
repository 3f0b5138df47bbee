package org.rapport.platform;

import java.util.List;

/**
 * Which owned records an actor may see, as decided by their role: all of them, those owned by
 * members of their team, or their own. Records shared with the actor come on top of the last two.
 *
 * @param kind the breadth of the scope
 * @param actorId the actor
 * @param ownerIds for {@link Kind#TEAM}: the ids of the team's members
 */
public record AccessScope(Kind kind, long actorId, List<Long> ownerIds) {

	public enum Kind {

		ALL, TEAM, OWN

	}

	public AccessScope {
		ownerIds = List.copyOf(ownerIds);
	}

	public boolean all() {
		return kind == Kind.ALL;
	}

	/** Whether a record with this owner is in scope by ownership alone (sharing not considered). */
	public boolean owns(long ownerId) {
		return switch (kind) {
			case ALL -> true;
			case TEAM -> ownerIds.contains(ownerId);
			case OWN -> ownerId == actorId;
		};
	}

}
