package org.rapport.platform;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;
import static org.rapport.support.ProblemAssertions.errorFields;

/** Every API error is an RFC 9457 problem a client can act on, and nothing a client sends causes a 500. */
class ErrorIntegrationTests extends IntegrationTest {

	@Test
	void namesEveryBadFieldAtOnce() {
		String token = admin();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("firstName", 42);
		body.put("lastName", "Valid");
		body.put("email", "not-an-email");
		body.put("phone", "call me maybe");
		Response r = api.post("/api/v1/contacts", token, body);
		assertProblem(r, 400);
		assertThat(errorFields(r)).containsExactlyInAnyOrder("firstName", "email", "phone");
	}

	@Test
	void namesEveryBadFieldOfAPatchAndOfAnAccount() {
		String token = admin();
		Response created = api.post("/api/v1/contacts", token, Map.of("lastName", Api.unique("Patched")));
		Response r = api.patch("/api/v1/contacts/" + created.id(), token, created.etag(),
				Map.of("lifecycleStage", "bogus", "email", "nope", "accountId", "x"));
		assertProblem(r, 400);
		assertThat(errorFields(r)).containsExactlyInAnyOrder("lifecycleStage", "email", "accountId");
		Response account = api.post("/api/v1/accounts", token, Map.of("name", "", "size", "huge", "tags", "vip"));
		assertProblem(account, 400);
		assertThat(errorFields(account)).containsExactlyInAnyOrder("name", "size", "tags");
	}

	@Test
	void malformedJsonIs400() {
		String token = admin();
		for (String body : List.of("{\"lastName\": ", "{lastName: 'x'}", "not json at all", "{\"a\":1}}")) {
			assertProblem(api.post("/api/v1/contacts", token, body), 400);
		}
		assertProblem(api.post("/api/v1/contacts", token, "[1, 2]"), 400);
		assertProblem(api.post("/api/v1/contacts", token, "\"text\""), 400);
		assertProblem(api.post("/api/v1/contacts", token, null), 400);
	}

	@Test
	void anUnknownFieldIs400NamingIt() {
		String token = admin();
		Response r = api.post("/api/v1/contacts", token, Map.of("lastName", "Known", "favouriteColour", "blue"));
		assertProblem(r, 400);
		assertThat(errorFields(r)).containsExactly("favouriteColour");
		Response account = api.post("/api/v1/accounts", token, Map.of("name", "Known", "revenue", 5));
		assertThat(errorFields(account)).containsExactly("revenue");
		Response user = api.post("/api/v1/users", token, Map.of("username", Api.unique("u"), "password",
				"long-enough", "role", "ANALYST", "isAdmin", true));
		assertThat(errorFields(user)).containsExactly("isAdmin");
	}

