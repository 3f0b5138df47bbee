package org.rapport.service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.rapport.customers.AccountManagement;
import org.rapport.customers.ActivityFields;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactView;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.AuditTrail.FieldChange;
import org.rapport.platform.Cursor;
import org.rapport.platform.FieldChanges;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.Page;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.StateConflict;
import org.rapport.platform.TextRules;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.UserDirectory.UserSummary;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.data.SqlQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets: opened by agents, by customers on the public form or by mail; assigned through their
 * queue; moved new → open → pending customer → resolved → closed (and reopened); answered in a thread
 * of public replies and internal notes. Every ticket runs two SLA clocks (first response, resolution)
 * in the business time of its policy; the clocks stop while the ticket waits on the customer, and
 * {@link #sweepSla} warns before and escalates on a breach, once per missed target.
 */
@Service
public class TicketManagement {

	static final String TYPE = TicketAccess.TYPE;

	static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

	static final Map<String, UnaryOperator<String>> PERSONAL = Map.of("description",
			d -> "(" + d.codePointCount(0, d.length()) + " characters)");

	private final JdbcClient jdbc;

	private final TicketAccess access;

	private final RecordAccess records;

	private final AuditTrail audit;

	private final UserDirectory users;

	private final QueueManagement queues;

	private final SlaPolicies policies;

	private final ContactManagement contacts;

	private final AccountManagement accounts;

	private final ActivityManagement activities;

	private final SurveyManagement surveys;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final org.rapport.analytics.SentimentAnalysis sentiment;

	/**
	 * A new ticket whose subject and description read at least this negative (sentiment score from −1
	 * to +1) starts one priority higher than asked.
	 */
	public static final double VERY_NEGATIVE = -0.5;

	TicketManagement(JdbcClient jdbc, TicketAccess access, RecordAccess records, AuditTrail audit, UserDirectory users,
			QueueManagement queues, SlaPolicies policies, ContactManagement contacts, AccountManagement accounts,
			ActivityManagement activities, SurveyManagement surveys, Outbox outbox, ApplicationEventPublisher events,
			Clock clock, org.rapport.analytics.SentimentAnalysis sentiment) {
		this.sentiment = sentiment;
		this.jdbc = jdbc;
		this.access = access;
		this.records = records;
		this.audit = audit;
		this.users = users;
		this.queues = queues;
		this.policies = policies;
		this.contacts = contacts;
		this.accounts = accounts;
		this.activities = activities;
		this.surveys = surveys;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A message for a ticket's thread.
	 *
	 * @param body text (required)
	 * @param isPublic a public reply (sent to the customer) or an internal note
	 * @param parentId the message it answers
	 */
	public record ReplyInput(String body, boolean isPublic, Long parentId) {
	}

	/**
	 * What one SLA sweep did.
	 *
	 * @param examined tickets looked at
	 * @param warnings warnings issued
	 * @param breaches breaches recorded and escalated
	 */
	public record SweepResult(int examined, int warnings, int breaches) {

		/** Whether the batch was full, so more tickets may be waiting. */
		public boolean full() {
			return examined >= SWEEP_BATCH;
		}

	}

	/** Tickets one sweep transaction takes at most. */
	public static final int SWEEP_BATCH = 500;

	/**
	 * A notification for a user (SLA warnings and escalations).
	 *
	 * @param id id
	 * @param ticketId ticket
	 * @param kind sla-warning or sla-breach
	 * @param message text
	 * @param createdAt when
	 */
	public record Notification(long id, Long ticketId, String kind, String message, Instant createdAt) {
	}

	// ------------------------------------------------------------------ create

	@Transactional
	public TicketView create(TicketFields fields) {
		Actor actor = Actor.current();
		records.requireCreate(actor, RecordAccess.CUSTOMER_EDITORS, "create-ticket");
		return insert(actor, fields, "new");
	}

	/**
	 * A ticket a customer opened themselves (public form, mail): entered by the system, for the contact
	 * with that e-mail address, who is created if unknown.
	 */
	@Transactional
	public TicketView openForCustomer(String email, String firstName, String lastName, String subject,
			String description, String channel) {
		return Actor.callAs(Actor.SYSTEM, () -> {
			List<FieldProblem> problems = new ArrayList<>();
			if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
				problems.add(new FieldProblem("email", "invalid-email", "A valid e-mail address"));
			}
			TextRules.check("firstName", firstName, 100, false, problems);
			TextRules.check("lastName", lastName, 100, false, problems);
			if (TextRules.isBlank(subject)) {
				problems.add(new FieldProblem("subject", "required", "Required"));
			}
			TextRules.check("subject", subject, 200, false, problems);
			TextRules.check("description", description, 20000, true, problems);
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
			long contactId = contactFor(email, firstName, lastName);
			return insert(Actor.SYSTEM, new TicketFields(subject, description, contactId, null, channel, null,
					"question", "normal", null, null, List.of(), null, null), "new");
		});
	}

	/**
	 * A ticket opened by a mail to the support mailbox; empty when this mail (by its Message-ID) opened
	 * one already.
	 */
	@Transactional
	public Optional<TicketView> openFromMail(String email, String name, String subject, String text, String messageId) {
		if (messageId != null && jdbc.sql("select count(*) from tickets where source_message_id = ?").param(messageId)
			.query(Integer.class).single() > 0) {
			return Optional.empty();
		}
		String[] names = splitName(name);
		String s = TextRules.isBlank(subject) ? "(no subject)" : truncate(subject.replaceAll("\\p{Cntrl}", " "), 200);
		TicketView t = openForCustomer(email, names[0], names[1], s, truncate(text, 20000), "email");
		jdbc.sql("update tickets set source_message_id = ? where id = ?").params(messageId, t.id()).update();
		return Optional.of(t);
	}

	/**
	 * The ticket a customer's mail answers: by the Message-IDs it refers to (Rapport's replies, the
	 * customer's earlier mails), else by the reference in the subject ({@code [T-123]}).
	 */
	@Transactional(readOnly = true)
	public Optional<Long> ticketForMail(List<String> referencedIds, String subject) {
		for (String ref : referencedIds) {
			Optional<Long> id = jdbc.sql("""
					select ticket_id from service_outbox where message_id = :m and ticket_id is not null
					union all select ticket_id from ticket_replies where message_id = :m
					union all select id from tickets where source_message_id = :m limit 1""")
				.param("m", ref)
				.query(Long.class)
				.optional();
			if (id.isPresent()) {
				return id;
			}
		}
		if (subject != null) {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(T-\\d{1,18})\\]").matcher(subject);
			if (m.find()) {
				return idByReference(m.group(1));
			}
		}
		return Optional.empty();
	}

	/** The Message-ID a reply to the customer answers: their latest mail on the ticket, if any. */
	@Transactional(readOnly = true)
	public Optional<String> lastCustomerMessageId(long ticketId) {
		return jdbc.sql("""
				select message_id from (
				  select message_id, created_at from ticket_replies where ticket_id = :t and author_kind = 'customer'
				    and message_id is not null
				  union all select source_message_id, created_at from tickets where id = :t and source_message_id is not null
				) m order by created_at desc limit 1""")
			.param("t", ticketId)
			.query(String.class)
			.optional();
	}

	/**
	 * Free-text feedback from the customer on one of their tickets (public page): kept on the thread
	 * when the reference and the e-mail address belong together; otherwise nothing happens, and the
	 * caller answers the same either way, so the page tells nothing about other people's tickets.
	 */
	@Transactional
	public boolean leaveFeedback(String reference, String email, String text) {
		List<FieldProblem> problems = new ArrayList<>();
		if (TextRules.isBlank(text)) {
			problems.add(new FieldProblem("feedback", "required", "Required"));
		}
		TextRules.check("feedback", text, 4000, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (reference == null || email == null) {
			return false;
		}
		Optional<Long> id = idByReference(reference.strip().toUpperCase(Locale.ROOT));
		if (id.isEmpty()) {
			return false;
		}
		Row t = find(id.get()).orElseThrow();
		boolean matches = contactOf(t.contactId()).map(c -> c.emails().stream().anyMatch(e -> e.equalsIgnoreCase(email.strip())))
			.orElse(false);
		if (!matches) {
			return false;
		}
		Instant now = clock.instant();
		jdbc.sql("""
				insert into ticket_replies (ticket_id, body, public, author_kind, author_email, feedback, created_at)
				values (?, ?, true, 'customer', ?, true, ?)""")
			.params(t.id(), text, email.strip(), Timestamp.from(now))
			.update();
		Actor.runAs(Actor.SYSTEM, () -> audit.record(new AuditEvent("feedback", TYPE, Long.toString(t.id()), t.reference(),
				List.of(new FieldChange("feedback", null, "(" + text.codePointCount(0, text.length()) + " characters)")))));
		return true;
	}

	private static String[] splitName(String name) {
		if (name == null || name.isBlank()) {
			return new String[] { null, null };
		}
		String n = truncate(name.strip().replaceAll("\\p{Cntrl}", " "), 100);
		int space = n.lastIndexOf(' ');
		return space < 0 ? new String[] { null, n } : new String[] { n.substring(0, space), n.substring(space + 1) };
	}

	private static String truncate(String s, int max) {
		if (s == null) {
			return null;
		}
		return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
	}

	/** The contact with this e-mail address (the oldest if several), created when there is none. */
	long contactFor(String email, String firstName, String lastName) {
		String wanted = email.strip().toLowerCase(Locale.ROOT);
		Optional<Long> known = contacts.list(org.rapport.customers.ContactQuery.search(wanted))
			.items()
			.stream()
			.filter(c -> c.emails().stream().anyMatch(e -> e.equalsIgnoreCase(wanted)))
			.map(ContactView::id)
			.min(Long::compare);
		if (known.isPresent()) {
			return known.get();
		}
		String last = TextRules.isBlank(lastName) ? (TextRules.isBlank(firstName) ? wanted : null) : lastName;
		Long owner = queues.defaultQueue().map(QueueView::leadUserId).orElse(null);
		return contacts.create(new org.rapport.customers.ContactFields(firstName, last, null, List.of(wanted), null, null,
				null, null, null, null, null, null, "support", owner, null, null)).id();
	}

	private TicketView insert(Actor actor, TicketFields fields, String status) {
		List<FieldProblem> problems = new ArrayList<>();
		TicketFields f = check(fields, null, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(InvalidInput.oncePerField(problems));
		}
		Long queueId = f.queueId() != null ? f.queueId() : queues.defaultQueue().map(QueueView::id).orElse(null);
		Long assignee = f.assigneeId();
		if (assignee == null && queueId != null) {
			assignee = queues.pickAgent(queueId).orElse(null);
		}
		Instant now = clock.instant();
		// very negative customer text starts the ticket one priority higher (and its SLA with it)
		org.rapport.analytics.Sentiment mood = sentiment.analyseRecord(f.subject(), f.description());
		if (mood != null && mood.score() <= VERY_NEGATIVE && !"urgent".equals(f.priority())) {
			f = new TicketFields(f.subject(), f.description(), f.contactId(), f.accountId(), f.channel(), f.category(),
					f.type(), ServiceVocabulary.raised(f.priority()), f.queueId(), f.assigneeId(), f.tags(), f.severity(),
					f.rootCause());
		}
		SlaPolicy policy = policies.policyFor(f.priority(), tierOf(f.accountId()));
		long id = jdbc.sql("select nextval('tickets_id_seq')").query(Long.class).single();
		String reference = "T-" + id;
		jdbc.sql("""
				insert into tickets (id, subject, description, contact_id, account_id, channel, category, type, priority,
				  status, queue_id, assignee_id, tags, severity, root_cause, sla_policy_id, reference, created_by,
				  created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, f.subject(), f.description(), f.contactId(), f.accountId(), f.channel(), f.category(), f.type(),
					f.priority(), status, queueId, assignee, f.tags().toArray(String[]::new), f.severity(), f.rootCause(),
					policy.id(), reference, actor.id(), Timestamp.from(now), Timestamp.from(now))
			.update();
		recordStatus(id, null, status, actor, now);
		refreshSla(id);
		TicketFields stored = new TicketFields(f.subject(), f.description(), f.contactId(), f.accountId(), f.channel(),
				f.category(), f.type(), f.priority(), queueId, assignee, f.tags(), f.severity(), f.rootCause());
		Map<String, Object> after = auditFields(stored, status);
		List<FieldChange> changes = new ArrayList<>(FieldChanges.between(null, after, PERSONAL));
		if (mood != null && !f.priority().equals(fields.priority())) {
			changes.add(new FieldChange("priority.raisedBySentiment", fields.priority(),
					f.priority() + " (" + mood.label() + " " + String.format(Locale.ROOT, "%.2f", mood.score()) + ": "
							+ String.join(", ", mood.evidence()) + ")"));
		}
		audit.record(new AuditEvent("create", TYPE, Long.toString(id), reference + " " + f.subject(), changes));
		events.publishEvent(new TicketCreated(id, f.contactId()));
		return written(id);
	}

	// ------------------------------------------------------------------ read

	@Transactional(readOnly = true)
	public TicketView get(long id) {
		Actor actor = Actor.current();
		Row row = find(id).filter(r -> access.canSee(actor, r.owners())).orElseThrow(() -> new RecordNotFound(TYPE, id));
		return present(List.of(row)).get(0);
	}

	/** The CSAT surveys of a ticket and their answers. */
	@Transactional(readOnly = true)
	public List<SurveyManagement.SurveyView> surveys(long id) {
		get(id);
		return surveys.ofTicket(id);
	}

	/** The ticket whose reference ({@code T-123}) this is, as the system sees it (mail threading). */
	Optional<Long> idByReference(String reference) {
		return jdbc.sql("select id from tickets where reference = ?").param(reference).query(Long.class).optional();
	}

	public boolean canEdit(TicketView ticket) {
		return find(ticket.id()).map(r -> access.canEdit(Actor.current(), r.owners())).orElse(false);
	}

	@Transactional(readOnly = true)
	public List<ReplyView> replies(long id) {
		get(id);
		List<ReplyView> list = jdbc.sql("select * from ticket_replies where ticket_id = ? order by created_at, id")
			.param(id)
			.query((rs, i) -> reply(rs))
			.list();
		Map<Long, String> names = users.displayNames(list.stream().map(ReplyView::authorId).filter(Objects::nonNull).toList());
		return list.stream().map(r -> new ReplyView(r.id(), r.ticketId(), r.parentId(), r.body(), r.isPublic(),
				r.authorKind(), r.authorId(), r.authorId() != null ? names.get(r.authorId()) : r.authorName(), r.feedback(), r.createdAt()))
			.toList();
	}

	/**
	 * A page of tickets the actor may see. With {@code inbox}, the unresolved ones by SLA urgency (the
	 * most urgent first; paused clocks last), else newest first.
	 */
	@Transactional(readOnly = true)
	public Page<TicketView> list(TicketQuery query) {
		Actor actor = Actor.current();
		int size = query.limit() == null ? 25 : query.limit();
		if (size < 1 || size > 200) {
			throw InvalidInput.of("limit", "out-of-range", "From 1 to 200");
		}
		SqlQuery q = new SqlQuery();
		q.and(access.visible(actor, q));
		if (query.status() != null) {
			if (!ServiceVocabulary.STATUSES.contains(query.status())) {
				throw InvalidInput.of("status", "not-allowed", "One of " + ServiceVocabulary.STATUSES);
			}
			q.and("t.status = " + q.param(query.status()));
		}
		if (query.assigneeId() != null) {
			q.and("t.assignee_id = " + q.param(query.assigneeId()));
		}
		if (query.queueId() != null) {
			q.and("t.queue_id = " + q.param(query.queueId()));
		}
		if (query.contactId() != null) {
			q.and("t.contact_id = " + q.param(query.contactId()));
		}
		if (query.accountId() != null) {
			q.and("t.account_id = " + q.param(query.accountId()));
		}
		if (query.type() != null) {
			q.and("t.type = " + q.param(query.type()));
		}
		if (query.q() != null && !query.q().isBlank()) {
			q.and("(lower(t.subject) like " + q.param("%" + org.rapport.platform.text.SearchText
				.likeLiteral(query.q().strip().toLowerCase(Locale.ROOT)) + "%") + " or t.reference = "
					+ q.param(query.q().strip().toUpperCase(Locale.ROOT)) + ")");
		}
		String order;
		String sort = query.inbox() ? "urgency" : "created";
		if (query.inbox()) {
			q.and("t.status in ('new','open','pending_customer')");
			if (query.cursor() != null && !query.cursor().isBlank()) {
				Cursor c = Cursor.decode(query.cursor(), sort);
				q.and("(t.urgency_at, t.id) > (cast(" + q.param(c.key()) + " as timestamptz), " + q.param(c.id()) + ")");
			}
			order = " order by t.urgency_at, t.id";
		}
		else {
			if (query.cursor() != null && !query.cursor().isBlank()) {
				Cursor c = Cursor.decode(query.cursor(), sort);
				q.and("(t.created_at, t.id) < (cast(" + q.param(c.key()) + " as timestamptz), " + q.param(c.id()) + ")");
			}
			order = " order by t.created_at desc, t.id desc";
		}
		List<Row> rows = jdbc.sql(SELECT + " where " + q.where() + order + " limit " + (size + 1))
			.params(q.params())
			.query((rs, i) -> row(rs))
			.list();
		String next = null;
		if (rows.size() > size) {
			Row last = rows.get(size - 1);
			next = new Cursor(sort, (query.inbox() ? last.urgencyAt() : last.createdAt()).toString(), last.id()).encode();
		}
		return new Page<>(present(rows.stream().limit(size).toList()), next);
	}

	/**
	 * A ticket list request.
	 *
	 * @param inbox unresolved tickets by SLA urgency instead of newest first
	 * @param assigneeId only this agent's
	 * @param queueId only this queue's
	 * @param status only this status
	 * @param contactId only this contact's
	 * @param accountId only this account's
	 * @param type only this type (complaint…)
	 * @param q subject words or a reference
	 * @param limit page size 1–200
	 * @param cursor keyset position
	 */
	public record TicketQuery(boolean inbox, Long assigneeId, Long queueId, String status, Long contactId,
			Long accountId, String type, String q, Integer limit, String cursor) {

		public static TicketQuery inboxOf(Long assigneeId) {
			return new TicketQuery(true, assigneeId, null, null, null, null, null, null, null, null);
		}

	}

	// ------------------------------------------------------------------ change

	/**
	 * Changes a ticket's fields and status. Status changes must follow the workflow (409 otherwise);
	 * the SLA clocks pause while the ticket waits on the customer and stop when it is resolved.
	 */
	@Transactional
	public TicketView update(long id, long expectedVersion, TicketFields fields, String status) {
		Actor actor = Actor.current();
		Row before = find(id).filter(r -> access.canSee(actor, r.owners())).orElseThrow(() -> new RecordNotFound(TYPE, id));
		if (!access.canEdit(actor, before.owners())) {
			throw new NotPermitted("edit-ticket");
		}
		if (before.version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, before.version());
		}
		List<FieldProblem> problems = new ArrayList<>();
		String to = status == null ? before.status() : status;
		if (!ServiceVocabulary.STATUSES.contains(to)) {
			problems.add(new FieldProblem("status", "not-allowed", "One of " + ServiceVocabulary.STATUSES));
		}
		TicketFields f = check(fields, before, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(InvalidInput.oncePerField(problems));
		}
		if (!ServiceVocabulary.canMove(before.status(), to)) {
			throw new StateConflict("invalid-transition", "A " + before.status() + " ticket cannot become " + to,
					before.status(), to);
		}
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				update tickets set subject = ?, description = ?, contact_id = ?, account_id = ?, channel = ?, category = ?,
				  type = ?, priority = ?, queue_id = ?, assignee_id = ?, tags = ?, severity = ?, root_cause = ?,
				  updated_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(f.subject(), f.description(), f.contactId(), f.accountId(), f.channel(), f.category(), f.type(),
					f.priority(), f.queueId(), f.assigneeId(), f.tags().toArray(String[]::new), f.severity(),
					f.rootCause(), Timestamp.from(now), id, expectedVersion)
			.update();
		if (changed == 0) {
			throw new StaleVersion(TYPE, id, expectedVersion, find(id).map(Row::version).orElse(-1L));
		}
		if (!f.priority().equals(before.priority()) || !Objects.equals(f.accountId(), before.accountId())) {
			SlaPolicy policy = policies.policyFor(f.priority(), tierOf(f.accountId()));
			jdbc.sql("""
					update tickets set sla_policy_id = ?,
					  first_response_warned = first_response_breached, resolution_warned = resolution_breached
					where id = ?""")
				.params(policy.id(), id)
				.update();
		}
		if (!to.equals(before.status())) {
			move(find(id).orElseThrow(), to, actor, now);
		}
		refreshSla(id);
		audit.record(new AuditEvent("update", TYPE, Long.toString(id), before.reference() + " " + f.subject(),
				FieldChanges.between(auditFields(before.fields(), before.status()), auditFields(f, to), PERSONAL)));
		if (!to.equals(before.status())) {
			events.publishEvent(new TicketStatusChanged(id, before.status(), to));
		}
		return written(id);
	}

	/** Only the status (the ticket page's buttons). */
	@Transactional
	public TicketView changeStatus(long id, long expectedVersion, String status) {
		TicketView t = get(id);
		return update(id, expectedVersion, t.fields(), status);
	}

	private void move(Row before, String to, Actor actor, Instant now) {
		long id = before.id();
		BusinessCalendar cal = policies.get(before.policyId()).calendar();
		String from = before.status();
		// leaving a paused state: the business time spent there does not count
		int paused = 0;
		if ("pending_customer".equals(from) && before.pausedSince() != null) {
			paused += (int) cal.minutesBetween(before.pausedSince(), now);
		}
		if ("resolved".equals(from) && "open".equals(to) && before.resolvedAt() != null) {
			paused += (int) cal.minutesBetween(before.resolvedAt(), now);
		}
		int totalPaused = before.pausedMinutes() + paused;
		jdbc.sql("update tickets set status = ?, sla_paused_minutes = ?, sla_paused_since = ? where id = ?")
			.params(to, totalPaused, "pending_customer".equals(to) ? Timestamp.from(now) : null, id)
			.update();
		if ("resolved".equals(to)) {
			int minutes = (int) Math.max(0, cal.minutesBetween(before.createdAt(), now) - totalPaused);
			if (before.firstRespondedAt() == null) {
				// resolving without a reply answers the customer too
				markFirstResponse(before, now, totalPaused);
			}
			Instant due = cal.plusMinutes(before.createdAt(), policies.get(before.policyId()).resolutionMinutes() + totalPaused);
			boolean late = now.isAfter(due);
			jdbc.sql("""
					update tickets set resolved_at = ?, resolution_minutes = ?,
					  resolution_breached = resolution_breached or ? where id = ?""")
				.params(Timestamp.from(now), minutes, late, id)
				.update();
			if (late) {
				recordLate(id, "resolution", due, now);
			}
			surveys.issueCsat(id, before.reference(), before.subject(), before.contactId());
		}
		if ("open".equals(to) && "resolved".equals(from)) {
			jdbc.sql("update tickets set resolved_at = null, resolution_minutes = null, reopen_count = reopen_count + 1 where id = ?")
				.param(id)
				.update();
		}
		if ("closed".equals(to)) {
			jdbc.sql("update tickets set closed_at = ? where id = ?").params(Timestamp.from(now), id).update();
		}
		recordStatus(id, from, to, actor, now);
	}

	private void markFirstResponse(Row t, Instant now, int pausedMinutes) {
		SlaPolicy policy = policies.get(t.policyId());
		BusinessCalendar cal = policy.calendar();
		int minutes = (int) Math.max(0, cal.minutesBetween(t.createdAt(), now) - pausedMinutes);
		Instant due = cal.plusMinutes(t.createdAt(), policy.firstResponseMinutes() + pausedMinutes);
		boolean late = now.isAfter(due);
		jdbc.sql("""
				update tickets set first_responded_at = ?, first_response_minutes = ?,
				  first_response_breached = first_response_breached or ? where id = ? and first_responded_at is null""")
			.params(Timestamp.from(now), minutes, late, t.id())
			.update();
		if (late) {
			recordLate(t.id(), "first_response", due, now);
		}
	}

	/** A target met late without the sweep having seen it: recorded as a breach (nobody to escalate to any more). */
	private void recordLate(long id, String kind, Instant due, Instant now) {
		jdbc.sql("""
				insert into sla_events (ticket_id, kind, stage, due_at, detected_at, escalated) values (?, ?, 'breach', ?, ?, false)
				on conflict do nothing""")
			.params(id, kind, Timestamp.from(due), Timestamp.from(now))
			.update();
	}

	/**
	 * Adds a public reply or an internal note. The first public reply of an agent is the first
	 * response; public replies go to the customer by mail and onto the contact's timeline; a customer's
	 * reply reopens a ticket waiting on them.
	 */
	@Transactional
	public ReplyView reply(long id, ReplyInput input) {
		Actor actor = Actor.current();
		Row t = find(id).filter(r -> access.canSee(actor, r.owners())).orElseThrow(() -> new RecordNotFound(TYPE, id));
		if (!access.canEdit(actor, t.owners())) {
			throw new NotPermitted("edit-ticket");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (TextRules.isBlank(input.body())) {
			problems.add(new FieldProblem("body", "required", "Required"));
		}
		TextRules.check("body", input.body(), 20000, true, problems);
		if (input.parentId() != null && jdbc.sql("select count(*) from ticket_replies where id = ? and ticket_id = ?")
			.params(input.parentId(), id).query(Integer.class).single() == 0) {
			problems.add(new FieldProblem("parentId", "unknown-reply", "No such message on this ticket"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if ("closed".equals(t.status())) {
			throw new StateConflict("ticket-closed", "A closed ticket takes no more messages");
		}
		Instant now = clock.instant();
		String messageId = null;
		if (input.isPublic()) {
			Optional<ContactView> contact = contactOf(t.contactId());
			String email = contact.map(ContactView::email).orElse(null);
			if (email != null && !email.isBlank()) {
				messageId = outbox.queue(id, t.reference(), email, "Re: [" + t.reference() + "] " + t.subject(), input.body());
			}
			contact.ifPresent(c -> logOnTimeline(c.id(), actor, "[" + t.reference() + "] " + t.subject(), input.body(), now));
		}
		long replyId = jdbc.sql("""
				insert into ticket_replies (ticket_id, parent_id, body, public, author_kind, author_id, message_id, created_at)
				values (?, ?, ?, ?, 'agent', ?, ?, ?) returning id""")
			.params(id, input.parentId(), input.body(), input.isPublic(), actor.id(), messageId, Timestamp.from(now))
			.query(Long.class)
			.single();
		if (input.isPublic()) {
			if (t.firstRespondedAt() == null) {
				markFirstResponse(t, now, t.pausedMinutes());
			}
			if ("new".equals(t.status())) {
				move(t, "open", actor, now);
			}
		}
		jdbc.sql("update tickets set updated_at = ?, version = version + 1 where id = ?").params(Timestamp.from(now), id).update();
		refreshSla(id);
		audit.record(new AuditEvent(input.isPublic() ? "reply" : "note", TYPE, Long.toString(id), t.reference(),
				List.of(new FieldChange(input.isPublic() ? "reply" : "note", null,
						"(" + input.body().codePointCount(0, input.body().length()) + " characters)"))));
		return replies(id).stream().filter(r -> r.id() == replyId).findFirst().orElseThrow();
	}

	/**
	 * A message from the customer (their mail reply, or feedback on the public page): joins the
	 * thread, and a ticket waiting on the customer (or resolved) is open again.
	 */
	@Transactional
	public void customerMessage(long id, String fromAddress, String body, String messageId) {
		Actor.runAs(Actor.SYSTEM, () -> {
			Row t = find(id).orElseThrow(() -> new RecordNotFound(TYPE, id));
			Instant now = clock.instant();
			int added = jdbc.sql("""
					insert into ticket_replies (ticket_id, body, public, author_kind, author_email, message_id, created_at)
					values (?, ?, true, 'customer', ?, ?, ?) on conflict do nothing""")
				.params(id, body, fromAddress, messageId, Timestamp.from(now))
				.update();
			if (added == 0) {
				// the same mail read twice
				return;
			}
			if ("pending_customer".equals(t.status()) || "resolved".equals(t.status())) {
				move(t, "open", Actor.SYSTEM, now);
			}
			jdbc.sql("update tickets set updated_at = ?, version = version + 1 where id = ?").params(Timestamp.from(now), id).update();
			refreshSla(id);
			audit.record(new AuditEvent("customer-reply", TYPE, Long.toString(id), t.reference(),
					List.of(new FieldChange("reply", null, "(" + body.codePointCount(0, body.length()) + " characters)"))));
			if (!"pending_customer".equals(t.status()) && !"resolved".equals(t.status())) {
				return;
			}
			events.publishEvent(new TicketStatusChanged(id, t.status(), "open"));
		});
	}

	// ------------------------------------------------------------------ SLA sweep

	/**
	 * Looks at every ticket whose SLA clock needs attention at {@code now}: warns the assignee before a
	 * due time and, when one has passed, escalates — priority one step up, handed to the queue lead,
	 * both notified, the breach recorded. Rows are taken {@code for update skip locked}, and the breach
	 * row's unique key (ticket, target, due time) lets only one node escalate, however many sweep at once.
	 */
	@Transactional
	public SweepResult sweepSla(Instant now) {
		int[] counts = new int[3];
		Actor.runAs(Actor.SYSTEM, () -> {
			List<Long> due = jdbc.sql("""
					select id from tickets where status in ('new','open') and sla_check_at <= ?
					order by sla_check_at, id limit\s""" + SWEEP_BATCH + " for update skip locked")
				.param(Timestamp.from(now))
				.query(Long.class)
				.list();
			for (long id : due) {
				counts[0]++;
				Row t = find(id).orElseThrow();
				SlaPolicy policy = policies.get(t.policyId());
				BusinessCalendar cal = policy.calendar();
				Instant frDue = cal.plusMinutes(t.createdAt(), policy.firstResponseMinutes() + t.pausedMinutes());
				Instant resDue = cal.plusMinutes(t.createdAt(), policy.resolutionMinutes() + t.pausedMinutes());
				if (t.firstRespondedAt() == null) {
					counts[stage(t, "first_response", frDue, t.firstResponseWarned(), t.firstResponseBreached(), policy, now)]++;
					t = find(id).orElseThrow();
				}
				if (t.resolvedAt() == null) {
					counts[stage(t, "resolution", resDue, t.resolutionWarned(), t.resolutionBreached(), policy, now)]++;
				}
				refreshSla(id);
			}
		});
		return new SweepResult(counts[0], counts[1], counts[2]);
	}

	/** Warns or escalates one target; 1 for a warning, 2 for a breach, 0 for nothing (an index into the counts). */
	private int stage(Row t, String kind, Instant due, boolean warned, boolean breached, SlaPolicy policy, Instant now) {
		if (!breached && !now.isBefore(due)) {
			int inserted = jdbc.sql("""
					insert into sla_events (ticket_id, kind, stage, due_at, detected_at, escalated) values (?, ?, 'breach', ?, ?, true)
					on conflict do nothing""")
				.params(t.id(), kind, Timestamp.from(due), Timestamp.from(now))
				.update();
			jdbc.sql("update tickets set " + kind + "_breached = true, " + kind + "_warned = true where id = ?")
				.param(t.id())
				.update();
			if (inserted == 1) {
				escalate(t, kind, due, now);
				return 2;
			}
			return 0;
		}
		if (!warned && !now.isBefore(due.minusSeconds(60L * policy.warnMinutes()))) {
			int inserted = jdbc.sql("""
					insert into sla_events (ticket_id, kind, stage, due_at, detected_at) values (?, ?, 'warning', ?, ?)
					on conflict do nothing""")
				.params(t.id(), kind, Timestamp.from(due), Timestamp.from(now))
				.update();
			jdbc.sql("update tickets set " + kind + "_warned = true where id = ?").param(t.id()).update();
			if (inserted == 1) {
				Long to = t.assigneeId() != null ? t.assigneeId() : t.queueLeadId();
				if (to != null) {
					notify(to, t.id(), "sla-warning", t.reference() + ": " + label(kind) + " due at " + due, now);
				}
				return 1;
			}
		}
		return 0;
	}

	private void escalate(Row t, String kind, Instant due, Instant now) {
		String priority = ServiceVocabulary.raised(t.priority());
		Long assignee = t.queueLeadId() != null ? t.queueLeadId() : t.assigneeId();
		jdbc.sql("update tickets set priority = ?, assignee_id = ?, updated_at = ?, version = version + 1 where id = ?")
			.params(priority, assignee, Timestamp.from(now), t.id())
			.update();
		String message = t.reference() + ": " + label(kind) + " target missed (due " + due + "); escalated to "
				+ priority;
		Set<Long> notified = new LinkedHashSet<>();
		if (t.queueLeadId() != null) {
			notified.add(t.queueLeadId());
		}
		if (t.assigneeId() != null) {
			notified.add(t.assigneeId());
		}
		for (long user : notified) {
			notify(user, t.id(), "sla-breach", message, now);
		}
		List<FieldChange> changes = new ArrayList<>();
		changes.add(new FieldChange("sla." + kind, "due " + due, "breached"));
		if (!priority.equals(t.priority())) {
			changes.add(new FieldChange("priority", t.priority(), priority));
		}
		if (!Objects.equals(assignee, t.assigneeId())) {
			changes.add(new FieldChange("assigneeId", Objects.toString(t.assigneeId(), null), Objects.toString(assignee, null)));
		}
		audit.record(new AuditEvent("escalate", TYPE, Long.toString(t.id()), t.reference() + " " + t.subject(), changes));
		events.publishEvent(new TicketEscalated(t.id(), kind, priority, assignee));
	}

	private static String label(String kind) {
		return "first_response".equals(kind) ? "first response" : "resolution";
	}

	private void notify(long userId, long ticketId, String kind, String message, Instant now) {
		jdbc.sql("insert into service_notifications (user_id, ticket_id, kind, message, created_at) values (?, ?, ?, ?, ?)")
			.params(userId, ticketId, kind, message, Timestamp.from(now))
			.update();
	}

	/** The current user's latest notifications. */
	@Transactional(readOnly = true)
	public List<Notification> myNotifications(int limit) {
		return jdbc.sql("""
				select id, ticket_id, kind, message, created_at from service_notifications where user_id = ?
				order by created_at desc, id desc limit ?""")
			.params(Actor.current().id(), Math.max(1, Math.min(limit, 200)))
			.query((rs, i) -> new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * Recomputes a ticket's due times, inbox urgency and next sweep time from its state: the clocks
	 * run from creation in the policy's business time, shifted by the business time spent waiting on
	 * the customer; a paused or finished clock sorts last and needs no sweep.
	 */
	void refreshSla(long id) {
		Row t = find(id).orElseThrow();
		SlaPolicy policy = policies.get(t.policyId());
		BusinessCalendar cal = policy.calendar();
		Instant frDue = cal.plusMinutes(t.createdAt(), policy.firstResponseMinutes() + t.pausedMinutes());
		Instant resDue = cal.plusMinutes(t.createdAt(), policy.resolutionMinutes() + t.pausedMinutes());
		boolean running = "new".equals(t.status()) || "open".equals(t.status());
		Instant urgency = NEVER;
		Instant check = NEVER;
		if (running) {
			if (t.firstRespondedAt() == null) {
				urgency = min(urgency, frDue);
				check = min(check, next(frDue, t.firstResponseWarned(), t.firstResponseBreached(), policy));
			}
			urgency = min(urgency, resDue);
			check = min(check, next(resDue, t.resolutionWarned(), t.resolutionBreached(), policy));
		}
		jdbc.sql("""
				update tickets set first_response_due_at = ?, resolution_due_at = ?, urgency_at = ?, sla_check_at = ?
				where id = ?""")
			.params(Timestamp.from(frDue), Timestamp.from(resDue), Timestamp.from(urgency), Timestamp.from(check), id)
			.update();
	}

	private static Instant next(Instant due, boolean warned, boolean breached, SlaPolicy policy) {
		if (breached) {
			return NEVER;
		}
		return warned ? due : due.minusSeconds(60L * policy.warnMinutes());
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	// ------------------------------------------------------------------ sharing

	/** Who the ticket is shared with, beyond their role (the ticket must be visible). */
	@Transactional(readOnly = true)
	public List<org.rapport.platform.access.RecordAccess.Share> shares(long id) {
		get(id);
		return records.shares(TYPE, id);
	}

	@Transactional
	public void share(long id, long userId, String level) {
		TicketView t = get(id);
		if (!canEdit(t)) {
			throw new NotPermitted("share-ticket");
		}
		records.share(Actor.current(), TYPE, id, t.reference(), userId, level);
	}

	@Transactional
	public void unshare(long id, long userId) {
		TicketView t = get(id);
		if (!canEdit(t)) {
			throw new NotPermitted("share-ticket");
		}
		records.unshare(TYPE, id, t.reference(), userId);
	}

	// ------------------------------------------------------------------ helpers

	private TicketFields check(TicketFields in, Row before, List<FieldProblem> problems) {
		if (TextRules.isBlank(in.subject())) {
			problems.add(new FieldProblem("subject", "required", "Required"));
		}
		TextRules.check("subject", in.subject(), 200, false, problems);
		TextRules.check("description", in.description(), 20000, true, problems);
		TextRules.check("category", in.category(), 100, false, problems);
		TextRules.check("rootCause", in.rootCause(), 100, false, problems);
		String channel = in.channel() == null ? "web" : in.channel();
		oneOf("channel", channel, ServiceVocabulary.CHANNELS, problems);
		String type = in.type() == null ? "question" : in.type();
		oneOf("type", type, ServiceVocabulary.TYPES, problems);
		String priority = in.priority() == null ? "normal" : in.priority();
		oneOf("priority", priority, ServiceVocabulary.PRIORITIES, problems);
		if (in.severity() != null) {
			oneOf("severity", in.severity(), ServiceVocabulary.SEVERITIES, problems);
		}
		if (in.tags().size() > 30) {
			problems.add(new FieldProblem("tags", "too-many", "At most 30 tags"));
		}
		for (int i = 0; i < in.tags().size(); i++) {
			TextRules.check("tags[" + i + "]", in.tags().get(i), 50, false, problems);
		}
		Long accountId = in.accountId();
		if (in.contactId() != null) {
			boolean unchanged = before != null && in.contactId().equals(before.contactId());
			if (!unchanged && contacts.visibleNames(List.of(in.contactId())).isEmpty()) {
				problems.add(new FieldProblem("contactId", "unknown-contact", "No such contact"));
			}
			else if (accountId == null && !unchanged) {
				accountId = contacts.get(in.contactId()).accountId();
			}
		}
		if (in.accountId() != null && !(before != null && in.accountId().equals(before.accountId()))
				&& accounts.visibleNames(List.of(in.accountId())).isEmpty()) {
			problems.add(new FieldProblem("accountId", "unknown-account", "No such account"));
		}
		if (in.queueId() != null && queues.find(in.queueId()).isEmpty()) {
			problems.add(new FieldProblem("queueId", "unknown-queue", "No such queue"));
		}
		if (in.assigneeId() != null && !(before != null && in.assigneeId().equals(before.assigneeId()))
				&& users.find(in.assigneeId()).filter(UserSummary::enabled).isEmpty()) {
			problems.add(new FieldProblem("assigneeId", "unknown-user", "No such active user"));
		}
		return new TicketFields(in.subject(), in.description(), in.contactId(), accountId, channel, in.category(), type,
				priority, in.queueId(), in.assigneeId(), in.tags().stream().distinct().toList(), in.severity(),
				in.rootCause());
	}

	private static void oneOf(String field, String value, List<String> allowed, List<FieldProblem> problems) {
		if (!allowed.contains(value)) {
			problems.add(new FieldProblem(field, "not-allowed", "One of " + allowed));
		}
	}

	/** The account's tier: its custom field {@code tier}, if it has one. */
	private String tierOf(Long accountId) {
		if (accountId == null) {
			return null;
		}
		return Actor.callAs(Actor.SYSTEM, () -> accounts.findVisible(accountId))
			.map(a -> a.customFields().get("tier"))
			.map(Object::toString)
			.orElse(null);
	}

	private Optional<ContactView> contactOf(Long contactId) {
		if (contactId == null) {
			return Optional.empty();
		}
		return Actor.callAs(Actor.SYSTEM, () -> contacts.findVisible(contactId));
	}

	/** A public reply on the contact's 360° timeline, as an e-mail activity owned by the agent. */
	private void logOnTimeline(long contactId, Actor agent, String subject, String body, Instant at) {
		Long owner = agent.isSystem() ? null : agent.id();
		String text = body.length() > 19000 ? body.substring(0, 19000) + "…" : body;
		Actor.runAs(Actor.SYSTEM, () -> activities.create(new ActivityFields("email",
				subject.length() > 190 ? subject.substring(0, 190) + "…" : subject, text, at, null, null, null, null,
				contactId, null, owner)));
	}

	private void recordStatus(long id, String from, String to, Actor actor, Instant at) {
		jdbc.sql("insert into ticket_status_history (ticket_id, from_status, to_status, changed_by, changed_at) values (?, ?, ?, ?, ?)")
			.params(id, from, to, actor.id(), Timestamp.from(at))
			.update();
	}

	private static Map<String, Object> auditFields(TicketFields f, String status) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("subject", f.subject());
		m.put("description", f.description());
		m.put("status", status);
		m.put("priority", f.priority());
		m.put("channel", f.channel());
		m.put("type", f.type());
		m.put("category", f.category());
		m.put("contactId", f.contactId());
		m.put("accountId", f.accountId());
		m.put("queueId", f.queueId());
		m.put("assigneeId", f.assigneeId());
		m.put("tags", f.tags());
		m.put("severity", f.severity());
		m.put("rootCause", f.rootCause());
		return m;
	}

	private TicketView written(long id) {
		return present(List.of(find(id).orElseThrow(() -> new RecordNotFound(TYPE, id)))).get(0);
	}

	private static final String SELECT = """
			select t.*, q.name as queue_name, q.team_id as queue_team_id, q.lead_user_id as queue_lead_id
			from tickets t left join service_queues q on q.id = t.queue_id""";

	private Optional<Row> find(long id) {
		return jdbc.sql(SELECT + " where t.id = ?").param(id).query((rs, i) -> row(rs)).optional();
	}

	/** The stored ticket. */
	private record Row(long id, String reference, String subject, String description, Long contactId, Long accountId,
			String channel, String category, String type, String priority, String status, Long queueId,
			String queueName, Long queueTeamId, Long queueLeadId, Long assigneeId, List<String> tags, String severity,
			String rootCause, long policyId, Instant frDue, Instant resDue, Instant firstRespondedAt,
			Integer firstResponseMinutes, Instant resolvedAt, Integer resolutionMinutes, Instant closedAt,
			boolean firstResponseBreached, boolean resolutionBreached, boolean firstResponseWarned,
			boolean resolutionWarned, Instant pausedSince, int pausedMinutes, Instant urgencyAt, int reopenCount,
			long createdBy, Instant createdAt, Instant updatedAt, long version) {

		TicketAccess.Owners owners() {
			return new TicketAccess.Owners(id, assigneeId, createdBy, queueTeamId);
		}

		TicketFields fields() {
			return new TicketFields(subject, description, contactId, accountId, channel, category, type, priority,
					queueId, assigneeId, tags, severity, rootCause);
		}

	}

	private static Row row(ResultSet rs) throws SQLException {
		Array tags = rs.getArray("tags");
		return new Row(rs.getLong("id"), rs.getString("reference"), rs.getString("subject"), rs.getString("description"),
				longOrNull(rs, "contact_id"), longOrNull(rs, "account_id"), rs.getString("channel"),
				rs.getString("category"), rs.getString("type"), rs.getString("priority"), rs.getString("status"),
				longOrNull(rs, "queue_id"), rs.getString("queue_name"), longOrNull(rs, "queue_team_id"),
				longOrNull(rs, "queue_lead_id"), longOrNull(rs, "assignee_id"),
				tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()), rs.getString("severity"),
				rs.getString("root_cause"), rs.getLong("sla_policy_id"), instant(rs, "first_response_due_at"),
				instant(rs, "resolution_due_at"), instant(rs, "first_responded_at"), intOrNull(rs, "first_response_minutes"),
				instant(rs, "resolved_at"), intOrNull(rs, "resolution_minutes"), instant(rs, "closed_at"),
				rs.getBoolean("first_response_breached"), rs.getBoolean("resolution_breached"),
				rs.getBoolean("first_response_warned"), rs.getBoolean("resolution_warned"),
				instant(rs, "sla_paused_since"), rs.getInt("sla_paused_minutes"), instant(rs, "urgency_at"),
				rs.getInt("reopen_count"), rs.getLong("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getLong("version"));
	}

	private List<TicketView> present(List<Row> rows) {
		Instant now = clock.instant();
		Map<Long, String> people = users.displayNames(rows.stream().map(Row::assigneeId).filter(Objects::nonNull).toList());
		Map<Long, String> contactNames = contacts.visibleNames(rows.stream().map(Row::contactId).filter(Objects::nonNull).toList());
		Map<Long, String> accountNames = accounts.visibleNames(rows.stream().map(Row::accountId).filter(Objects::nonNull).toList());
		Map<Long, SlaPolicy> byId = new HashMap<>();
		List<TicketView> out = new ArrayList<>();
		for (Row r : rows) {
			SlaPolicy policy = byId.computeIfAbsent(r.policyId(), policies::get);
			boolean running = "new".equals(r.status()) || "open".equals(r.status());
			boolean frOverdue = running && r.firstRespondedAt() == null && r.frDue() != null && now.isAfter(r.frDue());
			boolean resOverdue = running && r.resDue() != null && now.isAfter(r.resDue());
			Instant nextDue = running && r.urgencyAt().isBefore(NEVER) ? r.urgencyAt() : null;
			Long left = null;
			if (nextDue != null) {
				BusinessCalendar cal = policy.calendar();
				left = nextDue.isAfter(now) ? cal.minutesBetween(now, nextDue) : -cal.minutesBetween(nextDue, now);
			}
			out.add(new TicketView(r.id(), r.reference(), r.subject(), r.description(), r.contactId(),
					r.contactId() == null ? null : contactNames.get(r.contactId()), r.accountId(),
					r.accountId() == null ? null : accountNames.get(r.accountId()), r.channel(), r.category(), r.type(),
					r.priority(), r.status(), r.queueId(), r.queueName(), r.assigneeId(),
					r.assigneeId() == null ? null : people.get(r.assigneeId()), r.tags(), r.severity(), r.rootCause(),
					r.frDue(), r.resDue(), r.firstRespondedAt(), r.resolvedAt(), r.closedAt(),
					r.firstResponseBreached() || r.resolutionBreached() || frOverdue || resOverdue,
					r.firstResponseBreached() || frOverdue, r.resolutionBreached() || resOverdue,
					"pending_customer".equals(r.status()), nextDue, left, r.firstResponseMinutes(), r.resolutionMinutes(),
					r.reopenCount(), r.createdBy(), r.createdAt(), r.updatedAt(), r.version()));
		}
		return out;
	}

	private static ReplyView reply(ResultSet rs) throws SQLException {
		return new ReplyView(rs.getLong("id"), rs.getLong("ticket_id"), longOrNull(rs, "parent_id"), rs.getString("body"),
				rs.getBoolean("public"), rs.getString("author_kind"), longOrNull(rs, "author_id"),
				rs.getString("author_email"), rs.getBoolean("feedback"), instant(rs, "created_at"));
	}

	static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	static Integer intOrNull(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
