package org.rapport.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.platform.Actor;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.data.SqlQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales reports over the deals and orders the actor may see, in the corporate currency at the rate
 * of each deal's close date or order's date. Definitions (also in docs/sales.md):
 * <ul>
 * <li><b>Funnel</b>: deals created in the period; a deal <i>reached</i> an open stage when it was ever
 * in that stage or a later one (won deals reached all); conversion to the next stage = reached(next)
 * ÷ reached(this).</li>
 * <li><b>Win rate</b>: won ÷ (won + lost) among deals closed in the period.</li>
 * <li><b>Average deal size</b>: mean amount of deals won in the period.</li>
 * <li><b>Sales cycle</b>: days from creation to close of deals won in the period (mean and median).</li>
 * </ul>
 */
@Service
public class SalesReports {

	private final JdbcClient jdbc;

	private final RecordAccess access;

	private final PipelineManagement pipelines;

	private final CurrencyManagement currencies;

	private final UserDirectory users;

	SalesReports(JdbcClient jdbc, RecordAccess access, PipelineManagement pipelines, CurrencyManagement currencies,
			UserDirectory users) {
		this.jdbc = jdbc;
		this.access = access;
		this.pipelines = pipelines;
		this.currencies = currencies;
		this.users = users;
	}

	/**
	 * Filters common to the reports.
	 *
	 * @param period the period
	 * @param pipelineId pipeline (default pipeline when {@code null}, for the funnel)
	 * @param ownerId one owner
	 * @param teamId one team's owners
	 */
	public record Filter(Period period, Long pipelineId, Long ownerId, Long teamId) {
	}

	/**
	 * One funnel step.
	 *
	 * @param stage stage key
	 * @param name stage name
	 * @param reached deals that reached it
	 * @param conversionToNext share reaching the next step, 0–1 ({@code null} for the last)
	 */
	public record FunnelStep(String stage, String name, long reached, BigDecimal conversionToNext) {
	}

	/**
	 * The funnel report.
	 *
	 * @param from period start
	 * @param to period end
	 * @param currency corporate currency
	 * @param created deals created in the period
	 * @param steps open stages then the won step
	 * @param won deals won among them
	 * @param lost deals lost among them
	 * @param closedWon deals won in the period (by close date)
	 * @param closedLost deals lost in the period
	 * @param winRate closedWon ÷ (closedWon + closedLost), 0–1
	 * @param averageDealSize mean amount of deals won in the period
	 * @param cycleDaysMean mean days from creation to win
	 * @param cycleDaysMedian median days from creation to win
	 * @param wonAmount total amount won in the period
	 */
	public record Funnel(LocalDate from, LocalDate to, String currency, long created, List<FunnelStep> steps, long won,
			long lost, long closedWon, long closedLost, BigDecimal winRate, BigDecimal averageDealSize,
			BigDecimal cycleDaysMean, BigDecimal cycleDaysMedian, BigDecimal wonAmount) {
	}

	/**
	 * A labelled figure for charts and CSV.
	 *
	 * @param label what
	 * @param count how many
	 * @param amount amount in the corporate currency
	 * @param weighted weighted amount (pipeline reports)
	 */
	public record Bucket(String label, long count, BigDecimal amount, BigDecimal weighted) {
	}

