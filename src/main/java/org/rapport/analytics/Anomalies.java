package org.rapport.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.rapport.analytics.anomaly.AnomalyFeatures;
import org.rapport.analytics.anomaly.AnomalyScan;
import org.rapport.analytics.anomaly.AnomalyScan.Top;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ActivityManagement.WeeklyActivity;
import org.rapport.customers.ContactManagement;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.Cursor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.Page;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.Role;
import org.rapport.platform.web.Formats;
import org.rapport.sales.SalesReports;
import org.rapport.sales.SalesReports.OrderLineFact;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Unusual order lines and sudden drops in customers' activity, found by isolation forests over the
 * company's own data, each flag with the features that made it unusual and their typical ranges.
 * A scan is a run (queued, running with its step, done or failed) carried out by one node through
 * the database scheduler, every night and whenever an administrator, manager or analyst asks;
 * readers see the latest finished scan's flags on the orders and customers they may see.
 */
@Service
public class Anomalies {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Anomalies.class);

	static final String TASK = "analytics-anomaly-scan";

	/** The steps of a run, in order. */
	static final List<String> STEPS = List.of("orders", "engagement", "saving");

	/** The kinds of flag. */
	public static final List<String> KINDS = List.of("orders", "engagement");

	/** Fixed seed: the same data give the same flags on every node and every run. */
	static final long SEED = 20081215L;

	/** Flags kept per kind and run. */
	static final int LIMIT = 100;

	/**
	 * Only rows scoring at least this are flagged (Liu et al.: well above 0.5 is an anomaly; at 0.6 a
	 * few ordinary lines of a company with a few dozen lines came through).
	 */
	static final double THRESHOLD = 0.65;

	/** Fewest rows a forest is grown on; fewer say nothing about what is usual. */
	static final int MIN_ROWS = 30;

	/** Order lines dated this many days back (and as far ahead) are scanned. */
	static final int ORDER_DAYS = 365;

	/** Runs whose flags are kept. */
	static final int KEPT_RUNS = 10;

	private final SalesReports sales;

	private final ActivityManagement activities;

	private final ContactManagement contacts;

	private final Formats formats;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final ModelRegistry registry;

	Anomalies(SalesReports sales, ActivityManagement activities, ContactManagement contacts, Formats formats,
			AuditTrail audit, JdbcClient jdbc, JsonMapper json, Clock clock, ObjectProvider<SchedulerClient> scheduler,
			ModelRegistry registry) {
		this.sales = sales;
		this.activities = activities;
		this.contacts = contacts;
		this.formats = formats;
		this.audit = audit;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.scheduler = scheduler;
		this.registry = registry;
	}

	/**
	 * A scan.
	 *
	 * @param id run id
	 * @param trigger {@code schedule}, {@code request} or {@code startup}
	 * @param status queued, running, done or failed
	 * @param step the step running or last finished (see {@link #STEPS})
	 * @param done steps finished
	 * @param total steps in all
	 * @param orderLines order lines scanned
	 * @param contacts customers with activity scanned
	 * @param orderFlags order lines flagged
	 * @param engagementFlags customers flagged
	 * @param message outcome in words
	 */
	public record Run(long id, String trigger, Long requestedBy, String status, String step, int done, int total,
			Long orderLines, Long contacts, Integer orderFlags, Integer engagementFlags, String message, Instant createdAt,
			Instant startedAt, Instant finishedAt) {

		public int percent() {
			return total == 0 ? 0 : Math.round(100f * done / total);
		}

	}

	/**
	 * A flag of the latest finished scan.
	 *
	 * @param kind {@code orders} or {@code engagement}
	 * @param rank 1 for the most unusual
	 * @param score isolation-forest score, 0–1 (from 0.65 flagged)
	 * @param orderId the order (order flags)
	 * @param linePosition the line's position in the order (order flags)
	 * @param orderNumber the order's number (order flags)
	 * @param contactId the customer, when the reader may see them
	 * @param contactName the customer's name, when the reader may see them
	 * @param features every feature's value
	 * @param reasons the features that made it unusual, most telling first
	 * @param detectedAt when the scan ran
	 * @param runId the scan
	 */
	public record Flag(String kind, int rank, double score, Long orderId, Integer linePosition, String orderNumber,
			Long contactId, String contactName, Map<String, Double> features, List<AnomalyScan.Reason> reasons,
			Instant detectedAt, long runId) {
	}

	/** Asks for a scan by one node: the queued or running one if there is one, else a new one. */
	@Transactional
	public Run request(String trigger) {
		Actor actor = Actor.current();
		if (actor.role() != Role.ADMIN && actor.role() != Role.MANAGER && actor.role() != Role.ANALYST) {
			throw new NotPermitted("run-anomaly-scan");
		}
		lock();
		Run open = jdbc.sql("select * from analytics_anomaly_runs where status in ('queued','running') order by id limit 1")
			.query(this::run)
			.optional()
			.orElse(null);
		long id;
		if (open != null) {
			id = open.id();
			if ("queued".equals(open.status())) {
				startNowIfWaiting(id);
			}
		}
		else {
			id = insertRun(trigger, actor.id() == 0 ? null : actor.id());
			afterCommit(() -> schedule(id, Duration.ZERO));
		}
		// who asked for a scan, also when it joins the one already open
		audit.record(new AuditEvent("request", "analytics-anomaly-run", Long.toString(id), "Anomaly scan " + id,
				List.of()));
		return get(id);
	}

	/** Plans a scan a few minutes from now when none ever ran (a new installation, or the demo). */
	@Transactional
	public void scanSoonIfNeverRun() {
		lock();
		if (jdbc.sql("select exists (select 1 from analytics_anomaly_runs)").query(Boolean.class).single()) {
			return;
		}
		long id = insertRun("startup", null);
		afterCommit(() -> schedule(id, STARTUP_DELAY));
	}

	/** How long after start-up the first scan waits (the demo company's orders go in meanwhile). */
	static final Duration STARTUP_DELAY = Duration.ofMinutes(3);

	private void lock() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('analytics_anomaly_runs'))").query().singleRow();
	}

	private long insertRun(String trigger, Long requestedBy) {
		return jdbc.sql("insert into analytics_anomaly_runs (trigger, requested_by, status, total, created_at)"
				+ " values (?, ?, 'queued', ?, ?) returning id")
			.params(trigger, requestedBy, STEPS.size(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	private void startNowIfWaiting(long id) {
		SchedulerClient client = scheduler.getIfAvailable();
		if (client == null) {
			return;
		}
		TaskInstance<Void> instance = new TaskInstance<>(TASK, Long.toString(id));
		var execution = client.getScheduledExecution(instance);
		if (execution.isEmpty()) {
			afterCommit(() -> schedule(id, Duration.ZERO));
		}
		else if (!execution.get().isPicked() && execution.get().getExecutionTime().isAfter(clock.instant())) {
			client.reschedule(instance, clock.instant());
		}
	}

	private void schedule(long id, Duration delay) {
		SchedulerClient client = scheduler.getIfAvailable();
		if (client != null) {
			client.scheduleIfNotExists(new TaskInstance<>(TASK, Long.toString(id)), clock.instant().plus(delay));
		}
	}

	/** Runs the work once the transaction commits (the task must find the committed run), or now without one. */
	private static void afterCommit(Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			work.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				work.run();
			}
		});
	}

	@Transactional(readOnly = true)
	public Run get(long id) {
		return jdbc.sql("select * from analytics_anomaly_runs where id = ?")
			.param(id)
			.query(this::run)
			.optional()
			.orElseThrow(() -> new RecordNotFound("anomaly scan", id));
	}

	/** The latest scans, newest first. */
	@Transactional(readOnly = true)
	public List<Run> recent(int limit) {
		return jdbc.sql("select * from analytics_anomaly_runs order by id desc limit ?").param(limit).query(this::run).list();
	}

	private Run run(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Run(rs.getLong("id"), rs.getString("trigger"), rs.getObject("requested_by", Long.class),
				rs.getString("status"), rs.getString("step"), rs.getInt("done"), rs.getInt("total"),
				rs.getObject("order_lines", Long.class), rs.getObject("contacts", Long.class),
				rs.getObject("order_flags", Integer.class), rs.getObject("engagement_flags", Integer.class),
				rs.getString("message"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	/**
	 * Carries out a scan (the scheduler's task calls it on the node that picked it). A scan revived
	 * after its node died starts again from the beginning.
	 */
	public void perform(long runId) {
		int updated = jdbc.sql("update analytics_anomaly_runs set status = 'running', step = ?, done = 0, started_at = ?,"
				+ " message = null where id = ? and status in ('queued','running')")
			.params(STEPS.get(0), Timestamp.from(clock.instant()), runId)
			.update();
		if (updated == 0) {
			return; // finished already
		}
		try {
			String outcome = scan(runId);
			jdbc.sql("update analytics_anomaly_runs set status = 'done', done = total, finished_at = ?, message = ?"
					+ " where id = ?")
				.params(Timestamp.from(clock.instant()), outcome, runId)
				.update();
			jdbc.sql("delete from analytics_anomaly_runs where status in ('done','failed') and id not in (select id from"
					+ " analytics_anomaly_runs where status = 'done' order by id desc limit ?)")
				.param(KEPT_RUNS)
				.update();
			log.info("Anomaly scan {} done: {}", runId, outcome);
		}
		catch (RuntimeException ex) {
			log.warn("Anomaly scan {} failed", runId, ex);
			jdbc.sql("update analytics_anomaly_runs set status = 'failed', finished_at = ?, message = ? where id = ?")
				.params(Timestamp.from(clock.instant()), String.valueOf(ex.getMessage()), runId)
				.update();
		}
	}

	/**
	 * Records a scan's forest in the model registry (no hold-out, so no primary metric); a scan with
	 * too few rows grew none and is left out.
	 */
	private void register(String name, LocalDate from, LocalDate to, long scanned, int flags) {
		if (scanned < MIN_ROWS) {
			return;
		}
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("scanned", scanned);
		metrics.put("flags", flags);
		metrics.put("trees", AnomalyScan.TREES);
		metrics.put("sampleSize", (int) Math.min(AnomalyScan.SAMPLE_SIZE, Math.min(scanned, AnomalyScan.RESERVOIR)));
		metrics.put("threshold", THRESHOLD);
		registry.register(name, from, to, (int) Math.min(scanned, Integer.MAX_VALUE), metrics, null, null);
	}

	/** A flag about to be stored. */
	private record Found(String kind, double score, Long orderId, Integer position, Long contactId, long ownerId,
			double[] row, List<AnomalyScan.Reason> reasons) {
	}

	private String scan(long runId) {
		Instant now = clock.instant();
		ZoneId zone = formats.zone();
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate from = today.minusDays(ORDER_DAYS);
		LocalDate to = today.plusDays(ORDER_DAYS);
		Function<OrderLineFact, double[]> lineFeatures = l -> AnomalyFeatures.orderLine(l.quantity().doubleValue(),
				l.discountPercent().doubleValue(), l.net().doubleValue(), l.createdAt(), zone);
		AnomalyScan lines = new AnomalyScan(AnomalyFeatures.ORDER, SEED);
		sales.forEachOrderLine(from, to, l -> lines.sample(lineFeatures.apply(l)));
		List<Found> found = new ArrayList<>();
		if (lines.seen() >= MIN_ROWS) {
			AnomalyScan.Model model = lines.fit();
			Top<OrderLineFact> top = new Top<>(LIMIT, THRESHOLD);
			sales.forEachOrderLine(from, to, l -> {
				double[] row = lineFeatures.apply(l);
				top.offer(l, row, model.score(row));
			});
			for (Top.Flag<OrderLineFact> f : top.flags()) {
				OrderLineFact l = f.subject();
				found.add(new Found("orders", f.score(), l.orderId(), l.position(), l.contactId(), l.ownerId(), f.row(),
						model.explain(f.row())));
			}
		}
		int orderFlags = found.size();
		register("anomalies-orders", from, to, lines.seen(), orderFlags);
		progress(runId, 1, "engagement", lines.seen(), null);

		AnomalyScan customers = new AnomalyScan(AnomalyFeatures.ENGAGEMENT, SEED);
		activities.forEachWeeklyActivity(now, AnomalyFeatures.WEEKS,
				w -> customers.sample(AnomalyFeatures.engagement(w.counts(), w.lastAt(), now)));
		if (customers.seen() >= MIN_ROWS) {
			AnomalyScan.Model model = customers.fit();
			Top<WeeklyActivity> top = new Top<>(LIMIT, THRESHOLD);
			activities.forEachWeeklyActivity(now, AnomalyFeatures.WEEKS, w -> {
				double[] row = AnomalyFeatures.engagement(w.counts(), w.lastAt(), now);
				if (AnomalyFeatures.dropped(row)) {
					top.offer(w, row, model.score(row));
				}
			});
			for (Top.Flag<WeeklyActivity> f : top.flags()) {
				found.add(new Found("engagement", f.score(), null, null, f.subject().contactId(), f.subject().ownerId(),
						f.row(), dropReasons(f.row(), model)));
			}
		}
		register("anomalies-engagement", today.minusWeeks(AnomalyFeatures.WEEKS), today, customers.seen(),
				found.size() - orderFlags);
		progress(runId, 2, "saving", lines.seen(), customers.seen());
		save(runId, found, now);
		jdbc.sql("update analytics_anomaly_runs set order_flags = ?, engagement_flags = ? where id = ?")
			.params(orderFlags, found.size() - orderFlags, runId)
			.update();
		return String.format(java.util.Locale.ROOT, "Scanned %d order lines and %d customers: %d lines and %d customers"
				+ " flagged", lines.seen(), customers.seen(), orderFlags, found.size() - orderFlags);
	}

	/**
	 * An engagement flag's reasons: the drop itself first (recent rate, with the customer's own previous
	 * rate as their usual), then what the forest found unusual about it against the other customers.
	 */
	static List<AnomalyScan.Reason> dropReasons(double[] row, AnomalyScan.Model model) {
		List<AnomalyScan.Reason> reasons = new ArrayList<>();
		reasons.add(new AnomalyScan.Reason("drop", row[1], row[0], row[0], 1, row[1] == 0 ? "stopped" : "fell"));
		for (AnomalyScan.Reason r : model.explain(row)) {
			if (!"unusual".equals(r.direction()) && !"recentRate".equals(r.feature()) && !"ratio".equals(r.feature())) {
				reasons.add(r);
			}
		}
		return reasons;
	}

	private void save(long runId, List<Found> found, Instant detectedAt) {
		jdbc.sql("delete from analytics_anomalies where run_id = ?").param(runId).update();
		Map<String, Integer> ranks = new LinkedHashMap<>();
		for (Found f : found) {
			List<String> names = f.kind().equals("orders") ? AnomalyFeatures.ORDER : AnomalyFeatures.ENGAGEMENT;
			Map<String, Double> features = new LinkedHashMap<>();
			for (int i = 0; i < names.size(); i++) {
				features.put(names.get(i), f.row()[i]);
			}
			jdbc.sql("insert into analytics_anomalies (run_id, kind, rank, score, order_id, line_position, contact_id,"
					+ " owner_id, features, reasons, detected_at) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb),"
					+ " cast(? as jsonb), ?)")
				.params(runId, f.kind(), ranks.merge(f.kind(), 1, Integer::sum),
						BigDecimal.valueOf(f.score()).setScale(4, java.math.RoundingMode.HALF_EVEN), f.orderId(),
						f.position(), f.contactId(), f.ownerId(), json.writeValueAsString(features),
						json.writeValueAsString(f.reasons()), Timestamp.from(detectedAt))
				.update();
		}
	}

	private void progress(long runId, int done, String step, long lines, Long customers) {
		jdbc.sql("update analytics_anomaly_runs set done = ?, step = ?, order_lines = ?, contacts = ? where id = ?")
			.params(done, step, lines, customers, runId)
			.update();
	}

	/** The latest finished scan, or {@code null} before any. */
	@Transactional(readOnly = true)
	public Run latest() {
		return jdbc.sql("select * from analytics_anomaly_runs where status = 'done' order by id desc limit 1")
			.query(this::run)
			.optional()
			.orElse(null);
	}

	/**
	 * The latest finished scan's flags of a kind on the orders and customers the actor may see, most
	 * unusual first, keyset-paged on the rank.
	 */
	@Transactional(readOnly = true)
	public Page<Flag> list(String kind, Integer limit, String cursor) {
		if (kind == null || !KINDS.contains(kind)) {
			throw InvalidInput.of("kind", "not-allowed", "One of " + String.join(", ", KINDS));
		}
		int size = limit == null ? 20 : limit;
		if (size < 1 || size > 100) {
			throw InvalidInput.of("limit", "out-of-range", "From 1 to 100");
		}
		int after = cursor == null || cursor.isBlank() ? 0 : (int) Cursor.decode(cursor, "rank").id();
		Run latest = latest();
		if (latest == null) {
			return new Page<>(List.of(), null);
		}
		List<Flag> visible = visible(jdbc.sql("select * from analytics_anomalies where run_id = ? and kind = ? and rank > ?"
				+ " order by rank")
			.params(latest.id(), kind, after)
			.query(this::flag)
			.list());
		List<Flag> page = visible.subList(0, Math.min(size, visible.size()));
		String next = visible.size() > size ? new Cursor("rank", null, page.get(page.size() - 1).rank()).encode() : null;
		return new Page<>(page, next);
	}

	/**
	 * The latest finished scan's flags about one customer: their order lines the actor may see and a drop
	 * in their activity. The caller has checked that the actor may see the customer.
	 */
	@Transactional(readOnly = true)
	public List<Flag> forContact(long contactId) {
		Run latest = latest();
		if (latest == null) {
			return List.of();
		}
		return visible(jdbc.sql("select * from analytics_anomalies where run_id = ? and contact_id = ? order by kind, rank")
			.params(latest.id(), contactId)
			.query(this::flag)
			.list());
	}

	/** The flags whose subject the actor may see, with order numbers and customer names filled in. */
	private List<Flag> visible(List<Flag> flags) {
		Map<Long, String> orders = sales.visibleOrderNumbers(
				flags.stream().map(Flag::orderId).filter(java.util.Objects::nonNull).toList());
		Map<Long, String> names = contacts
			.visibleNames(flags.stream().map(Flag::contactId).filter(java.util.Objects::nonNull).toList());
		List<Flag> out = new ArrayList<>();
		for (Flag f : flags) {
			boolean seen = f.orderId() != null ? orders.containsKey(f.orderId()) : names.containsKey(f.contactId());
			if (seen) {
				boolean named = f.contactId() != null && names.containsKey(f.contactId());
				out.add(new Flag(f.kind(), f.rank(), f.score(), f.orderId(), f.linePosition(),
						f.orderId() == null ? null : orders.get(f.orderId()), named ? f.contactId() : null,
						named ? names.get(f.contactId()) : null, f.features(), f.reasons(), f.detectedAt(), f.runId()));
			}
		}
		return out;
	}

	private Flag flag(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Flag(rs.getString("kind"), rs.getInt("rank"), rs.getBigDecimal("score").doubleValue(),
				rs.getObject("order_id", Long.class), rs.getObject("line_position", Integer.class), null,
				rs.getObject("contact_id", Long.class), null,
				json.readValue(rs.getString("features"), new TypeReference<LinkedHashMap<String, Double>>() {
				}), json.readValue(rs.getString("reasons"), new TypeReference<List<AnomalyScan.Reason>>() {
				}), rs.getTimestamp("detected_at").toInstant(), rs.getLong("run_id"));
	}

}
