package org.rapport.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rapport.support.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Products, contacts and fulfilled orders made through the API, for tests that need purchase histories. */
public final class SalesFixtures {

	private final Api api;

	private final String token;

	public SalesFixtures(Api api, String token) {
		this.api = api;
		this.token = token;
	}

	public long product(String sku, String name) {
		Response r = api.post("/api/v1/products", token, Map.of("sku", sku, "name", name));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.id();
	}

	public long contact(String first, String last) {
		Response r = api.post("/api/v1/contacts", token, Map.of("firstName", first, "lastName", last));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.id();
	}

	/** An order of one of each product at the unit price, confirmed and fulfilled. */
	public void fulfilledOrder(long contact, LocalDate date, List<Long> products, String unitPrice) {
		List<Map<String, Object>> lines = new ArrayList<>();
		for (long p : products) {
			lines.add(Map.of("productId", p, "description", "item", "quantity", 1, "unitPrice", unitPrice));
		}
		Response order = api.post("/api/v1/orders", token,
				Map.of("contactId", contact, "orderDate", date.toString(), "lines", lines));
		assertThat(order.status()).as(order.text()).isEqualTo(201);
		Response confirmed = api.post("/api/v1/orders/" + order.id() + "/confirm", token, null);
		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		Response fulfilled = api.post("/api/v1/orders/" + order.id() + "/fulfil", token, null);
		assertThat(fulfilled.status()).as(fulfilled.text()).isEqualTo(200);
	}

	/** A confirmed order of free-text lines, e.g. {@link #line}s. */
	public long confirmedOrder(long contact, LocalDate date, List<Map<String, Object>> lines) {
		Response order = api.post("/api/v1/orders", token,
				Map.of("contactId", contact, "orderDate", date.toString(), "lines", lines));
		assertThat(order.status()).as(order.text()).isEqualTo(201);
		Response confirmed = api.post("/api/v1/orders/" + order.id() + "/confirm", token, null);
		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		return order.id();
	}

	/** A free-text order line. */
	public static Map<String, Object> line(int quantity, int unitPrice, int discountPercent) {
		return Map.of("description", "item", "quantity", quantity, "unitPrice", unitPrice, "discountPercent",
				discountPercent);
	}

}
