package org.rapport.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the REST API. A token is 32 random bytes shown once; only its SHA-256 is stored,
 * so a database leak yields no usable token. Owners and admins list and revoke them.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "rpt_";

	static final Duration DEFAULT_TTL = Duration.ofDays(30);

	static final Duration MAX_TTL = Duration.ofDays(366);

	/** last_used_at is written at most this often per token, not on every request. */
	static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	ApiTokens(JdbcClient jdbc, Clock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * A token as listed (never with its secret).
	 *
	 * @param id id
	 * @param userId owner
	 * @param name what it is for
	 * @param prefix first characters, to recognise it
	 * @param createdAt created
	 * @param expiresAt expires
	 * @param lastUsedAt last used, to the minute
	 * @param revokedAt revoked, if so
	 */
	public record TokenInfo(long id, long userId, String name, String prefix, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt, Instant revokedAt) {
	}

	/**
	 * A new token, its secret shown this once.
	 *
	 * @param token the secret to send as {@code Authorization: Bearer}
	 * @param info the stored description
	 */
	public record IssuedToken(String token, TokenInfo info) {
	}

	@Transactional
	public IssuedToken issue(Actor owner, String name, Integer ttlDays) {
		Duration ttl = ttlDays == null ? DEFAULT_TTL : Duration.ofDays(ttlDays);
		if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
			throw InvalidInput.of("expiresInDays", "out-of-range", "From 1 to " + MAX_TTL.toDays() + " days");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		String label = name == null || name.isBlank() ? "API token" : name.strip();
		long id = jdbc.sql("""
				insert into api_tokens (user_id, name, token_hash, token_prefix, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(owner.id(), label, sha256(token), token.substring(0, 10), Timestamp.from(now),
					Timestamp.from(now.plus(ttl)))
			.query(Long.class)
			.single();
		Actor.runAs(owner, () -> audit.record(new AuditEvent("create", "api-token", Long.toString(id), label,
				List.of(new AuditTrail.FieldChange("expiresAt", null, now.plus(ttl).toString())))));
		return new IssuedToken(token, get(id));
	}

	/**
	 * The actor a presented token stands for, if it is valid, unexpired, unrevoked and its user enabled. Not a
	 * transaction: the lookup and the occasional touch of {@code last_used_at} each commit alone, which spares every
	 * API request a round trip to the database for the commit.
	 */
	public Optional<Actor> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		record Found(long tokenId, Instant lastUsed, Actor actor) {
		}
		// the function plans its query once per connection (generic plan), not once per request: see its migration
		Optional<Found> found = jdbc.sql("select * from api_token_actor(?, ?)")
			.params(sha256(token), Timestamp.from(now))
			.query((rs, i) -> {
				long team = rs.getLong("team_id");
				Long teamId = rs.wasNull() ? null : team;
				Timestamp last = rs.getTimestamp("last_used_at");
				return new Found(rs.getLong("token_id"), last == null ? null : last.toInstant(),
						new Actor(rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name"),
								Role.valueOf(rs.getString("role")), teamId));
			})
			.optional();
		found.filter(f -> f.lastUsed() == null || f.lastUsed().isBefore(now.minus(TOUCH_INTERVAL)))
			.ifPresent(f -> jdbc.sql("update api_tokens set last_used_at = ? where id = ?")
				.params(Timestamp.from(now), f.tokenId())
				.update());
		return found.map(Found::actor);
	}

	@Transactional(readOnly = true)
	public List<TokenInfo> list(Actor actor, Long userId) {
		if (actor.isAdmin()) {
			return jdbc.sql("select * from api_tokens where (cast(? as bigint) is null or user_id = ?) order by id desc")
				.params(userId, userId)
				.query(ApiTokens::map)
				.list();
		}
		return jdbc.sql("select * from api_tokens where user_id = ? order by id desc").param(actor.id())
			.query(ApiTokens::map).list();
	}

	@Transactional
	public TokenInfo revoke(Actor actor, long id) {
		TokenInfo info = find(id).filter(t -> actor.isAdmin() || t.userId() == actor.id())
			.orElseThrow(() -> new RecordNotFound("api-token", id));
		if (info.revokedAt() == null) {
			jdbc.sql("update api_tokens set revoked_at = ? where id = ?").params(Timestamp.from(clock.instant()), id)
				.update();
			audit.record(new AuditEvent("revoke", "api-token", Long.toString(id), info.name(), List.of()));
		}
		return get(id);
	}

	private TokenInfo get(long id) {
		return find(id).orElseThrow(() -> new RecordNotFound("api-token", id));
	}

	private Optional<TokenInfo> find(long id) {
		return jdbc.sql("select * from api_tokens where id = ?").param(id).query(ApiTokens::map).optional();
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static TokenInfo map(ResultSet rs, int row) throws SQLException {
		return new TokenInfo(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
				rs.getString("token_prefix"), instant(rs, "created_at"), instant(rs, "expires_at"),
				instant(rs, "last_used_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
