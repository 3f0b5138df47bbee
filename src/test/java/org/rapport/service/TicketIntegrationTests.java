package org.rapport.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.Api.TestUser;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rapport.support.ProblemAssertions.assertProblem;
import static org.rapport.support.ProblemAssertions.errorFields;

/** The ticket contract: create, read with SLA fields, the status workflow, replies, assignment, access. */
class TicketIntegrationTests extends IntegrationTest {

	private Response open(String token, Map<String, Object> body) {
		Response r = api.post("/api/v1/tickets", token, body);
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r;
	}

	@Test
	void createsATicketWithItsSlaDueTimesInBusinessHours() {
		// Monday 2036-01-07 16:00 UTC: the default normal policy gives 4 business hours to answer (09–17 UTC)
		ServiceFixtures.setClock(clock, Instant.parse("2036-01-07T16:00:00Z"));
		String admin = admin();
		ServiceFixtures.Team team = ServiceFixtures.team(api, admin, 1, "round-robin");
		long contact = ServiceFixtures.contact(api, admin, Api.unique("c") + "@example.com");
		Response created = open(admin, Map.of("subject", "Cannot sign in", "description", "Since this morning",
				"contactId", contact, "priority", "normal", "channel", "email", "queueId", team.queueId(), "category",
				"login", "type", "problem", "tags", List.of("sso")));
		assertThat(created.header("Location")).endsWith("/api/v1/tickets/" + created.id());
		JsonNode t = api.get("/api/v1/tickets/" + created.id(), admin).json();
		assertThat(t.get("status").asString()).isEqualTo("new");
		assertThat(t.get("reference").asString()).isEqualTo("T-" + created.id());
		assertThat(t.get("assigneeId").asLong()).isIn(team.lead().id(), team.agents()[0].id());
		assertThat(Instant.parse(t.get("slaFirstResponseDueAt").asString()))
			.isCloseTo(Instant.parse("2036-01-08T12:00:00Z"), within(2, ChronoUnit.MINUTES));
		// 24 business hours = three working days of eight hours
		assertThat(Instant.parse(t.get("slaResolutionDueAt").asString()))
			.isCloseTo(Instant.parse("2036-01-10T16:00:00Z"), within(2, ChronoUnit.MINUTES));
		assertThat(t.get("breached").asBoolean()).isFalse();
		assertThat(t.get("slaMinutesLeft").asLong()).isBetween(238L, 240L);
	}

	@Test
	void refusesUnknownContactsAndBadValuesNamingTheFields() {
		String admin = admin();
		Response r = api.post("/api/v1/tickets", admin, Map.of("subject", "x", "contactId", 987654321L, "priority",
				"whenever", "channel", "pigeon"));
		assertProblem(r, 400);
		assertThat(errorFields(r)).contains("priority", "channel");
		Response r2 = api.post("/api/v1/tickets", admin, Map.of("subject", "x", "contactId", 987654321L));
		assertProblem(r2, 400);
		assertThat(errorFields(r2)).containsExactly("contactId");
		Response r3 = api.post("/api/v1/tickets", admin, Map.of("description", "no subject"));
		assertThat(errorFields(r3)).contains("subject");
		// a contact the agent may not see is as unknown as a missing one
		TestUser agent = api.newUser(admin, "SUPPORT_AGENT", null);
		long hidden = ServiceFixtures.contact(api, admin, null);
		Response r4 = api.post("/api/v1/tickets", agent.token(), Map.of("subject", "x", "contactId", hidden));
		assertThat(errorFields(r4)).containsExactly("contactId");
	}

	@Test
	void followsTheStatusWorkflowAndAnswers409ForInvalidTransitions() {
		String admin = admin();
		long id = open(admin, Map.of("subject", "Workflow")).id();
		String etag = api.get("/api/v1/tickets/" + id, admin).etag();
		assertProblem(api.patch("/api/v1/tickets/" + id, admin, etag, Map.of("status", "closed")), 409);
		assertProblem(api.patch("/api/v1/tickets/" + id, admin, null, Map.of("status", "open")), 428);
		Response opened = api.patch("/api/v1/tickets/" + id, admin, etag, Map.of("status", "open"));
		assertThat(opened.status()).as(opened.text()).isEqualTo(200);
		assertProblem(api.patch("/api/v1/tickets/" + id, admin, etag, Map.of("status", "pending_customer")), 412);
		etag = opened.etag();
		for (String next : List.of("pending_customer", "open", "resolved", "open", "resolved", "closed")) {
			Response r = api.patch("/api/v1/tickets/" + id, admin, etag, Map.of("status", next));
			assertThat(r.status()).as(next + ": " + r.text()).isEqualTo(200);
			assertThat(r.json().get("status").asString()).isEqualTo(next);
			etag = r.etag();
		}
		JsonNode closed = api.get("/api/v1/tickets/" + id, admin).json();
		assertThat(closed.get("reopenCount").asInt()).isEqualTo(1);
		assertThat(closed.get("closedAt").isNull()).isFalse();
		Response reopenClosed = api.patch("/api/v1/tickets/" + id, admin, etag, Map.of("status", "open"));
		assertThat(assertProblem(reopenClosed, 409).get("type").asString()).endsWith("invalid-transition");
		assertProblem(api.post("/api/v1/tickets/" + id + "/replies", admin, Map.of("body", "late", "public", true)), 409);
		assertProblem(api.patch("/api/v1/tickets/" + id, admin, etag, Map.of("status", "finished")), 400);
	}

