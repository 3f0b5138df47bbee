package org.rapport.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.rapport.analytics.CustomerTexts;

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

	ServiceCustomerTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	private static Text text(ResultSet rs) throws SQLException {
		return new Text(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3, Long.class), rs.getTimestamp(4).toInstant(),
				rs.getString(5), (Integer) rs.getObject(6, Integer.class));
	}

}
