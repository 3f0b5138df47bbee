package org.rapport.data.internal.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.AccountView;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactView;
import org.rapport.data.internal.imports.RowCleaner.Cleaned;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.sales.OrderFields;
import org.rapport.sales.OrderManagement;
import org.rapport.sales.Product;
import org.rapport.sales.ProductManagement;
import org.rapport.sales.QuoteLine;

/**
 * Orders through the sales module's {@link OrderManagement}: the rows of a batch with the same order
 * number are the lines of one order (the runner never splits consecutive rows of one number between
 * batches). The customer is a contact named by e-mail address or id, the account an account named by
 * name or id (else the contact's), the product a catalogue product by SKU or name; a line without a
 * unit price takes the product's list price. An order any of whose rows is wrong is not written: each
 * wrong row reports why, the others that their order was not written. Orders are not de-duplicated.
 */
final class OrderWriter implements EntityWriter {

	private final OrderManagement orders;

	private final ProductManagement products;

	private final ContactManagement contacts;

	private final AccountManagement accounts;

	/** Order numbers of the batch that have a row the cleaner rejected. */
	private final Set<String> broken = new HashSet<>();

	private final Map<String, Optional<Product>> productsByKey = new HashMap<>();

	OrderWriter(OrderManagement orders, ProductManagement products, ContactManagement contacts,
			AccountManagement accounts) {
		this.orders = orders;
		this.products = products;
		this.contacts = contacts;
		this.accounts = accounts;
	}

	/** Whether the next row belongs to the same order as the last, so that a batch must not end between them. */
	static boolean sameOrder(Cleaned last, Cleaned next) {
		return last.get("orderNumber") != null && last.get("orderNumber").equals(next.get("orderNumber"));
	}

	@Override
	public Existing findExisting(Cleaned row) {
		return null;
	}

	@Override
	public long create(Cleaned row) {
		Created created = createAll(List.of(row)).get(0);
		if (created.refused() != null) {
			throw created.refused();
		}
		return created.id();
	}

	/** Never called: {@link #findExisting} finds no existing order, so an order row is only ever created. */
	@Override
	public void update(long id, Cleaned row) {
		throw new UnsupportedOperationException("Orders are not updated by imports");
	}

	@Override
	public boolean batches() {
		return true;
	}

	@Override
	public void prefetch(List<Cleaned> rows) {
		broken.clear();
		rows.stream().filter(r -> !r.valid() && r.get("orderNumber") != null).forEach(r -> broken.add(r.get("orderNumber")));
	}

	@Override
	public List<Created> createAll(List<Cleaned> rows) {
		return orders(rows, true);
	}

	/** As {@link #createAll}, writing nothing: the refusals a real run would report, and {@code null} ids. */
	@Override
	public List<Created> checkAll(List<Cleaned> rows) {
		return orders(rows, false);
	}

