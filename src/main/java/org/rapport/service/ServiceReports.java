package org.rapport.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.platform.Actor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.data.SqlQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service metrics over a period [from, to), on the tickets the actor may see: CSAT, NPS, first
 * response and resolution times in business minutes (median and 90th percentile), SLA attainment,
 * backlog, reopen rate and complaints, overall and by agent, team, queue and category.
 */
@Service
public class ServiceReports {

	private final JdbcClient jdbc;

	private final TicketAccess access;

	private final UserDirectory users;

	private final org.rapport.customers.ContactManagement contacts;

	private final org.rapport.customers.AccountManagement accounts;

	private final Clock clock;

	ServiceReports(JdbcClient jdbc, TicketAccess access, UserDirectory users,
			org.rapport.customers.ContactManagement contacts, org.rapport.customers.AccountManagement accounts, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.contacts = contacts;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * The report.
	 *
	 * @param from period start (inclusive)
	 * @param to period end (exclusive)
	 * @param csat mean CSAT score (1–5) of the answers given in the period
	 * @param csatSatisfiedPercent percentage of those answers scoring 4 or 5
	 * @param csatResponses how many answers
	 * @param nps NPS: % promoters (9–10) − % detractors (0–6) of the NPS answers given in the period
	 * @param npsResponses how many answers
	 * @param npsPromotersPercent % promoters
	 * @param npsDetractorsPercent % detractors
	 * @param firstResponseMedianMinutes median business minutes to the first reply, of first replies in the period
	 * @param firstResponseP90Minutes their 90th percentile
	 * @param resolutionMedianMinutes median business minutes to resolution, of tickets resolved in the period
	 * @param resolutionP90Minutes their 90th percentile
	 * @param slaAttainment % of tickets resolved in the period that met both targets
	 * @param created tickets opened in the period
	 * @param resolved tickets resolved in the period
	 * @param backlog tickets open at the end of the period
	 * @param reopenRate reopenings per resolution in the period, in %
	 * @param complaints complaint tickets opened in the period
	 * @param complaintsBySeverity by severity
	 * @param complaintsByRootCause by root cause
	 * @param byAgent per agent
	 * @param byTeam per team
	 * @param byQueue per queue
	 * @param byCategory per category
	 */
	public record ServiceReport(Instant from, Instant to, Double csat, Double csatSatisfiedPercent, long csatResponses,
			Double nps, long npsResponses, Double npsPromotersPercent, Double npsDetractorsPercent,
			Double firstResponseMedianMinutes, Double firstResponseP90Minutes, Double resolutionMedianMinutes,
			Double resolutionP90Minutes, Double slaAttainment, long created, long resolved, long backlog,
			Double reopenRate, long complaints, Map<String, Long> complaintsBySeverity,
			Map<String, Long> complaintsByRootCause, List<Group> byAgent, List<Group> byTeam, List<Group> byQueue,
			List<Group> byCategory) {
	}

	/**
	 * One group's figures.
	 *
	 * @param key the agent, team or queue id, or the category
	 * @param label its name
	 * @param resolved tickets resolved in the period
	 * @param firstResponseMedianMinutes median business minutes to first reply
	 * @param resolutionMedianMinutes median business minutes to resolution
	 * @param slaAttainment % of resolved ones within both targets
	 * @param csat mean CSAT
	 * @param csatResponses CSAT answers
	 */
	public record Group(String key, String label, long resolved, Double firstResponseMedianMinutes,
			Double resolutionMedianMinutes, Double slaAttainment, Double csat, long csatResponses) {
	}

	@Transactional(readOnly = true)
	public ServiceReport report(Instant from, Instant to, Long queueId) {
		return report(from, to, queueId, null, null);
	}

	/**
	 * The report, optionally for one queue, one contact or one account (the contact and account pages'
	 * figures; NPS then counts only that contact's, or the account's contacts', answers).
	 */
	@Transactional(readOnly = true)
	public ServiceReport report(Instant from, Instant to, Long queueId, Long contactId, Long accountId) {
		Instant end = to == null ? clock.instant() : to;
		Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
		if (!start.isBefore(end)) {
			throw InvalidInput.of("from", "after-to", "from must be before to");
		}
		if (Duration.between(start, end).toDays() > 3700) {
			throw InvalidInput.of("to", "out-of-range", "At most ten years");
		}
		Actor actor = Actor.current();
		SqlQuery q = new SqlQuery();
		q.and(access.visible(actor, q));
		if (queueId != null) {
			q.and("t.queue_id = " + q.param(queueId));
		}
		List<Long> npsContacts = null;
		if (contactId != null) {
			contacts.get(contactId);
			q.and("t.contact_id = " + q.param(contactId));
			npsContacts = List.of(contactId);
		}
		if (accountId != null) {
			accounts.get(accountId);
			q.and("t.account_id = " + q.param(accountId));
			List<Long> ofAccount = new ArrayList<>();
			String cursor = null;
			do {
				var page = contacts.list(new org.rapport.customers.ContactQuery(null, null, accountId, null, null, null, null,
						200, cursor));
				page.items().forEach(c -> ofAccount.add(c.id()));
				cursor = page.nextCursor();
			}
			while (cursor != null && ofAccount.size() < 100_000);
			npsContacts = ofAccount;
		}
		String f = q.param(Timestamp.from(start));
		String e = q.param(Timestamp.from(end));
		String base = " from tickets t left join service_queues q on q.id = t.queue_id where " + q.where();
		String resolvedIn = "t.resolved_at >= " + f + " and t.resolved_at < " + e;
		String respondedIn = "t.first_responded_at >= " + f + " and t.first_responded_at < " + e;
		Object[] times = jdbc.sql("select "
				+ "percentile_cont(0.5) within group (order by t.first_response_minutes) filter (where " + respondedIn + "), "
				+ "percentile_cont(0.9) within group (order by t.first_response_minutes) filter (where " + respondedIn + "), "
				+ "percentile_cont(0.5) within group (order by t.resolution_minutes) filter (where " + resolvedIn + "), "
				+ "percentile_cont(0.9) within group (order by t.resolution_minutes) filter (where " + resolvedIn + "), "
				+ "count(*) filter (where " + resolvedIn + "), "
				+ "count(*) filter (where " + resolvedIn + " and not t.first_response_breached and not t.resolution_breached), "
				+ "count(*) filter (where t.created_at >= " + f + " and t.created_at < " + e + "), "
				+ "count(*) filter (where t.created_at < " + e + " and (t.resolved_at is null or t.resolved_at >= " + e
				+ ") and (t.closed_at is null or t.closed_at >= " + e + ")), "
				+ "count(*) filter (where t.type = 'complaint' and t.created_at >= " + f + " and t.created_at < " + e + ")"
				+ base)
			.params(q.params())
			.query((rs, i) -> new Object[] { num(rs, 1), num(rs, 2), num(rs, 3), num(rs, 4), rs.getLong(5), rs.getLong(6),
					rs.getLong(7), rs.getLong(8), rs.getLong(9) })
			.single();
		long resolved = (long) times[4];
		Double attainment = resolved == 0 ? null : round(100.0 * (long) times[5] / resolved);

		Object[] csat = jdbc.sql("select avg(s.score), count(*) filter (where s.score >= 4), count(*)"
				+ " from surveys s join tickets t on t.id = s.ticket_id left join service_queues q on q.id = t.queue_id"
				+ " where s.kind = 'csat' and s.answered_at >= " + f + " and s.answered_at < " + e + " and " + q.where())
			.params(q.params())
			.query((rs, i) -> new Object[] { num(rs, 1), rs.getLong(2), rs.getLong(3) })
			.single();
		long csatN = (long) csat[2];

		Object[] nps = jdbc.sql("""
				select count(*) filter (where score >= 9), count(*) filter (where score <= 6), count(*) from surveys
				where kind = 'nps' and answered_at >= ? and answered_at < ? and contact_id = any(?)""".replace(
				" and contact_id = any(?)", npsContacts == null ? " and cast(? as bigint[]) is not null" : " and contact_id = any(?)"))
			.params(Timestamp.from(start), Timestamp.from(end),
					npsContacts == null ? new Long[0] : npsContacts.toArray(Long[]::new))
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		long npsN = (long) nps[2];
		Double promoters = npsN == 0 ? null : 100.0 * (long) nps[0] / npsN;
		Double detractors = npsN == 0 ? null : 100.0 * (long) nps[1] / npsN;

		long[] reopen = jdbc.sql("select count(*) filter (where h.from_status = 'resolved' and h.to_status = 'open'), "
				+ "count(*) filter (where h.to_status = 'resolved') from ticket_status_history h join tickets t on t.id = h.ticket_id"
				+ " left join service_queues q on q.id = t.queue_id where h.changed_at >= " + f + " and h.changed_at < " + e
				+ " and " + q.where())
			.params(q.params())
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();

		Map<String, Long> bySeverity = new LinkedHashMap<>();
		Map<String, Long> byRootCause = new LinkedHashMap<>();
		String complaintIn = " and t.type = 'complaint' and t.created_at >= " + f + " and t.created_at < " + e;
		jdbc.sql("select coalesce(t.severity, '-'), count(*)" + base + complaintIn + " group by 1 order by 2 desc, 1")
			.params(q.params())
			.query(rs -> {
				bySeverity.put(rs.getString(1), rs.getLong(2));
			});
		jdbc.sql("select coalesce(t.root_cause, '-'), count(*)" + base + complaintIn + " group by 1 order by 2 desc, 1")
			.params(q.params())
			.query(rs -> {
				byRootCause.put(rs.getString(1), rs.getLong(2));
			});

		return new ServiceReport(start, end, round((Double) csat[0]),
				csatN == 0 ? null : round(100.0 * (long) csat[1] / csatN), csatN,
				npsN == 0 ? null : round(promoters - detractors), npsN, round(promoters), round(detractors),
				round((Double) times[0]), round((Double) times[1]), round((Double) times[2]), round((Double) times[3]),
				attainment, (long) times[6], resolved, (long) times[7],
				reopen[1] == 0 ? null : round(100.0 * reopen[0] / reopen[1]), (long) times[8], bySeverity, byRootCause,
				groups("t.assignee_id::text", q, base, f, e, "agent"), groups("q.team_id::text", q, base, f, e, "team"),
				groups("t.queue_id::text", q, base, f, e, "queue"), groups("t.category", q, base, f, e, "category"));
	}

	private List<Group> groups(String key, SqlQuery q, String base, String f, String e, String kind) {
		String resolvedIn = "t.resolved_at >= " + f + " and t.resolved_at < " + e;
		String respondedIn = "t.first_responded_at >= " + f + " and t.first_responded_at < " + e;
		Map<String, Object[]> csat = new LinkedHashMap<>();
		jdbc.sql("select " + key + ", avg(s.score), count(*)"
				+ " from surveys s join tickets t on t.id = s.ticket_id left join service_queues q on q.id = t.queue_id"
				+ " where s.kind = 'csat' and s.answered_at >= " + f + " and s.answered_at < " + e + " and " + q.where()
				+ " group by 1")
			.params(q.params())
			.query(rs -> {
				csat.put(rs.getString(1), new Object[] { num(rs, 2), rs.getLong(3) });
			});
		List<Group> rows = new ArrayList<>();
		jdbc.sql("select " + key + ", count(*) filter (where " + resolvedIn + "), "
				+ "percentile_cont(0.5) within group (order by t.first_response_minutes) filter (where " + respondedIn + "), "
				+ "percentile_cont(0.5) within group (order by t.resolution_minutes) filter (where " + resolvedIn + "), "
				+ "count(*) filter (where " + resolvedIn + " and not t.first_response_breached and not t.resolution_breached)"
				+ base + " and (" + resolvedIn + " or " + respondedIn + ") group by 1 order by 2 desc, 1")
			.params(q.params())
			.query(rs -> {
				String k = rs.getString(1);
				long n = rs.getLong(2);
				Object[] c = csat.getOrDefault(k, new Object[] { null, 0L });
				rows.add(new Group(k, k, n, round(num(rs, 3)), round(num(rs, 4)), n == 0 ? null : round(100.0 * rs.getLong(5) / n),
						round((Double) c[0]), (long) c[1]));
			});
		return label(rows, kind);
	}

	private List<Group> label(List<Group> rows, String kind) {
		Map<String, String> labels = new LinkedHashMap<>();
		if ("agent".equals(kind)) {
			users.displayNames(rows.stream().filter(g -> g.key() != null).map(g -> Long.parseLong(g.key())).toList())
				.forEach((id, name) -> labels.put(Long.toString(id), name));
		}
		else if ("team".equals(kind)) {
			rows.stream().filter(g -> g.key() != null).forEach(g -> labels.put(g.key(),
					users.teamName(Long.parseLong(g.key())).orElse(g.key())));
		}
		else if ("queue".equals(kind)) {
			jdbc.sql("select id::text, name from service_queues").query(rs -> {
				labels.put(rs.getString(1), rs.getString(2));
			});
		}
		return rows.stream().map(g -> new Group(g.key(), g.key() == null ? "—" : labels.getOrDefault(g.key(), g.key()),
				g.resolved(), g.firstResponseMedianMinutes(), g.resolutionMedianMinutes(), g.slaAttainment(), g.csat(),
				g.csatResponses())).toList();
	}

	private static Double num(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	private static Double round(Double v) {
		return v == null ? null : Math.round(v * 100.0) / 100.0;
	}

}
