package org.rapport.service;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.AuditTrail.FieldChange;
import org.rapport.platform.FieldChanges;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.Role;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.TextRules;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.UserDirectory.UserSummary;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues per team with a lead, the agents' "away" flags, and automatic assignment: round-robin over
 * the team's agents, or to the one with the fewest unresolved tickets, skipping agents who are away.
 */
@Service
public class QueueManagement {

	static final String TYPE = "queue";

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	QueueManagement(JdbcClient jdbc, UserDirectory users, AuditTrail audit, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What an admin sets on a queue.
	 *
	 * @param name name (unique)
	 * @param teamId team
	 * @param leadUserId lead
	 * @param assignment none, round-robin or fewest-open
	 */
	public record QueueFields(String name, Long teamId, Long leadUserId, String assignment) {
	}

	@Transactional(readOnly = true)
	public List<QueueView> list() {
		return present(jdbc.sql("select * from service_queues order by lower(name), id").query((rs, i) -> map(rs)).list());
	}

	@Transactional(readOnly = true)
	public QueueView get(long id) {
		return find(id).map(q -> present(List.of(q)).get(0)).orElseThrow(() -> new RecordNotFound(TYPE, id));
	}

	Optional<QueueView> find(long id) {
		return jdbc.sql("select * from service_queues where id = ?").param(id).query((rs, i) -> map(rs)).optional();
	}

	/** The queue tickets go to when none is named: the oldest one. */
	Optional<QueueView> defaultQueue() {
		return jdbc.sql("select * from service_queues order by id limit 1").query((rs, i) -> map(rs)).optional();
	}

	@Transactional
	public QueueView create(QueueFields fields) {
		requireAdmin();
		QueueFields f = check(fields);
		try {
			long id = jdbc.sql("""
					insert into service_queues (name, team_id, lead_user_id, assignment) values (?, ?, ?, ?) returning id""")
				.params(f.name(), f.teamId(), f.leadUserId(), f.assignment())
				.query(Long.class)
				.single();
			audit.record(new AuditEvent("create", TYPE, Long.toString(id), f.name(),
					FieldChanges.between(null, auditFields(f), Map.of())));
			return get(id);
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInput.of("name", "taken", "A queue of that name exists");
		}
	}

	@Transactional
	public QueueView update(long id, long expectedVersion, QueueFields fields) {
		requireAdmin();
		QueueView before = get(id);
		if (before.version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, before.version());
		}
		QueueFields f = check(fields);
		try {
			jdbc.sql("""
					update service_queues set name = ?, team_id = ?, lead_user_id = ?, assignment = ?, version = version + 1
					where id = ? and version = ?""")
				.params(f.name(), f.teamId(), f.leadUserId(), f.assignment(), id, expectedVersion)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInput.of("name", "taken", "A queue of that name exists");
		}
		audit.record(new AuditEvent("update", TYPE, Long.toString(id), f.name(), FieldChanges.between(
				auditFields(new QueueFields(before.name(), before.teamId(), before.leadUserId(), before.assignment())),
				auditFields(f), Map.of())));
		return get(id);
	}

	/** Marks an agent away (or back). Agents set their own; managers their team's; admins anyone's. */
	@Transactional
	public void setAway(long userId, boolean away) {
		Actor actor = Actor.current();
		UserSummary user = users.find(userId).orElseThrow(() -> new RecordNotFound("user", userId));
		boolean allowed = actor.id() == userId || actor.isAdmin()
				|| (actor.role() == Role.MANAGER && actor.teamId() != null && actor.teamId().equals(user.teamId()));
		if (!allowed) {
			throw new NotPermitted("set-away");
		}
		boolean before = isAway(userId);
		if (before == away) {
			return;
		}
		jdbc.sql("""
				insert into service_agent_status (user_id, away, updated_at) values (?, ?, ?)
				on conflict (user_id) do update set away = excluded.away, updated_at = excluded.updated_at""")
			.params(userId, away, Timestamp.from(clock.instant()))
			.update();
		audit.record(new AuditEvent("update", "agent-status", Long.toString(userId), user.displayName(),
				List.of(new FieldChange("away", Boolean.toString(before), Boolean.toString(away)))));
	}