	private List<Created> orders(List<Cleaned> rows, boolean write) {
		Map<String, List<Integer>> byOrder = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			byOrder.computeIfAbsent(rows.get(i).get("orderNumber"), k -> new ArrayList<>()).add(i);
		}
		Created[] results = new Created[rows.size()];
		for (var order : byOrder.entrySet()) {
			List<Cleaned> lines = order.getValue().stream().map(rows::get).toList();
			List<Created> written = order(order.getKey(), lines, write);
			for (int k = 0; k < lines.size(); k++) {
				results[order.getValue().get(k)] = written.get(k);
			}
		}
		return List.of(results);
	}

	/**
	 * Writes one order from its rows (or, unless {@code write}, only checks it as writing would); per row,
	 * the order's id or why it was not written.
	 */
	private List<Created> order(String number, List<Cleaned> rows, boolean write) {
		Cleaned first = rows.get(0);
		if (broken.contains(number)) {
			return rows.stream().map(r -> new Created(null, InvalidInput.of("orderNumber", "order-not-written",
					"Order " + number + " was not written: another of its rows has errors"))).toList();
		}
		Long contactId = null;
		Long accountId = null;
		List<RapportException> rowProblems = new ArrayList<>(java.util.Collections.nCopies(rows.size(), null));
		String customer = first.get("customer");
		if (customer != null) {
			ContactView contact = contact(customer);
			if (contact == null) {
				rowProblems.set(0, InvalidInput.of("customer", "unknown-customer", "No contact with this e-mail address or id"));
			}
			else {
				contactId = contact.id();
				accountId = contact.accountId();
			}
		}
		if (first.get("account") != null) {
			Long account = account(first.get("account"));
			if (account == null) {
				rowProblems.set(0, InvalidInput.of("account", "unknown-account", "No account of this name or id"));
			}
			accountId = account;
		}
		List<QuoteLine> lines = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Cleaned row = rows.get(i);
			Long productId = null;
			if (row.get("product") != null) {
				Optional<Product> product = product(row.get("product"));
				if (product.isEmpty()) {
					rowProblems.set(i, InvalidInput.of("product", "unknown-product", "No product with this SKU or name"));
				}
				else {
					productId = product.get().id();
				}
			}
			lines.add(new QuoteLine(productId, row.get("description"), decimal(row.get("quantity")),
					decimal(row.get("unitPrice")), decimal(row.get("discount")), decimal(row.get("taxRate"))));
		}
		if (rowProblems.stream().anyMatch(java.util.Objects::nonNull)) {
			return refuse(number, rows, rowProblems);
		}
		try {
			OrderFields fields = new OrderFields(accountId, contactId, first.get("currency"),
					first.get("orderDate") == null ? null : LocalDate.parse(first.get("orderDate")), null, lines);
			Long id = null;
			if (write) {
				id = orders.create(fields).id();
			}
			else {
				orders.validate(fields);
			}
			Long written = id;
			return rows.stream().map(r -> new Created(written, null)).toList();
		}
		catch (RapportException ex) {
			// the facade's problems name the line (lines[2].quantity) or the order (currency, accountId)
			for (FieldProblem p : ex.fieldProblems()) {
				int row = 0;
				String field = p.field();
				java.util.regex.Matcher line = java.util.regex.Pattern.compile("lines\\[(\\d+)]\\.(\\w+)").matcher(field);
				if (line.matches()) {
					row = Integer.parseInt(line.group(1));
					field = switch (line.group(2)) {
						case "productId" -> "product";
						case "discountPercent" -> "discount";
						case "taxRatePercent" -> "taxRate";
						default -> line.group(2);
					};
				}
				else if (field.equals("accountId")) {
					field = customer != null ? "customer" : "account";
				}
				if (row < rows.size() && rowProblems.get(row) == null) {
					rowProblems.set(row, InvalidInput.of(field, p.code(), p.message()));
				}
			}
			if (rowProblems.stream().allMatch(java.util.Objects::isNull)) {
				rowProblems.set(0, ex);
			}
			return refuse(number, rows, rowProblems);
		}
	}

	/** Each row with a problem reports it; the others, that their order was not written because of those. */
	private static List<Created> refuse(String number, List<Cleaned> rows, List<RapportException> problems) {
		List<Created> refused = new ArrayList<>();
		String wrong = String.join(", ", java.util.stream.IntStream.range(0, rows.size())
			.filter(i -> problems.get(i) != null).mapToObj(i -> Long.toString(rows.get(i).row())).toList());
		for (int i = 0; i < rows.size(); i++) {
			refused.add(new Created(null, problems.get(i) != null ? problems.get(i)
					: InvalidInput.of("orderNumber", "order-not-written", "Order " + number + " was not written: see row " + wrong)));
		}
		return refused;
	}

	private static BigDecimal decimal(String value) {
		return value == null ? null : new BigDecimal(value);
	}

	private ContactView contact(String customer) {
		if (customer.matches("\\d{1,18}")) {
			long id = Long.parseLong(customer);
			return contacts.findVisible(id).orElse(null);
		}
		if (!customer.contains("@")) {
			return null;
		}
		List<ContactView> found = contacts.findByEmailOrPhone(customer, null, 2);
		return found.isEmpty() ? null : found.get(0);
	}

	private Long account(String account) {
		if (account.matches("\\d{1,18}")) {
			long id = Long.parseLong(account);
			return accounts.visibleNames(List.of(id)).isEmpty() ? null : id;
		}
		String wanted = account.strip().toLowerCase(Locale.ROOT);
		return accounts.list(new AccountQuery(account, null, null, null, null, null, 20, null)).items().stream()
			.filter(a -> a.name().strip().toLowerCase(Locale.ROOT).equals(wanted)).map(AccountView::id).findFirst()
			.orElse(null);
	}

	/** A product by SKU (any case) or else by name (any case). */
	private Optional<Product> product(String key) {
		return productsByKey.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> {
			List<Product> found = products.list(key, null, null, 50);
			return found.stream().filter(p -> p.sku() != null && p.sku().equalsIgnoreCase(key)).findFirst()
				.or(() -> found.stream().filter(p -> p.name().equalsIgnoreCase(key)).findFirst());
		});
	}

}
