package org.rapport.sales;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.rapport.customers.AccountManagement;
import org.rapport.customers.ContactManagement;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.FieldChanges;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Page;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.StateConflict;
import org.rapport.platform.TextRules;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.data.SqlQuery;
import org.rapport.sales.internal.DocumentLines;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes: priced offers with exact totals ({@link DocumentTotals}). A draft can change; a sent
 * quote is revised into a new revision (same number) and the old one is superseded; an accepted
 * quote becomes a confirmed order.
 */
@Service
public class QuoteManagement {

	static final String TYPE = "quote";

	private final JdbcClient jdbc;

	private final RecordAccess access;

	private final AuditTrail audit;

	private final UserDirectory users;

	private final DocumentLines lines;

	private final CurrencyManagement currencies;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final DealManagement deals;

	private final OrderManagement orders;

	private final Clock clock;

	QuoteManagement(JdbcClient jdbc, RecordAccess access, AuditTrail audit, UserDirectory users, DocumentLines lines,
			CurrencyManagement currencies, AccountManagement accounts, ContactManagement contacts, DealManagement deals,
			OrderManagement orders, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.users = users;
		this.lines = lines;
		this.currencies = currencies;
		this.accounts = accounts;
		this.contacts = contacts;
		this.deals = deals;
		this.orders = orders;
		this.clock = clock;
	}

