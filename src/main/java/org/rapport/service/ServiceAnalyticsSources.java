package org.rapport.service;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.analytics.CustomerSignals;
import org.rapport.analytics.SatisfactionScores;
import org.rapport.platform.Actor;
import org.rapport.platform.data.SqlQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service module's figures for analytics: each customer's tickets, complaints and satisfaction as
 * churn-model features, and the monthly CSAT and NPS trend of the KPI dashboard.
 */
@Component
class ServiceAnalyticsSources implements CustomerSignals, SatisfactionScores {

	/** Tickets opened in this many days before the day count as recent. */
	static final int RECENT_DAYS = 180;

	private final JdbcClient jdbc;

	private final TicketAccess access;

	ServiceAnalyticsSources(JdbcClient jdbc, TicketAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/**
	 * Per customer with tickets or answers by the end of the day: {@code tickets180} (tickets opened in
	 * the 180 days up to the day), {@code complaints365} (complaints in the year up to it) and
	 * {@code csat} (mean of their CSAT answers in that year; absent without answers).
	 */
	@Override
	@Transactional(readOnly = true)
	public Map<Long, Map<String, Double>> asOf(LocalDate day, Collection<Long> only) {
		Long[] ids = only == null ? new Long[0] : only.toArray(Long[]::new);
		String among = only == null ? " and cast(? as bigint[]) is not null" : " and contact_id = any(?)";
		Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		Timestamp recent = Timestamp.from(day.plusDays(1).minusDays(RECENT_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant());
		Timestamp year = Timestamp.from(day.plusDays(1).minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		Map<Long, Map<String, Double>> out = new HashMap<>();
		jdbc.sql("""
				select contact_id, count(*) filter (where created_at >= ?), count(*) filter (where type = 'complaint')
				from tickets where contact_id is not null and created_at >= ? and created_at < ?""" + among
				+ " group by contact_id")
			.params(recent, year, end, ids)
			.query(rs -> {
				Map<String, Double> f = out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>());
				f.put("tickets180", (double) rs.getLong(2));
				f.put("complaints365", (double) rs.getLong(3));
			});
		jdbc.sql("""
				select contact_id, avg(score) from surveys where kind = 'csat' and contact_id is not null
				and answered_at >= ? and answered_at < ? and score is not null""" + among + " group by contact_id")
			.params(year, end, ids)
			.query(rs -> {
				out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put("csat", rs.getDouble(2));
			});
		return out;
	}

	@Override
	public Map<String, Double> valuesWhenAbsent() {
		return Map.of("tickets180", 0.0, "complaints365", 0.0);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Month> monthly(LocalDate from, LocalDate to, Long teamId, Collection<Long> contactIds) {
		Map<String, double[]> months = new LinkedHashMap<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			months.put(m.toString(), new double[5]);
		}
		Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		Long[] contacts = contactIds == null ? null : contactIds.toArray(Long[]::new);
		SqlQuery q = new SqlQuery();
		q.and(access.visible(Actor.current(), q));
		q.and("s.kind = 'csat' and s.score is not null and s.answered_at >= " + q.param(start) + " and s.answered_at < "
				+ q.param(end));
		if (teamId != null) {
			q.and("q.team_id = " + q.param(teamId));
		}
		if (contacts != null) {
			q.and("s.contact_id = any(" + q.param(contacts) + ")");
		}
		jdbc.sql("select to_char(s.answered_at at time zone 'UTC', 'YYYY-MM'), sum(s.score), count(*) from surveys s"
				+ " join tickets t on t.id = s.ticket_id left join service_queues q on q.id = t.queue_id where " + q.where()
				+ " group by 1")
			.params(q.params())
			.query(rs -> {
				double[] m = months.get(rs.getString(1));
				if (m != null) {
					m[0] = rs.getDouble(2);
					m[1] = rs.getLong(3);
				}
			});
		// NPS asks about the company, not a ticket: all answers, or the given customers'
		jdbc.sql("select to_char(answered_at at time zone 'UTC', 'YYYY-MM'), count(*) filter (where score >= 9),"
				+ " count(*) filter (where score <= 6), count(*) from surveys where kind = 'nps' and score is not null"
				+ " and answered_at >= ? and answered_at < ?"
				+ (contacts == null ? " and cast(? as bigint[]) is not null" : " and contact_id = any(?)") + " group by 1")
			.params(start, end, contacts == null ? new Long[0] : contacts)
			.query(rs -> {
				double[] m = months.get(rs.getString(1));
				if (m != null) {
					m[2] = rs.getLong(2);
					m[3] = rs.getLong(3);
					m[4] = rs.getLong(4);
				}
			});
		List<Month> out = new ArrayList<>();
		months.forEach((k, m) -> out.add(new Month(k, m[1] == 0 ? null : round(m[0] / m[1]), (long) m[1],
				m[4] == 0 ? null : round(100 * (m[2] - m[3]) / m[4]), (long) m[4])));
		return out;
	}

	private static Double round(double v) {
		return Math.round(v * 100) / 100.0;
	}

}
