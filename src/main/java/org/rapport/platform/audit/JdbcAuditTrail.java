package org.rapport.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail on PostgreSQL. Each entry's hash covers its content and the previous entry's hash;
 * an advisory lock held to the end of the writing transaction keeps the chain in commit order
 * across all nodes. Rows cannot be updated or deleted (a trigger refuses it), and an edit made
 * around the trigger breaks the chain, which {@link #verify()} reports.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(JdbcAuditTrail.class);

	/** Advisory lock key serialising chain appends ("RAPPORTA"). */
	static final long CHAIN_LOCK = 0x5241505041525441L;

	static final String GENESIS = "0".repeat(64);

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	private final Clock clock;

	private volatile Boolean lastIntact;

	JdbcAuditTrail(JdbcClient jdbc, DataSource dataSource, JsonMapper json, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.template = new JdbcTemplate(dataSource);
		this.template.setFetchSize(1000);
		this.json = json;
		this.clock = clock;
		meters.gauge("rapport.audit.chain.intact", this, t -> Boolean.FALSE.equals(t.lastIntact) ? 0 : 1);
	}

	/**
	 * Takes the entry now (actor, time, content) but appends it just before the transaction commits,
	 * together with the transaction's other entries: the chain's advisory lock is then held only for
	 * the appends and the commit, not for the rest of the business transaction, so concurrent
	 * writers queue for milliseconds instead of for each other's whole requests.
	 */
	@Override
	@Transactional
	public void record(AuditEvent event) {
		Actor actor = Actor.find().orElse(Actor.SYSTEM);
		Pending pending = new Pending(actor, clock.instant().truncatedTo(ChronoUnit.MICROS), event,
				json.writeValueAsString(event.changes()));
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			append(List.of(pending));
			return;
		}
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof AppendBeforeCommit batch) {
				batch.pending.add(pending);
				return;
			}
		}
		AppendBeforeCommit batch = new AppendBeforeCommit();
		batch.pending.add(pending);
		TransactionSynchronizationManager.registerSynchronization(batch);
	}

	private record Pending(Actor actor, Instant at, AuditEvent event, String changes) {
	}

	/**
	 * The entries of one transaction, appended to the chain in order just before it commits. Entries taken
	 * inside a savepoint that is rolled back are dropped with the writes they describe (an import rolls back
	 * a refused row's savepoint and keeps the rest of its batch).
	 */
	private final class AppendBeforeCommit implements TransactionSynchronization {

		private final List<Pending> pending = new ArrayList<>();

		/** How many entries were pending when each savepoint known to this batch was set. */
		private final java.util.Map<Object, Integer> savepoints = new java.util.IdentityHashMap<>();

		@Override
		public void savepoint(Object savepoint) {
			savepoints.put(savepoint, pending.size());
		}

		@Override
		public void savepointRollback(Object savepoint) {
			// a savepoint set before this batch was registered holds all its entries
			Integer size = savepoints.remove(savepoint);
			pending.subList(size == null ? 0 : Math.min(size, pending.size()), pending.size()).clear();
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			append(pending);
		}

		@Override
		public int getOrder() {
			// after other before-commit work, so the lock is taken last
			return LOWEST_PRECEDENCE;
		}

	}

	private void append(List<Pending> entries) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, i) -> 1).list();
		String previous = jdbc.sql("select hash from audit_log order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		// ids in one query and the rows in one JDBC batch: a transaction that writes many records (an
		// import's batch) appends many entries; ids are taken under the lock, so they follow the chain
		List<Long> ids = jdbc.sql("select nextval('audit_log_id_seq') from generate_series(1, ?) order by 1")
			.param(entries.size())
			.query(Long.class)
			.list();
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			Pending p = entries.get(i);
			long id = ids.get(i);
			AuditEvent event = p.event();
			Entry entry = new Entry(id, p.at(), p.actor().id(), p.actor().displayName(), event.action(),
					event.entityType(), event.entityId(), event.summary(), p.changes(), previous, null);
			String hash = hash(entry);
			rows.add(new Object[] { id, Timestamp.from(p.at()), p.actor().id(), p.actor().displayName(), event.action(),
					event.entityType(), event.entityId(), event.summary(), p.changes(), previous, hash });
			previous = hash;
		}
		template.batchUpdate("""
				insert into audit_log (id, occurred_at, actor_id, actor_name, action, entity_type, entity_id,
				                       summary, changes, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditRecord> history(String entityType, String entityId, int limit, Long beforeId) {
		return jdbc.sql("""
				select * from audit_log
				where entity_type = ? and entity_id = ? and id < ?
				order by id desc limit ?""")
			.params(entityType, entityId, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
			.query((rs, i) -> toRecord(read(rs)))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		Instant started = clock.instant();
		long[] checked = { 0 };
		String[] expectedPrev = { GENESIS };
		Long[] brokenId = { null };
		String[] reason = { null };
		template.query("select * from audit_log order by id", rs -> {
			if (brokenId[0] != null) {
				return;
			}
			Entry entry = read(rs);
			checked[0]++;
			if (!entry.prevHash().equals(expectedPrev[0])) {
				brokenId[0] = entry.id();
				reason[0] = "Entry " + entry.id()
						+ " does not follow the entry before it: entries were removed or inserted here";
			}
			else if (!hash(entry).equals(entry.hash())) {
				brokenId[0] = entry.id();
				reason[0] = "Entry " + entry.id() + " was altered after it was written";
			}
			expectedPrev[0] = entry.hash();
		});
		boolean intact = brokenId[0] == null;
		lastIntact = intact;
		if (!intact) {
			log.error("Audit chain broken: {}", reason[0]);
		}
		return new ChainVerification(intact, checked[0], brokenId[0], reason[0], started);
	}

	private static Entry read(ResultSet rs) throws SQLException {
		Long actorId = rs.getObject("actor_id", Long.class);
		return new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), actorId, rs.getString("actor_name"), rs.getString("action"),
				rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("summary"),
				rs.getString("changes"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	private AuditRecord toRecord(Entry e) {
		List<FieldChange> changes;
		try {
			changes = json.readValue(e.changes(), CHANGES);
		}
		catch (RuntimeException ex) {
			changes = List.of();
		}
		return new AuditRecord(e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.action(), e.entityType(),
				e.entityId(), e.summary(), changes, e.hash());
	}

	/** SHA-256 over the entry's content and the previous hash, as a JSON array (unambiguous). */
	String hash(Entry e) {
		List<Object> content = new ArrayList<>(Arrays.asList(e.id(), e.occurredAt().toString(), e.actorId(),
				e.actorName(), e.action(), e.entityType(), e.entityId(), e.summary(), e.changes(), e.prevHash()));
		byte[] canonical = json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Entry(long id, Instant occurredAt, Long actorId, String actorName, String action, String entityType,
			String entityId, String summary, String changes, String prevHash, String hash) {
	}

}
