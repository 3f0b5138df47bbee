package org.rapport.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Load generator for the service benchmarks of docs/benchmarks.md: an agent's inbox and the queue
 * view with 100,000 open tickets, and the SLA sweep escalating 10,000 breached ones — each through
 * the application and, as the baseline in the same run, as the SQL statements the application
 * issues. Not a test (surefire does not run it); run it by hand, see docs/benchmarks.md.
 */
public final class ServiceBenchmark {

	private final int clients = Integer.getInteger("bench.clients", 4);

	private final int warmup = Integer.getInteger("bench.warmup", 5);

	private final int seconds = Integer.getInteger("bench.seconds", 20);

	private final int due = Integer.getInteger("bench.due", 10_000);

	private final BenchTarget target = new BenchTarget(clients + 2);

	private final JdbcClient jdbc = target.jdbc;

	private final TransactionTemplate tx;

	private ServiceBenchmark() {
		tx = new TransactionTemplate(new DataSourceTransactionManager(target.db));
	}

	public static void main(String[] args) throws Exception {
		new ServiceBenchmark().runAll();
	}

	private void runAll() throws Exception {
		generate();
		String admin = target.adminToken();
		String agentName = System.getProperty("bench.agent", "gen.care.agent1");
		String agent = target.token(agentName, System.getProperty("bench.agentPassword", "generator-password"));
		long agentId = jdbc.sql("select id from users where username = ?").param(agentName).query(Long.class).single();
		long agentTeam = jdbc.sql("select team_id from users where id = ?").param(agentId).query(Long.class).single();
		long queue = jdbc.sql("select id from service_queues where name = 'Bench queue'").query(Long.class).single();
		System.out.printf(Locale.ROOT, "open tickets %d (agent's %d, queue's %d); %d clients, %d s + %d s%n",
				target.count("select count(*) from tickets where status in ('new','open','pending_customer')"),
				target.count("select count(*) from tickets where status in ('new','open','pending_customer') and assignee_id = "
						+ agentId),
				target.count("select count(*) from tickets where status in ('new','open','pending_customer') and queue_id = " + queue),
				clients, warmup, seconds);
		List<String> rows = new ArrayList<>();
		rows.add(run("api-inbox-agent", () -> target.get("/api/v1/tickets/inbox?limit=25", agent)));
		rows.add(run("sql-inbox-agent", () -> inboxSql(agentId, agentTeam)));
		rows.add(run("api-queue-admin", () -> target.get("/api/v1/tickets?inbox=true&queueId=" + queue + "&limit=25", admin)));
		rows.add(run("sql-queue-admin", () -> queueSql(queue)));
		System.out.println();
		System.out.println("| scenario | requests | per second | p50 ms | p95 ms | p99 ms | max ms |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|");
		rows.forEach(System.out::println);
		System.out.println();
		int rounds = Integer.getInteger("bench.sweepRounds", 2);
		System.out.println("| sweep of " + due + " breached tickets | seconds | tickets per second |");
		System.out.println("|---|---:|---:|");
		for (int r = 1; r <= rounds; r++) {
			double app = sweepByApplication();
			System.out.printf(Locale.ROOT, "| application, round %d | %.1f | %.0f |%n", r, app, due / app);
			double sql = sweepBySql();
			System.out.printf(Locale.ROOT, "| SQL, round %d | %.1f | %.0f |%n", r, sql, due / sql);
		}
		resetDue();
		jdbc.sql("update tickets set sla_check_at = '9999-12-31' where subject like 'Bench ticket %'").update();
		target.close();
	}

	/** 100,000 open tickets in one queue, assigned round the queue's agents, once. */
	private void generate() {
		if (target.count("select count(*) from tickets where subject like 'Bench ticket %'") > 0) {
			return;
		}
		System.out.println("generating tickets…");
		jdbc.sql("""
				insert into service_queues (name, team_id, lead_user_id, assignment)
				select 'Bench queue', u.team_id, u.id, 'round-robin' from users u where u.username = 'gen.care.agent1'""")
			.update();
		// urgency spread over the next 30 days; nothing due for the sweep until a round makes it so
		jdbc.sql("""
				insert into tickets (subject, description, channel, type, priority, status, queue_id, assignee_id,
				  sla_policy_id, first_response_due_at, resolution_due_at, first_responded_at, urgency_at, sla_check_at,
				  reference, created_by, created_at, updated_at)
				select 'Bench ticket ' || g, 'Generated for the benchmark', 'email', 'question', p.priority,
				       case when g % 10 = 0 then 'pending_customer' when g % 3 = 0 then 'new' else 'open' end,
				       q.id, case when g % 5 = 0 then null else a.ids[1 + g % 2] end, p.id,
				       c.at + interval '4 hours', c.at + interval '1 day', c.at + interval '1 hour',
				       now() + interval '1 minute' * (g % 43200), '9999-12-31',
				       'BENCH-T' || g, (select id from users where username = 'admin'), c.at, c.at
				from generate_series(1, 100000) g
				cross join (select id from service_queues where name = 'Bench queue') q
				cross join (select array_agg(id order by id) as ids from users where username like 'gen.care.agent%') a
				cross join lateral (select now() - interval '1 minute' * (g % 20000) as at) c
				join sla_policies p on p.account_tier = '' and p.priority = (array['low','normal','high','urgent'])[1 + g % 4]""")
			.update();
		jdbc.sql("analyze tickets").update();
	}

