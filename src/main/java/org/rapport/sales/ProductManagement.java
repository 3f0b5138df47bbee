package org.rapport.sales;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.FieldChanges;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.Role;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.StateConflict;
import org.rapport.platform.TextRules;
import org.rapport.platform.text.SearchText;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue and its price books (one list price per product and currency). Everyone
 * reads it; admins and managers maintain it.
 */
@Service
public class ProductManagement {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ProductManagement(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * What an editor sets on a product.
	 *
	 * @param sku stock-keeping unit
	 * @param name name
	 * @param family family
	 * @param unit unit of sale
	 * @param description description
	 * @param active active
	 * @param prices list prices by currency, set in each currency's default price book
	 */
	public record ProductFields(String sku, String name, String family, String unit, String description, Boolean active,
			Map<String, BigDecimal> prices) {
	}

	/**
	 * A price book.
	 *
	 * @param id id
	 * @param name name
	 * @param currency currency of its prices
	 * @param isDefault whether it is the currency's default book
	 * @param active active
	 */
	public record PriceBook(long id, String name, String currency, boolean isDefault, boolean active) {
	}

	@Transactional
	public Product create(ProductFields fields) {
		requireEditor();
		ProductFields f = check(fields, null);
		long id;
		try {
			id = jdbc.sql("""
					insert into products (sku, name, family, unit, description, active) values (?, ?, ?, ?, ?, ?)
					returning id""")
				.params(f.sku(), f.name(), f.family(), f.unit(), f.description(), f.active())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new StateConflict("sku-taken", "A product with this SKU exists", f.sku());
		}
		savePrices(id, f.prices());
		Product p = get(id);
		audit.record(new AuditEvent("create", "product", Long.toString(id), p.name(),
				FieldChanges.between(null, auditFields(p), Map.of())));
		return p;
	}

	@Transactional
	public Product update(long id, long expectedVersion, ProductFields fields) {
		requireEditor();
		Product before = get(id);
		if (before.version() != expectedVersion) {
			throw new StaleVersion("product", id, expectedVersion, before.version());
		}
		ProductFields f = check(fields, before);
		int updated;
		try {
			updated = jdbc.sql("""
					update products set sku = ?, name = ?, family = ?, unit = ?, description = ?, active = ?,
					  updated_at = now(), version = version + 1 where id = ? and version = ?""")
				.params(f.sku(), f.name(), f.family(), f.unit(), f.description(), f.active(), id, expectedVersion)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new StateConflict("sku-taken", "A product with this SKU exists", f.sku());
		}
		if (updated == 0) {
			throw new StaleVersion("product", id, expectedVersion, get(id).version());
		}
		savePrices(id, f.prices());
		Product after = get(id);
		audit.record(new AuditEvent("update", "product", Long.toString(id), after.name(),
				FieldChanges.between(auditFields(before), auditFields(after), Map.of())));
		return after;
	}

	@Transactional(readOnly = true)
	public Product get(long id) {
		return find(id).orElseThrow(() -> new RecordNotFound("product", id));
	}

	@Transactional(readOnly = true)
	public Optional<Product> find(long id) {
		return jdbc.sql("select * from products where id = ?").param(id).query((rs, i) -> map(rs)).optional()
			.map(p -> withPrices(List.of(p)).get(0));
	}

	@Transactional(readOnly = true)
	public List<Product> list(String q, Boolean active, String family, int limit) {
		StringBuilder where = new StringBuilder("true");
		List<Object> params = new ArrayList<>();
		if (q != null && !q.isBlank()) {
			where.append(" and (lower(name) like ? or lower(sku) like ?)");
			String like = "%" + SearchText.likeLiteral(q.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
			params.add(like);
			params.add(like);
		}
		if (active != null) {
			where.append(" and active = ?");
			params.add(active);
		}
		if (family != null && !family.isBlank()) {
			where.append(" and family = ?");
			params.add(family);
		}
		params.add(Math.max(1, Math.min(limit, 500)));
		return withPrices(jdbc.sql("select * from products where " + where + " order by lower(name), id limit ?")
			.params(params)
			.query((rs, i) -> map(rs))
			.list());
	}

	@Transactional(readOnly = true)
	public List<PriceBook> priceBooks() {
		return jdbc.sql("select * from price_books order by currency, name")
			.query((rs, i) -> new PriceBook(rs.getLong("id"), rs.getString("name"), rs.getString("currency").strip(),
					rs.getBoolean("is_default"), rs.getBoolean("active")))
			.list();
	}

	/** The list price of a product in a currency (its default price book), if there is one. */
	@Transactional(readOnly = true)
	public Optional<BigDecimal> listPrice(long productId, String currency) {
		return jdbc.sql("""
				select e.list_price from price_book_entries e join price_books b on b.id = e.price_book_id
				where e.product_id = ? and b.currency = ? and b.is_default and b.active""")
			.params(productId, currency)
			.query(BigDecimal.class)
			.optional();
	}

	private void savePrices(long productId, Map<String, BigDecimal> prices) {
		for (var e : prices.entrySet()) {
			String currency = e.getKey();
			Long book = jdbc.sql("select id from price_books where currency = ? and is_default").param(currency)
				.query(Long.class).optional()
				.orElseGet(() -> jdbc.sql("insert into price_books (name, currency, is_default) values ('Standard', ?, true) returning id")
					.param(currency).query(Long.class).single());
			if (e.getValue() == null) {
				jdbc.sql("delete from price_book_entries where price_book_id = ? and product_id = ?").params(book, productId)
					.update();
			}
			else {
				jdbc.sql("""
						insert into price_book_entries (price_book_id, product_id, list_price) values (?, ?, ?)
						on conflict (price_book_id, product_id) do update set list_price = excluded.list_price""")
					.params(book, productId, e.getValue())
					.update();
			}
		}
	}

	private ProductFields check(ProductFields in, Product before) {
		List<FieldProblem> problems = new ArrayList<>();
		String sku = in.sku() == null && before != null ? before.sku() : in.sku();
		String name = in.name() == null && before != null ? before.name() : in.name();
		if (TextRules.isBlank(sku)) {
			problems.add(new FieldProblem("sku", "required", "Required"));
		}
		TextRules.check("sku", sku, 64, false, problems);
		if (TextRules.isBlank(name)) {
			problems.add(new FieldProblem("name", "required", "Required"));
		}
		TextRules.check("name", name, 200, false, problems);
		TextRules.check("family", in.family(), 100, false, problems);
		TextRules.check("unit", in.unit(), 30, false, problems);
		TextRules.check("description", in.description(), 5000, true, problems);
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		if (in.prices() != null) {
			in.prices().forEach((currency, price) -> {
				Money.currency(currency);
				if (Money.currency(currency) == null) {
					problems.add(new FieldProblem("prices." + currency, "not-a-currency", "Not a currency code"));
				}
				else if (price != null && (price.signum() < 0 || price.stripTrailingZeros().scale() > 4
						|| price.precision() - price.scale() > 15)) {
					problems.add(new FieldProblem("prices." + currency, "out-of-range",
							"A non-negative price with at most 4 decimals"));
				}
				else {
					prices.put(currency.toUpperCase(java.util.Locale.ROOT), price);
				}
			});
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new ProductFields(sku, name, in.family(), TextRules.isBlank(in.unit()) ? "each" : in.unit(),
				in.description(), in.active() == null ? before == null || before.active() : in.active(), prices);
	}

	private static void requireEditor() {
		Role role = Actor.current().role();
		if (role != Role.ADMIN && role != Role.MANAGER) {
			throw new NotPermitted("edit-products");
		}
	}

	private List<Product> withPrices(List<Product> products) {
		if (products.isEmpty()) {
			return products;
		}
		Map<Long, Map<String, BigDecimal>> prices = new LinkedHashMap<>();
		jdbc.sql("""
				select e.product_id, b.currency, e.list_price from price_book_entries e
				join price_books b on b.id = e.price_book_id where b.is_default and e.product_id = any(?)
				order by b.currency""")
			.param(products.stream().map(Product::id).toArray(Long[]::new))
			.query(rs -> {
				String currency = rs.getString(2).strip();
				prices.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
					.put(currency, rs.getBigDecimal(3).setScale(Math.max(Money.minorUnits(currency),
							rs.getBigDecimal(3).stripTrailingZeros().scale()), Money.ROUNDING));
			});
		return products.stream()
			.map(p -> new Product(p.id(), p.sku(), p.name(), p.family(), p.unit(), p.description(), p.active(),
					prices.getOrDefault(p.id(), Map.of()), p.createdAt(), p.version()))
			.toList();
	}

	private static Map<String, Object> auditFields(Product p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("sku", p.sku());
		m.put("name", p.name());
		m.put("family", p.family());
		m.put("unit", p.unit());
		m.put("active", p.active());
		p.prices().forEach((c, v) -> m.put("price." + c, v.toPlainString()));
		return m;
	}

	private static Product map(ResultSet rs) throws SQLException {
		return new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("name"), rs.getString("family"),
				rs.getString("unit"), rs.getString("description"), rs.getBoolean("active"), Map.of(),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
	}

}
