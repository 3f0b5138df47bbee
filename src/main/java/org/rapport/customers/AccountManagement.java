package org.rapport.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.rapport.platform.text.Indexing;
import org.rapport.platform.data.BatchInsert;
import org.rapport.platform.data.BatchUpdate;
import org.rapport.platform.data.Keyset;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.access.RecordAccess.Share;
import org.rapport.platform.data.SqlQuery;
import org.rapport.platform.data.SortedSearch;
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
import org.rapport.platform.StateConflict;
import org.rapport.platform.TextRules;
import org.rapport.platform.UserDirectory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: the companies a business sells to and serves. Changes are access-checked, versioned,
 * audited and announced like contacts'.
 */
@Service
public class AccountManagement {

	static final String TYPE = "account";

	static final Map<String, UnaryOperator<String>> PERSONAL = Map.of();

	private final JdbcClient jdbc;

	private final RecordAccess access;

	private final AuditTrail audit;

	private final UserDirectory users;

	private final CustomFieldManagement customFields;

	private final ContactManagement contacts;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final NamedParameterJdbcTemplate batch;

	AccountManagement(JdbcClient jdbc, NamedParameterJdbcTemplate batch, RecordAccess access, AuditTrail audit,
			UserDirectory users, CustomFieldManagement customFields, ContactManagement contacts,
			ApplicationEventPublisher events, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.access = access;
		this.audit = audit;
		this.users = users;
		this.customFields = customFields;
		this.contacts = contacts;
		this.events = events;
		this.json = json;
	}

	@Transactional
	public AccountView create(AccountFields fields) {
		return create(fields, List.of());
	}

	/**
	 * Creates the record from input some of whose fields could not even be read ({@code inputProblems}):
	 * those are reported together with every other bad field, so the client learns all at once.
	 */
	@Transactional
	public AccountView create(AccountFields fields, List<FieldProblem> inputProblems) {
		Actor actor = Actor.current();
		access.requireCreate(actor);
		List<FieldProblem> problems = new ArrayList<>(inputProblems);
		AccountFields f = check(actor, fields, null, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(InvalidInput.oncePerField(problems));
		}
		long id = jdbc.sql("""
				insert into accounts (name, industry, size, website, phone, street, city, region, postal_code, country,
				  owner_id, tags, custom, sort_name, search_text, search_grams, phone_digits, created_by)
				values (:name, :industry, :size, :website, :phone, :street, :city, :region, :postal, :country, :owner,
				  :tags, cast(:custom as jsonb), :sort, :search, :grams, :digits, :actor)
				returning id""")
			.params(columns(f))
			.param("actor", actor.id())
			.query(Long.class)
			.single();
		audit.record(new AuditEvent("create", TYPE, Long.toString(id), f.name(),
				FieldChanges.between(null, auditFields(f), PERSONAL)));
		events.publishEvent(new AccountCreated(id, actor.id()));
		return written(actor, id);
	}

	/**
	 * Creates many accounts at once, each exactly as {@link #create(AccountFields)} would: same checks (a
	 * refused record is reported at its position and the others are still created), one audit entry and
	 * one {@link AccountCreated} each. The custom field definitions are read once, the records inserted by
	 * one multi-row statement per 1,000, and nothing is read back. For imports.
	 */
	@Transactional
	public BatchWritten createAll(List<AccountFields> all) {
		Actor actor = Actor.current();
		access.requireCreate(actor);
		List<CustomFieldDefinition> definitions = customFields.definitions(TYPE);
		BatchInsert<AccountFields> batch = BatchInsert.check(all,
				(in, problems) -> check(actor, in, null, problems, definitions),
				problems -> new InvalidInput(InvalidInput.oncePerField(problems)))
			.insert(jdbc, "accounts_id_seq", """
					insert into accounts (id, name, industry, size, website, phone, street, city, region, postal_code,
					  country, owner_id, tags, custom, sort_name, search_text, search_grams, phone_digits, created_by)
					values""", "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)", f -> {
						// columns() keeps the column order of the statement above
						List<Object> values = new ArrayList<>(columns(f).values());
						values.add(actor.id());
						return values;
					});
		for (int k = 0; k < batch.valid().size(); k++) {
			AccountFields f = batch.valid().get(k);
			long id = batch.ids().get(k);
			audit.record(new AuditEvent("create", TYPE, Long.toString(id), f.name(),
					FieldChanges.between(null, auditFields(f), PERSONAL)));
			events.publishEvent(new AccountCreated(id, actor.id()));
		}
		return batch.written(all.size());
	}

