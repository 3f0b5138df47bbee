package org.rapport.customers;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.rapport.platform.text.Indexing;
import org.rapport.platform.data.Keyset;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.access.RecordAccess.Share;
import org.rapport.platform.data.SqlQuery;
import org.rapport.platform.data.SortedSearch;
import org.rapport.platform.data.BatchInsert;
import org.rapport.platform.data.BatchUpdate;
import org.rapport.platform.AccessScope;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.BatchWritten;
import org.rapport.platform.FieldChanges;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Masking;
import org.rapport.platform.Page;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.TextRules;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.text.SearchText;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts: the people a company deals with. Every change is checked against the actor's access,
 * guarded by the record's version, audited with personal fields masked, and announced by an event.
 */
@Service
public class ContactManagement {

	static final String TYPE = "contact";

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static final Pattern PHONE = Pattern.compile("[0-9+\\-().\\s/#*xXt]+|.*ext.*");

	static final Map<String, UnaryOperator<String>> PERSONAL = Map.of("emails", Masking.forAudit(Masking::email), "phones",
			Masking.forAudit(Masking::phone), "street", Masking.forAudit(Masking::text), "postalCode", Masking.forAudit(Masking::text));

	private final JdbcClient jdbc;

	private final RecordAccess access;

	private final AuditTrail audit;

	private final UserDirectory users;

	private final CustomFieldManagement customFields;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final JsonMapper decimals;

	private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch;

