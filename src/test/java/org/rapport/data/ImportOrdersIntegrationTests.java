package org.rapport.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import org.rapport.support.SalesFixtures;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code entity=orders}: rows with the same order number are the lines of one order, written through
 * the sales module; a wrong row (unknown customer or product, bad quantity, no price) is reported in the
 * error report and its whole order is not written.
 */
class ImportOrdersIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private JsonNode run(String token, String csv) {
		return run(token, csv, false);
	}

	private JsonNode run(String token, String csv, boolean dryRun) {
		Response started = Imports.upload(api, token, "orders.csv", csv.getBytes(StandardCharsets.UTF_8),
				Imports.fields("entity", "orders", "dryRun", Boolean.toString(dryRun)));
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		JsonNode done = Imports.await(api, token, started.id(), 120_000).json();
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
		return done;
	}

	@Test
	void rowsOfOneOrderNumberBecomeOneOrderAndWrongRowsAreReported() {
		String token = admin();
		String tag = Api.unique("ord").replace("-", "");
		SalesFixtures sales = new SalesFixtures(api, token);
		sales.product("SKU-A-" + tag, "Widget " + tag);
		sales.product("SKU-B-" + tag, "Gadget " + tag);
		String email = "buyer." + tag + "@example.com";
		long buyer = api.post("/api/v1/contacts", token, Map.of("firstName", "Bea", "lastName", "Buyer" + tag, "email", email))
			.id();
		String csv = "Order No,Customer,Product,Qty,Unit Price,Discount,Currency,Order Date\n"
				+ "A1-" + tag + "," + email + ",sku-a-" + tag + ",2,10.00,,,2026-11-05\n"
				+ "A1-" + tag + "," + email + ",Gadget " + tag + ",1,5.50,10,,2026-11-05\n"
				+ "A2-" + tag + "," + buyer + ",SKU-A-" + tag + ",3,,,,05/11/2026\n"
				+ "A3-" + tag + ",nobody." + tag + "@example.com,SKU-A-" + tag + ",1,1,,,\n"
				+ "A4-" + tag + "," + email + ",NO-SUCH-" + tag + ",1,1,,,\n"
				+ "A5-" + tag + "," + email + ",SKU-A-" + tag + ",many,1,,,\n"
				+ "A5-" + tag + "," + email + ",SKU-B-" + tag + ",1,1,,,\n"
				+ "A6-" + tag + "," + email + ",SKU-A-" + tag + ",-1,1,,,\n";
		JsonNode done = run(token, csv);
		assertThat(List.of(done.get("rowsRead").asLong(), done.get("rowsWritten").asLong(), done.get("rowsRejected").asLong()))
			.as(done.toString())
			.containsExactly(8L, 2L, 6L);

		JsonNode orders = api.get("/api/v1/orders?contactId=" + buyer, token).json().get("items");
		assertThat(orders).hasSize(1);
		JsonNode order = api.get("/api/v1/orders/" + orders.get(0).get("id").asLong(), token).json();
		assertThat(order.get("orderDate").asString()).isEqualTo("2026-11-05");
		assertThat(order.get("lines")).hasSize(2);
		assertThat(order.get("lines").get(0).get("description").asString()).isEqualTo("Widget " + tag);
		// 2 × 10.00 + 1 × 5.50 less 10 %
		assertThat(new BigDecimal(order.get("total").asString())).isEqualByComparingTo("24.95");

		List<String> errors = api.get("/api/v1/imports/" + done.get("id").asLong() + "/errors", token).text().lines().skip(1)
			.toList();
		assertThat(errors).hasSize(6);
		assertThat(errors.get(0)).startsWith("3,Unit Price,").contains("list price");
		assertThat(errors.get(1)).startsWith("4,Customer,nobody." + tag);
		assertThat(errors.get(2)).startsWith("5,Product,NO-SUCH-" + tag);
		assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("6,Qty,many,Not a number"));
		assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("7,Order No,A5-" + tag).contains("not written"));
		assertThat(errors.get(5)).startsWith("8,Qty,");
		assertThat(jdbc.sql("select count(distinct record_id) from import_rows where import_id = ?")
			.param(done.get("id").asLong()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theLinesOfOneOrderAreNeverSplitBetweenBatches() {
		String token = admin();
		String tag = Api.unique("obt").replace("-", "");
		new SalesFixtures(api, token).product("SKU-" + tag, "Bolt " + tag);
		String email = "bolts." + tag + "@example.com";
		long buyer = api.post("/api/v1/contacts", token, Map.of("firstName", "Bo", "lastName", "Bolts" + tag, "email", email))
			.id();
		StringBuilder csv = new StringBuilder("orderNumber,customer,product,quantity,unitPrice\n");
		// rows 1–198 are orders of one line; rows 199–202 one order across the batch boundary (200 rows)
		for (int i = 1; i <= 198; i++) {
			csv.append("B").append(i).append(',').append(email).append(",SKU-").append(tag).append(",1,2\n");
		}
		for (int i = 199; i <= 202; i++) {
			csv.append("BX,").append(email).append(",SKU-").append(tag).append(',').append(i).append(",2\n");
		}
		JsonNode done = run(token, csv.toString());
		assertThat(done.get("rowsWritten").asLong()).as(done.toString()).isEqualTo(202);
		JsonNode orders = api.get("/api/v1/orders?limit=200&contactId=" + buyer, token).json().get("items");
		assertThat(orders).hasSize(199);
		long big = jdbc.sql("select record_id from import_rows where import_id = ? and row_no = 199")
			.param(done.get("id").asLong()).query(Long.class).single();
		assertThat(api.get("/api/v1/orders/" + big, token).json().get("lines")).hasSize(4);
	}


	@Test
	void aDryRunReportsTheRowsTheRealRunRefusesAndWritesNothing() {
		String token = admin();
		String tag = Api.unique("odry").replace("-", "");
		SalesFixtures sales = new SalesFixtures(api, token);
		sales.product("SKU-A-" + tag, "Widget " + tag);
		String email = "dry." + tag + "@example.com";
		long buyer = api.post("/api/v1/contacts", token, Map.of("firstName", "Dee", "lastName", "Dry" + tag, "email", email))
			.id();
		long account = api.post("/api/v1/accounts", token, Map.of("name", "Dry Works " + tag)).id();
		String csv = "Order No,Customer,Account,Product,Qty,Unit Price\n"
				// good: one order of two lines, one of one line
				+ "D1-" + tag + "," + email + ",,SKU-A-" + tag + ",2,10\n"
				+ "D1-" + tag + "," + email + ",,widget " + tag + ",1,10\n"
				+ "D2-" + tag + "," + buyer + ",Dry Works " + tag + ",SKU-A-" + tag + ",1,5\n"
				// unknown product on the second line: both lines refused
				+ "D3-" + tag + "," + email + ",,SKU-A-" + tag + ",1,1\n"
				+ "D3-" + tag + "," + email + ",,NO-SUCH-" + tag + ",1,1\n"
				// unknown customer, by e-mail and by id; unknown account
				+ "D4-" + tag + ",nobody." + tag + "@example.com,,SKU-A-" + tag + ",1,1\n"
				+ "D5-" + tag + ",999999999999,,SKU-A-" + tag + ",1,1\n"
				+ "D6-" + tag + "," + email + ",No Such Works " + tag + ",SKU-A-" + tag + ",1,1\n"
				// known product without a list price and no unit price: the order itself refuses it
				+ "D7-" + tag + "," + email + ",,SKU-A-" + tag + ",1,\n";
		JsonNode dry = run(token, csv, true);
		assertThat(List.of(dry.get("rowsRead").asLong(), dry.get("rowsWritten").asLong(), dry.get("rowsRejected").asLong()))
			.as(dry.toString())
			.containsExactly(9L, 0L, 6L);
		List<String> dryErrors = api.get("/api/v1/imports/" + dry.get("id").asLong() + "/errors", token).text().lines()
			.skip(1).toList();
		assertThat(dryErrors).hasSize(6);
		assertThat(dryErrors.get(0)).startsWith("4,Order No,D3-" + tag).contains("not written");
		assertThat(dryErrors.get(1)).startsWith("5,Product,NO-SUCH-" + tag);
		assertThat(dryErrors.get(2)).startsWith("6,Customer,nobody." + tag);
		assertThat(dryErrors.get(3)).startsWith("7,Customer,999999999999");
		assertThat(dryErrors.get(4)).startsWith("8,Account,No Such Works " + tag);
		assertThat(dryErrors.get(5)).startsWith("9,Unit Price,").contains("list price");
		// nothing written: no order, no row log, no audit entry
		assertThat(api.get("/api/v1/orders?contactId=" + buyer, token).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/orders?accountId=" + account, token).json().get("items")).isEmpty();
		assertThat(jdbc.sql("select count(*) from import_rows where import_id = ?").param(dry.get("id").asLong())
			.query(Long.class).single()).isZero();

		// the real run refuses exactly those rows, for the same reasons, and writes the rest
		JsonNode real = run(token, csv);
		assertThat(real.get("rowsWritten").asLong()).isEqualTo(3);
		assertThat(api.get("/api/v1/imports/" + real.get("id").asLong() + "/errors", token).text().lines().skip(1).toList())
			.isEqualTo(dryErrors);
	}
}