	/**
	 * The accounts {@link #list} would find for each of many searches, in one statement: per search, the
	 * first {@code limit} in the list's order for a search (most recently changed first). For an import
	 * batch's duplicate check.
	 *
	 * @param queries search terms, as {@link AccountQuery#q()}; blank ones are ignored
	 * @param limit at most this many per search (1–100)
	 */
	@Transactional(readOnly = true)
	public Map<String, List<AccountView>> findEach(java.util.Collection<String> queries, int limit) {
		Actor actor = Actor.current();
		SqlQuery params = new SqlQuery();
		String visible = access.visible("a", TYPE, access.scope(actor), params);
		return SortedSearch.each(jdbc, "accounts", "a",
				"a.*, (select count(*) from contacts c where c.account_id = a.id) as contact_count", visible, params,
				List.copyOf(queries), Keyset.of(null, "-updatedAt"), limit, (rs, i) -> map(rs), rows -> present(actor, rows));
	}

	@Transactional(readOnly = true)
	public AccountView get(long id) {
		return findVisible(id).orElseThrow(() -> new RecordNotFound(TYPE, id));
	}

	/**
	 * The account if it exists and the current actor may see it, else empty: for a caller that goes on without
	 * it (one lookup, where {@link #visibleNames} and then {@link #get} would be two).
	 */
	@Transactional(readOnly = true)
	public Optional<AccountView> findVisible(long id) {
		Actor actor = Actor.current();
		return find(id).filter(a -> access.canSee(actor, TYPE, id, a.ownerId()))
			.map(a -> present(actor, List.of(a)).get(0));
	}

	/**
	 * The account as just written by the actor, who may have handed it to an owner whose records they
	 * do not see: the write stands and they get the result, not a 404 that would roll it back.
	 */
	private AccountView written(Actor actor, long id) {
		return present(actor, List.of(find(id).orElseThrow(() -> new RecordNotFound(TYPE, id)))).get(0);
	}

	public boolean canEdit(AccountView account) {
		return access.canEdit(Actor.current(), TYPE, account.id(), account.ownerId());
	}

	public boolean canDelete(AccountView account) {
		return access.canDelete(Actor.current(), account.ownerId());
	}

	@Transactional
	public AccountView update(long id, long expectedVersion, AccountFields fields) {
		return update(id, expectedVersion, fields, List.of());
	}