	ContactManagement(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch,
			RecordAccess access, AuditTrail audit, UserDirectory users, CustomFieldManagement customFields,
			ApplicationEventPublisher events, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.access = access;
		this.audit = audit;
		this.users = users;
		this.customFields = customFields;
		this.events = events;
		this.json = json;
		this.decimals = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	@Transactional
	public ContactView create(ContactFields fields) {
		return create(fields, List.of());
	}

	/**
	 * Creates the record from input some of whose fields could not even be read ({@code inputProblems}):
	 * those are reported together with every other bad field, so the client learns all at once.
	 */
	@Transactional
	public ContactView create(ContactFields fields, List<FieldProblem> inputProblems) {
		Actor actor = Actor.current();
		access.requireCreate(actor);
		List<FieldProblem> problems = new ArrayList<>(inputProblems);
		Checked checked = check(actor, fields, null, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(InvalidInput.oncePerField(problems));
		}
		ContactFields f = checked.fields();
		String display = displayName(f.firstName(), f.lastName());
		long id = jdbc.sql("""
				insert into contacts (first_name, last_name, display_name, title, emails, phones, account_id, company_name,
				  street, city, region, postal_code, country, lifecycle_stage, source, owner_id, tags, custom,
				  sort_name, search_text, search_grams, phone_digits, created_by)
				values (:first, :last, :display, :title, :emails, :phones, :account, :company, :street, :city, :region,
				  :postal, :country, :stage, :source, :owner, :tags, cast(:custom as jsonb), :sort, :search, :grams,
				  :digits, :actor)
				returning id""")
			.params(columns(f, checked.company()))
			.param("actor", actor.id())
			.query(Long.class)
			.single();
		audit.record(new AuditEvent("create", TYPE, Long.toString(id), display,
				FieldChanges.between(null, auditFields(f), PERSONAL)));
		events.publishEvent(new ContactCreated(id, actor.id()));
		return written(actor, id);
	}

	/**
	 * The outcome of {@link #createAll}, position by position.
	 *
	 * @param ids the new contact's id at each position of the input; {@code null} where it was refused
	 * @param refused why, by position
	 */
	public record BatchCreated(List<Long> ids, Map<Integer, InvalidInput> refused) {

		public BatchCreated {
			ids = java.util.Collections.unmodifiableList(new ArrayList<>(ids));
			refused = Map.copyOf(refused);
		}

	}

	/**
	 * Creates many contacts at once, each exactly as {@link #create(ContactFields)} would: same checks
	 * (a refused record is reported at its position and the others are still created), one audit entry
	 * and one {@link ContactCreated} each. What differs is the cost: the referenced accounts and the
	 * custom field definitions are read once, the records are inserted by one multi-row statement per
	 * 1,000, the audit entries are appended to the chain together before commit, and nothing is read
	 * back. For imports.
	 */
	@Transactional
	public BatchCreated createAll(List<ContactFields> all) {
		Actor actor = Actor.current();
		access.requireCreate(actor);
		Lookups lookups = lookups(actor, all);
		BatchInsert<Checked> batch = BatchInsert
			.<ContactFields, Checked>check(all, (fields, problems) -> check(actor, fields, null, problems, lookups),
					problems -> new InvalidInput(InvalidInput.oncePerField(problems)))
			.insert(jdbc, "contacts_id_seq", """
					insert into contacts (id, first_name, last_name, display_name, title, emails, phones, account_id,
					  company_name, street, city, region, postal_code, country, lifecycle_stage, source, owner_id, tags,
					  custom, sort_name, search_text, search_grams, phone_digits, created_by) values""",
					"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)", c -> {
						// columns() keeps the column order of the statement above
						List<Object> values = new ArrayList<>(columns(c.fields(), c.company()).values());
						values.add(actor.id());
						return values;
					});
		for (int k = 0; k < batch.valid().size(); k++) {
			ContactFields f = batch.valid().get(k).fields();
			long id = batch.ids().get(k);
			audit.record(new AuditEvent("create", TYPE, Long.toString(id), displayName(f.firstName(), f.lastName()),
					FieldChanges.between(null, auditFields(f), PERSONAL)));
			events.publishEvent(new ContactCreated(id, actor.id()));
		}
		BatchWritten written = batch.written(all.size());
		Map<Integer, InvalidInput> refused = new LinkedHashMap<>();
		written.refused().forEach((position, refusal) -> refused.put(position, (InvalidInput) refusal));
		return new BatchCreated(written.ids(), refused);
	}

	@Transactional(readOnly = true)
	public ContactView get(long id) {
		return findVisible(id).orElseThrow(() -> new RecordNotFound(TYPE, id));
	}

	/**
	 * The contact if it exists and the current actor may see it, else empty: for a caller that goes on without
	 * it (one lookup, where {@link #visibleNames} and then {@link #get} would be two).
	 */
	@Transactional(readOnly = true)
	public Optional<ContactView> findVisible(long id) {
		Actor actor = Actor.current();
		return find(id).filter(r -> access.canSee(actor, TYPE, id, r.view().ownerId()))
			.map(r -> present(actor, List.of(r.view())).get(0));
	}

	/**
	 * The contact as just written by the actor, who may have handed it to an owner whose records they
	 * do not see: the write stands and they get the result, not a 404 that would roll it back.
	 */
	private ContactView written(Actor actor, long id) {
		return present(actor, List.of(find(id).orElseThrow(() -> new RecordNotFound(TYPE, id)).view())).get(0);
	}

	/** Whether the current actor may change the contact. */
	public boolean canEdit(ContactView contact) {
		return access.canEdit(Actor.current(), TYPE, contact.id(), contact.ownerId());
	}

	public boolean canDelete(ContactView contact) {
		return access.canDelete(Actor.current(), contact.ownerId());
	}

	@Transactional
	public ContactView update(long id, long expectedVersion, ContactFields fields) {
		return update(id, expectedVersion, fields, List.of());
	}

	/** Updates the record, reporting {@code inputProblems} together with every other bad field. */
	@Transactional
	public ContactView update(long id, long expectedVersion, ContactFields fields, List<FieldProblem> inputProblems) {
		Actor actor = Actor.current();
		ContactView before = find(id).map(Row::view).orElse(null);
		Checked checked = checked(actor, id, expectedVersion, before, fields, inputProblems,
				lookups(actor, List.of(fields)));
		ContactFields f = checked.fields();
		int updated = jdbc.sql(UPDATE)
			.params(columns(f, checked.company()))
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersion(TYPE, id, expectedVersion, find(id).map(r -> r.view().version()).orElse(-1L));
		}
		var changes = FieldChanges.between(auditFields(before.fields()), auditFields(f), PERSONAL);
		audit.record(new AuditEvent("update", TYPE, Long.toString(id), displayName(f.firstName(), f.lastName()), changes));
		events.publishEvent(new ContactUpdated(id, actor.id()));
		return written(actor, id);
	}