	@Test
	void bodiesOverOneMebibyteAre413WithOrWithoutContentLength() {
		String token = admin();
		String big = "{\"lastName\": \"" + "x".repeat(1024 * 1024 + 100) + "\"}";
		Response sized = api.post("/api/v1/contacts", token, big);
		assertProblem(sized, 413);

		byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
		Response chunked = api.send(HttpRequest.newBuilder(api.uri("/api/v1/contacts"))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.header("Content-Type", "application/json"), token, Map.of());
		assertProblem(chunked, 413);

		// just under the limit the body is read, and the name is too long
		String under = "{\"lastName\": \"" + "x".repeat(1024 * 1024 - 100) + "\"}";
		Response read = api.post("/api/v1/contacts", token, under);
		assertProblem(read, 400);
		assertThat(errorFields(read)).containsExactly("lastName");
		byte[] underBytes = under.getBytes(StandardCharsets.UTF_8);
		Response readChunked = api.send(HttpRequest.newBuilder(api.uri("/api/v1/contacts"))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(underBytes)))
			.header("Content-Type", "application/json"), token, Map.of());
		assertThat(errorFields(readChunked)).containsExactly("lastName");
	}

	@Test
	void oddRequestsAreProblemsNever500() {
		String token = admin();
		long id = api.post("/api/v1/contacts", token, Map.of("lastName", Api.unique("Odd"))).id();
		Map<String, Response> answers = new LinkedHashMap<>();
		answers.put("unknown path", api.get("/api/v1/no-such-thing", token));
		answers.put("id not a number", api.get("/api/v1/contacts/abc", token));
		answers.put("id too large", api.get("/api/v1/contacts/99999999999999999999999", token));
		answers.put("limit not a number", api.get("/api/v1/contacts?limit=lots", token));
		answers.put("unknown sort", api.get("/api/v1/contacts?sort=shoeSize", token));
		answers.put("forged cursor", api.get("/api/v1/contacts?cursor=" + Api.q("%%%"), token));
		answers.put("unknown lifecycle filter", api.get("/api/v1/contacts?lifecycleStage=zombie", token));
		answers.put("unknown custom field filter", api.get("/api/v1/contacts?cf.nope=1", token));
		answers.put("wrong method", api.send(HttpRequest.newBuilder(api.uri("/api/v1/contacts/" + id))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json"), token, Map.of()));
		answers.put("wrong content type", api.send(HttpRequest.newBuilder(api.uri("/api/v1/contacts"))
			.POST(HttpRequest.BodyPublishers.ofString("lastName=x"))
			.header("Content-Type", "text/plain"), token, Map.of()));
		answers.put("audit without entity", api.get("/api/v1/audit", token));
		answers.put("activity without parent", api.post("/api/v1/activities", token, Map.of("type", "call")));
		answers.put("activity on a missing contact",
				api.post("/api/v1/activities", token, Map.of("type", "call", "subject", "x", "contactId", Long.MAX_VALUE)));
		answers.put("timeline of a missing contact", api.get("/api/v1/contacts/" + Long.MAX_VALUE + "/timeline", token));
		answers.put("share with a missing user",
				api.put("/api/v1/contacts/" + id + "/shares/" + Long.MAX_VALUE, token, null, Map.of("access", "edit")));
		answers.put("share with a bad access",
				api.put("/api/v1/contacts/" + id + "/shares/1", token, null, Map.of("access", "own")));
		answers.put("token without password", api.post("/api/v1/auth/token", null, Map.of("username", "admin")));
		answers.put("token with wrong types", api.post("/api/v1/auth/token", null, Map.of("username", 1, "password", 2)));
		answers.put("user with a bad role", api.post("/api/v1/users", token,
				Map.of("username", Api.unique("u"), "password", "long-enough", "role", "KING")));
		answers.put("custom field with a bad type", api.post("/api/v1/custom-fields", token,
				Map.of("entityType", "contact", "key", "k" + System.nanoTime() % 100000, "label", "K", "type", "colour")));
		answers.forEach((what, r) -> {
			assertThat(r.status()).as(what + ": " + r.text()).isBetween(400, 499);
			assertProblem(r, r.status());
		});
		assertThat(answers.get("unknown path").status()).isEqualTo(404);
		assertThat(answers.get("id not a number").status()).isEqualTo(400);
		assertThat(answers.get("wrong method").status()).isEqualTo(405);
		assertThat(answers.get("wrong content type").status()).isEqualTo(415);
		assertThat(errorFields(answers.get("limit not a number"))).containsExactly("limit");
		assertThat(errorFields(answers.get("unknown sort"))).containsExactly("sort");
		assertThat(errorFields(answers.get("forged cursor"))).containsExactly("cursor");
		assertThat(errorFields(answers.get("activity without parent"))).contains("subject", "contactId");
		assertThat(answers.get("timeline of a missing contact").status()).isEqualTo(404);
	}

	@Test
	void problemsSpeakTheClientsLanguage() {
		Response en = api.get("/api/v1/contacts", null);
		Response zh = api.send(HttpRequest.newBuilder(api.uri("/api/v1/contacts")).GET(), null,
				Map.of("Accept-Language", "zh-CN"));
		assertProblem(zh, 401);
		assertThat(zh.json().get("type")).isEqualTo(en.json().get("type"));
		assertThat(zh.json().get("title").asString()).isNotEqualTo(en.json().get("title").asString())
			.matches(".*\\p{IsHan}.*");
	}

}