	/** Updates the record, reporting {@code inputProblems} together with every other bad field. */
	@Transactional
	public AccountView update(long id, long expectedVersion, AccountFields fields, List<FieldProblem> inputProblems) {
		Actor actor = Actor.current();
		AccountView before = find(id).orElse(null);
		AccountFields f = checked(actor, id, expectedVersion, before, fields, inputProblems,
				customFields.definitions(TYPE));
		int updated = jdbc.sql(UPDATE).params(columns(f)).param("id", id).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersion(TYPE, id, expectedVersion, find(id).map(AccountView::version).orElse(-1L));
		}
		if (!f.name().equals(before.name())) {
			contacts.companiesRenamed(Map.of(id, f.name()));
		}
		updated(actor, id, before, f);
		return written(actor, id);
	}

	private static final String UPDATE = """
			update accounts set name = :name, industry = :industry, size = :size, website = :website, phone = :phone,
			  street = :street, city = :city, region = :region, postal_code = :postal, country = :country,
			  owner_id = :owner, tags = :tags, custom = cast(:custom as jsonb), sort_name = :sort,
			  search_text = :search, search_grams = :grams, phone_digits = :digits, updated_at = now(),
			  version = version + 1
			where id = :id and version = :version""";

	/**
	 * What an update checks, in this order: the account is there and the actor sees it (else it is not
	 * found for them), they may edit it, they changed the version they read, and the fields are valid
	 * (reported together with {@code inputProblems}). Returns the fields as checked.
	 */
	private AccountFields checked(Actor actor, long id, long expectedVersion, AccountView before, AccountFields fields,
			List<FieldProblem> inputProblems, List<CustomFieldDefinition> definitions) {
		access.requireEditable(actor, TYPE, id, expectedVersion, before);
		List<FieldProblem> problems = new ArrayList<>(inputProblems);
		AccountFields f = check(actor, fields, before.ownerId(), problems, definitions);
		if (!problems.isEmpty()) {
			throw new InvalidInput(InvalidInput.oncePerField(problems));
		}
		return f;
	}

	/** The audit entry with the changed fields and the event of an account written by an update. */
	private void updated(Actor actor, long id, AccountView before, AccountFields after) {
		audit.record(new AuditEvent("update", TYPE, Long.toString(id), after.name(),
				FieldChanges.between(auditFields(before.fields()), auditFields(after), PERSONAL)));
		events.publishEvent(new AccountUpdated(id, actor.id()));
	}

	/**
	 * One change of {@link #updateAll}.
	 *
	 * @param id the account
	 * @param expectedVersion its version as the caller read it
	 * @param fields all its fields after the change
	 */
	public record Change(long id, long expectedVersion, AccountFields fields) implements BatchUpdate.Change {
	}

	/**
	 * Updates many accounts at once, each exactly as {@link #update(long, long, AccountFields)} would: same
	 * access, version and field checks (a refused change is reported at its position, with the exception
	 * update would throw, and the others are still made), contacts' company names kept in step with a
	 * renamed account, one audit entry with the changed fields and one {@link AccountUpdated} each, version
	 * bumped. What differs is the cost: the accounts and the custom field definitions are read once, the
	 * rows updated by one JDBC batch, the renamed accounts' contacts in one more, and nothing is read back.
	 * Each account at most once. For imports.
	 */
	@Transactional
	public BatchWritten updateAll(List<Change> all) {
		Actor actor = Actor.current();
		List<CustomFieldDefinition> definitions = customFields.definitions(TYPE);
		Map<Long, String> renamed = new LinkedHashMap<>();
		BatchWritten written = BatchUpdate.check(TYPE, all,
				ids -> jdbc.sql(SELECT + " where a.id = any(?)").param(ids).query((rs, i) -> map(rs)).list(),
				AccountView::id, (change, before) -> checked(actor, change.id(), change.expectedVersion(), before,
						change.fields(), List.of(), definitions))
			.update(batch, UPDATE, this::columns)
			.written((change, before, f) -> {
				if (!f.name().equals(before.name())) {
					renamed.put(change.id(), f.name());
				}
				updated(actor, change.id(), before, f);
			});
		contacts.companiesRenamed(renamed);
		return written;
	}

	/** Deletes an account without contacts (move or delete them first: 409 otherwise). */
	@Transactional
	public void delete(long id, Long expectedVersion) {
		Actor actor = Actor.current();
		AccountView before = find(id).filter(a -> access.canSee(actor, TYPE, id, a.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		access.requireDelete(actor, TYPE, before.ownerId());
		if (expectedVersion != null && before.version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, before.version());
		}
		if (before.contactCount() > 0) {
			throw new StateConflict("account-has-contacts", "The account still has contacts", before.contactCount());
		}
		jdbc.sql("delete from accounts where id = ?").param(id).update();
		access.dropShares(TYPE, id);
		audit.record(new AuditEvent("delete", TYPE, Long.toString(id), before.name(),
				FieldChanges.between(auditFields(before.fields()), null, PERSONAL)));
		events.publishEvent(new AccountDeleted(id, actor.id()));
	}

	/**
	 * Removes an account merged into another, keeping its whole row under the merge id so that
	 * {@link #restoreMerged} can bring it back with its id. Its contacts and every other reference must
	 * have been moved first ({@link AccountReferences}). Audited as "merge" (the record's history stays
	 * in the audit log) and announced as {@link AccountDeleted}.
	 */
	@Transactional
	public void mergeAway(long mergedId, long survivorId, long mergeId) {
		Actor actor = Actor.current();
		AccountView before = find(mergedId).filter(a -> access.canSee(actor, TYPE, mergedId, a.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, mergedId));
		access.requireDelete(actor, TYPE, before.ownerId());
		if (before.contactCount() > 0) {
			throw new StateConflict("account-has-contacts", "The account still has contacts", before.contactCount());
		}
		jdbc.sql("""
				insert into account_merge_snapshots (merge_id, account_id, survivor_id, row)
				select ?, id, ?, to_jsonb(a) from accounts a where id = ?""")
			.params(mergeId, survivorId, mergedId)
			.update();
		jdbc.sql("delete from accounts where id = ?").param(mergedId).update();
		access.dropShares(TYPE, mergedId);
		var changes = new ArrayList<>(FieldChanges.between(auditFields(before.fields()), null, PERSONAL));
		changes.add(new AuditTrail.FieldChange("mergedInto", null, Long.toString(survivorId)));
		audit.record(new AuditEvent("merge", TYPE, Long.toString(mergedId), before.name(), changes));
		events.publishEvent(new AccountDeleted(mergedId, actor.id()));
	}

	/** Brings back, with its id, the account a merge removed; returns its id. */
	@Transactional
	public long restoreMerged(long mergeId) {
		Actor actor = Actor.current();
		Long id = jdbc.sql("select account_id from account_merge_snapshots where merge_id = ?").param(mergeId)
			.query(Long.class).optional().orElseThrow(() -> new RecordNotFound("merge", mergeId));
		jdbc.sql("""
				insert into accounts select (jsonb_populate_record(null::accounts, row)).*
				from account_merge_snapshots where merge_id = ?""")
			.param(mergeId)
			.update();
		jdbc.sql("delete from account_merge_snapshots where merge_id = ?").param(mergeId).update();
		AccountView view = find(id).orElseThrow();
		audit.record(new AuditEvent("restore", TYPE, Long.toString(id), view.name(),
				FieldChanges.between(null, auditFields(view.fields()), PERSONAL)));
		events.publishEvent(new AccountCreated(id, actor.id()));
		return id;
	}

	@Transactional(readOnly = true)
	public Page<AccountView> list(AccountQuery query) {
		Actor actor = Actor.current();
		Keyset keyset = Keyset.of(query.sort(), Indexing.searching(query.q()) ? "-updatedAt" : "name");
		int limit = Keyset.limit(query.limit());
		AccessScope scope = access.scope(actor);
		SqlQuery q = new SqlQuery();
		q.and(access.visible("a", TYPE, scope, q));
		List<String> terms = Indexing.match("a", query.q(), q);
		if (query.ownerId() != null) {
			q.and("a.owner_id = " + q.param(query.ownerId()));
		}
		if (query.industry() != null && !query.industry().isBlank()) {
			q.and("a.industry = " + q.param(query.industry()));
		}
		if (query.tag() != null && !query.tag().isBlank()) {
			List<FieldProblem> tagProblems = new ArrayList<>();
			if (!TextRules.check("tag", query.tag(), 50, false, tagProblems)) {
				throw new InvalidInput(tagProblems);
			}
			q.and("a.tags @> array[cast(" + q.param(query.tag().strip()) + " as text)]");
		}
		if (!query.custom().isEmpty()) {
			Map<String, Object> filter = new LinkedHashMap<>();
			query.custom().forEach((k, v) -> filter.put(k, customFields.filterValue(TYPE, k, v)));
			q.and("a.custom @> cast(" + q.param(json.writeValueAsString(filter)) + " as jsonb)");
		}
		SqlQuery position = q.sharingParameters();
		keyset.after("a", query.cursor(), position);
		record Row(AccountView view, String cursor) {
		}
		String columns = "a.*, (select count(*) from contacts c where c.account_id = a.id) as contact_count";
		RowMapper<Row> mapper = (rs, i) -> new Row(map(rs), keyset.cursorAfter(rs));
		List<Row> rows = Indexing.searching(query.q())
				? SortedSearch.page(jdbc, "accounts", "a", columns, q, position, keyset, limit + 1,
						Indexing.likelyRare(query.q()), new SortedSearch.Hints(walkParts(keyset, scope, q), terms), mapper)
				: jdbc.sql("select " + columns + " from accounts a where " + q.where() + " and " + position.where()
						+ " order by " + keyset.orderBy("a") + " limit " + (limit + 1))
					.params(q.params())
					.query(mapper)
					.list();
		String next = rows.size() > limit ? rows.get(limit - 1).cursor() : null;
		return new Page<>(present(actor, rows.stream().limit(limit).map(Row::view).toList()), next);
	}

	/**
	 * The parts of the table a search of this scope walks (RecordAccess.walkParts): for the orders that an index
	 * leading with the owner serves, by update time ({@code accounts_owner_updated_idx}) or by name
	 * ({@code accounts_owner_idx}); else the whole table, in the sort index's order.
	 */
	private List<String> walkParts(Keyset keyset, AccessScope scope, SqlQuery q) {
		return "created_at".equals(keyset.column()) ? List.of() : access.walkParts("a", TYPE, scope, q);
	}

	/** Industries in use, for the filter. */
	@Transactional(readOnly = true)
	public List<String> industries() {
		return jdbc.sql("select distinct industry from accounts where industry is not null order by industry limit 200")
			.query(String.class)
			.list();
	}

	/** Names of those of the given accounts the current actor may see (for other modules' lists). */
	@Transactional(readOnly = true)
	public Map<Long, String> visibleNames(java.util.Collection<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		Actor actor = Actor.current();
		jdbc.sql("select id, name, owner_id from accounts where id = any(?)")
			.param(ids.stream().distinct().toArray(Long[]::new))
			.query(rs -> {
				if (access.canSee(actor, TYPE, rs.getLong(1), rs.getLong(3))) {
					names.put(rs.getLong(1), rs.getString(2));
				}
			});
		return names;
	}

	public List<Share> shares(long id) {
		get(id);
		return access.shares(TYPE, id);
	}

	@Transactional
	public void share(long id, long userId, String level) {
		AccountView account = get(id);
		access.requireEdit(Actor.current(), TYPE, id, account.ownerId());
		access.share(Actor.current(), TYPE, id, account.name(), userId, level);
	}

	@Transactional
	public void unshare(long id, long userId) {
		AccountView account = get(id);
		access.requireEdit(Actor.current(), TYPE, id, account.ownerId());
		access.unshare(TYPE, id, account.name(), userId);
	}

	private AccountFields check(Actor actor, AccountFields in, Long currentOwner, List<FieldProblem> problems) {
		return check(actor, in, currentOwner, problems, customFields.definitions(TYPE));
	}

	private AccountFields check(Actor actor, AccountFields in, Long currentOwner, List<FieldProblem> problems,
			List<CustomFieldDefinition> definitions) {
		TextRules.check("name", in.name(), 200, false, problems);
		if (TextRules.isBlank(in.name()) && problems.stream().noneMatch(p -> p.field().equals("name"))) {
			problems.add(new FieldProblem("name", "required", "Required"));
		}
		TextRules.check("industry", in.industry(), 100, false, problems);
		if (in.size() != null && !Vocabulary.ACCOUNT_SIZES.contains(in.size())) {
			problems.add(new FieldProblem("size", "not-allowed", "Must be one of " + Vocabulary.ACCOUNT_SIZES));
		}
		TextRules.check("website", in.website(), 300, false, problems);
		if (in.phone() != null && !in.phone().isBlank() && (in.phone().length() > 40
				|| !ContactManagement.PHONE.matcher(in.phone()).matches() || in.phone().replaceAll("\\D", "").length() < 3)) {
			problems.add(new FieldProblem("phone", "invalid-phone", "Not a phone number"));
		}
		TextRules.check("street", in.street(), 300, false, problems);
		TextRules.check("city", in.city(), 100, false, problems);
		TextRules.check("region", in.region(), 100, false, problems);
		TextRules.check("postalCode", in.postalCode(), 20, false, problems);
		TextRules.check("country", in.country(), 100, false, problems);
		List<String> tags = ContactManagement.tags(in.tags(), problems);
		long owner = access.checkOwner(actor, in.ownerId(), currentOwner, problems);
		Map<String, Object> custom = customFields.typed(definitions, in.customFields(), problems);
		return new AccountFields(in.name(), in.industry(), in.size(), in.website(),
				in.phone() == null || in.phone().isBlank() ? null : in.phone(), in.street(), in.city(), in.region(),
				in.postalCode(), in.country(), owner, tags, custom);
	}

	/** The columns of an account, its search columns computed from its fields. */
	private Map<String, Object> columns(AccountFields f) {
		Indexing ix = Indexing.ofAccount(f.name(), f.website(), f.phone());
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", f.name());
		p.put("industry", f.industry());
		p.put("size", f.size());
		p.put("website", f.website());
		p.put("phone", f.phone());
		p.put("street", f.street());
		p.put("city", f.city());
		p.put("region", f.region());
		p.put("postal", f.postalCode());
		p.put("country", f.country());
		p.put("owner", f.ownerId());
		p.put("tags", f.tags().toArray(String[]::new));
		p.put("custom", json.writeValueAsString(f.customFields()));
		p.put("sort", ix.sortName());
		p.put("search", ix.searchText());
		p.put("grams", ix.grams());
		p.put("digits", ix.phoneDigits());
		return p;
	}

	static Map<String, Object> auditFields(AccountFields f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", f.name());
		m.put("industry", f.industry());
		m.put("size", f.size());
		m.put("website", f.website());
		m.put("phone", f.phone());
		m.put("street", f.street());
		m.put("city", f.city());
		m.put("region", f.region());
		m.put("postalCode", f.postalCode());
		m.put("country", f.country());
		m.put("ownerId", f.ownerId());
		m.put("tags", f.tags());
		m.put("customFields", f.customFields());
		return m;
	}

	private static final String SELECT = """
			select a.*, (select count(*) from contacts c where c.account_id = a.id) as contact_count
			from accounts a""";

	private Optional<AccountView> find(long id) {
		return jdbc.sql(SELECT + " where a.id = ?")
			.param(id)
			.query((rs, i) -> map(rs))
			.optional();
	}

	private List<AccountView> present(Actor actor, List<AccountView> views) {
		Map<Long, String> owners = users.displayNames(views.stream().map(AccountView::ownerId).toList());
		boolean mask = actor.role().seesContactDetailsMasked();
		return views.stream()
			.map(a -> new AccountView(a.id(), a.name(), a.industry(), a.size(), a.website(),
					mask ? Masking.phone(a.phone()) : a.phone(), a.street(), a.city(), a.region(), a.postalCode(),
					a.country(), a.ownerId(), owners.get(a.ownerId()), a.tags(), a.customFields(), a.contactCount(),
					a.createdAt(), a.updatedAt(), a.version()))
			.toList();
	}

	private AccountView map(ResultSet rs) throws SQLException {
		return new AccountView(rs.getLong("id"), rs.getString("name"), rs.getString("industry"), rs.getString("size"),
				rs.getString("website"), rs.getString("phone"), rs.getString("street"), rs.getString("city"),
				rs.getString("region"), rs.getString("postal_code"), rs.getString("country"), rs.getLong("owner_id"),
				null, ContactManagement.strings(rs.getArray("tags")), contacts.custom(rs.getString("custom")),
				rs.getLong("contact_count"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
	}

}
