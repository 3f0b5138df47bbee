package org.rapport.sales;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.rapport.customers.AccountFields;
import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.AccountView;
import org.rapport.customers.ActivityFields;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ContactFields;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;
import org.rapport.customers.ContactView;
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
import org.rapport.platform.Role;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.StateConflict;
import org.rapport.platform.TextRules;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.UserDirectory.UserSummary;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.data.BatchInsert;
import org.rapport.platform.data.BatchUpdate;
import org.rapport.platform.data.Keyset;
import org.rapport.platform.data.SqlQuery;
import org.rapport.platform.data.SortedSearch;
import org.rapport.platform.text.Indexing;
import org.rapport.platform.text.SearchText;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads: people who showed interest but are not yet customers. Captured by API, UI or a public web
 * form, assigned to reps (round-robin within a team, or by rules), worked, qualified or
 * disqualified, and converted into a contact, an account (new, or an existing one the user picks
 * from the proposed matches) and optionally a deal.
 */
@Service
public class LeadManagement {

	static final String TYPE = "lead";

	static final List<String> STATUSES = List.of("new", "working", "qualified", "disqualified", "converted");

	/** Marketing captures and works leads too; analysts never change them. */
	public static final Predicate<Role> EDITORS = r -> r.editsCustomers() || r == Role.MARKETER;

	static final Map<String, UnaryOperator<String>> PERSONAL = Map.of("email", Masking.forAudit(Masking::email), "phone", Masking.forAudit(Masking::phone));

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final JdbcClient jdbc;

	private final RecordAccess access;

	private final AuditTrail audit;

	private final UserDirectory users;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ActivityManagement activities;

	private final DealManagement deals;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final NamedParameterJdbcTemplate batch;

