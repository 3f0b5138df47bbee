package org.rapport.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing. After {@value #MAX_FAILURES} failed sign-ins for one user name within
 * {@link #WINDOW}, further attempts are refused for a lock-out that doubles with each further failure
 * (from one minute up to an hour). The count lives in the database, so every node applies it.
 */
@Component
public class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration FIRST_LOCKOUT = Duration.ofMinutes(1);

	static final Duration MAX_LOCKOUT = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	static String key(String username) {
		return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
	}

	/** When the user name is locked out, until when. */
	@Transactional(readOnly = true)
	public Optional<Instant> lockedUntil(String username) {
		Instant now = clock.instant();
		return jdbc.sql("select locked_until from login_throttle where key = ?")
			.param(key(username))
			.query((rs, i) -> rs.getTimestamp(1))
			.optional()
			.map(Timestamp::toInstant)
			.filter(until -> until.isAfter(now));
	}

	/** Counts a failure in its own transaction, so it sticks even when the sign-in request fails. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String username) {
		Instant now = clock.instant();
		String key = key(username);
		jdbc.sql("""
				insert into login_throttle (key, failures, first_failure) values (?, 1, ?)
				on conflict (key) do update set
				  failures = case when login_throttle.first_failure < ? then 1 else login_throttle.failures + 1 end,
				  first_failure = case when login_throttle.first_failure < ? then excluded.first_failure
				                       else login_throttle.first_failure end""")
			.params(key, Timestamp.from(now), Timestamp.from(now.minus(WINDOW)), Timestamp.from(now.minus(WINDOW)))
			.update();
		int failures = jdbc.sql("select failures from login_throttle where key = ?").param(key).query(Integer.class)
			.single();
		if (failures >= MAX_FAILURES) {
			long factor = 1L << Math.min(failures - MAX_FAILURES, 10);
			Duration lockout = FIRST_LOCKOUT.multipliedBy(factor);
			if (lockout.compareTo(MAX_LOCKOUT) > 0) {
				lockout = MAX_LOCKOUT;
			}
			jdbc.sql("update login_throttle set locked_until = ?, first_failure = ? where key = ?")
				.params(Timestamp.from(now.plus(lockout)), Timestamp.from(now), key)
				.update();
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String username) {
		jdbc.sql("delete from login_throttle where key = ?").param(key(username)).update();
	}

}
