package org.rapport.sales.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.TextRules;
import org.rapport.sales.DocumentTotals;
import org.rapport.sales.LineTotals;
import org.rapport.sales.LineView;
import org.rapport.sales.ProductManagement;
import org.rapport.sales.QuoteLine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lines of quotes and orders: checked and completed from the catalogue (description and list
 * price of a product when not given), stored with their computed amounts, and read back.
 */
@Component
public class DocumentLines {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final JdbcClient jdbc;

	private final ProductManagement products;

	DocumentLines(JdbcClient jdbc, ProductManagement products) {
		this.jdbc = jdbc;
		this.products = products;
	}

	/** Checks and completes lines; quantities must be positive unless {@code negativeAllowed} (adjustments). */
	public List<QuoteLine> check(List<QuoteLine> lines, String currency, boolean negativeAllowed,
			List<FieldProblem> problems) {
		List<QuoteLine> checked = new ArrayList<>();
		if (lines == null || lines.isEmpty()) {
			problems.add(new FieldProblem("lines", "required", "At least one line"));
			return checked;
		}
		if (lines.size() > 500) {
			problems.add(new FieldProblem("lines", "too-many", "At most 500 lines"));
			return checked;
		}
		for (int i = 0; i < lines.size(); i++) {
			QuoteLine l = lines.get(i);
			String f = "lines[" + i + "].";
			String description = l.description();
			BigDecimal price = l.unitPrice();
			if (l.productId() != null) {
				var product = products.find(l.productId());
				if (product.isEmpty()) {
					problems.add(new FieldProblem(f + "productId", "unknown-product", "No such product"));
					continue;
				}
				if (TextRules.isBlank(description)) {
					description = product.get().name();
				}
				if (price == null && currency != null) {
					price = products.listPrice(l.productId(), currency).orElse(null);
					if (price == null) {
						problems.add(new FieldProblem(f + "unitPrice", "required",
								"No list price in " + currency + ": give a unit price"));
						continue;
					}
				}
			}
			if (TextRules.isBlank(description)) {
				problems.add(new FieldProblem(f + "description", "required", "A product or a description is required"));
			}
			TextRules.check(f + "description", description, 1000, true, problems);
			if (l.quantity() == null) {
				problems.add(new FieldProblem(f + "quantity", "required", "Required"));
			}
			else if ((!negativeAllowed && l.quantity().signum() <= 0) || l.quantity().signum() == 0
					|| l.quantity().stripTrailingZeros().scale() > 4 || l.quantity().precision() - l.quantity().scale() > 12) {
				problems.add(new FieldProblem(f + "quantity", "out-of-range",
						negativeAllowed ? "A non-zero quantity with at most 4 decimals" : "A positive quantity with at most 4 decimals"));
			}
			if (price == null) {
				problems.add(new FieldProblem(f + "unitPrice", "required", "Required"));
			}
			else if (price.signum() < 0 || price.stripTrailingZeros().scale() > 4 || price.precision() - price.scale() > 14) {
				problems.add(new FieldProblem(f + "unitPrice", "out-of-range", "A non-negative price with at most 4 decimals"));
			}
			percent(f + "discountPercent", l.discountPercent(), problems);
			percent(f + "taxRatePercent", l.taxRatePercent(), problems);
			checked.add(new QuoteLine(l.productId(), description, l.quantity(), price,
					l.discountPercent() == null ? BigDecimal.ZERO : l.discountPercent(),
					l.taxRatePercent() == null ? BigDecimal.ZERO : l.taxRatePercent()));
		}
		return checked;
	}

	private static void percent(String field, BigDecimal value, List<FieldProblem> problems) {
		if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > 4)) {
			problems.add(new FieldProblem(field, "out-of-range", "From 0 to 100, at most 4 decimals"));
		}
	}

	/** Stores lines of a quote ({@code quote_lines}) or an order ({@code order_lines}), replacing old ones. */
	public void save(String table, String ownerColumn, long ownerId, DocumentTotals totals, List<QuoteLine> lines) {
		jdbc.sql("delete from " + table + " where " + ownerColumn + " = ?").param(ownerId).update();
		for (int i = 0; i < lines.size(); i++) {
			QuoteLine l = lines.get(i);
			LineTotals t = totals.lines().get(i);
			jdbc.sql("insert into " + table + " (" + ownerColumn + ", position, product_id, description, quantity, "
					+ "unit_price, discount_percent, tax_rate_percent, gross, discount, net, tax, total) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(ownerId, i + 1, l.productId(), l.description(), l.quantity(), l.unitPrice(), l.discountPercent(),
						l.taxRatePercent(), t.gross(), t.discount(), t.net(), t.tax(), t.total())
				.update();
		}
	}

	public List<LineView> load(String table, String ownerColumn, long ownerId, int scale) {
		return jdbc.sql("select * from " + table + " where " + ownerColumn + " = ? order by position").param(ownerId)
			.query((rs, i) -> map(rs, scale))
			.list();
	}

	private static LineView map(ResultSet rs, int scale) throws SQLException {
		return new LineView(rs.getInt("position"), rs.getObject("product_id", Long.class), rs.getString("description"),
				plain(rs.getBigDecimal("quantity")), plain(rs.getBigDecimal("unit_price")),
				plain(rs.getBigDecimal("discount_percent")), plain(rs.getBigDecimal("tax_rate_percent")),
				rs.getBigDecimal("gross").setScale(scale), rs.getBigDecimal("discount").setScale(scale),
				rs.getBigDecimal("net").setScale(scale), rs.getBigDecimal("tax").setScale(scale),
				rs.getBigDecimal("total").setScale(scale));
	}

	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}