	@Transactional
	public QuoteView create(QuoteFields fields) {
		Actor actor = Actor.current();
		access.requireCreate(actor, RecordAccess.CUSTOMER_EDITORS, "create-quote");
		List<FieldProblem> problems = new ArrayList<>();
		Checked c = check(actor, fields, null, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long seq = jdbc.sql("select nextval('quote_number_seq')").query(Long.class).single();
		String number = String.format("Q-%d-%05d", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear(), seq);
		long id = insert(c, number, 1, null, actor);
		QuoteView quote = written(id);
		audit.record(new AuditEvent("create", TYPE, Long.toString(id), number,
				FieldChanges.between(null, auditFields(quote), Map.of())));
		return quote;
	}

	private long insert(Checked c, String number, int revision, Long previousId, Actor actor) {
		QuoteFields f = c.fields();
		long id = jdbc.sql("""
				insert into quotes (number, revision, previous_id, account_id, contact_id, deal_id, currency, valid_until,
				  notes, subtotal, discount, tax, total, owner_id, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(number, revision, previousId, f.accountId(), f.contactId(), f.dealId(), f.currency(),
					f.validUntil() == null ? null : Date.valueOf(f.validUntil()), f.notes(), c.totals().subtotal(),
					c.totals().discount(), c.totals().tax(), c.totals().total(), f.ownerId(), actor.id())
			.query(Long.class)
			.single();
		lines.save("quote_lines", "quote_id", id, c.totals(), f.lines());
		return id;
	}

	@Transactional(readOnly = true)
	public QuoteView get(long id) {
		Actor actor = Actor.current();
		QuoteView quote = find(id).filter(q -> access.canSee(actor, TYPE, id, q.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		return present(List.of(quote)).get(0);
	}

	public boolean canEdit(QuoteView quote) {
		return access.canEdit(Actor.current(), TYPE, quote.id(), quote.ownerId());
	}

	/** Changes a draft quote; a sent quote is revised instead ({@link #revise}). */
	@Transactional
	public QuoteView update(long id, long expectedVersion, QuoteFields fields) {
		Actor actor = Actor.current();
		QuoteView before = editable(actor, id, expectedVersion);
		if (!"draft".equals(before.status())) {
			throw new StateConflict("quote-not-draft", "Only a draft quote can change; revise it instead", id,
					before.status());
		}
		List<FieldProblem> problems = new ArrayList<>();
		Checked c = check(actor, fields, before, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		QuoteFields f = c.fields();
		int updated = jdbc.sql("""
				update quotes set account_id = ?, contact_id = ?, deal_id = ?, currency = ?, valid_until = ?, notes = ?,
				  subtotal = ?, discount = ?, tax = ?, total = ?, owner_id = ?, updated_at = now(), version = version + 1
				where id = ? and version = ?""")
			.params(f.accountId(), f.contactId(), f.dealId(), f.currency(),
					f.validUntil() == null ? null : Date.valueOf(f.validUntil()), f.notes(), c.totals().subtotal(),
					c.totals().discount(), c.totals().tax(), c.totals().total(), f.ownerId(), id, expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersion(TYPE, id, expectedVersion, find(id).map(QuoteView::version).orElse(-1L));
		}
		lines.save("quote_lines", "quote_id", id, c.totals(), f.lines());
		QuoteView after = written(id);
		audit.record(new AuditEvent("update", TYPE, Long.toString(id), after.number(),
				FieldChanges.between(auditFields(before), auditFields(after), Map.of())));
		return after;
	}

	/** A new revision (same number, next revision, lines copied, draft); the old one is superseded. */
	@Transactional
	public QuoteView revise(long id, long expectedVersion) {
		Actor actor = Actor.current();
		QuoteView before = editable(actor, id, expectedVersion);
		if (!List.of("draft", "sent", "rejected").contains(before.status())) {
			throw new StateConflict("quote-not-revisable", "An accepted or superseded quote cannot be revised", id,
					before.status());
		}
		setStatus(before, "superseded", null);
		List<FieldProblem> problems = new ArrayList<>();
		Checked c = check(actor, before.fields(), before, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		int revision = jdbc.sql("select max(revision) from quotes where number = ?").param(before.number())
			.query(Integer.class).single() + 1;
		long newId = insert(c, before.number(), revision, id, actor);
		QuoteView revised = written(newId);
		audit.record(new AuditEvent("create", TYPE, Long.toString(newId), revised.number() + " r" + revision,
				FieldChanges.between(null, auditFields(revised), Map.of())));
		return revised;
	}

	@Transactional
	public QuoteView send(long id, long expectedVersion) {
		QuoteView quote = editable(Actor.current(), id, expectedVersion);
		if (!"draft".equals(quote.status())) {
			throw new StateConflict("quote-not-draft", "Only a draft quote can be sent", id, quote.status());
		}
		setStatus(quote, "sent", null);
		return written(id);
	}

	@Transactional
	public QuoteView reject(long id, long expectedVersion) {
		QuoteView quote = editable(Actor.current(), id, expectedVersion);
		if (!List.of("draft", "sent").contains(quote.status())) {
			throw new StateConflict("quote-not-open", "The quote is " + quote.status(), id, quote.status());
		}
		setStatus(quote, "rejected", null);
		return written(id);
	}

	/** The customer accepted: the quote becomes a confirmed order with the same lines and totals. */
	@Transactional
	public OrderView accept(long id, Long expectedVersion) {
		Actor actor = Actor.current();
		QuoteView quote = editable(actor, id, expectedVersion);
		if (!List.of("draft", "sent").contains(quote.status())) {
			throw new StateConflict("quote-not-open", "The quote is " + quote.status(), id, quote.status());
		}
		OrderView order = orders.fromQuote(quote, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		setStatus(quote, "accepted", order.id());
		return order;
	}

	@Transactional
	public void delete(long id, Long expectedVersion) {
		Actor actor = Actor.current();
		QuoteView quote = find(id).filter(q -> access.canSee(actor, TYPE, id, q.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		access.requireDelete(actor, TYPE, quote.ownerId());
		if (expectedVersion != null && quote.version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, quote.version());
		}
		if (!"draft".equals(quote.status())) {
			throw new StateConflict("quote-not-draft", "Only a draft quote can be deleted", id, quote.status());
		}
		jdbc.sql("update quotes set previous_id = null where previous_id = ?").param(id).update();
		jdbc.sql("delete from quotes where id = ?").param(id).update();
		audit.record(new AuditEvent("delete", TYPE, Long.toString(id), quote.number(),
				FieldChanges.between(auditFields(quote), null, Map.of())));
	}

	@Transactional(readOnly = true)
	public Page<QuoteView> list(Long accountId, Long dealId, String status, Integer limit, String cursor) {
		Actor actor = Actor.current();
		int size = limit == null ? 25 : limit;
		if (size < 1 || size > 200) {
			throw InvalidInput.of("limit", "out-of-range", "From 1 to 200");
		}
		SqlQuery q = new SqlQuery();
		q.and(access.visible("q", TYPE, access.scope(actor), q));
		if (accountId != null) {
			q.and("q.account_id = " + q.param(accountId));
		}
		if (dealId != null) {
			q.and("q.deal_id = " + q.param(dealId));
		}
		if (status != null && !status.isBlank()) {
			q.and("q.status = " + q.param(status));
		}
		if (cursor != null && !cursor.isBlank()) {
			var c = org.rapport.platform.Cursor.decode(cursor, "quotes");
			q.and("q.id < " + q.param(c.id()));
		}
		List<QuoteView> rows = jdbc.sql("select q.* from quotes q where " + q.where() + " order by q.id desc limit "
				+ (size + 1))
			.params(q.params())
			.query((rs, i) -> map(rs, false))
			.list();
		String next = rows.size() > size
				? new org.rapport.platform.Cursor("quotes", null, rows.get(size - 1).id()).encode() : null;
		return new Page<>(present(rows.stream().limit(size).toList()), next);
	}

	private QuoteView editable(Actor actor, long id, Long expectedVersion) {
		QuoteView quote = find(id).filter(q -> access.canSee(actor, TYPE, id, q.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		access.requireEdit(actor, TYPE, id, quote.ownerId());
		if (expectedVersion != null && quote.version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, quote.version());
		}
		return quote;
	}

	private void setStatus(QuoteView quote, String status, Long orderId) {
		Instant now = clock.instant();
		jdbc.sql("""
				update quotes set status = ?, order_id = coalesce(?, order_id),
				  accepted_at = case when ? = 'accepted' then ? else accepted_at end, updated_at = now(),
				  version = version + 1 where id = ?""")
			.params(status, orderId, status, Timestamp.from(now), quote.id())
			.update();
		Map<String, Object> before = Map.of("status", quote.status());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", status);
		if (orderId != null) {
			after.put("orderId", orderId);
		}
		audit.record(new AuditEvent("update", TYPE, Long.toString(quote.id()), quote.number(),
				FieldChanges.between(before, after, Map.of())));
	}

	private record Checked(QuoteFields fields, DocumentTotals totals) {
	}

	private Checked check(Actor actor, QuoteFields in, QuoteView before, List<FieldProblem> problems) {
		String currency = in.currency();
		if (currency == null && in.dealId() != null) {
			currency = linkedDeal(in.dealId(), problems).map(DealView::currency).orElse(null);
		}
		else if (in.dealId() != null) {
			linkedDeal(in.dealId(), problems);
		}
		if (currency == null) {
			currency = currencies.corporateCurrency();
		}
		if (Money.currency(currency) == null) {
			problems.add(new FieldProblem("currency", "not-a-currency", "Must be an ISO 4217 currency code"));
			currency = currencies.corporateCurrency();
		}
		currency = currency.toUpperCase(java.util.Locale.ROOT);
		if (in.accountId() != null && accounts.visibleNames(List.of(in.accountId())).isEmpty()) {
			problems.add(new FieldProblem("accountId", "unknown-account", "No such account"));
		}
		if (in.contactId() != null && contacts.visibleNames(List.of(in.contactId())).isEmpty()) {
			problems.add(new FieldProblem("contactId", "unknown-contact", "No such contact"));
		}
		if (in.accountId() == null && in.contactId() == null) {
			problems.add(new FieldProblem("accountId", "required", "An account or a contact is required"));
		}
		TextRules.check("notes", in.notes(), 10000, true, problems);
		List<QuoteLine> checked = lines.check(in.lines(), currency, false, problems);
		long owner = access.checkOwner(actor, in.ownerId(), before == null ? null : before.ownerId(), problems);
		DocumentTotals totals = problems.isEmpty() ? DocumentTotals.of(currency, checked) : null;
		return new Checked(new QuoteFields(in.accountId(), in.contactId(), in.dealId(), currency, in.validUntil(),
				in.notes(), owner, checked), totals);
	}

	private Optional<DealView> linkedDeal(long dealId, List<FieldProblem> problems) {
		try {
			return Optional.of(deals.get(dealId));
		}
		catch (RecordNotFound ex) {
			problems.add(new FieldProblem("dealId", "unknown-deal", "No such deal"));
			return Optional.empty();
		}
	}

	private static Map<String, Object> auditFields(QuoteView q) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("status", q.status());
		m.put("accountId", q.accountId());
		m.put("contactId", q.contactId());
		m.put("dealId", q.dealId());
		m.put("currency", q.currency());
		m.put("validUntil", q.validUntil());
		m.put("lines", q.lines().stream().map(l -> l.quantity().toPlainString() + " × " + l.description() + " @ "
				+ l.unitPrice().toPlainString() + " −" + l.discountPercent().toPlainString() + "% +"
				+ l.taxRatePercent().toPlainString() + "%").toList());
		m.put("total", q.total().toPlainString());
		m.put("ownerId", q.ownerId());
		return m;
	}

	/**
	 * The record as just written: the writer may have handed it to an owner whose records they do not
	 * see, and the write stands (a 404 here would roll it back).
	 */
	private QuoteView written(long id) {
		return present(List.of(find(id).orElseThrow(() -> new RecordNotFound(TYPE, id)))).get(0);
	}

	private Optional<QuoteView> find(long id) {
		return jdbc.sql("select * from quotes where id = ?").param(id).query((rs, i) -> map(rs, true)).optional();
	}

	private List<QuoteView> present(List<QuoteView> quotes) {
		Map<Long, String> owners = users.displayNames(quotes.stream().map(QuoteView::ownerId).toList());
		Map<Long, String> accountNames = accounts
			.visibleNames(quotes.stream().map(QuoteView::accountId).filter(Objects::nonNull).toList());
		Map<Long, String> contactNames = contacts
			.visibleNames(quotes.stream().map(QuoteView::contactId).filter(Objects::nonNull).toList());
		return quotes.stream()
			.map(q -> new QuoteView(q.id(), q.number(), q.revision(), q.previousId(), q.accountId(),
					q.accountId() == null ? null : accountNames.get(q.accountId()), q.contactId(),
					q.contactId() == null ? null : contactNames.get(q.contactId()), q.dealId(), q.currency(), q.status(),
					q.validUntil(), q.notes(), q.lines(), q.subtotal(), q.discount(), q.tax(), q.total(), q.ownerId(),
					owners.get(q.ownerId()), q.acceptedAt(), q.orderId(), q.createdAt(), q.updatedAt(), q.version()))
			.toList();
	}

	private QuoteView map(ResultSet rs, boolean withLines) throws SQLException {
		String currency = rs.getString("currency").strip();
		int scale = Money.minorUnits(currency);
		long id = rs.getLong("id");
		Date valid = rs.getDate("valid_until");
		Timestamp accepted = rs.getTimestamp("accepted_at");
		return new QuoteView(id, rs.getString("number"), rs.getInt("revision"), rs.getObject("previous_id", Long.class),
				rs.getObject("account_id", Long.class), null, rs.getObject("contact_id", Long.class), null,
				rs.getObject("deal_id", Long.class), currency, rs.getString("status"),
				valid == null ? null : valid.toLocalDate(), rs.getString("notes"),
				withLines ? lines.load("quote_lines", "quote_id", id, scale) : List.of(),
				rs.getBigDecimal("subtotal").setScale(scale), rs.getBigDecimal("discount").setScale(scale),
				rs.getBigDecimal("tax").setScale(scale), rs.getBigDecimal("total").setScale(scale),
				rs.getLong("owner_id"), null, accepted == null ? null : accepted.toInstant(),
				rs.getObject("order_id", Long.class), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
	}

}