	/** The statement of TicketManagement.list for an agent's inbox (TicketAccess.visible, SUPPORT_AGENT). */
	private void inboxSql(long agentId, long team) {
		jdbc.sql("""
				select t.*, q.name as queue_name, q.team_id as queue_team_id, q.lead_user_id as queue_lead_id
				from tickets t left join service_queues q on q.id = t.queue_id
				where (t.assignee_id = :me or t.created_by = :me or (t.assignee_id is null and q.team_id = :team)
				       or exists (select 1 from record_shares s where s.entity_type = 'ticket' and s.entity_id = t.id
				                  and s.user_id = :me))
				  and t.assignee_id = :me and t.status in ('new','open','pending_customer')
				order by t.urgency_at, t.id limit 26""")
			.param("me", agentId)
			.param("team", team)
			.query(ClosedLoop::readRow)
			.list();
	}

	/** The statement of TicketManagement.list for a queue's inbox, as an admin. */
	private void queueSql(long queue) {
		jdbc.sql("""
				select t.*, q.name as queue_name, q.team_id as queue_team_id, q.lead_user_id as queue_lead_id
				from tickets t left join service_queues q on q.id = t.queue_id
				where true and t.queue_id = ? and t.status in ('new','open','pending_customer')
				order by t.urgency_at, t.id limit 26""")
			.param(queue)
			.query(ClosedLoop::readRow)
			.list();
	}

	/** Makes {@code due} open, answered tickets breach their resolution target now. */
	private void resetDue() {
		jdbc.sql("""
				delete from sla_events e using tickets t where e.ticket_id = t.id and t.subject like 'Bench ticket %'""")
			.update();
		jdbc.sql("""
				delete from service_notifications n using tickets t where n.ticket_id = t.id and t.subject like 'Bench ticket %'""")
			.update();
		jdbc.sql("""
				update tickets set resolution_breached = false, resolution_warned = false, first_response_breached = false,
				  first_response_warned = false, priority = 'normal', sla_check_at = '9999-12-31'
				where subject like 'Bench ticket %'""")
			.update();
		jdbc.sql("""
				update tickets set created_at = now() - interval '30 days', first_responded_at = now() - interval '29 days',
				  sla_check_at = now() - interval '1 minute'
				where id in (select id from tickets where subject like 'Bench ticket %' and status in ('new','open')
				             order by id limit ?)""")
			.param(due)
			.update();
	}

	private long remainingDue() {
		return target.count("select count(*) from tickets where status in ('new','open') and sla_check_at <= now()");
	}

	/**
	 * Wall time of the application's sweep (db-scheduler task service-sla-sweep, rescheduled to now):
	 * from the start of its first batch (the earliest breach's detection time, which the sweep takes
	 * from the clock as a batch begins) until no due ticket is left, so the scheduler's polling delay
	 * before the task starts is not counted.
	 */
	private double sweepByApplication() throws InterruptedException {
		resetDue();
		jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = 'service-sla-sweep'").update();
		while (remainingDue() > 0) {
			Thread.sleep(100);
		}
		Instant end = Instant.now();
		Timestamp first = jdbc.sql("""
				select min(e.detected_at) from sla_events e join tickets t on t.id = e.ticket_id
				where t.subject like 'Bench ticket %'""")
			.query(Timestamp.class)
			.single();
		return java.time.Duration.between(first.toInstant(), end).toNanos() / 1e9;
	}

	/**
	 * The same work as bare statements, in batches of 500 per transaction like the sweep: take the
	 * due rows, record the breach, escalate (priority, queue lead), notify, and move the next check.
	 */
	private double sweepBySql() {
		resetDue();
		long start = System.nanoTime();
		Timestamp now = Timestamp.from(Instant.now());
		while (true) {
			Integer taken = tx.execute(status -> {
				List<Object[]> batch = jdbc.sql("""
						select t.id, t.priority, q.lead_user_id, t.assignee_id, t.resolution_due_at from tickets t
						left join service_queues q on q.id = t.queue_id
						where t.id in (select id from tickets where status in ('new','open') and sla_check_at <= ?
						               order by sla_check_at, id limit 500 for update skip locked)""")
					.param(now)
					.query(ClosedLoop::readRow)
					.list();
				for (Object[] t : batch) {
					long id = (Long) t[0];
					jdbc.sql("""
							insert into sla_events (ticket_id, kind, stage, due_at, detected_at, escalated)
							values (?, 'resolution', 'breach', ?, ?, true) on conflict do nothing""")
						.params(id, t[4], now)
						.update();
					jdbc.sql("update tickets set resolution_breached = true, resolution_warned = true, priority = 'high', "
							+ "assignee_id = coalesce(?, assignee_id), updated_at = ?, version = version + 1, "
							+ "sla_check_at = '9999-12-31' where id = ?")
						.params(t[2], now, id)
						.update();
					jdbc.sql("insert into service_notifications (user_id, ticket_id, kind, message, created_at) "
							+ "values (?, ?, 'sla-breach', ?, ?)")
						.params(t[2] == null ? t[3] : t[2], id, "BENCH resolution target missed", now)
						.update();
				}
				return batch.size();
			});
			if (taken == null || taken == 0) {
				break;
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private String run(String name, ClosedLoop.Work work) throws InterruptedException {
		return ClosedLoop.run(name, clients, warmup, seconds, work);
	}

}
