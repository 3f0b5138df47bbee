package org.rapport.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.rapport.support.Api;
import org.rapport.support.Api.TestUser;
import org.rapport.support.TestClock;

/** A team with a lead and agents, and a queue of theirs, made for one test. */
final class ServiceFixtures {

	private ServiceFixtures() {
	}

	record Team(String name, TestUser lead, TestUser[] agents, long queueId) {
	}

	static Team team(Api api, String admin, int agents, String assignment) {
		String name = Api.unique("support");
		TestUser lead = api.newUser(admin, "MANAGER", name);
		TestUser[] a = new TestUser[agents];
		for (int i = 0; i < agents; i++) {
			a[i] = api.newUser(admin, "SUPPORT_AGENT", name);
		}
		long teamId = api.get("/api/v1/users/" + lead.id(), admin).json().get("teamId").asLong();
		Api.Response q = api.post("/api/v1/service/queues", admin,
				Map.of("name", name + " queue", "teamId", teamId, "leadUserId", lead.id(), "assignment", assignment));
		if (q.status() != 201) {
			throw new IllegalStateException(q.toString());
		}
		return new Team(name, lead, a, q.id());
	}

	static long contact(Api api, String token, String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("firstName", "Ada");
		body.put("lastName", Api.unique("Customer"));
		if (email != null) {
			body.put("email", email);
		}
		Api.Response r = api.post("/api/v1/contacts", token, body);
		if (r.status() != 201) {
			throw new IllegalStateException(r.toString());
		}
		return r.id();
	}

	/** Moves the test clock so that it reads {@code at} now (and runs on from there). */
	static void setClock(TestClock clock, Instant at) {
		clock.advance(Duration.between(clock.instant(), at));
	}

}