	@Transactional(readOnly = true)
	public Funnel funnel(Filter filter) {
		Pipeline pipeline = filter.pipelineId() == null ? pipelines.defaultPipeline() : pipelines.get(filter.pipelineId());
		String corporate = currencies.corporateCurrency();
		SqlQuery q = scoped(filter, "d");
		q.and("d.pipeline_id = " + q.param(pipeline.id()));
		SqlQuery created = copy(q);
		created.and("d.created_at >= " + created.param(startTs(filter.period())) + " and d.created_at < "
				+ created.param(endTs(filter.period())));
		// per deal created in the period: the furthest open stage it reached, and its outcome
		Map<Integer, Long> furthest = new LinkedHashMap<>();
		long[] outcome = new long[3];
		// counted in the database: a handful of rows (furthest stage × outcome) come back, not one per deal
		jdbc.sql("""
				select x.furthest, x.won, x.lost, count(*) as deals from (
				  select coalesce(max(case when s.outcome = 'open' then s.position end), 0) as furthest,
				         bool_or(cs.outcome = 'won') as won, bool_or(cs.outcome = 'lost') as lost
				  from deals d join pipeline_stages cs on cs.id = d.stage_id
				  left join deal_stage_history h on h.deal_id = d.id left join pipeline_stages s on s.id = h.to_stage_id
				  where\s""" + created.where() + " group by d.id) x group by x.furthest, x.won, x.lost")
			.params(created.params())
			.query(rs -> {
				long n = rs.getLong("deals");
				boolean won = rs.getBoolean("won");
				int f = won ? Integer.MAX_VALUE : rs.getInt("furthest");
				furthest.merge(f, n, Long::sum);
				outcome[0] += n;
				if (won) {
					outcome[1] += n;
				}
				if (rs.getBoolean("lost")) {
					outcome[2] += n;
				}
			});
		List<Stage> open = pipeline.stages().stream().filter(Stage::isOpen).toList();
		List<long[]> reached = new ArrayList<>();
		for (Stage s : open) {
			long n = furthest.entrySet().stream().filter(e -> e.getKey() >= s.position()).mapToLong(Map.Entry::getValue).sum();
			reached.add(new long[] { n });
		}
		List<FunnelStep> steps = new ArrayList<>();
		for (int i = 0; i < open.size(); i++) {
			long here = reached.get(i)[0];
			long next = i + 1 < open.size() ? reached.get(i + 1)[0] : outcome[1];
			steps.add(new FunnelStep(open.get(i).key(), open.get(i).name(), here, ratio(next, here)));
		}
		Stage wonStage = pipeline.stages().stream().filter(Stage::isWon).findFirst().orElse(null);
		steps.add(new FunnelStep(wonStage == null ? "won" : wonStage.key(), wonStage == null ? "Won" : wonStage.name(),
				outcome[1], null));

		SqlQuery closed = copy(q);
		closed.and("d.closed_at >= " + closed.param(startTs(filter.period())) + " and d.closed_at < "
				+ closed.param(endTs(filter.period())));
		String amount = CurrencyManagement.toCorporateSql("d.amount", "d.currency", "d.closed_at::date");
		var stats = jdbc.sql("select count(*) filter (where s.outcome = 'won'), count(*) filter (where s.outcome = 'lost'), "
				+ "avg(" + amount + ") filter (where s.outcome = 'won'), sum(" + amount + ") filter (where s.outcome = 'won'), "
				+ "avg(extract(epoch from d.closed_at - d.created_at) / 86400.0) filter (where s.outcome = 'won'), "
				+ "percentile_cont(0.5) within group (order by extract(epoch from d.closed_at - d.created_at) / 86400.0) "
				+ "filter (where s.outcome = 'won') "
				+ "from deals d join pipeline_stages s on s.id = d.stage_id where " + closed.where())
			.params(closed.params())
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
					rs.getBigDecimal(5), rs.getObject(6) })
			.single();
		long closedWon = (Long) stats[0];
		long closedLost = (Long) stats[1];
		return new Funnel(filter.period().start(), filter.period().end(), corporate, outcome[0], steps, outcome[1],
				outcome[2], closedWon, closedLost, ratio(closedWon, closedWon + closedLost),
				stats[2] == null ? null : Money.round((BigDecimal) stats[2], corporate),
				stats[4] == null ? null : ((BigDecimal) stats[4]).setScale(1, RoundingMode.HALF_EVEN),
				stats[5] == null ? null
						: BigDecimal.valueOf(((Number) stats[5]).doubleValue()).setScale(1, RoundingMode.HALF_EVEN),
				stats[3] == null ? BigDecimal.ZERO.setScale(Money.minorUnits(corporate))
						: Money.round((BigDecimal) stats[3], corporate));
	}

	/** Open deals now, by stage of a pipeline: count, amount and weighted amount. */
	@Transactional(readOnly = true)
	public List<Bucket> pipelineByStage(Filter filter) {
		Pipeline pipeline = filter.pipelineId() == null ? pipelines.defaultPipeline() : pipelines.get(filter.pipelineId());
		SqlQuery q = scoped(filter, "d");
		q.and("d.pipeline_id = " + q.param(pipeline.id()));
		q.and("d.closed_at is null");
		String amount = CurrencyManagement.toCorporateSql("d.amount", "d.currency", "current_date");
		Map<Long, Bucket> byStage = new LinkedHashMap<>();
		jdbc.sql("select d.stage_id, count(*), coalesce(sum(" + amount + "), 0), coalesce(sum(" + amount
				+ " * d.probability / 100.0), 0) from deals d where " + q.where() + " group by d.stage_id")
			.params(q.params())
			.query(rs -> {
				byStage.put(rs.getLong(1), new Bucket(null, rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
			});
		String corporate = currencies.corporateCurrency();
		return pipeline.stages().stream().filter(Stage::isOpen).map(s -> {
			Bucket b = byStage.getOrDefault(s.id(), new Bucket(null, 0, BigDecimal.ZERO, BigDecimal.ZERO));
			return new Bucket(s.key(), b.count(), Money.round(b.amount(), corporate), Money.round(b.weighted(), corporate));
		}).toList();
	}

	/** Open deals now, by owner. */
	@Transactional(readOnly = true)
	public List<Bucket> pipelineByOwner(Filter filter) {
		SqlQuery q = scoped(filter, "d");
		q.and("d.closed_at is null");
		if (filter.pipelineId() != null) {
			q.and("d.pipeline_id = " + q.param(filter.pipelineId()));
		}
		String amount = CurrencyManagement.toCorporateSql("d.amount", "d.currency", "current_date");
		String corporate = currencies.corporateCurrency();
		List<Object[]> rows = jdbc.sql("select d.owner_id, count(*), coalesce(sum(" + amount + "), 0), coalesce(sum("
				+ amount + " * d.probability / 100.0), 0) from deals d where " + q.where()
				+ " group by d.owner_id order by 3 desc")
			.params(q.params())
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4) })
			.list();
		Map<Long, String> names = users.displayNames(rows.stream().map(r -> (Long) r[0]).toList());
		return rows.stream()
			.map(r -> new Bucket(names.getOrDefault((Long) r[0], "#" + r[0]), (Long) r[1],
					Money.round((BigDecimal) r[2], corporate), Money.round((BigDecimal) r[3], corporate)))
			.toList();
	}

	/**
	 * Revenue by month in the period: deals won (by close date) and orders fulfilled (by order date),
	 * each converted at its own date's rate.
	 *
	 * @param month yyyy-MM
	 * @param wonDeals count of deals won
	 * @param wonAmount their amount
	 * @param orders count of fulfilled orders
	 * @param orderRevenue their net amount (subtotal, without tax)
	 */
	public record MonthRevenue(String month, long wonDeals, BigDecimal wonAmount, long orders, BigDecimal orderRevenue) {
	}

	@Transactional(readOnly = true)
	public List<MonthRevenue> revenueByMonth(Filter filter) {
		String corporate = currencies.corporateCurrency();
		Map<String, MonthRevenue> months = new LinkedHashMap<>();
		for (YearMonth m = YearMonth.from(filter.period().start()); !m.isAfter(YearMonth.from(filter.period().end())); m = m
			.plusMonths(1)) {
			months.put(m.toString(), new MonthRevenue(m.toString(), 0, zero(corporate), 0, zero(corporate)));
		}
		SqlQuery d = scoped(filter, "d");
		d.and("s.outcome = 'won' and d.closed_at >= " + d.param(startTs(filter.period())) + " and d.closed_at < "
				+ d.param(endTs(filter.period())));
		// summed per currency and day first, then converted: one rate lookup per day and currency, not per row
		String amount = CurrencyManagement.toCorporateSql("x.total", "x.currency", "x.day");
		jdbc.sql("select x.month, sum(x.n)::bigint, coalesce(sum(" + amount + "), 0) from (select to_char(d.closed_at at "
				+ "time zone 'UTC', 'YYYY-MM') as month, d.closed_at::date as day, d.currency, count(*) as n, sum(d.amount) "
				+ "as total from deals d join pipeline_stages s on s.id = d.stage_id where " + d.where()
				+ " group by 1, 2, 3) x group by x.month")
			.params(d.params())
			.query(rs -> {
				MonthRevenue m = months.get(rs.getString(1));
				if (m != null) {
					months.put(m.month(), new MonthRevenue(m.month(), rs.getLong(2), Money.round(rs.getBigDecimal(3), corporate),
							m.orders(), m.orderRevenue()));
				}
			});
		SqlQuery o = scoped(filter, "o");
		o.and("o.status = 'fulfilled' and o.order_date between " + o.param(Date.valueOf(filter.period().start())) + " and "
				+ o.param(Date.valueOf(filter.period().end())));
		String net = CurrencyManagement.toCorporateSql("x.total", "x.currency", "x.day");
		jdbc.sql("select to_char(x.day, 'YYYY-MM'), sum(x.n)::bigint, coalesce(sum(" + net + "), 0) from (select o.order_date "
				+ "as day, o.currency, count(*) as n, sum(o.subtotal) as total from orders o where " + o.where()
				+ " group by 1, 2) x group by 1")
			.params(o.params())
			.query(rs -> {
				MonthRevenue m = months.get(rs.getString(1));
				if (m != null) {
					months.put(m.month(), new MonthRevenue(m.month(), m.wonDeals(), m.wonAmount(), rs.getLong(2),
							Money.round(rs.getBigDecimal(3), corporate)));
				}
			});
		return List.copyOf(months.values());
	}

	/**
	 * A line of a fulfilled order placed by a contact, for analytics.
	 *
	 * @param orderId the order
	 * @param contactId who placed it
	 * @param orderDate order date
	 * @param productId catalogue product, or {@code null} for a free-text line
	 * @param product product name (or the line's description)
	 * @param quantity quantity (negative on an adjusting order's returns)
	 * @param net line net (after discount, before tax) in the corporate currency at the order date's rate
	 */
	public record FulfilledOrderLine(long orderId, long contactId, LocalDate orderDate, Long productId, String product,
			BigDecimal quantity, BigDecimal net) {
	}

	/**
	 * Every line of the fulfilled orders with a contact dated from {@code from} to {@code to}, oldest
	 * first, across all owners: analytics needs the whole customer base for quintiles, model fits and
	 * co-occurrence, and answers only about contacts the actor may see.
	 */
	@Transactional(readOnly = true)
	public List<FulfilledOrderLine> fulfilledOrderLines(LocalDate from, LocalDate to) {
		String net = CurrencyManagement.toCorporateSql("l.net", "o.currency", "o.order_date");
		return jdbc.sql("select o.id, o.contact_id, o.order_date, l.product_id, coalesce(p.name, l.description), l.quantity, "
				+ net + " from orders o join order_lines l on l.order_id = o.id left join products p on p.id = l.product_id"
				+ " where o.status = 'fulfilled' and o.contact_id is not null and o.order_date between ? and ?"
				+ " order by o.order_date, o.id, l.position")
			.params(Date.valueOf(from), Date.valueOf(to))
			.query((rs, i) -> new FulfilledOrderLine(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
					rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
			.list();
	}

	/**
	 * The ids of the fulfilled orders with a contact dated from {@code from} to {@code to} that the
	 * actor may see, narrowed to one team's owners when {@code teamId} is given; {@code null} when that
	 * is every such order (the actor sees all and no team is chosen), so the caller need not filter.
	 */
	@Transactional(readOnly = true)
	public java.util.Set<Long> visibleFulfilledOrders(LocalDate from, LocalDate to, Long teamId) {
		if (teamId == null && access.scope(Actor.current()).all()) {
			return null;
		}
		SqlQuery o = scoped(new Filter(null, null, null, teamId), "o");
		o.and("o.status = 'fulfilled' and o.contact_id is not null and o.order_date between "
				+ o.param(Date.valueOf(from)) + " and " + o.param(Date.valueOf(to)));
		return new java.util.HashSet<>(jdbc.sql("select o.id from orders o where " + o.where())
			.params(o.params())
			.query(Long.class)
			.list());
	}

	/**
	 * A line of a confirmed or fulfilled order, for analytics' anomaly scan.
	 *
	 * @param orderId the order
	 * @param position the line's position in the order
	 * @param orderNumber the order's number
	 * @param contactId who placed it ({@code null} for an account-only order)
	 * @param ownerId the order's owner
	 * @param createdAt when the order was entered
	 * @param quantity quantity (negative on an adjusting order's returns)
	 * @param discountPercent the line's discount, 0–100
	 * @param net line net (after discount, before tax) in the corporate currency at the order date's rate
	 */
	public record OrderLineFact(long orderId, int position, String orderNumber, Long contactId, long ownerId,
			java.time.Instant createdAt, BigDecimal quantity, BigDecimal discountPercent, BigDecimal net) {
	}

	/** Lines fetched per query by {@link #forEachOrderLine}, so a million lines never sit in memory at once. */
	static final int LINE_PAGE = 5_000;

	/**
	 * Hands every line of the confirmed and fulfilled orders dated from {@code from} to {@code to} to
	 * {@code consumer}, in order id and position order, across all owners (analytics learns what is
	 * usual from the whole company and answers only about orders the actor may see). Read in keyset
	 * pages of {@value #LINE_PAGE} lines; lines without a known exchange rate are skipped.
	 */
	public void forEachOrderLine(LocalDate from, LocalDate to, java.util.function.Consumer<OrderLineFact> consumer) {
		String net = CurrencyManagement.toCorporateSql("l.net", "o.currency", "o.order_date");
		long afterOrder = 0;
		int afterPosition = -1;
		while (true) {
			List<OrderLineFact> page = jdbc.sql("select o.id, l.position, o.number, o.contact_id, o.owner_id, o.created_at, "
					+ "l.quantity, l.discount_percent, " + net + " from orders o join order_lines l on l.order_id = o.id"
					+ " where o.status in ('confirmed','fulfilled') and o.order_date between ? and ?"
					+ " and (l.order_id, l.position) > (?, ?) order by l.order_id, l.position limit ?")
				.params(Date.valueOf(from), Date.valueOf(to), afterOrder, afterPosition, LINE_PAGE)
				.query((rs, i) -> new OrderLineFact(rs.getLong(1), rs.getInt(2), rs.getString(3),
						rs.getObject(4) == null ? null : rs.getLong(4), rs.getLong(5), rs.getTimestamp(6).toInstant(),
						rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9)))
				.list();
			for (OrderLineFact line : page) {
				if (line.net() != null) {
					consumer.accept(line);
				}
			}
			if (page.size() < LINE_PAGE) {
				return;
			}
			OrderLineFact last = page.get(page.size() - 1);
			afterOrder = last.orderId();
			afterPosition = last.position();
		}
	}

	/** The numbers of those of the given orders the actor may see, by order id (for other modules' lists). */
	@Transactional(readOnly = true)
	public Map<Long, String> visibleOrderNumbers(java.util.Collection<Long> orderIds) {
		Map<Long, String> numbers = new LinkedHashMap<>();
		if (orderIds.isEmpty()) {
			return numbers;
		}
		SqlQuery o = scoped(new Filter(null, null, null, null), "o");
		o.and("o.id = any(" + o.param(orderIds.stream().distinct().toArray(Long[]::new)) + ")");
		jdbc.sql("select o.id, o.number from orders o where " + o.where() + " order by o.id")
			.params(o.params())
			.query(rs -> {
				numbers.put(rs.getLong(1), rs.getString(2));
			});
		return numbers;
	}

	/** Won revenue per month over the last {@code months} whole months before {@code until} (for forecasting). */
	@Transactional(readOnly = true)
	public double[] wonSeries(YearMonth until, int months, Filter scope) {
		YearMonth first = until.minusMonths(months);
		Period history = new Period("history", first.atDay(1), until.minusMonths(1).atEndOfMonth());
		List<MonthRevenue> revenue = revenueByMonth(new Filter(history, scope.pipelineId(), scope.ownerId(), scope.teamId()));
		return revenue.stream().mapToDouble(m -> m.wonAmount().doubleValue()).toArray();
	}

	/** The SQL scope of the actor plus owner/team filters. */
	SqlQuery scoped(Filter filter, String alias) {
		Actor actor = Actor.current();
		SqlQuery q = new SqlQuery();
		String type = alias.equals("o") ? "order" : "deal";
		q.and(access.visible(alias, type, access.scope(actor), q));
		if (filter.ownerId() != null) {
			q.and(alias + ".owner_id = " + q.param(filter.ownerId()));
		}
		if (filter.teamId() != null) {
			List<Long> members = users.teamMembers(filter.teamId()).stream().map(UserDirectory.UserSummary::id).toList();
			q.and(alias + ".owner_id = any(" + q.param(members.toArray(Long[]::new)) + ")");
		}
		return q;
	}

	/** The same conditions, to be narrowed separately (parameters are shared, so numbering never clashes). */
	private static SqlQuery copy(SqlQuery q) {
		return q.sharingParameters().and(q.where());
	}

	static Timestamp startTs(Period p) {
		return Timestamp.from(p.start().atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	static Timestamp endTs(Period p) {
		return Timestamp.from(p.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	static BigDecimal ratio(long part, long whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
	}

	static BigDecimal ratioDecimal(BigDecimal part, BigDecimal whole) {
		return whole == null || whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_EVEN);
	}

	private static BigDecimal zero(String currency) {
		return BigDecimal.ZERO.setScale(Money.minorUnits(currency));
	}

}
