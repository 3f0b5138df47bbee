package org.rapport.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rapport.analytics.CustomerTexts;
import org.rapport.platform.Actor;
import org.rapport.platform.data.SqlQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers' own words the service module keeps, for analytics' sentiment: ticket subjects and
 * descriptions, customers' messages on tickets, and CSAT and NPS comments with their scores.
 */
@Component
class ServiceCustomerTexts implements CustomerTexts {

	private final JdbcClient jdbc;

	private final TicketAccess access;

	ServiceCustomerTexts(JdbcClient jdbc, TicketAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Text> rated() {
		return jdbc.sql("""
				select kind, id, contact_id, answered_at, comment, score from surveys
				where answered_at is not null and score is not null and comment is not null and btrim(comment) <> ''
				order by answered_at, id""")
			.query((rs, i) -> text(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Text> written(Instant from, Instant to, Collection<Long> contactIds) {
		Long[] ids = contactIds == null ? new Long[0] : contactIds.toArray(Long[]::new);
		String among = contactIds == null ? " and cast(? as bigint[]) is not null" : " and %s = any(?)";
		Timestamp start = Timestamp.from(from);
		Timestamp end = Timestamp.from(to);
		List<Text> out = new java.util.ArrayList<>();
		out.addAll(jdbc.sql("select 'ticket', id, contact_id, created_at, btrim(coalesce(subject, '') || E'\\n'"
				+ " || coalesce(description, '')), null::integer from tickets where contact_id is not null and created_at >= ?"
				+ " and created_at < ?" + among.formatted("contact_id"))
			.params(start, end, ids)
			.query((rs, i) -> text(rs))
			.list());
		out.addAll(jdbc.sql("select 'reply', r.id, t.contact_id, r.created_at, r.body, null::integer from ticket_replies r"
				+ " join tickets t on t.id = r.ticket_id where r.author_kind = 'customer' and t.contact_id is not null"
				+ " and r.created_at >= ? and r.created_at < ?" + among.formatted("t.contact_id"))
			.params(start, end, ids)
			.query((rs, i) -> text(rs))
			.list());
		out.addAll(jdbc.sql("select kind, id, contact_id, answered_at, comment, score from surveys where contact_id is not null"
				+ " and comment is not null and btrim(comment) <> '' and answered_at >= ? and answered_at < ?"
				+ among.formatted("contact_id"))
			.params(start, end, ids)
			.query((rs, i) -> text(rs))
			.list());
		out.sort(Comparator.comparing(Text::at).thenComparing(Text::source).thenComparingLong(Text::id));
		return out;
	}

	/** Ticket descriptions and messages of tickets the actor may see; survey comments likewise, when on a ticket. */
	@Override
	@Transactional(readOnly = true)
	public List<Text> readableBy(Actor actor, List<Text> texts) {
		if (texts.isEmpty() || access.scope(actor).all()) {
			return texts;
		}
		Set<Long> tickets = readable(actor, "select t.id from tickets t left join service_queues q on q.id = t.queue_id"
				+ " where t.id = any(%s) and %s", ids(texts, "ticket"));
		Set<Long> replies = readable(actor, "select r.id from ticket_replies r join tickets t on t.id = r.ticket_id"
				+ " left join service_queues q on q.id = t.queue_id where r.id = any(%s) and %s", ids(texts, "reply"));
		Set<Long> surveys = readable(actor, "select s.id from surveys s left join tickets t on t.id = s.ticket_id"
				+ " left join service_queues q on q.id = t.queue_id where s.id = any(%s) and (s.ticket_id is null or %s)",
				ids(texts, "csat", "nps"));
		return texts.stream().filter(t -> switch (t.source()) {
			case "ticket" -> tickets.contains(t.id());
			case "reply" -> replies.contains(t.id());
			case "csat", "nps" -> surveys.contains(t.id());
			default -> true;
		}).toList();
	}

	private static Long[] ids(List<Text> texts, String... sources) {
		List<String> wanted = List.of(sources);
		return texts.stream().filter(t -> wanted.contains(t.source())).map(Text::id).distinct().toArray(Long[]::new);
	}

	private Set<Long> readable(Actor actor, String sql, Long[] ids) {
		if (ids.length == 0) {
			return Set.of();
		}
		SqlQuery q = new SqlQuery();
		String among = q.param(ids);
		String visible = access.visible(actor, q);
		return new HashSet<>(jdbc.sql(sql.formatted(among, visible)).params(q.params()).query(Long.class).list());
	}

	private static Text text(ResultSet rs) throws SQLException {
		return new Text(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3, Long.class), rs.getTimestamp(4).toInstant(),
				rs.getString(5), (Integer) rs.getObject(6, Integer.class));
	}

}
