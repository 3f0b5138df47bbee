package org.rapport.platform;

import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user on whose behalf Rapport acts: the signed-in user of a request, or the system itself
 * for start-up work and scheduled jobs.
 *
 * @param id user id ({@code 0} for the system)
 * @param username login name
 * @param displayName name shown to people
 * @param role the user's one role
 * @param teamId the user's team, if any
 */
public record Actor(long id, String username, String displayName, Role role, Long teamId)
		implements Principal, Serializable {

	/** Rapport itself: demo data, migrations, jobs. Sees everything. */
	public static final Actor SYSTEM = new Actor(0, "system", "Rapport", Role.ADMIN, null);

	private static final ThreadLocal<Actor> RUNNING_AS = new ThreadLocal<>();

	/** The actor of the current thread: the authenticated user, or the one set by {@link #runAs}. */
	public static Actor current() {
		return find().orElseThrow(() -> new IllegalStateException("No authenticated user on this thread"));
	}

	public static Optional<Actor> find() {
		Actor explicit = RUNNING_AS.get();
		if (explicit != null) {
			return Optional.of(explicit);
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof Actor actor) {
			return Optional.of(actor);
		}
		return Optional.empty();
	}

	/** Runs work as the given actor on this thread (jobs, start-up tasks). */
	public static void runAs(Actor actor, Runnable work) {
		Actor previous = RUNNING_AS.get();
		RUNNING_AS.set(actor);
		try {
			work.run();
		}
		finally {
			if (previous == null) {
				RUNNING_AS.remove();
			}
			else {
				RUNNING_AS.set(previous);
			}
		}
	}

	/** Runs work as the given actor on this thread, as {@link #runAs}, and returns its result. */
	public static <T> T callAs(Actor actor, Supplier<T> work) {
		List<T> result = new ArrayList<>(1);
		runAs(actor, () -> result.add(work.get()));
		return result.get(0);
	}

	/**
	 * The user name, as the name of the authentication: what the session store records as the session's
	 * principal (so a user's sessions can be found and ended), never the record's whole text.
	 */
	@Override
	public String getName() {
		return username;
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

	public boolean isSystem() {
		return id == 0;
	}

}
