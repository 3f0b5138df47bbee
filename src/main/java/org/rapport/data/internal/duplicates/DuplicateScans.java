package org.rapport.data.internal.duplicates;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.rapport.customers.CustomerScans;
import org.rapport.data.internal.matching.Candidate;
import org.rapport.data.internal.matching.DuplicateDetector;
import org.rapport.data.internal.matching.MatchRecord;
import org.rapport.platform.Actor;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Scans of all contacts or all accounts for duplicates, as jobs with a row each: the row shows the
 * progress (phase, records read, blocks and pairs compared) and is the cluster-wide lock, since a
 * unique index admits one running scan at a time whichever node starts it (the nightly task, or a
 * user through the API or the review page). The running node renews the row's heartbeat every few
 * seconds; a scan whose heartbeat stopped (its node died) is marked failed by the next one to start.
 * Records are streamed from the customers module and kept only in their normalised form; pairs are
 * written in batches.
 */
@Service
public class DuplicateScans {

	private static final Logger log = LoggerFactory.getLogger(DuplicateScans.class);

	/** Pairs written per statement. */
	static final int STORE_BATCH = 1_000;

	/** How often the running scan writes its progress and heartbeat. */
	static final long PROGRESS_MILLIS = 2_000;

	/** A running scan without a heartbeat for this long is taken to have died with its node. */
	static final long ABANDONED_SECONDS = 120;

	private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	private final CustomerScans customers;

	private final int maxBlock;

