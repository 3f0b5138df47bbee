package org.rapport.customers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;
import static org.rapport.support.ProblemAssertions.errorFields;

/** The contacts and accounts REST contract: create, read, patch, delete, search, keyset paging and the timeline. */
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

	@Test
	void accountsReturnEverySentFieldAndAreFoundByName() {
		String token = admin();
		String name = Api.unique("Globex");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("industry", "Manufacturing");
		body.put("size", "51-200");
		body.put("website", "https://globex.example.com");
		body.put("phone", "+1 555 0100");
		body.put("street", "1 Cypress Creek");
		body.put("city", "Springfield");
		body.put("region", "OR");
		body.put("postalCode", "97477");
		body.put("country", "US");
		Response created = api.post("/api/v1/accounts", token, body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/accounts/" + created.id());
		Response read = api.get("/api/v1/accounts/" + created.id(), token);
		assertThat(read.etag()).isEqualTo("\"0\"");
		body.forEach((k, v) -> assertThat(read.json().get(k).asString()).as(k).isEqualTo(v));
		assertThat(ids(api.get("/api/v1/accounts?q=" + Api.q(name), token))).containsExactly(created.id());
		assertThat(ids(api.get("/api/v1/accounts?q=" + Api.q(name.substring(2, 9).toUpperCase()), token)))
			.contains(created.id());
	}

	@Test
	void mergePatchChangesOnlyWhatIsSentAndNullClears() {
		String token = admin();
		Response created = api.post("/api/v1/contacts", token,
				Map.of("firstName", "Alan", "lastName", "Turing", "title", "Mathematician", "city", "Manchester"));
		String path = "/api/v1/contacts/" + created.id();
		Map<String, Object> patch = new LinkedHashMap<>();
		patch.put("city", "Wilmslow");
		patch.put("title", null);
		Response patched = api.patch(path, token, created.etag(), patch);
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.etag()).isEqualTo("\"1\"");
		JsonNode json = api.get(path, token).json();
		assertThat(json.get("city").asString()).isEqualTo("Wilmslow");
		assertThat(json.get("title").isNull()).isTrue();
		assertThat(json.get("firstName").asString()).isEqualTo("Alan");
		assertThat(json.get("lastName").asString()).isEqualTo("Turing");
	}

	@Test
	void deletedContactIsGone() {
		String token = admin();
		Response created = api.post("/api/v1/contacts", token, Map.of("lastName", Api.unique("Gone")));
		String path = "/api/v1/contacts/" + created.id();
		assertProblem(api.delete(path, token, "\"7\""), 412);
		assertThat(api.get(path, token).status()).isEqualTo(200);
		assertThat(api.delete(path, token, created.etag()).status()).isEqualTo(204);
		assertProblem(api.get(path, token), 404);
		assertProblem(api.delete(path, token, null), 404);
		assertProblem(api.patch(path, token, "\"0\"", Map.of("title", "x")), 404);
	}

	@Test
	void anAccountWithContactsIsNotDeleted() {
		String token = admin();
		Response account = api.post("/api/v1/accounts", token, Map.of("name", Api.unique("Busy")));
		Response contact = api.post("/api/v1/contacts", token,
				Map.of("lastName", Api.unique("Employee"), "accountId", account.id()));
		assertThat(contact.json().get("accountName").asString()).isEqualTo(account.json().get("name").asString());
		assertProblem(api.delete("/api/v1/accounts/" + account.id(), token, null), 409);
		assertThat(api.delete("/api/v1/contacts/" + contact.id(), token, null).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/accounts/" + account.id(), token, null).status()).isEqualTo(204);
		assertProblem(api.get("/api/v1/accounts/" + account.id(), token), 404);
	}

	@Test
	void walksEveryPageOnceInAStableOrder() {
		String token = admin();
		String family = Api.unique("Pager");
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			// only four distinct given names: the order must break ties by id
			created.add(api.post("/api/v1/contacts", token,
					Map.of("firstName", "Name" + (i % 4), "lastName", family)).id());
		}
		for (String sort : List.of("name", "-name", "createdAt", "-createdAt")) {
			List<JsonNode> walked = walk("/api/v1/contacts?q=" + Api.q(family) + "&sort=" + sort, token, 5);
			List<Long> ids = walked.stream().map(n -> n.get("id").asLong()).toList();
			assertThat(ids).as(sort).hasSize(23).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
			assertThat(walk("/api/v1/contacts?q=" + Api.q(family) + "&sort=" + sort, token, 7).stream()
				.map(n -> n.get("id").asLong())
				.toList()).as("the same order whatever the page size").isEqualTo(ids);
			if (sort.endsWith("name")) {
				List<String> names = walked.stream().map(n -> n.get("displayName").asString()).toList();
				List<String> sorted = new ArrayList<>(names);
				sorted.sort(sort.startsWith("-") ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
				assertThat(names).as(sort).isEqualTo(sorted);
			}
		}
		Response all = api.get("/api/v1/contacts?q=" + Api.q(family) + "&limit=200", token);
		assertThat(ids(all)).hasSize(23);
		assertThat(all.json().has("nextCursor")).isFalse();
		assertThat(errorFields(api.get("/api/v1/contacts?limit=201", token))).containsExactly("limit");
		assertThat(errorFields(api.get("/api/v1/contacts?limit=0", token))).containsExactly("limit");
		assertThat(errorFields(api.get("/api/v1/contacts?cursor=bm90LWEtY3Vyc29y", token))).containsExactly("cursor");
	}

	@Test
	void walksAccountPagesToo() {
		String token = admin();
		String family = Api.unique("Pages");
		Set<Long> created = new HashSet<>();
		for (int i = 0; i < 12; i++) {
			created.add(api.post("/api/v1/accounts", token, Map.of("name", family + " " + (i % 3))).id());
		}
		List<Long> ids = walk("/api/v1/accounts?q=" + Api.q(family), token, 5).stream()
			.map(n -> n.get("id").asLong())
			.toList();
		assertThat(ids).hasSize(12).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
	}

	@Test
	void timelineIsNewestFirst() {
		String token = admin();
		long contact = api.post("/api/v1/contacts", token, Map.of("firstName", "Tim", "lastName", Api.unique("Line")))
			.id();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Response call = api.post("/api/v1/activities", token, Map.of("type", "call", "subject", "First call",
				"contactId", contact, "occurredAt", now.minus(2, ChronoUnit.DAYS).toString(), "durationMinutes", 15));
		assertThat(call.status()).as(call.text()).isEqualTo(201);
		Response meeting = api.post("/api/v1/activities", token,
				Map.of("type", "meeting", "subject", "Latest meeting", "contactId", contact));
		assertThat(meeting.status()).as(meeting.text()).isEqualTo(201);
		Response note = api.post("/api/v1/activities", token, Map.of("type", "note", "subject", "A note",
				"contactId", contact, "occurredAt", now.minus(1, ChronoUnit.DAYS).toString(), "body", "Line 1\nLine 2"));
		assertThat(note.status()).as(note.text()).isEqualTo(201);

		Response timeline = api.get("/api/v1/contacts/" + contact + "/timeline", token);
		assertThat(ids(timeline)).containsExactly(meeting.id(), note.id(), call.id());
		JsonNode first = timeline.json().get("items").get(2);
		assertThat(first.get("subject").asString()).isEqualTo("First call");
		assertThat(first.get("type").asString()).isEqualTo("call");
		assertThat(first.get("durationMinutes").asInt()).isEqualTo(15);
		assertThat(Instant.parse(first.get("occurredAt").asString())).isEqualTo(now.minus(2, ChronoUnit.DAYS));
		assertThat(timeline.json().get("items").get(1).get("body").asString()).isEqualTo("Line 1\nLine 2");

		List<JsonNode> paged = walk("/api/v1/contacts/" + contact + "/timeline", token, 2);
		assertThat(paged.stream().map(n -> n.get("id").asLong()).toList()).containsExactly(meeting.id(), note.id(),
				call.id());
	}

	/** Follows nextCursor to the end, asserting every page but the last is full. */
	private List<JsonNode> walk(String path, String token, int limit) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < 100; page++) {
			Response r = api.get(path + (path.contains("?") ? "&" : "?") + "limit=" + limit + (cursor == null ? "" : "&cursor=" + Api.q(cursor)), token);
			assertThat(r.status()).as(r.text()).isEqualTo(200);
			r.json().get("items").forEach(items::add);
			if (!r.json().has("nextCursor") || r.json().get("nextCursor").isNull()) {
				return items;
			}
			assertThat(r.json().get("items")).hasSize(limit);
			cursor = r.json().get("nextCursor").asString();
		}
		throw new AssertionError("more than 100 pages");
	}

	private static List<Long> ids(Response r) {
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
	}

}