	/**
	 * What an update checks, in this order: the contact is there and the actor sees it (else it is not
	 * found for them), they may edit it, they changed the version they read, and the fields are valid
	 * (reported together with {@code inputProblems}). Returns the fields as checked.
	 */
	private Checked checked(Actor actor, long id, long expectedVersion, ContactView before, ContactFields fields,
			List<FieldProblem> inputProblems, Lookups lookups) {
		access.requireEditable(actor, TYPE, id, expectedVersion, before);
		List<FieldProblem> problems = new ArrayList<>(inputProblems);
		Checked checked = check(actor, fields, before.ownerId(), problems, lookups);
		if (!problems.isEmpty()) {
			throw new InvalidInput(InvalidInput.oncePerField(problems));
		}
		return checked;
	}

	private static final String UPDATE = """
			update contacts set first_name = :first, last_name = :last, display_name = :display, title = :title,
			  emails = :emails, phones = :phones, account_id = :account, company_name = :company, street = :street,
			  city = :city, region = :region, postal_code = :postal, country = :country, lifecycle_stage = :stage,
			  source = :source, owner_id = :owner, tags = :tags, custom = cast(:custom as jsonb), sort_name = :sort,
			  search_text = :search, search_grams = :grams, phone_digits = :digits, updated_at = now(),
			  version = version + 1
			where id = :id and version = :version""";

	/**
	 * One change of {@link #updateAll}.
	 *
	 * @param id the contact
	 * @param expectedVersion its version as the caller read it
	 * @param fields all its fields after the change
	 */
	public record Change(long id, long expectedVersion, ContactFields fields) implements BatchUpdate.Change {
	}

	/**
	 * Updates many contacts at once, each exactly as {@link #update(long, long, ContactFields)} would: same
	 * access, version and field checks (a refused change is reported at its position, with the exception
	 * update would throw, and the others are still made), one audit entry with the changed fields and one
	 * {@link ContactUpdated} each, version bumped. What differs is the cost: the contacts, the referenced
	 * accounts and the custom field definitions are read once, the rows updated by one JDBC batch, and
	 * nothing is read back. Each contact at most once. For imports.
	 */
	@Transactional
	public BatchWritten updateAll(List<Change> all) {
		Actor actor = Actor.current();
		Lookups lookups = lookups(actor, all.stream().map(Change::fields).toList());
		return BatchUpdate.check(TYPE, all,
				ids -> jdbc.sql("select " + COLUMNS + " from contacts c where c.id = any(?)").param(ids).query((rs, i) -> map(rs)).list(),
				ContactView::id, (change, before) -> checked(actor, change.id(), change.expectedVersion(), before,
						change.fields(), List.of(), lookups))
			.update(batch, UPDATE, c -> columns(c.fields(), c.company()))
			.written((change, before, c) -> {
				ContactFields f = c.fields();
				var changes = FieldChanges.between(auditFields(before.fields()), auditFields(f), PERSONAL);
				audit.record(new AuditEvent("update", TYPE, Long.toString(change.id()),
						displayName(f.firstName(), f.lastName()), changes));
				events.publishEvent(new ContactUpdated(change.id(), actor.id()));
			});
	}

