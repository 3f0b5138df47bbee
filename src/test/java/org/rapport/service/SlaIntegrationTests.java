package org.rapport.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.rapport.RapportApplication;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import org.rapport.support.TestDatabase;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * SLA clocks in business time with a controllable clock: the pause while waiting on the customer,
 * warnings before a breach, and an escalation that happens exactly once when two Rapport nodes share
 * one PostgreSQL and sweep at the same moment.
 */
class SlaIntegrationTests extends IntegrationTest {

	/** Monday 2036-01-07 10:00 UTC; the default policies work Monday to Friday, 09:00–17:00 UTC. */
	private static final Instant MONDAY_10 = Instant.parse("2036-01-07T10:00:00Z");

	@Autowired
	TicketManagement tickets;

	@Test
	void theClockPausesWhileTheTicketWaitsOnTheCustomer() {
		ServiceFixtures.setClock(clock, MONDAY_10);
		String admin = admin();
		Response created = api.post("/api/v1/tickets", admin, Map.of("subject", "Pause me", "priority", "normal"));
		long id = created.id();
		JsonNode fresh = created.json();
		// normal: 4 business hours to the first response, 24 to resolution
		assertThat(Instant.parse(fresh.get("slaFirstResponseDueAt").asString()))
			.isCloseTo(Instant.parse("2036-01-07T14:00:00Z"), within(1, ChronoUnit.MINUTES));
		assertThat(Instant.parse(fresh.get("slaResolutionDueAt").asString()))
			.isCloseTo(Instant.parse("2036-01-10T10:00:00Z"), within(1, ChronoUnit.MINUTES));

		clock.advance(Duration.ofHours(1));
		Response waiting = api.patch("/api/v1/tickets/" + id, admin, created.etag(), Map.of("status", "pending_customer"));
		assertThat(waiting.status()).as(waiting.text()).isEqualTo(200);
		assertThat(waiting.json().get("slaPaused").asBoolean()).isTrue();
		assertThat(waiting.json().get("slaMinutesLeft").isNull()).isTrue();

		// a whole business day (Monday 11:00–17:00 and Tuesday 09:00–11:00) waiting on the customer
		clock.advance(Duration.ofHours(24));
		Response back = api.patch("/api/v1/tickets/" + id, admin, waiting.etag(), Map.of("status", "open"));
		assertThat(back.status()).as(back.text()).isEqualTo(200);
		JsonNode t = back.json();
		assertThat(t.get("slaPaused").asBoolean()).isFalse();
		// the four hours are now counted from creation plus eight paused business hours: Tuesday 14:00
		assertThat(Instant.parse(t.get("slaFirstResponseDueAt").asString()))
			.isCloseTo(Instant.parse("2036-01-08T14:00:00Z"), within(1, ChronoUnit.MINUTES));
		// and resolution moves by one business day: Friday 10:00
		assertThat(Instant.parse(t.get("slaResolutionDueAt").asString()))
			.isCloseTo(Instant.parse("2036-01-11T10:00:00Z"), within(1, ChronoUnit.MINUTES));
		assertThat(t.get("breached").asBoolean()).isFalse();
		// three business hours left (now Tuesday 11:00)
		assertThat(t.get("slaMinutesLeft").asLong()).isBetween(179L, 180L);
	}

	@Test
	void aBreachIsEscalatedExactlyOnceWhenTwoNodesSweepAtTheSameTime() throws Exception {
		ServiceFixtures.setClock(clock, MONDAY_10);
		String admin = admin();
		ServiceFixtures.Team team = ServiceFixtures.team(api, admin, 1, "round-robin");
		api.put("/api/v1/service/agents/" + team.lead().id() + "/away", admin, null, Map.of("away", true));
		long agent = team.agents()[0].id();
		// low: 8 business hours to answer → due Tuesday 10:00; warned 60 minutes before
		long id = api.post("/api/v1/tickets", admin, Map.of("subject", "Nobody answers", "priority", "low", "queueId",
				team.queueId())).id();
		JsonNode before = api.get("/api/v1/tickets/" + id, admin).json();
		assertThat(before.get("assigneeId").asLong()).isEqualTo(agent);
		Instant due = Instant.parse(before.get("slaFirstResponseDueAt").asString());
		assertThat(due).isCloseTo(Instant.parse("2036-01-08T10:00:00Z"), within(1, ChronoUnit.MINUTES));

		try (ConfigurableApplicationContext nodeB = startSecondNode()) {
			TicketManagement onB = nodeB.getBean(TicketManagement.class);
			assertThat(onB).isNotSameAs(tickets);

			sweepTogether(List.of(tickets, onB), due.minus(Duration.ofMinutes(30)), 3);
			assertThat(count("select count(*) from sla_events where ticket_id = ? and stage = 'warning'", id)).isEqualTo(1);
			assertThat(count("select count(*) from service_notifications where ticket_id = ? and kind = 'sla-warning'", id))
				.isEqualTo(1);
			assertThat(api.get("/api/v1/tickets/" + id, admin).json().get("breached").asBoolean()).isFalse();

			sweepTogether(List.of(tickets, onB), due.plus(Duration.ofMinutes(1)), 3);
		}
		assertThat(count("select count(*) from sla_events where ticket_id = ? and stage = 'breach'", id)).isEqualTo(1);
		// the queue lead and the agent, once each
		assertThat(count("select count(*) from service_notifications where ticket_id = ? and kind = 'sla-breach'", id))
			.isEqualTo(2);
		assertThat(count("select count(*) from audit_log where entity_type = 'ticket' and entity_id = ? and action = 'escalate'",
				Long.toString(id))).isEqualTo(1);
		JsonNode after = api.get("/api/v1/tickets/" + id, admin).json();
		assertThat(after.get("priority").asString()).as("raised one step, once").isEqualTo("normal");
		assertThat(after.get("assigneeId").asLong()).isEqualTo(team.lead().id());
		assertThat(after.get("breached").asBoolean()).isTrue();
		assertThat(after.get("firstResponseBreached").asBoolean()).isTrue();
		JsonNode leadNotes = api.get("/api/v1/service/notifications", team.lead().token()).json().get("items");
		assertThat(leadNotes.toString()).contains("T-" + id).contains("sla-breach");
	}

	private static void sweepTogether(List<TicketManagement> nodes, Instant now, int rounds) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(nodes.size() * rounds);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<TicketManagement.SweepResult>> results = new ArrayList<>();
			for (int r = 0; r < rounds; r++) {
				for (TicketManagement node : nodes) {
					results.add(pool.submit(() -> {
						start.await();
						return node.sweepSla(now);
					}));
				}
			}
			start.countDown();
			for (Future<TicketManagement.SweepResult> f : results) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static long count(String sql, Object param) throws SQLException {
		try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
			s.setObject(1, param);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static ConfigurableApplicationContext startSecondNode() {
		return new SpringApplicationBuilder(RapportApplication.class).run("--server.port=0",
				"--rapport.db.url=" + TestDatabase.url(), "--rapport.db.user=" + TestDatabase.user(),
				"--rapport.db.password=", "--rapport.db.pool-size=5", "--rapport.db.background-pool-size=4", "--rapport.admin-password=" + ADMIN_PASSWORD,
				"--db-scheduler.polling-interval=1s", "--spring.jmx.enabled=false", "--server.shutdown=immediate",
				"--db-scheduler.shutdown-max-wait=2s");
	}

}
