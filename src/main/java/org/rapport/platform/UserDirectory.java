package org.rapport.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What business modules may know of users and teams. */
public interface UserDirectory {

	/** The access scope of an actor, from their role and team. */
	AccessScope scopeOf(Actor actor);

	Optional<UserSummary> find(long userId);

	/** Display names by user id, for showing owners in lists. */
	Map<Long, String> displayNames(Collection<Long> userIds);

	/** Enabled users, for owner pickers. */
	List<UserSummary> activeUsers();

	/** A team's name. */
	Optional<String> teamName(long teamId);

	/** Enabled members of a team, by id. */
	List<UserSummary> teamMembers(long teamId);

	/**
	 * A user as others see them.
	 *
	 * @param id user id
	 * @param username login name
	 * @param displayName shown name
	 * @param role role
	 * @param teamId team id, if any
	 * @param teamName team name, if any
	 * @param enabled whether the user may sign in
	 */
	record UserSummary(long id, String username, String displayName, Role role, Long teamId, String teamName,
			boolean enabled) {
	}

}