	@Transactional(readOnly = true)
	public boolean isAway(long userId) {
		return jdbc.sql("select away from service_agent_status where user_id = ?")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * The agent a new ticket of the queue goes to by its rule, skipping disabled and away agents; empty
	 * when the rule is "none" or nobody is available. The round-robin turn is kept in the queue row,
	 * locked for the choice, so two nodes never hand out the same turn.
	 */
	Optional<Long> pickAgent(long queueId) {
		QueueView q = jdbc.sql("select * from service_queues where id = ? for update")
			.param(queueId)
			.query((rs, i) -> map(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFound(TYPE, queueId));
		if (q.teamId() == null || "none".equals(q.assignment())) {
			return Optional.empty();
		}
		Set<Long> away = Set.copyOf(jdbc.sql("select user_id from service_agent_status where away").query(Long.class).list());
		List<Long> agents = users.teamMembers(q.teamId())
			.stream()
			.filter(UserSummary::enabled)
			.filter(u -> u.role() == Role.SUPPORT_AGENT || u.role() == Role.MANAGER)
			.map(UserSummary::id)
			.filter(id -> !away.contains(id))
			.sorted()
			.toList();
		if (agents.isEmpty()) {
			return Optional.empty();
		}
		long chosen;
		if ("fewest-open".equals(q.assignment())) {
			Map<Long, Long> open = new LinkedHashMap<>();
			jdbc.sql("""
					select assignee_id, count(*) from tickets where assignee_id = any(?)
					  and status in ('new','open','pending_customer') group by assignee_id""")
				.param(agents.toArray(Long[]::new))
				.query(rs -> {
					open.put(rs.getLong(1), rs.getLong(2));
				});
			chosen = agents.stream()
				.min((a, b) -> Long.compare(open.getOrDefault(a, 0L), open.getOrDefault(b, 0L)))
				.orElseThrow();
		}
		else {
			Long last = jdbc.sql("select last_user_id from service_queues where id = ?").param(queueId)
				.query(Long.class).optional().orElse(null);
			chosen = agents.stream().filter(id -> last == null || id > last).findFirst().orElse(agents.get(0));
		}
		jdbc.sql("update service_queues set last_user_id = ? where id = ?").params(chosen, queueId).update();
		return Optional.of(chosen);
	}

	private QueueFields check(QueueFields f) {
		List<FieldProblem> problems = new ArrayList<>();
		TextRules.check("name", f.name(), 100, false, problems);
		if (TextRules.isBlank(f.name())) {
			problems.add(new FieldProblem("name", "required", "Required"));
		}
		if (f.teamId() != null && users.teamName(f.teamId()).isEmpty()) {
			problems.add(new FieldProblem("teamId", "unknown-team", "No such team"));
		}
		if (f.leadUserId() != null && users.find(f.leadUserId()).filter(UserSummary::enabled).isEmpty()) {
			problems.add(new FieldProblem("leadUserId", "unknown-user", "No such active user"));
		}
		String assignment = f.assignment() == null ? "round-robin" : f.assignment();
		if (!ServiceVocabulary.ASSIGNMENT.contains(assignment)) {
			problems.add(new FieldProblem("assignment", "not-allowed", "One of " + ServiceVocabulary.ASSIGNMENT));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(InvalidInput.oncePerField(problems));
		}
		return new QueueFields(f.name(), f.teamId(), f.leadUserId(), assignment);
	}

	private static void requireAdmin() {
		if (!Actor.current().isAdmin()) {
			throw new NotPermitted("manage-queues");
		}
	}

	private static Map<String, Object> auditFields(QueueFields f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", f.name());
		m.put("teamId", f.teamId());
		m.put("leadUserId", f.leadUserId());
		m.put("assignment", f.assignment());
		return m;
	}

	private List<QueueView> present(List<QueueView> queues) {
		Map<Long, String> names = users.displayNames(
				queues.stream().map(QueueView::leadUserId).filter(java.util.Objects::nonNull).toList());
		return queues.stream().map(q -> new QueueView(q.id(), q.name(), q.teamId(),
				q.teamId() == null ? null : users.teamName(q.teamId()).orElse(null), q.leadUserId(),
				q.leadUserId() == null ? null : names.get(q.leadUserId()), q.assignment(), q.version())).toList();
	}

	private static QueueView map(java.sql.ResultSet rs) throws java.sql.SQLException {
		long team = rs.getLong("team_id");
		Long teamId = rs.wasNull() ? null : team;
		long lead = rs.getLong("lead_user_id");
		Long leadId = rs.wasNull() ? null : lead;
		return new QueueView(rs.getLong("id"), rs.getString("name"), teamId, null, leadId, null,
				rs.getString("assignment"), rs.getLong("version"));
	}


}
