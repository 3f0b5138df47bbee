package org.rapport.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;

/** Edits name the version they were made on: a stale one is refused (412), a missing one required (428). */
class OptimisticLockingIntegrationTests extends IntegrationTest {

	@Test
	void staleIfMatchIsRefusedOnEveryKindOfRecordAndTheFirstEditSurvives() {
		String token = admin();
		long contact = api.post("/api/v1/contacts", token, Map.of("lastName", Api.unique("Locked"))).id();
		long account = api.post("/api/v1/accounts", token, Map.of("name", Api.unique("Locked"))).id();
		long activity = api
			.post("/api/v1/activities", token, Map.of("type", "note", "subject", "Original", "contactId", contact))
			.id();
		Map<String, String[]> edits = Map.of("/api/v1/contacts/" + contact, new String[] { "title", "First", "Second" },
				"/api/v1/accounts/" + account, new String[] { "industry", "First", "Second" },
				"/api/v1/activities/" + activity, new String[] { "subject", "First", "Second" });
		edits.forEach((path, edit) -> {
			String etag = api.get(path, token).etag();
			assertThat(etag).as(path).isEqualTo("\"0\"");
			Response first = api.patch(path, token, etag, Map.of(edit[0], edit[1]));
			assertThat(first.status()).as(first.text()).isEqualTo(200);
			assertThat(first.etag()).isEqualTo("\"1\"");
			var stale = assertProblem(api.patch(path, token, etag, Map.of(edit[0], edit[2])), 412);
			assertThat(stale.get("type").asString()).contains("stale");
			assertThat(api.get(path, token).json().get(edit[0]).asString()).as(path).isEqualTo(edit[1]);
			assertThat(api.get(path, token).etag()).isEqualTo("\"1\"");
		});
	}

	@Test
	void patchWithoutIfMatchIsRefusedWith428() {
		String token = admin();
		Response created = api.post("/api/v1/contacts", token, Map.of("lastName", Api.unique("NoMatch"), "title", "Kept"));
		String path = "/api/v1/contacts/" + created.id();
		assertProblem(api.patch(path, token, null, Map.of("title", "Lost")), 428);
		assertProblem(api.put(path, token, null, Map.of("lastName", "Lost")), 428);
		assertThat(api.get(path, token).json().get("title").asString()).isEqualTo("Kept");
		assertThat(api.get(path, token).etag()).isEqualTo("\"0\"");
		// a weak or unquoted tag of the right version is accepted; garbage is a 400 naming the header
		assertThat(api.patch(path, token, "W/\"0\"", Map.of("title", "Weak")).status()).isEqualTo(200);
		assertThat(api.patch(path, token, "not-a-tag", Map.of("title", "Bad")).status()).isEqualTo(400);
	}

	@Test
	void ofConcurrentEditsWithTheSameETagExactlyOneWins() throws Exception {
		String token = admin();
		Response created = api.post("/api/v1/contacts", token, Map.of("lastName", Api.unique("Race")));
		String path = "/api/v1/contacts/" + created.id();
		int writers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				String title = "Writer " + i;
				answers.add(pool.submit(() -> {
					start.await();
					return api.patch(path, token, created.etag(), Map.of("title", title));
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> f : answers) {
				responses.add(f.get(60, TimeUnit.SECONDS));
			}
			List<Response> won = responses.stream().filter(r -> r.status() == 200).toList();
			assertThat(won).as(responses.toString()).hasSize(1);
			assertThat(responses.stream().filter(r -> r.status() == 412)).as(responses.toString())
				.hasSize(writers - 1);
			Response after = api.get(path, token);
			assertThat(after.etag()).isEqualTo("\"1\"");
			assertThat(after.json().get("title").asString()).isEqualTo(won.get(0).json().get("title").asString());
			// exactly one update was audited
			var history = api.get("/api/v1/audit?entityType=contact&entityId=" + created.id(), token).json().get("items");
			assertThat(history.valueStream().filter(e -> e.get("action").asString().equals("update"))).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