	@Transactional
	public void delete(long id, Long expectedVersion) {
		Actor actor = Actor.current();
		Row before = find(id).filter(r -> access.canSee(actor, TYPE, id, r.view().ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		access.requireDelete(actor, TYPE, before.view().ownerId());
		if (expectedVersion != null && before.view().version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, before.view().version());
		}
		int activities = jdbc.sql("select count(*) from activities where contact_id = ?").param(id)
			.query(Integer.class).single();
		jdbc.sql("delete from contacts where id = ?").param(id).update();
		access.dropShares(TYPE, id);
		var changes = new ArrayList<>(FieldChanges.between(auditFields(before.view().fields()), null, PERSONAL));
		if (activities > 0) {
			changes.add(new AuditTrail.FieldChange("activities", Integer.toString(activities), null));
		}
		audit.record(new AuditEvent("delete", TYPE, Long.toString(id), before.view().displayName(), changes));
		events.publishEvent(new ContactDeleted(id, actor.id()));
	}

	/**
	 * Removes a contact merged into another, keeping its whole row under the merge id so that
	 * {@link #restoreMerged} can bring it back with its id. Its references must have been moved
	 * first ({@link ContactReferences}). Audited as "merge" (the record's history stays in the audit
	 * log) and announced as {@link ContactDeleted}.
	 */
	@Transactional
	public void mergeAway(long mergedId, long survivorId, long mergeId) {
		Actor actor = Actor.current();
		Row before = find(mergedId).filter(r -> access.canSee(actor, TYPE, mergedId, r.view().ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, mergedId));
		access.requireDelete(actor, TYPE, before.view().ownerId());
		jdbc.sql("""
				insert into contact_merge_snapshots (merge_id, contact_id, survivor_id, row)
				select ?, id, ?, to_jsonb(c) from contacts c where id = ?""")
			.params(mergeId, survivorId, mergedId)
			.update();
		jdbc.sql("delete from contacts where id = ?").param(mergedId).update();
		access.dropShares(TYPE, mergedId);
		var changes = new ArrayList<>(FieldChanges.between(auditFields(before.view().fields()), null, PERSONAL));
		changes.add(new AuditTrail.FieldChange("mergedInto", null, Long.toString(survivorId)));
		audit.record(new AuditEvent("merge", TYPE, Long.toString(mergedId), before.view().displayName(), changes));
		events.publishEvent(new ContactDeleted(mergedId, actor.id()));
	}

	/** Brings back, with its id, the contact a merge removed; returns its id. */
	@Transactional
	public long restoreMerged(long mergeId) {
		Actor actor = Actor.current();
		Long id = jdbc.sql("select contact_id from contact_merge_snapshots where merge_id = ?").param(mergeId)
			.query(Long.class).optional().orElseThrow(() -> new RecordNotFound("merge", mergeId));
		jdbc.sql("""
				insert into contacts select (jsonb_populate_record(null::contacts, row)).*
				from contact_merge_snapshots where merge_id = ?""")
			.param(mergeId)
			.update();
		jdbc.sql("delete from contact_merge_snapshots where merge_id = ?").param(mergeId).update();
		ContactView view = find(id).orElseThrow().view();
		audit.record(new AuditEvent("restore", TYPE, Long.toString(id), view.displayName(),
				FieldChanges.between(null, auditFields(view.fields()), PERSONAL)));
		events.publishEvent(new ContactCreated(id, actor.id()));
		return id;
	}

	@Transactional(readOnly = true)
	public Page<ContactView> list(ContactQuery query) {
		Actor actor = Actor.current();
		AccessScope scope = access.scope(actor);
		Keyset keyset = Keyset.of(query.sort(), Indexing.searching(query.q()) ? "-updatedAt" : "name");
		int limit = Keyset.limit(query.limit());
		SqlQuery q = new SqlQuery();
		q.and(access.visible("c", TYPE, scope, q));
		List<String> terms = Indexing.match("c", query.q(), q);
		if (query.ownerId() != null) {
			q.and("c.owner_id = " + q.param(query.ownerId()));
		}
		if (query.accountId() != null) {
			q.and("c.account_id = " + q.param(query.accountId()));
		}
		if (query.lifecycleStage() != null && !query.lifecycleStage().isBlank()) {
			if (!Vocabulary.LIFECYCLE_STAGES.contains(query.lifecycleStage())) {
				throw InvalidInput.of("lifecycleStage", "not-allowed", "Must be one of " + Vocabulary.LIFECYCLE_STAGES);
			}
			q.and("c.lifecycle_stage = " + q.param(query.lifecycleStage()));
		}
		if (query.tag() != null && !query.tag().isBlank()) {
			List<FieldProblem> tagProblems = new ArrayList<>();
			if (!TextRules.check("tag", query.tag(), 50, false, tagProblems)) {
				throw new InvalidInput(tagProblems);
			}
			q.and("c.tags @> array[cast(" + q.param(query.tag().strip()) + " as text)]");
		}
		if (!query.custom().isEmpty()) {
			Map<String, Object> filter = new LinkedHashMap<>();
			query.custom().forEach((k, v) -> filter.put(k, customFields.filterValue(TYPE, k, v)));
			q.and("c.custom @> cast(" + q.param(json.writeValueAsString(filter)) + " as jsonb)");
		}
		SqlQuery position = q.sharingParameters();
		keyset.after("c", query.cursor(), position);
		RowMapper<Row> mapper = (rs, i) -> new Row(map(rs), keyset.cursorAfter(rs));
		List<Row> rows = Indexing.searching(query.q())
				? SortedSearch.page(jdbc, "contacts", "c", COLUMNS, q, position, keyset, limit + 1,
						Indexing.likelyRare(query.q()), new SortedSearch.Hints(walkParts(keyset, scope, q), terms), mapper)
				: jdbc.sql("select " + COLUMNS + " from contacts c where " + q.where() + " and " + position.where() + " order by "
						+ keyset.orderBy("c") + " limit " + (limit + 1))
					.params(q.params())
					.query(mapper)
					.list();
		String next = rows.size() > limit ? rows.get(limit - 1).cursor() : null;
		List<ContactView> page = present(actor, rows.stream().limit(limit).map(Row::view).toList());
		return new Page<>(page, next);
	}

	/**
	 * The parts of the table a search of this scope walks (RecordAccess.walkParts): for the orders that an index
	 * leading with the owner serves, by update time ({@code contacts_owner_updated_idx}) or by name
	 * ({@code contacts_owner_idx}); else the whole table, in the sort index's order.
	 */
	private List<String> walkParts(Keyset keyset, AccessScope scope, SqlQuery q) {
		return "created_at".equals(keyset.column()) ? List.of() : access.walkParts("c", TYPE, scope, q);
	}

	/**
	 * The contacts the actor may see that carry this e-mail address (any case) or this phone number (its
	 * last nine digits, whatever the formatting or country prefix): exact lookups through the indexes
	 * {@code contacts_email_keys_idx} and {@code contacts_phone_keys_idx}, without the ordering and
	 * paging of {@link #list}. For duplicate checks such as an import's, which then confirm each
	 * candidate field by field.
	 *
	 * @param email an e-mail address, or null
	 * @param phone a phone number in any format, or null (fewer than six digits are ignored)
	 * @param limit at most this many (1–100)
	 */
	@Transactional(readOnly = true)
	public List<ContactView> findByEmailOrPhone(String email, String phone, int limit) {
		return findByEmailsOrPhones(email == null ? List.of() : List.of(email), phone == null ? List.of() : List.of(phone),
				Math.max(1, Math.min(limit, 100)));
	}

	/**
	 * As {@link #findByEmailOrPhone}, for many addresses and numbers in one query through the same two
	 * indexes: the contacts carrying any of them. For a batch's duplicate check.
	 *
	 * @param limit at most this many (1–100,000)
	 */
	@Transactional(readOnly = true)
	public List<ContactView> findByEmailsOrPhones(java.util.Collection<String> emails,
			java.util.Collection<String> phones, int limit) {
		Actor actor = Actor.current();
		SqlQuery q = new SqlQuery();
		q.and(access.visible("c", TYPE, access.scope(actor), q));
		// the keys behind a sub-select: shown a long array of values, the planner expects a large share of
		// the table and scans all of it, computing the keys of every row; unseen, it uses the indexes
		List<String> any = new ArrayList<>();
		String[] emailKeys = emails.stream().map(ContactManagement::emailKey).filter(java.util.Objects::nonNull)
			.distinct().toArray(String[]::new);
		if (emailKeys.length > 0) {
			any.add("contact_email_keys(c.emails) && (select cast(" + q.param(emailKeys) + " as text[]))");
		}
		String[] phoneKeys = phones.stream().map(ContactManagement::phoneKey).filter(java.util.Objects::nonNull)
			.distinct().toArray(String[]::new);
		if (phoneKeys.length > 0) {
			any.add("contact_phone_keys(c.phone_digits) && (select cast(" + q.param(phoneKeys) + " as text[]))");
		}
		if (any.isEmpty()) {
			return List.of();
		}
		q.and("(" + String.join(" or ", any) + ")");
		List<ContactView> found = jdbc.sql("select " + COLUMNS + " from contacts c where " + q.where() + " limit "
				+ Math.max(1, Math.min(limit, 100_000)))
			.params(q.params())
			.query((rs, i) -> map(rs))
			.list();
		return present(actor, found);
	}

	/** The key an e-mail address is looked up by (lower case), {@code null} for none. */
	public static String emailKey(String email) {
		return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The key a phone number is looked up by: its last nine digits, whatever the formatting or country
	 * prefix; {@code null} for fewer than six digits.
	 */
	public static String phoneKey(String phone) {
		String digits = phone == null ? "" : phone.replaceAll("\\D", "");
		return digits.length() < 6 ? null : digits.substring(Math.max(0, digits.length() - 9));
	}

	/** Names of those of the given contacts the current actor may see (for other modules' lists). */
	@Transactional(readOnly = true)
	public Map<Long, String> visibleNames(java.util.Collection<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		Actor actor = Actor.current();
		jdbc.sql("select id, display_name, owner_id from contacts where id = any(?)")
			.param(ids.stream().distinct().toArray(Long[]::new))
			.query(rs -> {
				if (access.canSee(actor, TYPE, rs.getLong(1), rs.getLong(3))) {
					names.put(rs.getLong(1), rs.getString(2));
				}
			});
		return names;
	}

	/**
	 * A contact as other modules' lists show it.
	 * @param email first e-mail address, masked for actors who may not read it
	 */
	public record Listed(long id, String displayName, Long accountId, String accountName, String email, long ownerId) {
	}

	/** Those of the given contacts the current actor may see, as {@link Listed} (for other modules' lists). */
	@Transactional(readOnly = true)
	public Map<Long, Listed> visibleListed(java.util.Collection<Long> ids) {
		Map<Long, Listed> out = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		Actor actor = Actor.current();
		boolean mask = actor.role().seesContactDetailsMasked();
		jdbc.sql("select id, display_name, account_id, company_name, emails[1], owner_id from contacts where id = any(?)")
			.param(ids.stream().distinct().toArray(Long[]::new))
			.query(rs -> {
				if (access.canSee(actor, TYPE, rs.getLong(1), rs.getLong(6))) {
					String email = rs.getString(5);
					out.put(rs.getLong(1), new Listed(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
							rs.getString(4), mask && email != null ? Masking.email(email) : email, rs.getLong(6)));
				}
			});
		return out;
	}

	public List<Share> shares(long id) {
		get(id);
		return access.shares(TYPE, id);
	}

	@Transactional
	public void share(long id, long userId, String level) {
		ContactView contact = get(id);
		access.requireEdit(Actor.current(), TYPE, id, contact.ownerId());
		access.share(Actor.current(), TYPE, id, contact.displayName(), userId, level);
	}

	@Transactional
	public void unshare(long id, long userId) {
		ContactView contact = get(id);
		access.requireEdit(Actor.current(), TYPE, id, contact.ownerId());
		access.unshare(TYPE, id, contact.displayName(), userId);
	}

	/**
	 * Keeps contacts' company name and search text in step with renamed accounts: their contacts read by
	 * one query and updated by one JDBC batch.
	 *
	 * @param names the new name by account id
	 */
	void companiesRenamed(Map<Long, String> names) {
		if (names.isEmpty()) {
			return;
		}
		List<ContactView> rows = jdbc.sql("select " + COLUMNS + " from contacts c where c.account_id = any(?)")
			.param(names.keySet().toArray(Long[]::new))
			.query((rs, i) -> map(rs))
			.list();
		org.springframework.jdbc.core.namedparam.SqlParameterSource[] params = rows.stream().map(c -> {
			String name = names.get(c.accountId());
			Indexing ix = Indexing.ofContact(c.displayName(), c.firstName(), c.lastName(), c.emails(), c.phones(), name);
			return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("company", name)
				.addValue("search", ix.searchText())
				.addValue("grams", ix.grams())
				.addValue("id", c.id());
		}).toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new);
		if (params.length > 0) {
			batch.batchUpdate("update contacts set company_name = :company, search_text = :search, search_grams = :grams "
					+ "where id = :id", params);
		}
	}

	/** Chinese names are written family name first without a space (张伟); others given name first. */
	public static String displayName(String firstName, String lastName) {
		String first = firstName == null ? "" : firstName.strip();
		String last = lastName == null ? "" : lastName.strip();
		if (SearchText.containsCjk(last)) {
			return last + first;
		}
		return (first + " " + last).strip();
	}

	private record Checked(ContactFields fields, String company) {
	}

	private record Row(ContactView view, String cursor) {
	}

	/**
	 * What checking needs to read, read once for one record or for a whole batch: the names of the
	 * referenced accounts the actor may see, and the custom field definitions.
	 */
	private record Lookups(Map<Long, String> companies, List<CustomFieldDefinition> definitions) {
	}

	private Lookups lookups(Actor actor, List<ContactFields> all) {
		Long[] accountIds = all.stream().map(ContactFields::accountId).filter(java.util.Objects::nonNull).distinct()
			.toArray(Long[]::new);
		Map<Long, String> companies = new java.util.HashMap<>();
		if (accountIds.length > 0) {
			jdbc.sql("select id, name, owner_id from accounts where id = any(?)").param(accountIds).query(rs -> {
				if (access.canSee(actor, "account", rs.getLong("id"), rs.getLong("owner_id"))) {
					companies.put(rs.getLong("id"), rs.getString("name"));
				}
			});
		}
		return new Lookups(companies, customFields.definitions(TYPE));
	}

	private Checked check(Actor actor, ContactFields in, Long currentOwner, List<FieldProblem> problems) {
		return check(actor, in, currentOwner, problems, lookups(actor, List.of(in)));
	}

	private Checked check(Actor actor, ContactFields in, Long currentOwner, List<FieldProblem> problems,
			Lookups lookups) {
		TextRules.check("firstName", in.firstName(), 200, false, problems);
		TextRules.check("lastName", in.lastName(), 200, false, problems);
		if (TextRules.isBlank(in.firstName()) && TextRules.isBlank(in.lastName())
				&& problems.stream().noneMatch(p -> p.field().endsWith("Name"))) {
			problems.add(new FieldProblem("lastName", "required", "A first or last name is required"));
		}
		TextRules.check("title", in.title(), 200, false, problems);
		TextRules.check("street", in.street(), 300, false, problems);
		TextRules.check("city", in.city(), 100, false, problems);
		TextRules.check("region", in.region(), 100, false, problems);
		TextRules.check("postalCode", in.postalCode(), 20, false, problems);
		TextRules.check("country", in.country(), 100, false, problems);
		TextRules.check("source", in.source(), 100, false, problems);
		List<String> emails = distinct(in.emails());
		if (emails.size() > 10) {
			problems.add(new FieldProblem("emails", "too-many", "At most 10"));
		}
		for (int i = 0; i < emails.size(); i++) {
			String e = emails.get(i);
			if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
				problems.add(new FieldProblem(i == 0 ? "email" : "emails[" + i + "]", "invalid-email",
						"Not an e-mail address"));
			}
		}
		List<String> phones = distinct(in.phones());
		if (phones.size() > 10) {
			problems.add(new FieldProblem("phones", "too-many", "At most 10"));
		}
		for (int i = 0; i < phones.size(); i++) {
			String p = phones.get(i);
			if (p.length() > 40 || !PHONE.matcher(p).matches() || p.replaceAll("\\D", "").length() < 3) {
				problems.add(new FieldProblem(i == 0 ? "phone" : "phones[" + i + "]", "invalid-phone",
						"Not a phone number"));
			}
		}
		String stage = in.lifecycleStage() == null ? "lead" : in.lifecycleStage();
		if (!Vocabulary.LIFECYCLE_STAGES.contains(stage)) {
			problems.add(new FieldProblem("lifecycleStage", "not-allowed", "Must be one of " + Vocabulary.LIFECYCLE_STAGES));
		}
		List<String> tags = tags(in.tags(), problems);
		String company = null;
		if (in.accountId() != null) {
			company = lookups.companies().get(in.accountId());
			if (company == null) {
				problems.add(new FieldProblem("accountId", "unknown-account", "No such account"));
			}
		}
		long owner = access.checkOwner(actor, in.ownerId(), currentOwner, problems);
		Map<String, Object> custom = customFields.typed(lookups.definitions(), in.customFields(), problems);
		return new Checked(new ContactFields(in.firstName(), in.lastName(), in.title(), emails, phones, in.accountId(),
				in.street(), in.city(), in.region(), in.postalCode(), in.country(), stage, in.source(), owner, tags,
				custom), company);
	}

