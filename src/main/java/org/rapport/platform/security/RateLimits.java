package org.rapport.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window rate limits kept in the database, so every node of a cluster counts the same hits
 * (e.g. public form posts per IP address).
 */
@Component
public class RateLimits {

	private final JdbcClient jdbc;

	private final Clock clock;

	RateLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Counts a hit on {@code key}; whether it is within {@code limit} hits per {@code window}. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean allow(String key, int limit, Duration window) {
		Instant now = clock.instant();
		long bucket = now.toEpochMilli() / window.toMillis();
		Instant start = Instant.ofEpochMilli(bucket * window.toMillis());
		int hits = jdbc.sql("""
				insert into rate_limits (key, window_start, hits) values (?, ?, 1)
				on conflict (key) do update set
				  hits = case when rate_limits.window_start = excluded.window_start then rate_limits.hits + 1 else 1 end,
				  window_start = excluded.window_start
				returning hits""")
			.params(key, Timestamp.from(start))
			.query(Integer.class)
			.single();
		return hits <= limit;
	}

}