	LeadManagement(JdbcClient jdbc, NamedParameterJdbcTemplate batch, RecordAccess access, AuditTrail audit,
			UserDirectory users, AccountManagement accounts, ContactManagement contacts, ActivityManagement activities,
			DealManagement deals, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.access = access;
		this.audit = audit;
		this.users = users;
		this.accounts = accounts;
		this.contacts = contacts;
		this.activities = activities;
		this.deals = deals;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Existing records a lead may be, proposed before conversion creates anything.
	 *
	 * @param contacts contacts with the same e-mail or phone number
	 * @param accounts accounts whose name matches the lead's company
	 */
	public record Matches(List<Match> contacts, List<Match> accounts) {
	}

	/**
	 * One proposed match.
	 *
	 * @param id the record
	 * @param name its name
	 * @param detail what else identifies it (company, e-mail)
	 * @param reasons why it is proposed: same-email, same-phone, same-company-name, similar-company-name
	 */
	public record Match(long id, String name, String detail, List<String> reasons) {
	}

	@Transactional
	public LeadView create(LeadFields fields) {
		Actor actor = Actor.current();
		access.requireCreate(actor, EDITORS, "create-lead");
		return insert(actor, fields);
	}

	/** A lead from the public web form: no signed-in user; owner from the assignment rules. */
	@Transactional
	public LeadView capture(LeadFields fields) {
		LeadFields f = new LeadFields(fields.firstName(), fields.lastName(), fields.email(), fields.phone(),
				fields.company(), fields.title(), fields.website(), fields.city(), fields.country(),
				fields.source() == null ? "web-form" : fields.source(), "new", null, fields.notes(), null);
		return Actor.callAs(Actor.SYSTEM, () -> insert(Actor.SYSTEM, f));
	}

	private LeadView insert(Actor actor, LeadFields fields) {
		List<FieldProblem> problems = new ArrayList<>();
		LeadFields f = checkedWithOwner(actor, fields, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String display = ContactManagement.displayName(f.firstName(), f.lastName());
		Indexing ix = indexing(f, display);
		long id = jdbc.sql("""
				insert into leads (first_name, last_name, display_name, email, phone, company, title, website, city,
				  country, source, status, disqualify_reason, notes, owner_id, sort_name, search_text, search_grams,
				  phone_digits, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(f.firstName(), f.lastName(), display, f.email(), f.phone(), f.company(), f.title(), f.website(),
					f.city(), f.country(), f.source(), f.status(), f.disqualifyReason(), f.notes(), f.ownerId(),
					ix.sortName(), ix.searchText(), ix.grams(), ix.phoneDigits(), actor.id())
			.query(Long.class)
			.single();
		audit.record(new AuditEvent("create", TYPE, Long.toString(id), display,
				FieldChanges.between(null, auditFields(f), PERSONAL)));
		return written(id);
	}

	/** The lead as checked, with the owner the assignment rules give it if none is named; unowned if refused. */
	private LeadFields checkedWithOwner(Actor actor, LeadFields fields, List<FieldProblem> problems) {
		LeadFields f = check(actor, fields, null, problems);
		if (problems.isEmpty() && f.ownerId() == null) {
			f = withOwner(f, assign(f).orElse(actor.isSystem() ? firstAdmin() : actor.id()));
		}
		return f;
	}

	/**
	 * Creates many leads at once, each exactly as {@link #create} would: same checks (a refused lead is
	 * reported at its position and the others are still created), owners from the assignment rules in
	 * input order, one audit entry each. The leads are inserted by one multi-row statement per 1,000, and
	 * nothing is read back. For imports.
	 */
	@Transactional
	public BatchWritten createAll(List<LeadFields> all) {
		Actor actor = Actor.current();
		access.requireCreate(actor, EDITORS, "create-lead");
		BatchInsert<LeadFields> batch = BatchInsert.check(all, (in, problems) -> checkedWithOwner(actor, in, problems),
				InvalidInput::new)
			.insert(jdbc, "leads_id_seq", """
					insert into leads (id, first_name, last_name, display_name, email, phone, company, title, website, city,
					  country, source, status, disqualify_reason, notes, owner_id, sort_name, search_text, search_grams,
					  phone_digits, created_by) values""", "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					f -> {
						// columns() keeps the column order of the statement above
						List<Object> values = new ArrayList<>(columns(f).values());
						values.add(actor.id());
						return values;
					});
		for (int k = 0; k < batch.valid().size(); k++) {
			LeadFields f = batch.valid().get(k);
			long id = batch.ids().get(k);
			audit.record(new AuditEvent("create", TYPE, Long.toString(id),
					ContactManagement.displayName(f.firstName(), f.lastName()),
					FieldChanges.between(null, auditFields(f), PERSONAL)));
		}
		return batch.written(all.size());
	}

	/**
	 * The leads {@link #list} would find for each of many searches (default order, no other filter), in one
	 * statement: per search, the first {@code limit}. For an import batch's duplicate check.
	 *
	 * @param queries search terms, as list's {@code q}; blank ones are ignored
	 * @param limit at most this many per search (1–100)
	 */
	@Transactional(readOnly = true)
	public Map<String, List<LeadView>> findEach(java.util.Collection<String> queries, int limit) {
		Actor actor = Actor.current();
		SqlQuery params = new SqlQuery();
		String visible = access.visible("l", TYPE, access.scope(actor), params);
		return SortedSearch.each(jdbc, "leads", "l", "l.*", visible, params, List.copyOf(queries), Keyset.of(null), limit,
				(rs, i) -> map(rs), rows -> present(actor, rows));
	}

	/** The search columns of a lead with these fields, as {@link #create} stores them. */
	public static Indexing indexing(LeadFields f) {
		return indexing(f, ContactManagement.displayName(f.firstName(), f.lastName()));
	}

	/**
	 * A lead with its past, for migrations from another system and demo data: created then, closed
	 * (converted or disqualified) then, changed {@code edits} times on the way. A converted lead imported
	 * so points to no contact. Admins (and the system) only; audited as an import.
	 */
	@Transactional
	public LeadView importLead(LeadFields fields, Instant createdAt, Instant closedAt, int edits) {
		Actor actor = Actor.current();
		if (!actor.isAdmin()) {
			throw new org.rapport.platform.NotPermitted("import-leads");
		}
		boolean converted = "converted".equals(fields.status());
		LeadFields asChecked = converted ? new LeadFields(fields.firstName(), fields.lastName(), fields.email(),
				fields.phone(), fields.company(), fields.title(), fields.website(), fields.city(), fields.country(),
				fields.source(), "qualified", null, fields.notes(), fields.ownerId()) : fields;
		List<FieldProblem> problems = new ArrayList<>();
		LeadFields f = check(actor, asChecked, null, problems);
		if (createdAt == null) {
			problems.add(new FieldProblem("createdAt", "required", "Required"));
		}
		if (closedAt != null && createdAt != null && closedAt.isBefore(createdAt)) {
			problems.add(new FieldProblem("closedAt", "out-of-order", "Closed before it was created"));
		}
		if (edits < 0) {
			problems.add(new FieldProblem("edits", "not-allowed", "Zero or more"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (f.ownerId() == null) {
			f = withOwner(f, assign(f).orElse(actor.isSystem() ? firstAdmin() : actor.id()));
		}
		String display = ContactManagement.displayName(f.firstName(), f.lastName());
		Indexing ix = indexing(f, display);
		Instant updated = closedAt == null ? createdAt : closedAt;
		long id = jdbc.sql("""
				insert into leads (first_name, last_name, display_name, email, phone, company, title, website, city,
				  country, source, status, disqualify_reason, notes, owner_id, sort_name, search_text, search_grams,
				  phone_digits, created_by, created_at, updated_at, converted_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(f.firstName(), f.lastName(), display, f.email(), f.phone(), f.company(), f.title(), f.website(),
					f.city(), f.country(), f.source(), converted ? "converted" : f.status(), f.disqualifyReason(),
					f.notes(), f.ownerId(), ix.sortName(), ix.searchText(), ix.grams(), ix.phoneDigits(), actor.id(),
					Timestamp.from(createdAt), Timestamp.from(updated),
					converted ? Timestamp.from(updated) : null, edits)
			.query(Long.class)
			.single();
		Map<String, Object> after = auditFields(f);
		after.put("status", converted ? "converted" : f.status());
		audit.record(new AuditEvent("import", TYPE, Long.toString(id), display, FieldChanges.between(null, after, PERSONAL)));
		return written(id);
	}

	/**
	 * Every converted and disqualified lead, oldest closed first, unmasked and without record access:
	 * what a model learns from (analytics), never to be shown to a user as such. A lead closes when it is
	 * converted ({@code convertedAt}) or, disqualified, at its last change ({@code updatedAt}).
	 */
	@Transactional(readOnly = true)
	public List<LeadView> closedLeads() {
		return jdbc.sql("""
				select * from leads where status in ('converted', 'disqualified')
				order by coalesce(converted_at, updated_at), id""").query((rs, i) -> map(rs)).list();
	}

	@Transactional(readOnly = true)
	public LeadView get(long id) {
		Actor actor = Actor.current();
		LeadView lead = find(id).filter(l -> access.canSee(actor, TYPE, id, l.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		return present(actor, List.of(lead)).get(0);
	}

	public boolean canEdit(LeadView lead) {
		return !"converted".equals(lead.status()) && access.canEdit(Actor.current(), TYPE, lead.id(), lead.ownerId(), EDITORS);
	}

	@Transactional
	public LeadView update(long id, long expectedVersion, LeadFields fields) {
		Actor actor = Actor.current();
		LeadView before = find(id).orElse(null);
		LeadFields f = checked(actor, id, expectedVersion, fields, before);
		int updated = jdbc.sql(UPDATE).params(columns(f)).param("id", id).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersion(TYPE, id, expectedVersion, find(id).map(LeadView::version).orElse(-1L));
		}
		updated(id, before, f);
		return written(id);
	}

	private static final String UPDATE = """
			update leads set first_name = :first, last_name = :last, display_name = :display, email = :email,
			  phone = :phone, company = :company, title = :title, website = :website, city = :city, country = :country,
			  source = :source, status = :status, disqualify_reason = :reason, notes = :notes, owner_id = :owner,
			  sort_name = :sort, search_text = :search, search_grams = :grams, phone_digits = :digits,
			  updated_at = now(), version = version + 1
			where id = :id and version = :version""";

	/**
	 * What an update checks, in this order: the lead is there and the actor sees it (else it is not found
	 * for them), they may edit it, they changed the version they read, it is not converted, and the fields
	 * are valid. Returns the fields as checked.
	 */
	private LeadFields checked(Actor actor, long id, long expectedVersion, LeadFields fields, LeadView before) {
		access.requireEditable(actor, TYPE, id, expectedVersion, before, EDITORS);
		if ("converted".equals(before.status())) {
			throw new StateConflict("lead-converted", "A converted lead cannot change", id);
		}
		List<FieldProblem> problems = new ArrayList<>();
		LeadFields f = check(actor, fields, before, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return f;
	}

	/** The audit entry with the changed fields of a lead written by an update (no event: as for create). */
	private void updated(long id, LeadView before, LeadFields after) {
		audit.record(new AuditEvent("update", TYPE, Long.toString(id),
				ContactManagement.displayName(after.firstName(), after.lastName()),
				FieldChanges.between(auditFields(before.fields()), auditFields(after), PERSONAL)));
	}

	/**
	 * One change of {@link #updateAll}.
	 *
	 * @param id the lead
	 * @param expectedVersion its version as the caller read it
	 * @param fields all its fields after the change
	 */
	public record Change(long id, long expectedVersion, LeadFields fields) implements BatchUpdate.Change {
	}

	/**
	 * Updates many leads at once, each exactly as {@link #update} would: same access, version, state and
	 * field checks (a refused change is reported at its position, with the exception update would throw,
	 * and the others are still made), one audit entry with the changed fields each, version bumped, search
	 * columns recomputed; {@code update} publishes no event for a lead, nor does this. What differs is the
	 * cost: the leads are read once, the rows updated by one JDBC batch, and nothing is read back. Each lead
	 * at most once. For imports.
	 */
	@Transactional
	public BatchWritten updateAll(List<Change> all) {
		Actor actor = Actor.current();
		return BatchUpdate.check(TYPE, all,
				ids -> jdbc.sql("select * from leads where id = any(?)").param(ids).query((rs, i) -> map(rs)).list(),
				LeadView::id,
				(change, before) -> checked(actor, change.id(), change.expectedVersion(), change.fields(), before))
			.update(batch, UPDATE, this::columns)
			.written((change, before, f) -> updated(change.id(), before, f));
	}

	/** The columns {@link #UPDATE} sets, display name and search columns computed from the fields. */
	private Map<String, Object> columns(LeadFields f) {
		String display = ContactManagement.displayName(f.firstName(), f.lastName());
		Indexing ix = indexing(f, display);
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("first", f.firstName());
		p.put("last", f.lastName());
		p.put("display", display);
		p.put("email", f.email());
		p.put("phone", f.phone());
		p.put("company", f.company());
		p.put("title", f.title());
		p.put("website", f.website());
		p.put("city", f.city());
		p.put("country", f.country());
		p.put("source", f.source());
		p.put("status", f.status());
		p.put("reason", f.disqualifyReason());
		p.put("notes", f.notes());
		p.put("owner", f.ownerId());
		p.put("sort", ix.sortName());
		p.put("search", ix.searchText());
		p.put("grams", ix.grams());
		p.put("digits", ix.phoneDigits());
		return p;
	}

	@Transactional
	public void delete(long id, Long expectedVersion) {
		Actor actor = Actor.current();
		LeadView before = find(id).filter(l -> access.canSee(actor, TYPE, id, l.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		access.requireDelete(actor, TYPE, before.ownerId(), EDITORS);
		if (expectedVersion != null && before.version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, before.version());
		}
		jdbc.sql("delete from leads where id = ?").param(id).update();
		access.dropShares(TYPE, id);
		audit.record(new AuditEvent("delete", TYPE, Long.toString(id), before.displayName(),
				FieldChanges.between(auditFields(before.fields()), null, PERSONAL)));
	}

	@Transactional(readOnly = true)
	public Page<LeadView> list(String q, String status, Long ownerId, String source, String sort, Integer limit,
			String cursor) {
		Actor actor = Actor.current();
		Keyset keyset = Keyset.of(sort);
		int size = Keyset.limit(limit);
		SqlQuery query = new SqlQuery();
		query.and(access.visible("l", TYPE, access.scope(actor), query));
		Indexing.match("l", q, query);
		if (status != null && !status.isBlank()) {
			if (!STATUSES.contains(status)) {
				throw InvalidInput.of("status", "not-allowed", "Must be one of " + STATUSES);
			}
			query.and("l.status = " + query.param(status));
		}
		if (ownerId != null) {
			query.and("l.owner_id = " + query.param(ownerId));
		}
		if (source != null && !source.isBlank()) {
			query.and("l.source = " + query.param(source));
		}
		keyset.after("l", cursor, query);
		record Row(LeadView view, String cursor) {
		}
		List<Row> rows = jdbc.sql("select l.* from leads l where " + query.where() + " order by " + keyset.orderBy("l")
				+ " limit " + (size + 1))
			.params(query.params())
			.query((rs, i) -> new Row(map(rs), keyset.cursorAfter(rs)))
			.list();
		String next = rows.size() > size ? rows.get(size - 1).cursor() : null;
		return new Page<>(present(actor, rows.stream().limit(size).map(Row::view).toList()), next);
	}

	/** Contacts and accounts the lead may already be: same e-mail, same phone, same or similar company name. */
	@Transactional(readOnly = true)
	public Matches matches(long id) {
		LeadView lead = get(id);
		Map<Long, Match> contactMatches = new LinkedHashMap<>();
		if (lead.email() != null) {
			for (ContactView c : contacts.list(ContactQuery.search(lead.email())).items()) {
				if (c.emails().stream().anyMatch(e -> e.equalsIgnoreCase(lead.email()))) {
					add(contactMatches, c.id(), c.displayName(), detail(c), "same-email");
				}
			}
		}
		String digits = lead.phone() == null ? "" : lead.phone().replaceAll("\\D", "");
		if (digits.length() >= 7) {
			String tail = digits.substring(Math.max(0, digits.length() - 8));
			for (ContactView c : contacts.list(ContactQuery.search(tail)).items()) {
				if (c.phones().stream().anyMatch(p -> p.replaceAll("\\D", "").endsWith(tail))) {
					add(contactMatches, c.id(), c.displayName(), detail(c), "same-phone");
				}
			}
		}
		Map<Long, Match> accountMatches = new LinkedHashMap<>();
		String company = companyKey(lead.company());
		if (!company.isEmpty()) {
			String search = company.length() >= 3 || SearchText.containsCjk(company) ? company : lead.company();
			for (AccountView a : accounts.list(AccountQuery.search(search)).items()) {
				String key = companyKey(a.name());
				if (key.equals(company)) {
					add(accountMatches, a.id(), a.name(), a.city(), "same-company-name");
				}
				else if (key.contains(company) || company.contains(key)) {
					add(accountMatches, a.id(), a.name(), a.city(), "similar-company-name");
				}
			}
		}
		return new Matches(List.copyOf(contactMatches.values()), List.copyOf(accountMatches.values()));
	}

	private static String detail(ContactView c) {
		return (c.accountName() == null ? "" : c.accountName() + " ") + (c.email() == null ? "" : c.email());
	}

	private static void add(Map<Long, Match> matches, long id, String name, String detail, String reason) {
		Match existing = matches.get(id);
		List<String> reasons = new ArrayList<>(existing == null ? List.of() : existing.reasons());
		if (!reasons.contains(reason)) {
			reasons.add(reason);
		}
		matches.put(id, new Match(id, name, detail == null ? "" : detail.strip(), List.copyOf(reasons)));
	}

	/** A company name without legal-form suffixes and punctuation: "Acme Ltd." and "ACME Limited" agree. */
	static String companyKey(String name) {
		if (name == null) {
			return "";
		}
		String n = SearchText.normalize(name).replaceAll("[\\p{Punct}，。（）()]", " ");
		n = n.replaceAll("(股份有限公司|有限责任公司|有限公司|集团|公司)$", "");
		n = n.replaceAll("\\b(ltd|limited|inc|incorporated|llc|gmbh|ag|sa|sarl|bv|plc|co|corp|corporation|company)\\b", " ");
		return n.replaceAll("\\s+", " ").strip();
	}

	/**
	 * Converts the lead: a contact (new, or the chosen existing one), an account (new from the
	 * company, or the chosen existing one) and, if asked, a deal; the lead keeps its history and
	 * points to what it became, and the contact's timeline gets a note of where it came from.
	 */
	@Transactional
	public LeadConversion.Result convert(long id, LeadConversion request) {
		Actor actor = Actor.current();
		LeadView lead = get(id);
		access.requireEdit(actor, TYPE, id, lead.ownerId(), EDITORS);
		if ("converted".equals(lead.status()) || "disqualified".equals(lead.status())) {
			throw new StateConflict("lead-not-convertible", "The lead is " + lead.status(), id, lead.status());
		}
		LeadView raw = find(id).orElseThrow();
		boolean newAccount = request.accountId() == null;
		long accountId;
		if (newAccount) {
			String name = raw.company() != null && !raw.company().isBlank() ? raw.company() : raw.displayName();
			accountId = accounts.create(new AccountFields(name, null, null, raw.website(), null, null, raw.city(), null,
					null, raw.country(), raw.ownerId(), List.of(), Map.of())).id();
		}
		else {
			accountId = pick(() -> accounts.get(request.accountId()).id(), "accountId");
		}
		boolean newContact = request.contactId() == null;
		long contactId;
		if (newContact) {
			contactId = contacts.create(new ContactFields(raw.firstName(), raw.lastName(), raw.title(),
					raw.email() == null ? List.of() : List.of(raw.email()),
					raw.phone() == null ? List.of() : List.of(raw.phone()), accountId, null, raw.city(), null, null,
					raw.country(), "sql", raw.source(), raw.ownerId(), List.of(), Map.of())).id();
		}
		else {
			ContactView existing = pick(() -> contacts.get(request.contactId()), "contactId");
			contactId = existing.id();
			if (existing.accountId() == null) {
				ContactFields f = existing.fields();
				contacts.update(contactId, existing.version(), new ContactFields(f.firstName(), f.lastName(), f.title(),
						f.emails(), f.phones(), accountId, f.street(), f.city(), f.region(), f.postalCode(), f.country(),
						f.lifecycleStage(), f.source(), f.ownerId(), f.tags(), f.customFields()));
			}
		}
		Long dealId = null;
		if (request.createDeal()) {
			String dealName = request.dealName() != null && !request.dealName().isBlank() ? request.dealName()
					: (raw.company() == null || raw.company().isBlank() ? "" : raw.company() + " – ") + raw.displayName();
			dealId = deals.createFromLead(new DealFields(dealName, request.pipelineId(), request.stage(), accountId,
					request.amount(), request.currency(), request.expectedCloseDate(), null, raw.ownerId(), null, null,
					List.of(new DealFields.DealContact(contactId, "primary", null))), id).id();
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update leads set status = 'converted', converted_at = ?, converted_contact_id = ?, converted_account_id = ?,
				  converted_deal_id = ?, updated_at = now(), version = version + 1 where id = ?""")
			.params(Timestamp.from(now), contactId, accountId, dealId, id)
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", "converted");
		after.put("contactId", contactId);
		after.put("accountId", accountId);
		after.put("dealId", dealId);
		audit.record(new AuditEvent("convert", TYPE, Long.toString(id), raw.displayName(),
				FieldChanges.between(Map.of("status", raw.status()), after, Map.of())));
		StringBuilder note = new StringBuilder("Lead #").append(id);
		if (raw.source() != null) {
			note.append(" · ").append(raw.source());
		}
		note.append(" · ").append(raw.createdAt());
		if (raw.notes() != null && !raw.notes().isBlank()) {
			note.append("\n\n").append(raw.notes());
		}
		activities.create(new ActivityFields("note", "Converted from lead", note.toString(), now, null, null, null, null,
				contactId, accountId, null));
		events.publishEvent(new LeadConverted(id, contactId, accountId, dealId));
		return new LeadConversion.Result(id, contactId, accountId, dealId, newContact, newAccount);
	}

	private static <T> T pick(java.util.function.Supplier<T> lookup, String field) {
		try {
			return lookup.get();
		}
		catch (RecordNotFound ex) {
			throw InvalidInput.of(field, "unknown-record", "No such record");
		}
	}

	/**
	 * How new leads without an owner are assigned.
	 *
	 * @param mode none, round-robin (among the reps and managers of {@code teamId}) or rules
	 * @param teamId the round-robin team (also the fallback when no rule matches)
	 * @param rules rules in order: the first whose field equals its value decides
	 */
	public record Assignment(String mode, Long teamId, List<Rule> rules) {

		public Assignment {
			rules = rules == null ? List.of() : List.copyOf(rules);
		}

	}

	/**
	 * One assignment rule.
	 *
	 * @param field source, country, city or company
	 * @param value the value it must equal (case-insensitive)
	 * @param userId give the lead to this user, or
	 * @param teamId to the next rep of this team
	 */
	public record Rule(String field, String value, Long userId, Long teamId) {
	}

	@Transactional(readOnly = true)
	public Assignment assignment() {
		var settings = jdbc.sql("select lead_assignment, lead_team_id from sales_settings where id = 1")
			.query((rs, i) -> new Assignment(rs.getString(1), rs.getObject(2, Long.class), null))
			.single();
		List<Rule> rules = jdbc.sql("select field, value, user_id, team_id from lead_assignment_rules order by position, id")
			.query((rs, i) -> new Rule(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class),
					rs.getObject(4, Long.class)))
			.list();
		return new Assignment(settings.mode(), settings.teamId(), rules);
	}

	/** Replaces the assignment settings and rules (admin); an audited settings change. */
	@Transactional
	public Assignment setAssignment(Assignment a) {
		if (!Actor.current().isAdmin()) {
			throw new org.rapport.platform.NotPermitted("lead-assignment");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (!List.of("none", "round-robin", "rules").contains(a.mode())) {
			problems.add(new FieldProblem("mode", "not-allowed", "none, round-robin or rules"));
		}
		if (a.teamId() != null && users.teamName(a.teamId()).isEmpty()) {
			problems.add(new FieldProblem("teamId", "unknown-team", "No such team"));
		}
		for (int i = 0; i < a.rules().size(); i++) {
			Rule r = a.rules().get(i);
			String f = "rules[" + i + "].";
			if (!List.of("source", "country", "city", "company").contains(r.field())) {
				problems.add(new FieldProblem(f + "field", "not-allowed", "source, country, city or company"));
			}
			if (TextRules.isBlank(r.value())) {
				problems.add(new FieldProblem(f + "value", "required", "Required"));
			}
			TextRules.check(f + "value", r.value(), 200, false, problems);
			if ((r.userId() == null) == (r.teamId() == null)) {
				problems.add(new FieldProblem(f + "userId", "one-of", "A userId or a teamId"));
			}
			if (r.userId() != null && users.find(r.userId()).isEmpty()) {
				problems.add(new FieldProblem(f + "userId", "unknown-user", "No such user"));
			}
			if (r.teamId() != null && users.teamName(r.teamId()).isEmpty()) {
				problems.add(new FieldProblem(f + "teamId", "unknown-team", "No such team"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Assignment before = assignment();
		jdbc.sql("update sales_settings set lead_assignment = ?, lead_team_id = ?, version = version + 1 where id = 1")
			.params(a.mode(), a.teamId())
			.update();
		jdbc.sql("delete from lead_assignment_rules").update();
		int position = 0;
		for (Rule r : a.rules()) {
			jdbc.sql("insert into lead_assignment_rules (position, field, value, user_id, team_id) values (?, ?, ?, ?, ?)")
				.params(position++, r.field(), r.value(), r.userId(), r.teamId())
				.update();
		}
		Map<String, Object> b = new LinkedHashMap<>();
		b.put("mode", before.mode());
		b.put("teamId", before.teamId());
		b.put("rules", before.rules().stream().map(Rule::toString).toList());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("mode", a.mode());
		after.put("teamId", a.teamId());
		after.put("rules", a.rules().stream().map(Rule::toString).toList());
		audit.record(new AuditEvent("update", "lead-assignment", "1", "lead assignment",
				FieldChanges.between(b, after, Map.of())));
		return assignment();
	}

	/** The owner the assignment settings give a new lead: a rule's user or team, else the round-robin team. */
	Optional<Long> assign(LeadFields lead) {
		var settings = jdbc.sql("select lead_assignment, lead_team_id from sales_settings where id = 1")
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getObject(2) })
			.single();
		String mode = (String) settings[0];
		if ("rules".equals(mode)) {
			var rules = jdbc.sql("select field, value, user_id, team_id from lead_assignment_rules order by position, id")
				.query((rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getObject(3), rs.getObject(4) })
				.list();
			for (Object[] rule : rules) {
				String value = switch ((String) rule[0]) {
					case "source" -> lead.source();
					case "country" -> lead.country();
					case "city" -> lead.city();
					default -> lead.company();
				};
				if (value != null && value.strip().equalsIgnoreCase(((String) rule[1]).strip())) {
					if (rule[2] != null) {
						long userId = ((Number) rule[2]).longValue();
						if (users.find(userId).filter(UserSummary::enabled).isPresent()) {
							return Optional.of(userId);
						}
					}
					if (rule[3] != null) {
						Optional<Long> next = nextInTeam(((Number) rule[3]).longValue());
						if (next.isPresent()) {
							return next;
						}
					}
				}
			}
		}
		if (("round-robin".equals(mode) || "rules".equals(mode)) && settings[1] != null) {
			return nextInTeam(((Number) settings[1]).longValue());
		}
		return Optional.empty();
	}

	/** The next rep of a team in turn; the row lock makes concurrent captures on any node take turns. */
	Optional<Long> nextInTeam(long teamId) {
		List<Long> members = users.teamMembers(teamId).stream()
			.filter(u -> u.role() == Role.SALES_REP || u.role() == Role.MANAGER)
			.map(UserSummary::id)
			.toList();
		if (members.isEmpty()) {
			return Optional.empty();
		}
		jdbc.sql("insert into lead_round_robin (team_id) values (?) on conflict do nothing").param(teamId).update();
		Long last = jdbc.sql("select last_user_id from lead_round_robin where team_id = ? for update").param(teamId)
			.query((rs, i) -> (Long) rs.getObject(1, Long.class)).single();
		long next = members.stream().filter(m -> last == null || m > last).findFirst().orElse(members.get(0));
		jdbc.sql("update lead_round_robin set last_user_id = ? where team_id = ?").params(next, teamId).update();
		return Optional.of(next);
	}

	private long firstAdmin() {
		return users.activeUsers().stream().filter(u -> u.role() == Role.ADMIN).map(UserSummary::id).findFirst()
			.orElse(0L);
	}

	private static LeadFields withOwner(LeadFields f, long owner) {
		return new LeadFields(f.firstName(), f.lastName(), f.email(), f.phone(), f.company(), f.title(), f.website(),
				f.city(), f.country(), f.source(), f.status(), f.disqualifyReason(), f.notes(), owner);
	}

	private LeadFields check(Actor actor, LeadFields in, LeadView before, List<FieldProblem> problems) {
		TextRules.check("firstName", in.firstName(), 200, false, problems);
		TextRules.check("lastName", in.lastName(), 200, false, problems);
		if (TextRules.isBlank(in.firstName()) && TextRules.isBlank(in.lastName())
				&& problems.stream().noneMatch(p -> p.field().endsWith("Name"))) {
			problems.add(new FieldProblem("lastName", "required", "A first or last name is required"));
		}
		TextRules.check("company", in.company(), 200, false, problems);
		TextRules.check("title", in.title(), 200, false, problems);
		TextRules.check("website", in.website(), 300, false, problems);
		TextRules.check("city", in.city(), 100, false, problems);
		TextRules.check("country", in.country(), 100, false, problems);
		TextRules.check("source", in.source(), 100, false, problems);
		TextRules.check("notes", in.notes(), 20000, true, problems);
		TextRules.check("disqualifyReason", in.disqualifyReason(), 500, false, problems);
		String email = TextRules.isBlank(in.email()) ? null : in.email();
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			problems.add(new FieldProblem("email", "invalid-email", "Not an e-mail address"));
		}
		String phone = TextRules.isBlank(in.phone()) ? null : in.phone();
		if (phone != null && (phone.length() > 40 || phone.replaceAll("\\D", "").length() < 3
				|| !phone.matches("[0-9+\\-().\\s/#*xXt]+|.*ext.*"))) {
			problems.add(new FieldProblem("phone", "invalid-phone", "Not a phone number"));
		}
		String status = in.status() == null ? (before == null ? "new" : before.status()) : in.status();
		if (!STATUSES.contains(status) || "converted".equals(status)) {
			problems.add(new FieldProblem("status", "not-allowed", "new, working, qualified or disqualified "
					+ "(conversion is its own action)"));
		}
		if ("disqualified".equals(status) && TextRules.isBlank(in.disqualifyReason())) {
			problems.add(new FieldProblem("disqualifyReason", "required", "Say why the lead is disqualified"));
		}
		Long owner = in.ownerId() == null && before == null ? null
				: access.checkOwner(actor, in.ownerId(), before == null ? null : before.ownerId(), problems);
		return new LeadFields(in.firstName(), in.lastName(), email, phone, in.company(), in.title(), in.website(),
				in.city(), in.country(), in.source(), status,
				"disqualified".equals(status) ? in.disqualifyReason() : null, in.notes(), owner);
	}

	private static Indexing indexing(LeadFields f, String display) {
		return Indexing.ofContact(display, f.firstName(), f.lastName(),
				f.email() == null ? List.of() : List.of(f.email().toLowerCase(Locale.ROOT)),
				f.phone() == null ? List.of() : List.of(f.phone()), f.company());
	}

	static Map<String, Object> auditFields(LeadFields f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("firstName", f.firstName());
		m.put("lastName", f.lastName());
		m.put("email", f.email());
		m.put("phone", f.phone());
		m.put("company", f.company());
		m.put("title", f.title());
		m.put("website", f.website());
		m.put("city", f.city());
		m.put("country", f.country());
		m.put("source", f.source());
		m.put("status", f.status());
		m.put("disqualifyReason", f.disqualifyReason());
		m.put("ownerId", f.ownerId());
		return m;
	}

	/**
	 * The record as just written: the writer may have handed it to an owner whose records they do not
	 * see, and the write stands (a 404 here would roll it back).
	 */
	private LeadView written(long id) {
		return present(Actor.find().orElse(Actor.SYSTEM), List.of(find(id).orElseThrow(() -> new RecordNotFound(TYPE, id)))).get(0);
	}

	private Optional<LeadView> find(long id) {
		return jdbc.sql("select * from leads where id = ?").param(id).query((rs, i) -> map(rs)).optional();
	}

	private List<LeadView> present(Actor actor, List<LeadView> leads) {
		Map<Long, String> owners = users.displayNames(leads.stream().map(LeadView::ownerId).toList());
		boolean mask = actor.role().seesContactDetailsMasked();
		return leads.stream()
			.map(l -> new LeadView(l.id(), l.firstName(), l.lastName(), l.displayName(),
					mask ? Masking.email(l.email()) : l.email(), mask ? Masking.phone(l.phone()) : l.phone(), l.company(),
					l.title(), l.website(), l.city(), l.country(), l.source(), l.status(), l.disqualifyReason(), l.notes(),
					l.ownerId(), owners.get(l.ownerId()), l.convertedAt(), l.convertedContactId(),
					l.convertedAccountId(), l.convertedDealId(), l.createdAt(), l.updatedAt(), l.version()))
			.toList();
	}

	private static LeadView map(ResultSet rs) throws SQLException {
		Timestamp converted = rs.getTimestamp("converted_at");
		return new LeadView(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
				rs.getString("display_name"), rs.getString("email"), rs.getString("phone"), rs.getString("company"),
				rs.getString("title"), rs.getString("website"), rs.getString("city"), rs.getString("country"),
				rs.getString("source"), rs.getString("status"), rs.getString("disqualify_reason"), rs.getString("notes"),
				rs.getLong("owner_id"), null, converted == null ? null : converted.toInstant(),
				rs.getObject("converted_contact_id", Long.class), rs.getObject("converted_account_id", Long.class),
				rs.getObject("converted_deal_id", Long.class), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
	}

}