	private final int window;

	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "duplicate-scan");
		t.setDaemon(true);
		return t;
	});

	private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "duplicate-scan-progress");
		t.setDaemon(true);
		return t;
	});

	DuplicateScans(JdbcClient jdbc, Clock clock, JsonMapper json, CustomerScans customers,
			@Value("${rapport.data.scan.max-block:50}") int maxBlock, @Value("${rapport.data.scan.window:6}") int window) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
		this.customers = customers;
		this.maxBlock = maxBlock;
		this.window = window;
	}

	/**
	 * A scan as reported.
	 *
	 * @param phase reading, blocking, comparing, storing, finished
	 * @param blocksTotal blocks of two or more records to compare (known once blocking is done)
	 * @param candidates pairs found at or above the threshold
	 * @param stored pairs inserted or updated (a dismissed or merged pair stays so)
	 * @param millis run time so far, or in all when finished
	 */
	public record Scan(long id, String entity, String status, String phase, String node, String trigger, long records,
			long blocksTotal, long blocksDone, long comparisons, long candidates, long stored, String error,
			Instant startedAt, Instant finishedAt, long millis) {

		/** Share of the blocks compared, 0–100 (reading and blocking count as 0). */
		public int percent() {
			if (status.equals("done")) {
				return 100;
			}
			return blocksTotal == 0 ? 0 : (int) Math.min(99, blocksDone * 100 / blocksTotal);
		}

		public boolean finished() {
			return !status.equals("running");
		}

	}

	/** Runs a scan now on this thread and returns it finished; 409 while another scan runs anywhere. */
	public Scan scan(String entity, String trigger) {
		long id = claim(DuplicateManagement.entity(entity), trigger);
		run(id);
		return get(id);
	}

	/** Starts a scan on this node's background thread and returns it running; 409 while another runs. */
	public Scan start(String entity) {
		long id = claim(DuplicateManagement.entity(entity), "user");
		background.execute(() -> {
			try {
				run(id);
			}
			catch (RuntimeException ex) {
				// already recorded on the scan's row by run
				log.debug("Background duplicate scan {} failed", id, ex);
			}
		});
		return get(id);
	}

	public Scan get(long id) {
		return jdbc.sql("select * from duplicate_scans where id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFound("duplicate-scan", id));
	}

	/** The latest scan of the entity, if there was one. */
	public Optional<Scan> latest(String entity) {
		return jdbc.sql("select * from duplicate_scans where entity = ? order by id desc limit 1")
			.param(DuplicateManagement.entity(entity))
			.query((rs, n) -> map(rs))
			.optional();
	}

	private Scan map(java.sql.ResultSet rs) throws java.sql.SQLException {
		Instant started = rs.getTimestamp("started_at").toInstant();
		Timestamp finished = rs.getTimestamp("finished_at");
		Instant end = finished != null ? finished.toInstant() : clock.instant();
		return new Scan(rs.getLong("id"), rs.getString("entity"), rs.getString("status"), rs.getString("phase"),
				rs.getString("node"), rs.getString("trigger"), rs.getLong("records"), rs.getLong("blocks_total"),
				rs.getLong("blocks_done"), rs.getLong("comparisons"), rs.getLong("candidates"), rs.getLong("stored"),
				rs.getString("error"), started, finished == null ? null : finished.toInstant(),
				Math.max(0, end.toEpochMilli() - started.toEpochMilli()));
	}

	/**
	 * Takes the cluster-wide lock: the scan's row, which the unique index on running scans admits only
	 * when none runs. Committed at once (no surrounding transaction), so every node sees it.
	 */
	long claim(String entity, String trigger) {
		Timestamp now = Timestamp.from(clock.instant());
		int abandoned = jdbc.sql("""
				update duplicate_scans set status = 'failed', phase = 'finished', finished_at = ?,
				  error = 'abandoned: no heartbeat from ' || node || ' since ' || heartbeat_at
				where status = 'running' and heartbeat_at < ?""")
			.params(now, Timestamp.from(clock.instant().minusSeconds(ABANDONED_SECONDS)))
			.update();
		if (abandoned > 0) {
			log.warn("Marked {} duplicate scan(s) without heartbeat as abandoned", abandoned);
		}
		Long startedBy = Actor.find().map(Actor::id).orElse(null);
		Optional<Long> id = jdbc.sql("""
				insert into duplicate_scans (entity, node, trigger, started_by, started_at, heartbeat_at)
				values (?, ?, ?, ?, ?, ?) on conflict do nothing returning id""")
			.params(entity, NODE, trigger, startedBy, now, now)
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			Scan running = jdbc.sql("select * from duplicate_scans where status = 'running' limit 1")
				.query((rs, n) -> map(rs))
				.optional()
				.orElse(null);
			throw new StateConflict("duplicate-scan-running",
					running == null ? "A duplicate scan is running" : "A duplicate scan of " + running.entity()
							+ " is running (scan " + running.id() + " on " + running.node() + ")",
					running == null ? 0 : running.id());
		}
		return id.get();
	}

	/** Reads, blocks, compares and stores; the row follows each step and ends done or failed. */
	void run(long id) {
		Scan scan = get(id);
		String entity = scan.entity();
		long started = System.nanoTime();
		long cpu = cpuNanos();
		DuplicateDetector detector = new DuplicateDetector(0.5, maxBlock, window);
		DuplicateDetector.RecordSet records = new DuplicateDetector.RecordSet();
		Progress progress = new Progress(id, detector, records);
		ScheduledFuture<?> reporting = reporter.scheduleWithFixedDelay(progress::report, PROGRESS_MILLIS,
				PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
		try {
			Actor.runAs(Actor.SYSTEM, () -> {
				if (entity.equals("contacts")) {
					customers.contacts(c -> records.add(MatchRecord.builder(Long.toString(c.id()))
						.givenName(c.firstName())
						.familyName(c.lastName())
						.email(c.email())
						.phone(c.phone())
						.organisation(c.company())
						.street(c.street())
						.city(c.city())
						.postcode(c.postalCode())
						.region(c.region())
						.build()));
				}
				else {
					customers.accounts(a -> records.add(MatchRecord.builder(Long.toString(a.id()))
						.organisation(a.name())
						.phone(a.phone())
						.street(a.street())
						.city(a.city())
						.postcode(a.postalCode())
						.email(DuplicateManagement.domain(a.website()))
						.build()));
				}
			});
			long read = System.nanoTime();
			progress.phase("blocking");
			long readCpu = cpuNanos();
			log.info("Duplicate scan {} of {}: {} records read in {} ms ({} ms CPU)", id, entity, records.size(),
					(read - started) / 1_000_000, (readCpu - cpu) / 1_000_000);
			List<Candidate> found = detector.deduplicate(records);
			long compared = System.nanoTime();
			progress.phase("storing");
			progress.report();
			log.info("Duplicate scan {} of {}: {} blocks, {} comparisons, {} candidates in {} ms ({} ms CPU)", id, entity,
					detector.blocksTotal(), detector.comparisons(), found.size(), (compared - read) / 1_000_000,
					(cpuNanos() - readCpu) / 1_000_000);
			long stored = store(id, entity, found);
			reporting.cancel(false);
			jdbc.sql("""
					update duplicate_scans set status = 'done', phase = 'finished', records = ?, blocks_total = ?,
					  blocks_done = ?, comparisons = ?, candidates = ?, stored = ?, heartbeat_at = ?, finished_at = ?
					where id = ?""")
				.params(records.size(), detector.blocksTotal(), detector.blocksDone(), detector.comparisons(),
						found.size(), stored, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id)
				.update();
			log.info("Duplicate scan {} of {}: {} records, {} comparisons, {} candidates ({} stored) in {} ms ({} ms CPU)",
					id, entity, records.size(), detector.comparisons(), found.size(), stored,
					(System.nanoTime() - started) / 1_000_000, (cpuNanos() - cpu) / 1_000_000);
		}
		catch (RuntimeException | Error ex) {
			reporting.cancel(false);
			log.error("Duplicate scan {} of {} failed", id, entity, ex);
			jdbc.sql("""
					update duplicate_scans set status = 'failed', phase = 'finished', error = ?, finished_at = ?
					where id = ?""")
				.params(String.valueOf(ex.getMessage()), Timestamp.from(clock.instant()), id)
				.update();
			throw ex;
		}
	}

	/**
	 * CPU time of the whole process so far: on a shared machine the wall time of a scan says more about
	 * the other load than about the scan, so the log gives both.
	 */
	private static long cpuNanos() {
		return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : 0;
	}

	/** Writes the pairs a statement per batch; returns how many were inserted or updated. */
	private long store(long scanId, String entity, List<Candidate> found) {
		Timestamp now = Timestamp.from(clock.instant());
		long stored = 0;
		for (int from = 0; from < found.size(); from += STORE_BATCH) {
			List<Candidate> batch = found.subList(from, Math.min(found.size(), from + STORE_BATCH));
			Long[] left = new Long[batch.size()];
			Long[] right = new Long[batch.size()];
			Double[] score = new Double[batch.size()];
			String[] reasons = new String[batch.size()];
			for (int k = 0; k < batch.size(); k++) {
				Candidate c = batch.get(k);
				long a = Long.parseLong(c.left());
				long b = Long.parseLong(c.right());
				left[k] = Math.min(a, b);
				right[k] = Math.max(a, b);
				score[k] = c.score();
				reasons[k] = json.writeValueAsString(c.reasons());
			}
			stored += jdbc.sql("""
					insert into duplicate_candidates (entity, left_id, right_id, score, reasons, source, found_at)
					select ?, l, r, s, cast(j as jsonb), 'scan', ?
					from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as float8[]), cast(? as text[])) as p (l, r, s, j)
					on conflict (entity, left_id, right_id) do update set score = excluded.score, reasons = excluded.reasons
					where duplicate_candidates.status = 'open'""")
				.params(entity, now, left, right, score, reasons)
				.update();
			jdbc.sql("update duplicate_scans set stored = ?, heartbeat_at = ? where id = ?")
				.params(stored, Timestamp.from(clock.instant()), scanId)
				.update();
		}
		return stored;
	}

	/** Writes a running scan's counters to its row (and the log now and then), renewing the heartbeat. */
	private final class Progress {

		private final long id;

		private final DuplicateDetector detector;

		private final DuplicateDetector.RecordSet records;

		private volatile String phase = "reading";

		private long lastLog = System.nanoTime();

		Progress(long id, DuplicateDetector detector, DuplicateDetector.RecordSet records) {
			this.id = id;
			this.detector = detector;
			this.records = records;
		}

		void phase(String phase) {
			this.phase = phase;
		}

		synchronized void report() {
			try {
				String p = phase.equals("blocking") && detector.blocksTotal() > 0 ? "comparing" : phase;
				jdbc.sql("""
						update duplicate_scans set phase = ?, records = ?, blocks_total = ?, blocks_done = ?,
						  comparisons = ?, heartbeat_at = ?
						where id = ? and status = 'running'""")
					.params(p, records.size(), detector.blocksTotal(), detector.blocksDone(), detector.comparisons(),
							Timestamp.from(clock.instant()), id)
					.update();
				if (System.nanoTime() - lastLog > 10_000_000_000L) {
					lastLog = System.nanoTime();
					log.info("Duplicate scan {}: {}, {} records, {} of {} blocks, {} comparisons", id, p, records.size(),
							detector.blocksDone(), detector.blocksTotal(), detector.comparisons());
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not record the progress of duplicate scan {}: {}", id, ex.getMessage());
			}
		}

	}

	@PreDestroy
	void stop() {
		reporter.shutdownNow();
		background.shutdownNow();
	}

	/** Recent scans of all entities, newest first (for admins). */
	public List<Scan> recent(int limit) {
		return new ArrayList<>(jdbc.sql("select * from duplicate_scans order by id desc limit ?")
			.param(limit)
			.query((rs, n) -> map(rs))
			.list());
	}

}
