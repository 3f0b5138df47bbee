package org.rapport.sales;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's own guard on fulfilled orders: their content cannot change even by direct SQL, but
 * whom they belong to can follow a merge of contacts or accounts.
 */
class FulfilledOrderIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFulfilledOrderKeepsItsContentButFollowsItsCustomer() {
		String token = admin();
		long account = api.post("/api/v1/accounts", token, Map.of("name", Api.unique("Frozen"))).id();
		long other = api.post("/api/v1/accounts", token, Map.of("name", Api.unique("Survivor"))).id();
		long contact = api.post("/api/v1/contacts", token, Map.of("firstName", "Ada", "lastName", Api.unique("Byron")))
			.id();
		long quote = api.post("/api/v1/quotes", token, Map.of("accountId", account, "contactId", contact, "currency",
				"USD", "lines", List.of(Map.of("description", "Licences", "quantity", 2, "unitPrice", "10.00")))).id();
		long order = api.post("/api/v1/quotes/" + quote + "/accept", token, null).json().get("orderId").asLong();
		assertThat(api.post("/api/v1/orders/" + order + "/fulfil", token, null).status()).isEqualTo(200);

		assertThat(jdbc.sql("update orders set account_id = ?, version = version + 1 where id = ?")
			.params(other, order)
			.update()).isEqualTo(1);
		assertThat(jdbc.sql("select account_id from orders where id = ?").param(order).query(Long.class).single())
			.isEqualTo(other);

		assertThatThrownBy(() -> jdbc.sql("update orders set total = total + 1 where id = ?").param(order).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("fulfilled");
		assertThatThrownBy(
				() -> jdbc.sql("update orders set account_id = ?, subtotal = 0 where id = ?").params(account, order).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("delete from orders where id = ?").param(order).update())
			.isInstanceOf(DataAccessException.class);
		assertThat(jdbc.sql("select total from orders where id = ?").param(order).query(java.math.BigDecimal.class).single())
			.isEqualByComparingTo("20.00");
	}

}
