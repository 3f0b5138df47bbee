package org.rapport.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


import org.rapport.sales.CurrencyManagement;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load generator for the sales benchmarks of docs/benchmarks.md: the kanban board of a pipeline with
 * 10,000 open deals, the funnel over 100,000 deals, and revenue by month over 1,000,000 orders — each
 * through the API and, as the baseline in the same run, as the SQL statements the application issues.
 * Not a test (surefire does not run it); run it by hand, see docs/benchmarks.md.
 */
public final class SalesBenchmark {

	private final int clients = Integer.getInteger("bench.clients", 4);

	private final int warmup = Integer.getInteger("bench.warmup", 5);

	private final int seconds = Integer.getInteger("bench.seconds", 20);

	private final BenchTarget target = new BenchTarget(clients + 2);

	private final JdbcClient jdbc = target.jdbc;

	private SalesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		new SalesBenchmark().runAll();
	}

	private void runAll() throws Exception {
		generate();
		String token = target.adminToken();
		LocalDate to = LocalDate.now();
		LocalDate from = to.minusYears(2);
		String range = "from=" + from + "&to=" + to;
		long pipeline = jdbc.sql("select id from pipelines where is_default").query(Long.class).single();
		System.out.printf(Locale.ROOT, "open deals %d, deals %d, orders %d; %d clients, %d s + %d s%n",
				target.count("select count(*) from deals where closed_at is null and pipeline_id = " + pipeline),
				target.count("select count(*) from deals"), target.count("select count(*) from orders"), clients, warmup, seconds);
		List<String> rows = new ArrayList<>();
		rows.add(run("api-board", () -> target.get("/api/v1/pipelines/" + pipeline + "/board?perColumn=50", token)));
		rows.add(run("sql-board", () -> boardSql(pipeline)));
		rows.add(run("api-funnel", () -> target.get("/api/v1/reports/sales/funnel?" + range, token)));
		rows.add(run("sql-funnel", () -> funnelSql(pipeline, from, to)));
		rows.add(run("api-revenue", () -> target.get("/api/v1/reports/sales/revenue?" + range, token)));
		rows.add(run("sql-revenue", () -> revenueSql(from, to)));
		System.out.println();
		System.out.println("| scenario | requests | per second | p50 ms | p95 ms | p99 ms | max ms |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|");
		rows.forEach(System.out::println);
		target.close();
	}

	/** 10,000 open and 90,000 closed deals with their stage history, and 1,000,000 fulfilled orders, once. */
	private void generate() {
		if (target.count("select count(*) from deals where name like 'Bench deal %'") > 0) {
			return;
		}
		System.out.println("generating deals and orders…");
		jdbc.sql("""
				insert into deals (name, pipeline_id, stage_id, account_id, amount, currency, expected_close_date,
				  probability, owner_id, closed_at, stage_changed_at, created_at, updated_at)
				select 'Bench deal ' || g, p.id, s.id, null, (1000 + (g * 7919) % 200000)::numeric,
				       (array['USD','CNY','EUR'])[1 + g % 3], current_date + (g % 180), s.probability,
				       (select id from users where username like 'gen.%' order by id offset (g % 12) limit 1),
				       case when s.outcome = 'open' then null else c.created + interval '1 day' * (10 + g % 90) end,
				       c.created, c.created, c.created
				from generate_series(1, 100000) g
				join pipelines p on p.is_default
				cross join lateral (select now() - interval '1 day' * (g % 700) - interval '1 minute' * (g % 1440) as created) c
				join pipeline_stages s on s.pipeline_id = p.id
				  and s.position = case when g % 10 = 0 then 1 + (g / 10) % 4 else 5 + (g % 2) end""")
			.update();
		jdbc.sql("""
				insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, entered_at, amount, currency)
				select d.id, null, s.id, d.created_at + interval '1 day' * s.position, d.amount, d.currency
				from deals d join pipeline_stages cur on cur.id = d.stage_id
				join pipeline_stages s on s.pipeline_id = d.pipeline_id
				  and (s.position <= cur.position and (s.outcome = 'open' or s.id = cur.id))
				where d.name like 'Bench deal %'""")
			.update();
		jdbc.sql("""
				insert into orders (number, account_id, currency, status, order_date, subtotal, discount, tax, total, owner_id)
				select 'BENCH-' || g, null, (array['USD','CNY','EUR'])[1 + g % 3], 'fulfilled',
				       current_date - (g % 720), (10 + (g * 31) % 5000)::numeric, 0, 0, (10 + (g * 31) % 5000)::numeric,
				       (select id from users where username like 'gen.%' order by id offset (g % 12) limit 1)
				from generate_series(1, 1000000) g""")
			.update();
		// monthly rates for the two foreign currencies, so every conversion looks one up
		jdbc.sql("""
				insert into exchange_rates (currency, valid_from, rate)
				select c.code, (date_trunc('month', current_date) - interval '1 month' * m)::date, c.base + m * 0.001
				from (values ('CNY', 0.138), ('EUR', 1.08)) c(code, base) cross join generate_series(0, 30) m
				on conflict do nothing""")
			.update();
		jdbc.sql("analyze deals").update();
		jdbc.sql("analyze deal_stage_history").update();
		jdbc.sql("analyze orders").update();
	}

	/** The two statements of DealManagement.board for an admin (no visibility condition). */
	private void boardSql(long pipeline) {
		String where = "d.pipeline_id = ? and true and (d.closed_at is null or d.closed_at > now() - interval '30 days')";
		jdbc.sql("select x.stage_id, sum(x.n)::bigint, coalesce(sum(" + CurrencyManagement.toCorporateSql("x.total", "x.currency", "current_date")
				+ "), 0), coalesce(sum(" + CurrencyManagement.toCorporateSql("x.weighted", "x.currency", "current_date") + "), 0) from (select "
				+ "d.stage_id, d.currency, count(*) as n, sum(d.amount) as total, sum(d.amount * d.probability / 100.0) as "
				+ "weighted from deals d where " + where + " group by 1, 2) x group by x.stage_id")
			.param(pipeline).query(ClosedLoop::readRow).list();
		jdbc.sql("select x.* from pipeline_stages st cross join lateral (select d.*, p.name as pipeline_name, "
				+ "s.key as stage_key, s.name as stage_name, s.outcome from deals d join pipelines p on p.id = d.pipeline_id "
				+ "join pipeline_stages s on s.id = d.stage_id where " + where + " and d.stage_id = st.id "
				+ "order by d.expected_close_date nulls last, d.id limit 50) x where st.pipeline_id = ?")
			.params(pipeline, pipeline).query(ClosedLoop::readRow).list();
	}

	/** The two statements of SalesReports.funnel for an admin. */
	private void funnelSql(long pipeline, LocalDate from, LocalDate to) {
		jdbc.sql("""
				select x.furthest, x.won, x.lost, count(*) as deals from (
				  select coalesce(max(case when s.outcome = 'open' then s.position end), 0) as furthest,
				         bool_or(cs.outcome = 'won') as won, bool_or(cs.outcome = 'lost') as lost
				  from deals d join pipeline_stages cs on cs.id = d.stage_id
				  left join deal_stage_history h on h.deal_id = d.id left join pipeline_stages s on s.id = h.to_stage_id
				  where d.pipeline_id = ? and d.created_at >= ? and d.created_at < ? group by d.id) x
				group by x.furthest, x.won, x.lost""")
			.params(pipeline, java.sql.Timestamp.valueOf(from.atStartOfDay()),
					java.sql.Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
			.query(ClosedLoop::readRow).list();
		String amount = CurrencyManagement.toCorporateSql("d.amount", "d.currency", "d.closed_at::date");
		jdbc.sql("select count(*) filter (where s.outcome = 'won'), count(*) filter (where s.outcome = 'lost'), avg(" + amount
				+ ") filter (where s.outcome = 'won'), sum(" + amount + ") filter (where s.outcome = 'won'), "
				+ "avg(extract(epoch from d.closed_at - d.created_at) / 86400.0) filter (where s.outcome = 'won'), "
				+ "percentile_cont(0.5) within group (order by extract(epoch from d.closed_at - d.created_at) / 86400.0) "
				+ "filter (where s.outcome = 'won') from deals d join pipeline_stages s on s.id = d.stage_id "
				+ "where d.pipeline_id = ? and d.closed_at >= ? and d.closed_at < ?")
			.params(pipeline, java.sql.Timestamp.valueOf(from.atStartOfDay()),
					java.sql.Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
			.query(ClosedLoop::readRow).single();
	}

	/** The two statements of SalesReports.revenueByMonth for an admin. */
	private void revenueSql(LocalDate from, LocalDate to) {
		jdbc.sql("select x.month, sum(x.n)::bigint, coalesce(sum(" + CurrencyManagement.toCorporateSql("x.total", "x.currency", "x.day")
				+ "), 0) from (select to_char(d.closed_at at time zone 'UTC', 'YYYY-MM') as month, d.closed_at::date as day, "
				+ "d.currency, count(*) as n, sum(d.amount) as total from deals d join pipeline_stages s on s.id = d.stage_id "
				+ "where s.outcome = 'won' and d.closed_at >= ? and d.closed_at < ? group by 1, 2, 3) x group by x.month")
			.params(java.sql.Timestamp.valueOf(from.atStartOfDay()), java.sql.Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
			.query(ClosedLoop::readRow).list();
		jdbc.sql("select to_char(x.day, 'YYYY-MM'), sum(x.n)::bigint, coalesce(sum(" + CurrencyManagement.toCorporateSql("x.total", "x.currency", "x.day")
				+ "), 0) from (select o.order_date as day, o.currency, count(*) as n, sum(o.subtotal) as total from orders o "
				+ "where o.status = 'fulfilled' and o.order_date between ? and ? group by 1, 2) x group by 1")
			.params(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to))
			.query(ClosedLoop::readRow).list();
	}

	private String run(String name, ClosedLoop.Work work) throws InterruptedException {
		return ClosedLoop.run(name, clients, warmup, seconds, work);
	}

}