	static List<String> tags(List<String> in, List<FieldProblem> problems) {
		LinkedHashSet<String> tags = new LinkedHashSet<>();
		for (String t : in) {
			if (t != null && !t.isBlank()) {
				if (TextRules.check("tags", t, 50, false, problems)) {
					tags.add(t.strip());
				}
			}
		}
		if (tags.size() > 50) {
			problems.add(new FieldProblem("tags", "too-many", "At most 50 tags"));
		}
		return List.copyOf(tags);
	}

	private static List<String> distinct(List<String> values) {
		LinkedHashSet<String> set = new LinkedHashSet<>();
		for (String v : values) {
			if (v != null && !v.isBlank()) {
				set.add(v);
			}
		}
		return List.copyOf(set);
	}

	/** The columns of a contact, its display name and search columns computed from its fields. */
	private Map<String, Object> columns(ContactFields f, String company) {
		String display = displayName(f.firstName(), f.lastName());
		Indexing ix = Indexing.ofContact(display, f.firstName(), f.lastName(), f.emails(), f.phones(), company);
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("first", f.firstName());
		p.put("last", f.lastName());
		p.put("display", display);
		p.put("title", f.title());
		p.put("emails", f.emails().toArray(String[]::new));
		p.put("phones", f.phones().toArray(String[]::new));
		p.put("account", f.accountId());
		p.put("company", company);
		p.put("street", f.street());
		p.put("city", f.city());
		p.put("region", f.region());
		p.put("postal", f.postalCode());
		p.put("country", f.country());
		p.put("stage", f.lifecycleStage());
		p.put("source", f.source());
		p.put("owner", f.ownerId());
		p.put("tags", f.tags().toArray(String[]::new));
		p.put("custom", json.writeValueAsString(f.customFields()));
		p.put("sort", ix.sortName());
		p.put("search", ix.searchText());
		p.put("grams", ix.grams());
		p.put("digits", ix.phoneDigits());
		return p;
	}

