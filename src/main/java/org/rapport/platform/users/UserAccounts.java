package org.rapport.platform.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.rapport.platform.AccessScope;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.FieldChanges;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Masking;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.Role;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.StateConflict;
import org.rapport.platform.UserDirectory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and teams: who may sign in, with which role, in which team. Changes are audited. */
@Service
public class UserAccounts implements UserDirectory {

	static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");

	static final int MIN_PASSWORD = 8;

	private static final String SELECT = """
			select u.*, t.name as team_name from users u left join teams t on t.id = u.team_id""";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
	}

	/**
	 * A user as the admin pages and API show it.
	 *
	 * @param id id
	 * @param username login name
	 * @param displayName shown name
	 * @param email e-mail address, if any
	 * @param role role
	 * @param teamId team id
	 * @param teamName team name
	 * @param locale preferred UI language
	 * @param enabled whether the user may sign in
	 * @param createdAt created
	 * @param version optimistic lock version
	 */
	public record User(long id, String username, String displayName, String email, Role role, Long teamId,
			String teamName, String locale, boolean enabled, Instant createdAt, long version) {

		public Actor actor() {
			return new Actor(id, username, displayName, role, teamId);
		}

		UserSummary summary() {
			return new UserSummary(id, username, displayName, role, teamId, teamName, enabled);
		}

	}

	/**
	 * What an admin sets on a user; {@code null} leaves a field unchanged on update.
	 *
	 * @param username login name (create only)
	 * @param password new password
	 * @param displayName shown name
	 * @param email e-mail
	 * @param role role
	 * @param team team name; created if new; empty string removes the team
	 * @param locale UI language
	 * @param enabled may sign in
	 */
	public record UserInput(String username, String password, String displayName, String email, Role role, String team,
			String locale, Boolean enabled) {
	}

	public record Team(long id, String name, int members) {
	}

	@Transactional
	public User create(UserInput in) {
		requireAdmin();
		List<FieldProblem> problems = new ArrayList<>();
		if (in.username() == null || !USERNAME.matcher(in.username()).matches()) {
			problems.add(new FieldProblem("username", "invalid",
					"2 to 64 letters, digits or . _ @ -, starting with a letter or digit"));
		}
		checkPassword(in.password(), true, problems);
		if (in.role() == null) {
			problems.add(new FieldProblem("role", "required", "Required"));
		}
		if (in.displayName() != null && in.displayName().isBlank()) {
			problems.add(new FieldProblem("displayName", "blank", "Must not be blank"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Long teamId = teamId(in.team());
		String displayName = in.displayName() == null ? in.username() : in.displayName();
		long id;
		try {
			id = jdbc.sql("""
					insert into users (username, password_hash, display_name, email, role, team_id, locale, enabled)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(in.username(), passwords.encode(in.password()), displayName, in.email(), in.role().name(),
						teamId, in.locale(), in.enabled() == null || in.enabled())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new StateConflict("username-taken", "User name already taken: " + in.username(), in.username());
		}
		User user = get(id);
		audit.record(new AuditEvent("create", "user", Long.toString(id), user.username(),
				FieldChanges.between(null, fields(user), maskers())));
		return user;
	}

	/** Creates the first admin on a database without users; does nothing when users exist. */
	@Transactional
	public boolean createFirstAdmin(String password) {
		jdbc.sql("select pg_advisory_xact_lock(7301)").query((rs, i) -> 1).list();
		if (jdbc.sql("select count(*) from users").query(Long.class).single() > 0) {
			return false;
		}
		Actor.runAs(Actor.SYSTEM, () -> create(new UserInput("admin", password, "Administrator", null, Role.ADMIN,
				null, null, true)));
		return true;
	}

	@Transactional
	public User update(long id, long expectedVersion, UserInput in) {
		requireAdmin();
		User before = get(id);
		if (before.version() != expectedVersion) {
			throw new StaleVersion("user", id, expectedVersion, before.version());
		}
		List<FieldProblem> problems = new ArrayList<>();
		checkPassword(in.password(), false, problems);
		if (in.displayName() != null && in.displayName().isBlank()) {
			problems.add(new FieldProblem("displayName", "blank", "Must not be blank"));
		}
		if (Actor.current().id() == id && ((in.enabled() != null && !in.enabled())
				|| (in.role() != null && in.role() != Role.ADMIN))) {
			problems.add(new FieldProblem(in.role() != null ? "role" : "enabled", "self-lockout",
					"You cannot demote or disable yourself"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Long teamId = in.team() == null ? before.teamId() : teamId(in.team());
		int updated = jdbc.sql("""
				update users set display_name = ?, email = ?, role = ?, team_id = ?, locale = ?, enabled = ?,
				       password_hash = coalesce(?, password_hash), updated_at = now(), version = version + 1
				where id = ? and version = ?""")
			.params(in.displayName() == null ? before.displayName() : in.displayName(),
					in.email() == null ? before.email() : in.email().isEmpty() ? null : in.email(),
					(in.role() == null ? before.role() : in.role()).name(), teamId,
					in.locale() == null ? before.locale() : in.locale(),
					in.enabled() == null ? before.enabled() : in.enabled(),
					in.password() == null ? null : passwords.encode(in.password()), id, expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersion("user", id, expectedVersion, get(id).version());
		}
		User after = get(id);
		var changes = FieldChanges.between(fields(before), fields(after), maskers());
		if (in.password() != null) {
			changes = new ArrayList<>(changes);
			changes.add(new AuditTrail.FieldChange("password", null, "(changed)"));
		}
		audit.record(new AuditEvent("update", "user", Long.toString(id), after.username(), changes));
		if (in.password() != null || !after.enabled()) {
			jdbc.sql("delete from spring_session where principal_name = ?").param(after.username()).update();
		}
		return after;
	}

	/** A user changes their own password, proving the old one. */
	@Transactional
	public void changeOwnPassword(long userId, String current, String replacement) {
		String hash = jdbc.sql("select password_hash from users where id = ?").param(userId).query(String.class)
			.optional().orElseThrow(() -> new RecordNotFound("user", userId));
		List<FieldProblem> problems = new ArrayList<>();
		if (current == null || !passwords.matches(current, hash)) {
			problems.add(new FieldProblem("currentPassword", "wrong", "Not your current password"));
		}
		checkPassword(replacement, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		jdbc.sql("update users set password_hash = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(passwords.encode(replacement), userId).update();
		audit.record(new AuditEvent("update", "user", Long.toString(userId), null,
				List.of(new AuditTrail.FieldChange("password", null, "(changed)"))));
	}

	private void checkPassword(String password, boolean required, List<FieldProblem> problems) {
		if (password == null) {
			if (required) {
				problems.add(new FieldProblem("password", "required", "Required"));
			}
		}
		else if (password.length() < MIN_PASSWORD || password.length() > 200) {
			problems.add(new FieldProblem("password", "weak", "From " + MIN_PASSWORD + " to 200 characters"));
		}
	}

	private static void requireAdmin() {
		if (!Actor.current().isAdmin()) {
			throw new NotPermitted("manage-users");
		}
	}

	private Long teamId(String team) {
		if (team == null || team.isBlank()) {
			return null;
		}
		String name = team.strip();
		return jdbc.sql("""
				with ins as (insert into teams (name) values (?) on conflict (name) do nothing returning id)
				select id from ins union all select id from teams where name = ? limit 1""")
			.params(name, name)
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public User get(long id) {
		return jdbc.sql(SELECT + " where u.id = ?").param(id).query(UserAccounts::map).optional()
			.orElseThrow(() -> new RecordNotFound("user", id));
	}

	@Transactional(readOnly = true)
	public Optional<User> findByUsername(String username) {
		return jdbc.sql(SELECT + " where lower(u.username) = lower(?)").param(username).query(UserAccounts::map)
			.optional();
	}

	@Transactional(readOnly = true)
	public List<User> list() {
		return jdbc.sql(SELECT + " order by lower(u.username)").query(UserAccounts::map).list();
	}

	@Transactional(readOnly = true)
	public List<Team> teams() {
		return jdbc.sql("""
				select t.id, t.name, count(u.id) as members from teams t left join users u on u.team_id = t.id
				group by t.id, t.name order by t.name""")
			.query((rs, i) -> new Team(rs.getLong("id"), rs.getString("name"), rs.getInt("members")))
			.list();
	}

	@Transactional
	public Team createTeam(String name) {
		requireAdmin();
		if (name == null || name.isBlank() || name.length() > 100) {
			throw InvalidInput.of("name", "invalid", "1 to 100 characters");
		}
		long id = teamId(name);
		audit.record(new AuditEvent("create", "team", Long.toString(id), name.strip(), List.of()));
		return teams().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
	}

	/** The password hash and actor of an enabled user, for sign-in. */
	public Optional<Credentials> credentials(String username) {
		return jdbc.sql(SELECT + " where lower(u.username) = lower(?)").param(username)
			.query((rs, i) -> new Credentials(map(rs, i), rs.getString("password_hash")))
			.optional();
	}

	public record Credentials(User user, String passwordHash) {
	}

	@Override
	@Transactional(readOnly = true)
	public AccessScope scopeOf(Actor actor) {
		if (actor.role().readsEverything()) {
			return new AccessScope(AccessScope.Kind.ALL, actor.id(), List.of());
		}
		if (actor.role() == Role.MANAGER && actor.teamId() != null) {
			List<Long> members = jdbc.sql("select id from users where team_id = ?").param(actor.teamId())
				.query(Long.class).list();
			return new AccessScope(AccessScope.Kind.TEAM, actor.id(), members);
		}
		return new AccessScope(AccessScope.Kind.OWN, actor.id(), List.of(actor.id()));
	}

	@Override
	public Optional<UserSummary> find(long userId) {
		return jdbc.sql(SELECT + " where u.id = ?").param(userId).query(UserAccounts::map).optional()
			.map(User::summary);
	}

	@Override
	public Map<Long, String> displayNames(Collection<Long> userIds) {
		Map<Long, String> names = new HashMap<>();
		if (userIds.isEmpty()) {
			return names;
		}
		jdbc.sql("select id, display_name from users where id = any(?)")
			.param(userIds.stream().distinct().toArray(Long[]::new))
			.query(rs -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}

	@Override
	public List<UserSummary> activeUsers() {
		return jdbc.sql(SELECT + " where u.enabled order by lower(u.display_name)").query(UserAccounts::map).list()
			.stream().map(User::summary).toList();
	}

	@Override
	public Optional<String> teamName(long teamId) {
		return jdbc.sql("select name from teams where id = ?").param(teamId).query(String.class).optional();
	}

	@Override
	public List<UserSummary> teamMembers(long teamId) {
		return jdbc.sql(SELECT + " where u.enabled and u.team_id = ? order by u.id").param(teamId)
			.query(UserAccounts::map).list().stream().map(User::summary).toList();
	}

	static Map<String, Object> fields(User u) {
		Map<String, Object> f = new java.util.LinkedHashMap<>();
		f.put("username", u.username());
		f.put("displayName", u.displayName());
		f.put("email", u.email());
		f.put("role", u.role());
		f.put("team", u.teamName());
		f.put("locale", u.locale());
		f.put("enabled", u.enabled());
		return f;
	}

	static Map<String, UnaryOperator<String>> maskers() {
		return Map.of("email", Masking.forAudit(Masking::email));
	}

	static User map(ResultSet rs, int row) throws SQLException {
		long team = rs.getLong("team_id");
		Long teamId = rs.wasNull() ? null : team;
		return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), Role.valueOf(rs.getString("role")), teamId, rs.getString("team_name"),
				rs.getString("locale"), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
				rs.getLong("version"));
	}

}
