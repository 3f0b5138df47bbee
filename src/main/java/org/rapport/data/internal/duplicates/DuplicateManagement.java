package org.rapport.data.internal.duplicates;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.customers.AccountManagement;
import org.rapport.customers.ContactManagement;
import org.rapport.data.internal.matching.Candidate;
import org.rapport.platform.Cursor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Page;
import org.rapport.platform.RecordNotFound;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Candidate duplicate pairs: found by the scan of all records ({@link DuplicateScans}: nightly, or on demand) and
 * by imports, reviewed by users (dismissed or merged). A user sees a pair only if they see both records.
 */
@Service
public class DuplicateManagement {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	private final ContactManagement contacts;

	private final AccountManagement accounts;

	DuplicateManagement(JdbcClient jdbc, Clock clock, JsonMapper json, ContactManagement contacts,
			AccountManagement accounts) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
		this.contacts = contacts;
		this.accounts = accounts;
	}

	/**
	 * A candidate pair.
	 *
	 * @param ids the two record ids, smaller first
	 * @param names their display names, as the user sees them
	 */
	public record Pair(long id, String entity, List<Long> ids, List<String> names, double score, List<String> reasons,
			String status, String source) {
	}

	/** The entity named, contacts or accounts; 400 naming the field {@code entity} otherwise. */
	public static String entityOf(String entity) {
		return entity(entity);
	}

	static String entity(String entity) {
		String e = entity == null ? "contacts" : entity.strip();
		if (!e.equals("contacts") && !e.equals("accounts")) {
			throw InvalidInput.of("entity", "one-of", "One of contacts, accounts");
		}
		return e;
	}

	@Transactional(readOnly = true)
	public Page<Pair> list(String entity, String status, Integer limit, String cursor) {
		String e = entity(entity);
		String s = status == null || status.isBlank() ? "open" : status.strip();
		if (!Set.of("open", "dismissed", "merged").contains(s)) {
			throw InvalidInput.of("status", "one-of", "One of open, dismissed, merged");
		}
		int size = limit == null ? 25 : limit;
		if (size < 1 || size > 200) {
			throw InvalidInput.of("limit", "range", "1 to 200");
		}
		Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, "score");
		double afterScore = after == null ? 2 : parse(after.key());
		long afterId = after == null ? 0 : after.id();
		List<Pair> items = new ArrayList<>();
		String next = null;
		// keyset over (score desc, id); pairs the user cannot see in full are passed over
		while (items.size() < size) {
			List<Pair> batch = jdbc.sql("""
					select id, entity, left_id, right_id, score, reasons::text reasons, status, source
					from duplicate_candidates
					where entity = ? and status = ? and (score < ? or (score = ? and id > ?))
					order by score desc, id limit ?""")
				.params(e, s, afterScore, afterScore, afterId, size * 2)
				.query((rs, n) -> new Pair(rs.getLong("id"), rs.getString("entity"),
						List.of(rs.getLong("left_id"), rs.getLong("right_id")), List.of(), rs.getDouble("score"),
						json.readValue(rs.getString("reasons"), new TypeReference<List<String>>() {
						}), rs.getString("status"), rs.getString("source")))
				.list();
			if (batch.isEmpty()) {
				break;
			}
			Set<Long> ids = new HashSet<>();
			batch.forEach(p -> ids.addAll(p.ids()));
			Map<Long, String> names = e.equals("contacts") ? contacts.visibleNames(ids) : accounts.visibleNames(ids);
			for (Pair p : batch) {
				afterScore = p.score();
				afterId = p.id();
				if (names.containsKey(p.ids().get(0)) && names.containsKey(p.ids().get(1))) {
					items.add(new Pair(p.id(), p.entity(), p.ids(), List.of(names.get(p.ids().get(0)), names.get(p.ids().get(1))),
							p.score(), p.reasons(), p.status(), p.source()));
					if (items.size() == size) {
						break;
					}
				}
			}
			if (items.size() == size) {
				next = new Cursor("score", Double.toString(afterScore), afterId).encode();
			}
			if (batch.size() < size * 2) {
				break;
			}
		}
		return new Page<>(items, next);
	}

	private static double parse(String key) {
		try {
			return Double.parseDouble(key);
		}
		catch (RuntimeException ex) {
			throw InvalidInput.of("cursor", "invalid", "Not a cursor of this list; start again without it");
		}
	}

	@Transactional(readOnly = true)
	public Pair get(long id) {
		Pair pair = jdbc.sql("select id, entity, left_id, right_id, score, reasons::text reasons, status, source from duplicate_candidates where id = ?")
			.param(id)
			.query((rs, n) -> new Pair(rs.getLong("id"), rs.getString("entity"),
					List.of(rs.getLong("left_id"), rs.getLong("right_id")), List.of(), rs.getDouble("score"),
					json.readValue(rs.getString("reasons"), new TypeReference<List<String>>() {
					}), rs.getString("status"), rs.getString("source")))
			.optional()
			.orElseThrow(() -> new RecordNotFound("duplicate", id));
		Map<Long, String> names = pair.entity().equals("contacts") ? contacts.visibleNames(pair.ids())
				: accounts.visibleNames(pair.ids());
		if (!names.containsKey(pair.ids().get(0)) || !names.containsKey(pair.ids().get(1))) {
			throw new RecordNotFound("duplicate", id);
		}
		return new Pair(pair.id(), pair.entity(), pair.ids(), List.of(names.get(pair.ids().get(0)), names.get(pair.ids().get(1))),
				pair.score(), pair.reasons(), pair.status(), pair.source());
	}

	@Transactional
	public Pair dismiss(long id) {
		get(id);
		jdbc.sql("update duplicate_candidates set status = 'dismissed' where id = ? and status = 'open'").param(id).update();
		return get(id);
	}

	/** Open candidates of an entity (for the data quality page). */
	@Transactional(readOnly = true)
	public long openCount(String entity) {
		return jdbc.sql("select count(*) from duplicate_candidates where entity = ? and status = 'open'")
			.param(entity(entity))
			.query(Long.class)
			.single();
	}

	static String domain(String website) {
		if (website == null || website.isBlank()) {
			return null;
		}
		String d = website.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
		int slash = d.indexOf('/');
		return slash >= 0 ? d.substring(0, slash) : d;
	}

	@Transactional
	public long store(String entity, List<Candidate> found, String source) {
		long inserted = 0;
		Timestamp now = Timestamp.from(clock.instant());
		for (Candidate c : found) {
			long a = Long.parseLong(c.left());
			long b = Long.parseLong(c.right());
			inserted += jdbc.sql("""
					insert into duplicate_candidates (entity, left_id, right_id, score, reasons, source, found_at)
					values (?, ?, ?, ?, cast(? as jsonb), ?, ?)
					on conflict (entity, left_id, right_id) do update set score = excluded.score, reasons = excluded.reasons
					where duplicate_candidates.status = 'open'""")
				.params(entity, Math.min(a, b), Math.max(a, b), c.score(), json.writeValueAsString(c.reasons()), source, now)
				.update() > 0 ? 1 : 0;
		}
		return inserted;
	}

}