	static Map<String, Object> auditFields(ContactFields f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("firstName", f.firstName());
		m.put("lastName", f.lastName());
		m.put("title", f.title());
		m.put("emails", f.emails());
		m.put("phones", f.phones());
		m.put("accountId", f.accountId());
		m.put("street", f.street());
		m.put("city", f.city());
		m.put("region", f.region());
		m.put("postalCode", f.postalCode());
		m.put("country", f.country());
		m.put("lifecycleStage", f.lifecycleStage());
		m.put("source", f.source());
		m.put("ownerId", f.ownerId());
		m.put("tags", f.tags());
		m.put("customFields", f.customFields());
		return m;
	}

	private java.util.Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from contacts c where c.id = ?").param(id).query((rs, i) -> new Row(map(rs), null))
			.optional();
	}

	/** Owner names filled in; e-mails and phones masked for actors who may not read them. */
	private List<ContactView> present(Actor actor, List<ContactView> views) {
		Map<Long, String> owners = users.displayNames(views.stream().map(ContactView::ownerId).toList());
		boolean mask = actor.role().seesContactDetailsMasked();
		return views.stream().map(c -> {
			List<String> emails = mask ? c.emails().stream().map(Masking::email).toList() : c.emails();
			List<String> phones = mask ? c.phones().stream().map(Masking::phone).toList() : c.phones();
			return new ContactView(c.id(), c.firstName(), c.lastName(), c.displayName(), c.title(),
					emails.isEmpty() ? null : emails.get(0), emails, phones.isEmpty() ? null : phones.get(0), phones,
					c.accountId(), c.accountName(), mask ? Masking.text(c.street()) : c.street(), c.city(), c.region(),
					c.postalCode(), c.country(), c.lifecycleStage(), c.source(), c.ownerId(), owners.get(c.ownerId()),
					c.tags(), c.customFields(), c.createdAt(), c.updatedAt(), c.version());
		}).toList();
	}

	/**
	 * The columns {@link #map} and the list orders read: all but the search columns, which only the
	 * database tests (about half of a row's bytes, sent and decoded for nothing).
	 */
	private static final String COLUMNS = "c.id, c.first_name, c.last_name, c.display_name, c.title, c.emails, c.phones, "
			+ "c.account_id, c.company_name, c.street, c.city, c.region, c.postal_code, c.country, c.lifecycle_stage, "
			+ "c.source, c.owner_id, c.tags, c.custom, c.sort_name, c.created_at, c.updated_at, c.version";

	private ContactView map(ResultSet rs) throws SQLException {
		List<String> emails = strings(rs.getArray("emails"));
		List<String> phones = strings(rs.getArray("phones"));
		long account = rs.getLong("account_id");
		Long accountId = rs.wasNull() ? null : account;
		return new ContactView(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
				rs.getString("display_name"), rs.getString("title"), emails.isEmpty() ? null : emails.get(0), emails,
				phones.isEmpty() ? null : phones.get(0), phones, accountId, rs.getString("company_name"),
				rs.getString("street"), rs.getString("city"), rs.getString("region"), rs.getString("postal_code"),
				rs.getString("country"), rs.getString("lifecycle_stage"), rs.getString("source"), rs.getLong("owner_id"),
				null, strings(rs.getArray("tags")), custom(rs.getString("custom")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> custom(String text) {
		// most contacts have no custom fields: no parser for those
		return text == null || text.equals("{}") ? Map.of() : decimals.readValue(text, LinkedHashMap.class);
	}

}
