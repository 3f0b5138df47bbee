package org.rapport.customers;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ContactApiIntegrationTests extends IntegrationTest {

	@Test
	void createsReadsAndReturnsEverySentField() {
		String token = admin();
		long account = api.post("/api/v1/accounts", token, Map.of("name", Api.unique("Acme"))).id();
		Map<String, Object> body = Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.com",
				"phone", "+44 20 7946 0001", "accountId", account, "title", "Analyst", "city", "London", "tags",
				List.of("vip"), "lifecycleStage", "customer", "source", "web");
		Response created = api.post("/api/v1/contacts", token, body);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/contacts/" + created.id());
		Response read = api.get("/api/v1/contacts/" + created.id(), token);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.etag()).isEqualTo("\"0\"");
		JsonNode json = read.json();
		body.forEach((k, v) -> {
			if (v instanceof List<?> list) {
				assertThat(json.get(k).get(0).asString()).as(k).isEqualTo(list.get(0));
			}
			else {
				assertThat(json.get(k).asString()).as(k).isEqualTo(String.valueOf(v));
			}
		});
	}

	@Test
	void rejectsStaleIfMatchAndKeepsTheFirstEdit() {
		String token = admin();
		Response created = api.post("/api/v1/contacts", token, Map.of("firstName", "Grace", "lastName", "Hopper"));
		String path = "/api/v1/contacts/" + created.id();
		String etag = created.etag();
		Response first = api.patch(path, token, etag, Map.of("title", "Rear Admiral"));
		assertThat(first.status()).isEqualTo(200);
		Response second = api.patch(path, token, etag, Map.of("title", "Commodore"));
		assertThat(second.status()).isEqualTo(412);
		assertThat(second.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.get(path, token).json().get("title").asString()).isEqualTo("Rear Admiral");
		assertThat(api.patch(path, token, null, Map.of("title", "x")).status()).isEqualTo(428);
	}

	@Test
	void findsByPartOfPhoneInAnyFormattingAndByChineseName() {
		String token = admin();
		String digits = String.valueOf(System.nanoTime()).substring(3, 11);
		String phone = "+86 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
		long id = api.post("/api/v1/contacts", token, Map.of("firstName", "伟", "lastName", "张", "phone", phone)).id();
		Response byPhone = api.get("/api/v1/contacts?q=" + Api.q(digits.substring(2, 7)), token);
		assertThat(ids(byPhone)).contains(id);
		Response byName = api.get("/api/v1/contacts?q=" + Api.q("张伟"), token);
		assertThat(ids(byName)).contains(id);
		assertThat(api.get("/api/v1/contacts/" + id, token).json().get("displayName").asString()).isEqualTo("张伟");
	}

	private static List<Long> ids(Response r) {
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
	}

}
