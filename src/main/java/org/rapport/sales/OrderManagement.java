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
import org.rapport.platform.UserDirectory;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.data.SqlQuery;
import org.rapport.sales.internal.DocumentLines;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders: draft → confirmed → fulfilled, or cancelled before fulfilment. A fulfilled order is a
 * completed customer transaction and never changes (the database refuses it too); a correction is
 * a new adjusting order that points to it, with negative quantities for returns.
 */
@Service
public class OrderManagement {

	static final String TYPE = "order";

	private final JdbcClient jdbc;

	private final RecordAccess access;

	private final AuditTrail audit;

	private final UserDirectory users;

	private final DocumentLines lines;

	private final CurrencyManagement currencies;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderManagement(JdbcClient jdbc, RecordAccess access, AuditTrail audit, UserDirectory users, DocumentLines lines,
			CurrencyManagement currencies, AccountManagement accounts, ContactManagement contacts,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.users = users;
		this.lines = lines;
		this.currencies = currencies;
		this.accounts = accounts;
		this.contacts = contacts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public OrderView create(OrderFields fields) {
		Actor actor = Actor.current();
		access.requireCreate(actor, RecordAccess.CUSTOMER_EDITORS, "create-order");
		return insert(actor, fields, null, null, null, "draft", false);
	}

	/**
	 * Checks the order exactly as {@link #create} would and throws what it would throw, writing nothing:
	 * for an import's dry run.
	 */
	@Transactional(readOnly = true)
	public void validate(OrderFields fields) {
		Actor actor = Actor.current();
		access.requireCreate(actor, RecordAccess.CUSTOMER_EDITORS, "create-order");
		List<FieldProblem> problems = new ArrayList<>();
		check(actor, fields, null, false, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	/** The order an accepted quote becomes: same account, contact, lines and totals; confirmed. */
	@Transactional
	public OrderView fromQuote(QuoteView quote, LocalDate orderDate) {
		Actor actor = Actor.current();
		QuoteFields q = quote.fields();
		return insert(actor, new OrderFields(q.accountId(), q.contactId(), q.currency(), orderDate, q.ownerId(), q.lines()),
				quote.id(), quote.dealId(), null, "confirmed", false);
	}

	/** A correction of a fulfilled order: a new draft order pointing to it; negative quantities allowed. */
	@Transactional
	public OrderView adjust(long orderId, OrderFields fields) {
		Actor actor = Actor.current();
		OrderView original = get(orderId);
		access.requireEdit(actor, TYPE, orderId, original.ownerId());
		if (!"fulfilled".equals(original.status())) {
			throw new StateConflict("order-not-fulfilled", "Only a fulfilled order is adjusted; change this one directly",
					orderId, original.status());
		}
		OrderFields f = new OrderFields(original.accountId(), original.contactId(), original.currency(),
				fields.orderDate(), fields.ownerId() == null ? original.ownerId() : fields.ownerId(), fields.lines());
		return insert(actor, f, null, original.dealId(), orderId, "draft", true);
	}

	private OrderView insert(Actor actor, OrderFields in, Long quoteId, Long dealId, Long adjusts, String status,
			boolean negativeAllowed) {
		List<FieldProblem> problems = new ArrayList<>();
		Checked c = check(actor, in, null, negativeAllowed, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		OrderFields f = c.fields();
		long seq = jdbc.sql("select nextval('order_number_seq')").query(Long.class).single();
		String number = String.format("SO-%d-%05d", f.orderDate().getYear(), seq);
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into orders (number, account_id, contact_id, quote_id, deal_id, adjusts_order_id, currency, status,
				  order_date, subtotal, discount, tax, total, owner_id, confirmed_at, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(number, f.accountId(), f.contactId(), quoteId, dealId, adjusts, f.currency(), status,
					Date.valueOf(f.orderDate()), c.totals().subtotal(), c.totals().discount(), c.totals().tax(),
					c.totals().total(), f.ownerId(), "confirmed".equals(status) ? Timestamp.from(now) : null,
					Timestamp.from(now), actor.id())
			.query(Long.class)
			.single();
		lines.save("order_lines", "order_id", id, c.totals(), f.lines());
		OrderView order = written(id);
		audit.record(new AuditEvent("create", TYPE, Long.toString(id), number,
				FieldChanges.between(null, auditFields(order), Map.of())));
		return order;
	}

	@Transactional(readOnly = true)
	public OrderView get(long id) {
		Actor actor = Actor.current();
		OrderView order = find(id).filter(o -> access.canSee(actor, TYPE, id, o.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		return present(List.of(order)).get(0);
	}

	public boolean canEdit(OrderView order) {
		return !"fulfilled".equals(order.status()) && !"cancelled".equals(order.status())
				&& access.canEdit(Actor.current(), TYPE, order.id(), order.ownerId());
	}

	/** Changes a draft or confirmed order; a fulfilled or cancelled one answers 409. */
	@Transactional
	public OrderView update(long id, long expectedVersion, OrderFields fields) {
		Actor actor = Actor.current();
		OrderView before = editable(actor, id, expectedVersion);
		boolean adjusting = before.adjustsOrderId() != null;
		List<FieldProblem> problems = new ArrayList<>();
		Checked c = check(actor, fields, before, adjusting, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		OrderFields f = c.fields();
		int updated = jdbc.sql("""
				update orders set account_id = ?, contact_id = ?, currency = ?, order_date = ?, subtotal = ?, discount = ?,
				  tax = ?, total = ?, owner_id = ?, updated_at = now(), version = version + 1 where id = ? and version = ?""")
			.params(adjusting ? before.accountId() : f.accountId(), adjusting ? before.contactId() : f.contactId(),
					f.currency(), Date.valueOf(f.orderDate()), c.totals().subtotal(), c.totals().discount(),
					c.totals().tax(), c.totals().total(), f.ownerId(), id, expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersion(TYPE, id, expectedVersion, find(id).map(OrderView::version).orElse(-1L));
		}
		lines.save("order_lines", "order_id", id, c.totals(), f.lines());
		OrderView after = written(id);
		audit.record(new AuditEvent("update", TYPE, Long.toString(id), after.number(),
				FieldChanges.between(auditFields(before), auditFields(after), Map.of())));
		return after;
	}

	@Transactional
	public OrderView confirm(long id, Long expectedVersion) {
		return transition(id, expectedVersion, "draft", "confirmed");
	}

	@Transactional
	public OrderView fulfil(long id, Long expectedVersion) {
		OrderView order = transition(id, expectedVersion, "confirmed", "fulfilled");
		events.publishEvent(new OrderFulfilled(order.id(), order.accountId(), order.contactId(), order.orderDate(),
				order.total(), order.currency()));
		return order;
	}

	@Transactional
	public OrderView cancel(long id, Long expectedVersion) {
		OrderView order = editable(Actor.current(), id, expectedVersion);
		return transition(id, order.version(), order.status(), "cancelled");
	}

	private OrderView transition(long id, Long expectedVersion, String from, String to) {
		OrderView order = editable(Actor.current(), id, expectedVersion);
		if (!order.status().equals(from)) {
			throw new StateConflict("order-wrong-status", "The order is " + order.status() + ", not " + from, id,
					order.status(), from);
		}
		String column = switch (to) {
			case "confirmed" -> "confirmed_at";
			case "fulfilled" -> "fulfilled_at";
			default -> "cancelled_at";
		};
		jdbc.sql("update orders set status = ?, " + column + " = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(to, Timestamp.from(clock.instant()), id)
			.update();
		audit.record(new AuditEvent("update", TYPE, Long.toString(id), order.number(),
				FieldChanges.between(Map.of("status", from), Map.of("status", to), Map.of())));
		return written(id);
	}

	@Transactional
	public void delete(long id, Long expectedVersion) {
		Actor actor = Actor.current();
		OrderView order = editable(actor, id, expectedVersion);
		access.requireDelete(actor, TYPE, order.ownerId());
		if (!"draft".equals(order.status())) {
			throw new StateConflict("order-not-draft", "Only a draft order can be deleted; cancel it instead", id,
					order.status());
		}
		jdbc.sql("update quotes set order_id = null where order_id = ?").param(id).update();
		jdbc.sql("delete from orders where id = ?").param(id).update();
		audit.record(new AuditEvent("delete", TYPE, Long.toString(id), order.number(),
				FieldChanges.between(auditFields(order), null, Map.of())));
	}

	@Transactional(readOnly = true)
	public Page<OrderView> list(Long accountId, Long contactId, String status, LocalDate from, LocalDate to,
			Integer limit, String cursor) {
		Actor actor = Actor.current();
		int size = limit == null ? 25 : limit;
		if (size < 1 || size > 200) {
			throw InvalidInput.of("limit", "out-of-range", "From 1 to 200");
		}
		SqlQuery q = new SqlQuery();
		q.and(access.visible("o", TYPE, access.scope(actor), q));
		if (accountId != null) {
			q.and("o.account_id = " + q.param(accountId));
		}
		if (contactId != null) {
			q.and("o.contact_id = " + q.param(contactId));
		}
		if (status != null && !status.isBlank()) {
			q.and("o.status = " + q.param(status));
		}
		if (from != null) {
			q.and("o.order_date >= " + q.param(Date.valueOf(from)));
		}
		if (to != null) {
			q.and("o.order_date <= " + q.param(Date.valueOf(to)));
		}
		if (cursor != null && !cursor.isBlank()) {
			var c = org.rapport.platform.Cursor.decode(cursor, "orders");
			q.and("(o.order_date, o.id) < (cast(" + q.param(c.key()) + " as date), " + q.param(c.id()) + ")");
		}
		record Row(OrderView view, String cursor) {
		}
		List<Row> rows = jdbc.sql("select o.* from orders o where " + q.where() + " order by o.order_date desc, o.id desc limit "
				+ (size + 1))
			.params(q.params())
			.query((rs, i) -> new Row(map(rs, false), new org.rapport.platform.Cursor("orders",
					rs.getDate("order_date").toString(), rs.getLong("id")).encode()))
			.list();
		String next = rows.size() > size ? rows.get(size - 1).cursor() : null;
		return new Page<>(present(rows.stream().limit(size).map(Row::view).toList()), next);
	}

	private OrderView editable(Actor actor, long id, Long expectedVersion) {
		OrderView order = find(id).filter(o -> access.canSee(actor, TYPE, id, o.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		access.requireEdit(actor, TYPE, id, order.ownerId());
		if (expectedVersion != null && order.version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, order.version());
		}
		if ("fulfilled".equals(order.status())) {
			throw new StateConflict("order-fulfilled", "A fulfilled order cannot change; create an adjusting order", id);
		}
		if ("cancelled".equals(order.status())) {
			throw new StateConflict("order-cancelled", "A cancelled order cannot change", id);
		}
		return order;
	}

	private record Checked(OrderFields fields, DocumentTotals totals) {
	}

	private Checked check(Actor actor, OrderFields in, OrderView before, boolean negativeAllowed,
			List<FieldProblem> problems) {
		String currency = in.currency() == null ? currencies.corporateCurrency() : in.currency();
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
		List<QuoteLine> checked = lines.check(in.lines(), currency, negativeAllowed, problems);
		long owner = access.checkOwner(actor, in.ownerId(), before == null ? null : before.ownerId(), problems);
		LocalDate date = in.orderDate() == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : in.orderDate();
		DocumentTotals totals = problems.isEmpty() ? DocumentTotals.of(currency, checked) : null;
		return new Checked(new OrderFields(in.accountId(), in.contactId(), currency, date, owner, checked), totals);
	}

	private static Map<String, Object> auditFields(OrderView o) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("status", o.status());
		m.put("accountId", o.accountId());
		m.put("contactId", o.contactId());
		m.put("currency", o.currency());
		m.put("orderDate", o.orderDate());
		m.put("lines", o.lines().stream().map(l -> l.quantity().toPlainString() + " × " + l.description() + " @ "
				+ l.unitPrice().toPlainString()).toList());
		m.put("total", o.total().toPlainString());
		m.put("ownerId", o.ownerId());
		return m;
	}

	/**
	 * The record as just written: the writer may have handed it to an owner whose records they do not
	 * see, and the write stands (a 404 here would roll it back).
	 */
	private OrderView written(long id) {
		return present(List.of(find(id).orElseThrow(() -> new RecordNotFound(TYPE, id)))).get(0);
	}

	private Optional<OrderView> find(long id) {
		return jdbc.sql("select * from orders where id = ?").param(id).query((rs, i) -> map(rs, true)).optional();
	}

	private List<OrderView> present(List<OrderView> orders) {
		Map<Long, String> owners = users.displayNames(orders.stream().map(OrderView::ownerId).toList());
		Map<Long, String> accountNames = accounts
			.visibleNames(orders.stream().map(OrderView::accountId).filter(Objects::nonNull).toList());
		Map<Long, String> contactNames = contacts
			.visibleNames(orders.stream().map(OrderView::contactId).filter(Objects::nonNull).toList());
		return orders.stream()
			.map(o -> new OrderView(o.id(), o.number(), o.accountId(),
					o.accountId() == null ? null : accountNames.get(o.accountId()), o.contactId(),
					o.contactId() == null ? null : contactNames.get(o.contactId()), o.quoteId(), o.dealId(),
					o.adjustsOrderId(), o.currency(), o.status(), o.orderDate(), o.lines(), o.subtotal(), o.discount(),
					o.tax(), o.total(), o.ownerId(), owners.get(o.ownerId()), o.confirmedAt(), o.fulfilledAt(),
					o.cancelledAt(), o.createdAt(), o.version()))
			.toList();
	}

	private OrderView map(ResultSet rs, boolean withLines) throws SQLException {
		String currency = rs.getString("currency").strip();
		int scale = Money.minorUnits(currency);
		long id = rs.getLong("id");
		return new OrderView(id, rs.getString("number"), rs.getObject("account_id", Long.class), null,
				rs.getObject("contact_id", Long.class), null, rs.getObject("quote_id", Long.class),
				rs.getObject("deal_id", Long.class), rs.getObject("adjusts_order_id", Long.class), currency,
				rs.getString("status"), rs.getDate("order_date").toLocalDate(),
				withLines ? lines.load("order_lines", "order_id", id, scale) : List.of(),
				rs.getBigDecimal("subtotal").setScale(scale), rs.getBigDecimal("discount").setScale(scale),
				rs.getBigDecimal("tax").setScale(scale), rs.getBigDecimal("total").setScale(scale),
				rs.getLong("owner_id"), null, instant(rs, "confirmed_at"), instant(rs, "fulfilled_at"),
				instant(rs, "cancelled_at"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
