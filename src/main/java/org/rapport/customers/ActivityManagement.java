package org.rapport.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.data.SqlQuery;
import org.rapport.platform.AccessScope;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.Cursor;
import org.rapport.platform.FieldChanges;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.Page;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.TextRules;
import org.rapport.platform.UserDirectory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interactions with customers (calls, meetings, e-mails, notes) and tasks, on the 360° timeline of
 * their contact and account. Whoever may see a contact sees its timeline; whoever may edit it, or
 * owns the activity, may change the activity.
 */
@Service
public class ActivityManagement {

	static final String TYPE = "activity";

	static final Map<String, UnaryOperator<String>> PERSONAL = Map.of("body",
			b -> "(" + b.codePointCount(0, b.length()) + " characters)");

	private final JdbcClient jdbc;

	private final RecordAccess access;

	private final AuditTrail audit;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ActivityManagement(JdbcClient jdbc, RecordAccess access, AuditTrail audit, UserDirectory users,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public ActivityView create(ActivityFields fields) {
		return create(fields, List.of());
	}

	/**
	 * Creates the record from input some of whose fields could not even be read ({@code inputProblems}):
	 * those are reported together with every other bad field, so the client learns all at once.
	 */
	@Transactional
	public ActivityView create(ActivityFields fields, List<FieldProblem> inputProblems) {
		Actor actor = Actor.current();
		access.requireCreate(actor);
		List<FieldProblem> problems = new ArrayList<>(inputProblems);
		ActivityFields f = check(actor, fields, null, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(InvalidInput.oncePerField(problems));
		}
		requireParentEdit(actor, f);
		long id = jdbc.sql("""
				insert into activities (type, subject, body, occurred_at, duration_minutes, outcome, due_at, status,
				  completed_at, contact_id, account_id, owner_id, created_by)
				values (:type, :subject, :body, :occurred, :duration, :outcome, :due, :status, :completed, :contact,
				  :account, :owner, :actor) returning id""")
			.params(columns(f, null))
			.param("actor", actor.id())
			.query(Long.class)
			.single();
		audit.record(new AuditEvent("create", TYPE, Long.toString(id), f.type() + ": " + f.subject(),
				FieldChanges.between(null, auditFields(f), PERSONAL)));
		events.publishEvent(new ActivityLogged(id, f.type(), f.contactId(), f.accountId()));
		return get(id);
	}

	@Transactional(readOnly = true)
	public ActivityView get(long id) {
		Actor actor = Actor.current();
		ActivityView view = find(id).filter(a -> canSee(actor, a)).orElseThrow(() -> new RecordNotFound(TYPE, id));
		return present(List.of(view)).get(0);
	}

	public boolean canEdit(ActivityView activity) {
		Actor actor = Actor.current();
		return actor.role().editsCustomers() && (activity.ownerId() == actor.id() || parentEditable(actor, activity));
	}

	@Transactional
	public ActivityView update(long id, long expectedVersion, ActivityFields fields) {
		return update(id, expectedVersion, fields, List.of());
	}

	/** Updates the record, reporting {@code inputProblems} together with every other bad field. */
	@Transactional
	public ActivityView update(long id, long expectedVersion, ActivityFields fields, List<FieldProblem> inputProblems) {
		Actor actor = Actor.current();
		ActivityView before = find(id).filter(a -> canSee(actor, a)).orElseThrow(() -> new RecordNotFound(TYPE, id));
		if (!canEdit(before)) {
			throw new NotPermitted("edit-activity");
		}
		if (before.version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, before.version());
		}
		List<FieldProblem> problems = new ArrayList<>(inputProblems);
		ActivityFields f = check(actor, fields, before, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(InvalidInput.oncePerField(problems));
		}
		if (!java.util.Objects.equals(f.contactId(), before.contactId())
				|| !java.util.Objects.equals(f.accountId(), before.accountId())) {
			requireParentEdit(actor, f);
		}
		int updated = jdbc.sql("""
				update activities set type = :type, subject = :subject, body = :body, occurred_at = :occurred,
				  duration_minutes = :duration, outcome = :outcome, due_at = :due, status = :status,
				  completed_at = :completed, contact_id = :contact, account_id = :account, owner_id = :owner,
				  updated_at = now(), version = version + 1
				where id = :id and version = :version""")
			.params(columns(f, before))
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersion(TYPE, id, expectedVersion, find(id).map(ActivityView::version).orElse(-1L));
		}
		audit.record(new AuditEvent("update", TYPE, Long.toString(id), f.type() + ": " + f.subject(),
				FieldChanges.between(auditFields(before.fields()), auditFields(f), PERSONAL)));
		return get(id);
	}

	/** Marks a task done (or re-opens it). */
	@Transactional
	public ActivityView setTaskStatus(long id, long expectedVersion, String status) {
		ActivityView task = get(id);
		if (!"task".equals(task.type())) {
			throw InvalidInput.of("status", "not-a-task", "Only tasks have a status");
		}
		ActivityFields f = task.fields();
		return update(id, expectedVersion, new ActivityFields(f.type(), f.subject(), f.body(), f.occurredAt(),
				f.durationMinutes(), f.outcome(), f.dueAt(), status, f.contactId(), f.accountId(), f.ownerId()));
	}

	@Transactional
	public void delete(long id, Long expectedVersion) {
		Actor actor = Actor.current();
		ActivityView before = find(id).filter(a -> canSee(actor, a)).orElseThrow(() -> new RecordNotFound(TYPE, id));
		if (!canEdit(before)) {
			throw new NotPermitted("delete-activity");
		}
		if (expectedVersion != null && before.version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, before.version());
		}
		jdbc.sql("delete from activities where id = ?").param(id).update();
		audit.record(new AuditEvent("delete", TYPE, Long.toString(id), before.type() + ": " + before.subject(),
				FieldChanges.between(auditFields(before.fields()), null, PERSONAL)));
	}

	/**
	 * Activities newest first. With a contact or account this is its timeline (404 if the actor may not
	 * see it); otherwise only activities the actor owns or whose contact or account they may see.
	 */
	@Transactional(readOnly = true)
	public Page<ActivityView> list(ActivityQuery query) {
		Actor actor = Actor.current();
		int limit = query.limit() == null ? 25 : query.limit();
		if (limit < 1 || limit > 200) {
			throw InvalidInput.of("limit", "out-of-range", "From 1 to 200");
		}
		SqlQuery q = new SqlQuery();
		if (query.contactId() != null) {
			requireVisible(actor, "contact", query.contactId());
			q.and("x.contact_id = " + q.param(query.contactId()));
		}
		if (query.accountId() != null) {
			requireVisible(actor, "account", query.accountId());
			q.and("x.account_id = " + q.param(query.accountId()));
		}
		if (query.contactId() == null && query.accountId() == null) {
			AccessScope scope = access.scope(actor);
			if (!scope.all()) {
				SqlQuery inner = q;
				q.and("(x.owner_id = " + q.param(actor.id()) + " or exists (select 1 from contacts c where c.id = x.contact_id and "
						+ access.visible("c", "contact", scope, inner) + ") or exists (select 1 from accounts a where a.id = x.account_id and "
						+ access.visible("a", "account", scope, inner) + "))");
			}
		}
		if (query.type() != null) {
			if (!Vocabulary.ACTIVITY_TYPES.contains(query.type())) {
				throw InvalidInput.of("type", "not-allowed", "Must be one of " + Vocabulary.ACTIVITY_TYPES);
			}
			q.and("x.type = " + q.param(query.type()));
		}
		if (query.status() != null) {
			if (!Vocabulary.TASK_STATUSES.contains(query.status())) {
				throw InvalidInput.of("status", "not-allowed", "Must be one of " + Vocabulary.TASK_STATUSES);
			}
			q.and("x.status = " + q.param(query.status()));
		}
		if (query.ownerId() != null) {
			q.and("x.owner_id = " + q.param(query.ownerId()));
		}
		if (query.dueBefore() != null) {
			q.and("x.due_at < " + q.param(Timestamp.from(query.dueBefore())));
		}
		if (query.cursor() != null && !query.cursor().isBlank()) {
			Cursor cursor = Cursor.decode(query.cursor(), "timeline");
			q.and("(x.occurred_at, x.id) < (cast(" + q.param(cursor.key()) + " as timestamptz), " + q.param(cursor.id())
					+ ")");
		}
		record Row(ActivityView view, String cursor) {
		}
		List<Row> rows = jdbc.sql(SELECT + " where " + q.where() + " order by x.occurred_at desc, x.id desc limit "
				+ (limit + 1))
			.params(q.params())
			.query((rs, i) -> new Row(map(rs), new Cursor("timeline",
					rs.getTimestamp("occurred_at").toInstant().toString(), rs.getLong("id")).encode()))
			.list();
		String next = rows.size() > limit ? rows.get(limit - 1).cursor() : null;
		return new Page<>(present(rows.stream().limit(limit).map(Row::view).toList()), next);
	}

	/**
	 * When each of the given contacts last had an activity (contacts without any are absent). For
	 * the data module's stale-record check; the caller already sees these contacts.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Instant> lastActivityAt(java.util.Collection<Long> contactIds) {
		Map<Long, Instant> last = new LinkedHashMap<>();
		if (contactIds.isEmpty()) {
			return last;
		}
		jdbc.sql("select contact_id, max(occurred_at) from activities where contact_id = any(?) group by contact_id")
			.param(contactIds.toArray(Long[]::new))
			.query((rs, i) -> last.put(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.list();
		return last;
	}

	/**
	 * When every contact that had an activity before {@code before} last had one, across all owners:
	 * for analytics' churn features, which learn from the whole customer base and answer only about
	 * contacts the actor may see.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Instant> lastActivityBefore(Instant before) {
		Map<Long, Instant> last = new java.util.HashMap<>();
		jdbc.sql("select contact_id, max(occurred_at) from activities where contact_id is not null and occurred_at < ?"
				+ " group by contact_id")
			.param(Timestamp.from(before))
			.query(rs -> {
				last.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
			});
		return last;
	}

	/**
	 * A contact's activities per week, for analytics' engagement scan.
	 *
	 * @param contactId the contact
	 * @param ownerId the contact's owner
	 * @param counts activities per week, oldest week first; the last entry is the week ending at the scan's end
	 * @param lastAt the latest activity before the scan's end
	 */
	public record WeeklyActivity(long contactId, long ownerId, int[] counts, Instant lastAt) {
	}

	/** Contacts read per query by {@link #forEachWeeklyActivity}. */
	static final int CONTACT_PAGE = 2_000;

	/**
	 * Hands {@code consumer} the weekly activity counts of every contact with at least one activity in
	 * the {@code weeks} weeks before {@code end} (week k covers {@code end − (weeks − k) × 7 days} up to
	 * seven days later), in contact id order, across all owners: analytics learns what is usual from
	 * the whole company and answers only about contacts the actor may see. Read in keyset pages of
	 * {@value #CONTACT_PAGE} contacts.
	 */
	public void forEachWeeklyActivity(Instant end, int weeks, java.util.function.Consumer<WeeklyActivity> consumer) {
		Timestamp start = Timestamp.from(end.minus(7L * weeks, ChronoUnit.DAYS));
		Timestamp until = Timestamp.from(end);
		long after = 0;
		while (true) {
			Map<Long, WeeklyActivity> page = new LinkedHashMap<>();
			jdbc.sql("""
					with c as (
					  select x.id, x.owner_id from contacts x
					  where x.id > ? and exists (select 1 from activities a where a.contact_id = x.id
					    and a.occurred_at >= ? and a.occurred_at < ?)
					  order by x.id limit ?)
					select c.id, c.owner_id, least(?, greatest(0, floor(extract(epoch from a.occurred_at - ?) / 604800)))::int,
					  count(*), max(a.occurred_at)
					from c join activities a on a.contact_id = c.id and a.occurred_at >= ? and a.occurred_at < ?
					group by 1, 2, 3 order by 1, 3""")
				.params(after, start, until, CONTACT_PAGE, weeks - 1, start, start, until)
				.query(rs -> {
					WeeklyActivity w = page.computeIfAbsent(rs.getLong(1),
							id -> new WeeklyActivity(id, 0, new int[weeks], null));
					w.counts()[rs.getInt(3)] += rs.getInt(4);
					Instant last = rs.getTimestamp(5).toInstant();
					page.put(w.contactId(), new WeeklyActivity(w.contactId(), rs.getLong(2), w.counts(),
							w.lastAt() == null || last.isAfter(w.lastAt()) ? last : w.lastAt()));
				});
			page.values().forEach(consumer);
			if (page.size() < CONTACT_PAGE) {
				return;
			}
			after = page.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
		}
	}

	/** The actor's open tasks, soonest due first (overdue ones first of all). */
	@Transactional(readOnly = true)
	public List<ActivityView> openTasks(long ownerId, int limit) {
		return present(jdbc.sql(SELECT + """
				 where x.type = 'task' and x.status = 'open' and x.owner_id = ?
				order by x.due_at nulls last, x.id limit ?""")
			.params(ownerId, limit)
			.query((rs, i) -> map(rs))
			.list());
	}

	private static final String SELECT = """
			select x.*, c.display_name as contact_name, a.name as account_name
			from activities x left join contacts c on c.id = x.contact_id left join accounts a on a.id = x.account_id""";

	private void requireVisible(Actor actor, String entityType, long id) {
		String table = entityType.equals("contact") ? "contacts" : "accounts";
		Long owner = jdbc.sql("select owner_id from " + table + " where id = ?").param(id).query(Long.class).optional()
			.orElse(null);
		if (owner == null || !access.canSee(actor, entityType, id, owner)) {
			throw new RecordNotFound(entityType, id);
		}
	}

	private boolean canSee(Actor actor, ActivityView a) {
		if (a.ownerId() == actor.id() || access.scope(actor).all()) {
			return true;
		}
		return visibleParent(actor, "contact", a.contactId()) || visibleParent(actor, "account", a.accountId());
	}

	private boolean visibleParent(Actor actor, String type, Long id) {
		if (id == null) {
			return false;
		}
		Long owner = owner(type, id);
		return owner != null && access.canSee(actor, type, id, owner);
	}

	private boolean parentEditable(Actor actor, ActivityView a) {
		if (a.contactId() != null) {
			Long owner = owner("contact", a.contactId());
			return owner != null && access.canEdit(actor, "contact", a.contactId(), owner);
		}
		Long owner = owner("account", a.accountId());
		return owner != null && access.canEdit(actor, "account", a.accountId(), owner);
	}

	private void requireParentEdit(Actor actor, ActivityFields f) {
		String type = f.contactId() != null ? "contact" : "account";
		long id = f.contactId() != null ? f.contactId() : f.accountId();
		Long owner = owner(type, id);
		if (owner == null || !access.canEdit(actor, type, id, owner)) {
			throw new NotPermitted("log-activity");
		}
	}

	private Long owner(String type, long id) {
		String table = type.equals("contact") ? "contacts" : "accounts";
		return jdbc.sql("select owner_id from " + table + " where id = ?").param(id).query(Long.class).optional()
			.orElse(null);
	}

	private ActivityFields check(Actor actor, ActivityFields in, ActivityView before, List<FieldProblem> problems) {
		if (in.type() == null || !Vocabulary.ACTIVITY_TYPES.contains(in.type())) {
			problems.add(new FieldProblem("type", in.type() == null ? "required" : "not-allowed",
					"Must be one of " + Vocabulary.ACTIVITY_TYPES));
		}
		TextRules.check("subject", in.subject(), 300, false, problems);
		if (TextRules.isBlank(in.subject()) && problems.stream().noneMatch(p -> p.field().equals("subject"))) {
			problems.add(new FieldProblem("subject", "required", "Required"));
		}
		TextRules.check("body", in.body(), 20000, true, problems);
		TextRules.check("outcome", in.outcome(), 200, false, problems);
		if (in.durationMinutes() != null && (in.durationMinutes() < 0 || in.durationMinutes() > 100000)) {
			problems.add(new FieldProblem("durationMinutes", "out-of-range", "From 0 to 100000"));
		}
		boolean task = "task".equals(in.type());
		String status = in.status();
		if (task) {
			status = status == null ? "open" : status;
			if (!Vocabulary.TASK_STATUSES.contains(status)) {
				problems.add(new FieldProblem("status", "not-allowed", "Must be one of " + Vocabulary.TASK_STATUSES));
			}
		}
		else if (status != null) {
			problems.add(new FieldProblem("status", "not-a-task", "Only tasks have a status"));
			status = null;
		}
		Long contactId = in.contactId();
		Long accountId = in.accountId();
		if (contactId == null && accountId == null) {
			problems.add(new FieldProblem("contactId", "required", "A contact or an account is required"));
		}
		if (contactId != null) {
			var contact = jdbc.sql("select owner_id, account_id from contacts where id = ?").param(contactId)
				.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.optional()
				.filter(c -> access.canSee(actor, "contact", contactId, c[0]));
			if (contact.isEmpty()) {
				problems.add(new FieldProblem("contactId", "unknown-contact", "No such contact"));
			}
			else if (accountId == null && contact.get()[1] != 0) {
				accountId = contact.get()[1];
			}
		}
		if (in.accountId() != null && !visibleParent(actor, "account", in.accountId())) {
			problems.add(new FieldProblem("accountId", "unknown-account", "No such account"));
		}
		long owner = access.checkOwner(actor, in.ownerId(), before == null ? null : before.ownerId(), problems);
		Instant occurred = in.occurredAt() != null ? in.occurredAt()
				: before != null ? before.occurredAt() : clock.instant();
		return new ActivityFields(in.type(), in.subject(), in.body(), occurred.truncatedTo(ChronoUnit.MICROS),
				in.durationMinutes(), in.outcome(), task ? in.dueAt() : null, status, contactId, accountId, owner);
	}

	private Map<String, Object> columns(ActivityFields f, ActivityView before) {
		Instant completed = null;
		if ("done".equals(f.status())) {
			completed = before != null && before.completedAt() != null ? before.completedAt() : clock.instant();
		}
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("type", f.type());
		p.put("subject", f.subject());
		p.put("body", f.body());
		p.put("occurred", Timestamp.from(f.occurredAt()));
		p.put("duration", f.durationMinutes());
		p.put("outcome", f.outcome());
		p.put("due", f.dueAt() == null ? null : Timestamp.from(f.dueAt()));
		p.put("status", f.status());
		p.put("completed", completed == null ? null : Timestamp.from(completed));
		p.put("contact", f.contactId());
		p.put("account", f.accountId());
		p.put("owner", f.ownerId());
		return p;
	}

	static Map<String, Object> auditFields(ActivityFields f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("type", f.type());
		m.put("subject", f.subject());
		m.put("body", f.body());
		m.put("occurredAt", f.occurredAt());
		m.put("durationMinutes", f.durationMinutes());
		m.put("outcome", f.outcome());
		m.put("dueAt", f.dueAt());
		m.put("status", f.status());
		m.put("contactId", f.contactId());
		m.put("accountId", f.accountId());
		m.put("ownerId", f.ownerId());
		return m;
	}

	private Optional<ActivityView> find(long id) {
		return jdbc.sql(SELECT + " where x.id = ?").param(id).query((rs, i) -> map(rs)).optional();
	}

	private List<ActivityView> present(List<ActivityView> views) {
		Map<Long, String> owners = users.displayNames(views.stream().map(ActivityView::ownerId).toList());
		return views.stream()
			.map(a -> new ActivityView(a.id(), a.type(), a.subject(), a.body(), a.occurredAt(), a.durationMinutes(),
					a.outcome(), a.dueAt(), a.status(), a.completedAt(), a.contactId(), a.contactName(), a.accountId(),
					a.accountName(), a.ownerId(), owners.get(a.ownerId()), a.createdAt(), a.updatedAt(), a.version()))
			.toList();
	}

	private static ActivityView map(ResultSet rs) throws SQLException {
		long contact = rs.getLong("contact_id");
		Long contactId = rs.wasNull() ? null : contact;
		long account = rs.getLong("account_id");
		Long accountId = rs.wasNull() ? null : account;
		int duration = rs.getInt("duration_minutes");
		Integer durationMinutes = rs.wasNull() ? null : duration;
		return new ActivityView(rs.getLong("id"), rs.getString("type"), rs.getString("subject"), rs.getString("body"),
				instant(rs, "occurred_at"), durationMinutes, rs.getString("outcome"), instant(rs, "due_at"),
				rs.getString("status"), instant(rs, "completed_at"), contactId, rs.getString("contact_name"), accountId,
				rs.getString("account_name"), rs.getLong("owner_id"), null, instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