	@Test
	void patchesPriorityAndAssigneeAndAuditsTheChange() {
		String admin = admin();
		ServiceFixtures.Team team = ServiceFixtures.team(api, admin, 2, "none");
		Response created = open(admin, Map.of("subject", "Reassign me", "queueId", team.queueId()));
		assertThat(created.json().get("assigneeId").isNull()).isTrue();
		Response patched = api.patch("/api/v1/tickets/" + created.id(), admin, created.etag(),
				Map.of("priority", "urgent", "assigneeId", team.agents()[1].id()));
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.json().get("priority").asString()).isEqualTo("urgent");
		assertThat(patched.json().get("assigneeId").asLong()).isEqualTo(team.agents()[1].id());
		JsonNode history = api.get("/api/v1/audit?entityType=ticket&entityId=" + created.id(), admin).json();
		assertThat(history.toString()).contains("\"priority\"").contains("urgent").contains("\"update\"");
	}

	@Test
	void assignsRoundRobinSkippingAgentsWhoAreAway() {
		String admin = admin();
		ServiceFixtures.Team team = ServiceFixtures.team(api, admin, 3, "round-robin");
		TestUser[] a = team.agents();
		Response away = api.put("/api/v1/service/agents/" + a[1].id() + "/away", a[1].token(), null, Map.of("away", true));
		assertThat(away.status()).as(away.text()).isEqualTo(200);
		// another agent may not mark a colleague away
		assertProblem(api.put("/api/v1/service/agents/" + a[2].id() + "/away", a[0].token(), null, Map.of("away", true)), 403);
		List<Long> assignees = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			assignees.add(open(admin, Map.of("subject", "RR " + i, "queueId", team.queueId())).json().get("assigneeId").asLong());
		}
		// the lead (a manager of the team) takes turns too; the away agent never does
		assertThat(assignees).doesNotContain(a[1].id());
		assertThat(assignees.get(0)).isNotEqualTo(assignees.get(1));
		assertThat(new java.util.HashSet<>(assignees.subList(0, 3))).hasSize(3);
		assertThat(assignees.get(3)).isEqualTo(assignees.get(0));
	}

	@Test
	void assignsToTheAgentWithFewestOpenTickets() {
		String admin = admin();
		ServiceFixtures.Team team = ServiceFixtures.team(api, admin, 2, "fewest-open");
		TestUser[] a = team.agents();
		api.put("/api/v1/service/agents/" + team.lead().id() + "/away", admin, null, Map.of("away", true));
		open(admin, Map.of("subject", "busy 1", "queueId", team.queueId(), "assigneeId", a[0].id()));
		open(admin, Map.of("subject", "busy 2", "queueId", team.queueId(), "assigneeId", a[0].id()));
		assertThat(open(admin, Map.of("subject", "next", "queueId", team.queueId())).json().get("assigneeId").asLong())
			.isEqualTo(a[1].id());
		assertThat(open(admin, Map.of("subject", "next 2", "queueId", team.queueId())).json().get("assigneeId").asLong())
			.isEqualTo(a[1].id());
	}

	@Test
	void publicRepliesReachTheContactsTimelineAndInternalNotesDoNot() {
		String admin = admin();
		String email = Api.unique("timeline") + "@example.com";
		long contact = ServiceFixtures.contact(api, admin, email);
		Response t = open(admin, Map.of("subject", "Timeline check", "contactId", contact));
		Response note = api.post("/api/v1/tickets/" + t.id() + "/replies", admin,
				Map.of("body", "internal: customer is VIP", "public", false));
		assertThat(note.status()).as(note.text()).isEqualTo(201);
		assertThat(api.get("/api/v1/tickets/" + t.id(), admin).json().get("firstRespondedAt").isNull()).isTrue();
		Map<String, Object> reply = new HashMap<>();
		reply.put("body", "We have reset your password.");
		reply.put("public", true);
		reply.put("parentId", note.id());
		Response pub = api.post("/api/v1/tickets/" + t.id() + "/replies", admin, reply);
		assertThat(pub.status()).as(pub.text()).isEqualTo(201);
		assertThat(pub.json().get("public").asBoolean()).isTrue();
		JsonNode ticket = api.get("/api/v1/tickets/" + t.id(), admin).json();
		assertThat(ticket.get("status").asString()).as("the first public reply opens the ticket").isEqualTo("open");
		assertThat(ticket.get("firstRespondedAt").isNull()).isFalse();
		JsonNode thread = api.get("/api/v1/tickets/" + t.id() + "/replies", admin).json().get("items");
		assertThat(thread).hasSize(2);
		assertThat(thread.get(1).get("parentId").asLong()).isEqualTo(note.id());
		String timeline = api.get("/api/v1/activities?contactId=" + contact, admin).text();
		assertThat(timeline).contains("We have reset your password.").doesNotContain("customer is VIP");
		assertProblem(api.post("/api/v1/tickets/" + t.id() + "/replies", admin, Map.of("public", true)), 400);
	}

	@Test
	void agentsSeeTheirOwnAndTheirQueuesTicketsOthersGet404() {
		String admin = admin();
		ServiceFixtures.Team team = ServiceFixtures.team(api, admin, 2, "none");
		TestUser[] a = team.agents();
		long mine = open(admin, Map.of("subject", "for agent 0", "queueId", team.queueId(), "assigneeId", a[0].id())).id();
		long unassigned = open(admin, Map.of("subject", "queue pool", "queueId", team.queueId())).id();
		TestUser outsider = api.newUser(admin, "SUPPORT_AGENT", null);
		TestUser marketer = api.newUser(admin, "MARKETER", null);
		assertThat(api.get("/api/v1/tickets/" + mine, a[0].token()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/tickets/" + unassigned, a[1].token()).status()).isEqualTo(200);
		assertProblem(api.get("/api/v1/tickets/" + mine, a[1].token()), 404);
		assertProblem(api.get("/api/v1/tickets/" + mine, outsider.token()), 404);
		assertThat(api.get("/api/v1/tickets/" + mine, team.lead().token()).status()).isEqualTo(200);
		Response read = api.get("/api/v1/tickets/" + mine, marketer.token());
		assertThat(read.status()).isEqualTo(200);
		assertProblem(api.patch("/api/v1/tickets/" + mine, marketer.token(), read.etag(), Map.of("priority", "high")), 403);
		assertProblem(api.post("/api/v1/tickets", marketer.token(), Map.of("subject", "no")), 403);
		String outsiderList = api.get("/api/v1/tickets?limit=200", outsider.token()).text();
		assertThat(outsiderList).doesNotContain("for agent 0");
		// shared for reading: visible, not editable
		assertThat(api.put("/api/v1/tickets/" + mine + "/shares/" + outsider.id(), admin, null, Map.of("access", "read"))
			.status()).isEqualTo(204);
		Response shared = api.get("/api/v1/tickets/" + mine, outsider.token());
		assertThat(shared.status()).isEqualTo(200);
		assertProblem(api.patch("/api/v1/tickets/" + mine, outsider.token(), shared.etag(), Map.of("priority", "high")), 403);
	}

	@Test
	void theInboxListsTheMostUrgentSlaFirstAndPagesByKeyset() {
		String admin = admin();
		TestUser agent = api.newUser(admin, "SUPPORT_AGENT", null);
		long low = open(admin, Map.of("subject", "low one", "priority", "low", "assigneeId", agent.id())).id();
		long urgent = open(admin, Map.of("subject", "urgent one", "priority", "urgent", "assigneeId", agent.id())).id();
		long normal = open(admin, Map.of("subject", "normal one", "priority", "normal", "assigneeId", agent.id())).id();
		long paused = open(admin, Map.of("subject", "waiting", "priority", "urgent", "assigneeId", agent.id())).id();
		Response p = api.get("/api/v1/tickets/" + paused, admin);
		api.patch("/api/v1/tickets/" + paused, admin, p.etag(), Map.of("status", "pending_customer"));
		List<Long> order = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = api.get("/api/v1/tickets/inbox?limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
					agent.token()).json();
			page.get("items").forEach(i -> order.add(i.get("id").asLong()));
			cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
		}
		while (cursor != null);
		assertThat(order).containsExactly(urgent, normal, low, paused);
		assertProblem(api.get("/api/v1/tickets/inbox?cursor=garbage", agent.token()), 400);
	}

}
