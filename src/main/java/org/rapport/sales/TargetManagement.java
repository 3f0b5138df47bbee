package org.rapport.sales;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.AuditTrail.FieldChange;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.Role;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.UserDirectory.UserSummary;
import org.rapport.platform.data.SqlQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales targets per rep or team and period, and their attainment: revenue of deals won in the period
 * (corporate currency at each deal's close date) against the target.
 */
@Service
public class TargetManagement {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final UserDirectory users;

	private final CurrencyManagement currencies;

	private final SalesReports reports;

	TargetManagement(JdbcClient jdbc, AuditTrail audit, UserDirectory users, CurrencyManagement currencies,
			SalesReports reports) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.users = users;
		this.currencies = currencies;
		this.reports = reports;
	}

	/**
	 * A target and how far it is reached.
	 *
	 * @param id id
	 * @param period the period's name
	 * @param periodStart first day
	 * @param periodEnd last day
	 * @param userId the rep (or null)
	 * @param teamId the team (or null)
	 * @param name the rep's or team's name
	 * @param amount target in the corporate currency
	 * @param achieved won revenue in the period
	 * @param attainment achieved ÷ target, 0–n
	 */
	public record Target(long id, String period, java.time.LocalDate periodStart, java.time.LocalDate periodEnd,
			Long userId, Long teamId, String name, BigDecimal amount, BigDecimal achieved, BigDecimal attainment) {
	}

	/** Sets (or replaces) a target; admins for anyone, managers for their team and its members. */
	@Transactional
	public Target set(Period period, Long userId, Long teamId, BigDecimal amount) {
		Actor actor = Actor.current();
		List<FieldProblem> problems = new ArrayList<>();
		if ((userId == null) == (teamId == null)) {
			problems.add(new FieldProblem("userId", "one-of", "Give a userId or a teamId"));
		}
		if (amount == null || amount.signum() < 0) {
			problems.add(new FieldProblem("amount", "out-of-range", "A non-negative amount"));
		}
		if (userId != null && users.find(userId).isEmpty()) {
			problems.add(new FieldProblem("userId", "unknown-user", "No such user"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		boolean allowed = actor.isAdmin() || (actor.role() == Role.MANAGER && actor.teamId() != null
				&& (actor.teamId().equals(teamId)
						|| (userId != null && users.find(userId).map(UserSummary::teamId).filter(actor.teamId()::equals).isPresent())));
		if (!allowed) {
			throw new NotPermitted("set-targets");
		}
		String currency = currencies.corporateCurrency();
		BigDecimal rounded = Money.round(amount, currency);
		String column = userId != null ? "user_id" : "team_id";
		long ownerKey = userId != null ? userId : teamId;
		String before = jdbc.sql("select amount::text from sales_targets where " + column + " = ? and period_start = ? and period_end = ?")
			.params(ownerKey, Date.valueOf(period.start()), Date.valueOf(period.end())).query(String.class).optional()
			.orElse(null);
		jdbc.sql("delete from sales_targets where " + column + " = ? and period_start = ? and period_end = ?")
			.params(ownerKey, Date.valueOf(period.start()), Date.valueOf(period.end()))
			.update();
		long id = jdbc.sql("""
				insert into sales_targets (period_start, period_end, user_id, team_id, amount, currency)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(Date.valueOf(period.start()), Date.valueOf(period.end()), userId, teamId, rounded, currency)
			.query(Long.class)
			.single();
		audit.record(new AuditEvent(before == null ? "create" : "update", "sales-target", Long.toString(id),
				period.name() + " " + column + "=" + ownerKey,
				List.of(new FieldChange("amount", before, rounded.toPlainString()))));
		return list(period).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
	}

	/** Targets overlapping the period, with attainment. */
	@Transactional(readOnly = true)
	public List<Target> list(Period period) {
		String currency = currencies.corporateCurrency();
		record Row(long id, java.time.LocalDate start, java.time.LocalDate end, Long userId, Long teamId,
				BigDecimal amount) {
		}
		List<Row> rows = jdbc.sql("""
				select * from sales_targets where period_start <= ? and period_end >= ? order by period_start, id""")
			.params(Date.valueOf(period.end()), Date.valueOf(period.start()))
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getDate("period_start").toLocalDate(),
					rs.getDate("period_end").toLocalDate(), rs.getObject("user_id", Long.class),
					rs.getObject("team_id", Long.class), rs.getBigDecimal("amount")))
			.list();
		Map<Long, String> names = users.displayNames(rows.stream().map(Row::userId).filter(java.util.Objects::nonNull).toList());
		List<Target> targets = new ArrayList<>();
		for (Row r : rows) {
			Period p = new Period(r.start() + ".." + r.end(), r.start(), r.end());
			SalesReports.Filter filter = new SalesReports.Filter(p, null, r.userId(), r.teamId());
			BigDecimal achieved = achieved(filter, currency);
			String name = r.userId() != null ? names.get(r.userId()) : teamName(r.teamId());
			targets.add(new Target(r.id(), p.name(), r.start(), r.end(), r.userId(), r.teamId(), name,
					Money.round(r.amount(), currency), achieved, SalesReports.ratioDecimal(achieved, r.amount())));
		}
		return targets;
	}

	private String teamName(Long teamId) {
		return users.teamName(teamId).orElse("#" + teamId);
	}

	private BigDecimal achieved(SalesReports.Filter filter, String currency) {
		SqlQuery q = new SqlQuery();
		q.and("s.outcome = 'won' and d.closed_at >= " + q.param(SalesReports.startTs(filter.period()))
				+ " and d.closed_at < " + q.param(SalesReports.endTs(filter.period())));
		if (filter.ownerId() != null) {
			q.and("d.owner_id = " + q.param(filter.ownerId()));
		}
		if (filter.teamId() != null) {
			q.and("d.owner_id = any(" + q.param(users.teamMembers(filter.teamId()).stream().map(UserSummary::id)
				.toArray(Long[]::new)) + ")");
		}
		BigDecimal sum = jdbc.sql("select coalesce(sum("
				+ CurrencyManagement.toCorporateSql("d.amount", "d.currency", "d.closed_at::date")
				+ "), 0) from deals d join pipeline_stages s on s.id = d.stage_id where " + q.where())
			.params(q.params())
			.query(BigDecimal.class)
			.single();
		return Money.round(sum, currency);
	}

}
