package org.rapport.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.rapport.analytics.CustomerAnalytics.CustomerHistory;
import org.rapport.analytics.CustomerAnalytics.History;
import org.rapport.analytics.churn.ChurnMetrics;
import org.rapport.analytics.churn.ChurnPipeline;
import org.rapport.customers.ActivityManagement;
import org.rapport.platform.Actor;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.Role;
import org.rapport.sales.SalesReports;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The churn model trained on Rapport's own history: each training is a run (queued, running with its
 * step and progress, done or failed) carried out by one node through the database scheduler, every
 * night and whenever an administrator or manager asks. A run learns on the snapshot two horizons
 * back, checks on the one a horizon back (AUC, top-decile precision, Brier → the model registry),
 * then learns again on that latest complete snapshot; the model is stored with its registry version
 * and scores on every node, so all nodes answer alike. The horizon is the installation's "lost"
 * rule ({@link AnalyticsPreferences#lostAfterDays()}).
 */
@Service
public class ChurnModels {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChurnModels.class);

	static final String TASK = "analytics-churn-training";

	/** The steps of a run, in order; a run's {@code done} counts the finished ones. */
	static final List<String> STEPS = List.of("orders", "features", "training", "validation", "final", "saving");

	/** Fewest customers (and of each outcome) the model trains on. */
	static final int MIN_TRAINING = 20;

	static final int MIN_CLASS = 5;

	private final SalesReports sales;

	private final ActivityManagement activities;

	private final ObjectProvider<CustomerSignals> signals;

	private final ModelRegistry registry;

	private final AnalyticsPreferences preferences;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ObjectProvider<SchedulerClient> scheduler;

	/** The stored model last loaded, by registry id (derived data: each node loads its own copy). */
	private volatile Active loaded;

	ChurnModels(SalesReports sales, ActivityManagement activities, ObjectProvider<CustomerSignals> signals,
			ModelRegistry registry, AnalyticsPreferences preferences, JdbcClient jdbc, JsonMapper json, Clock clock,
			ObjectProvider<SchedulerClient> scheduler) {
		this.sales = sales;
		this.activities = activities;
		this.signals = signals;
		this.registry = registry;
		this.preferences = preferences;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.scheduler = scheduler;
	}

	/**
	 * A training run.
	 *
	 * @param id run id
	 * @param trigger {@code schedule}, {@code request} or {@code startup}
	 * @param status queued, running, done or failed
	 * @param step the step running or last finished (see {@link #STEPS})
	 * @param done steps finished
	 * @param total steps in all
	 * @param customers customers in the latest snapshot, once known
	 * @param message outcome in words (metrics, or why no model was trained)
	 * @param modelVersion the registry version it produced, if any
	 */
	public record Run(long id, String trigger, Long requestedBy, String status, String step, int done, int total,
			Integer customers, String message, Integer modelVersion, Instant createdAt, Instant startedAt,
			Instant finishedAt) {

		public int percent() {
			return total == 0 ? 0 : Math.round(100f * done / total);
		}

	}

	/** The model in use: its registry entry, the model, and the horizon it predicts over. */
	public record Active(ModelRegistry.Entry entry, ChurnPipeline.Fitted model, int horizonDays) {
	}

	/**
	 * Asks for a training by one node of the cluster: returns the queued or running run if there is
	 * one, else a new queued run. Administrators and managers may ask (the system too).
	 */
	@Transactional
	public Run request(String trigger) {
		Actor actor = Actor.current();
		if (actor.role() != Role.ADMIN && actor.role() != Role.MANAGER) {
			throw new NotPermitted("train the churn model");
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtext('churn_training_runs'))").query().singleRow();
		Run open = jdbc.sql("select * from churn_training_runs where status in ('queued','running') order by id limit 1")
			.query(this::run)
			.optional()
			.orElse(null);
		if (open != null) {
			if ("queued".equals(open.status())) {
				runNow(open.id()); // e.g. the start-up run waiting for its delay
			}
			return open;
		}
		long id = jdbc.sql("insert into churn_training_runs (trigger, requested_by, status, total, created_at)"
				+ " values (?, ?, 'queued', ?, ?) returning id")
			.params(trigger, actor.id() == 0 ? null : actor.id(), STEPS.size(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		schedule(id, Duration.ZERO);
		return get(id);
	}

	/**
	 * Plans a training a few minutes from now when no model is in use and no run is open or has
	 * finished in the last day (a new installation, or the demo once its orders are in).
	 */
	@Transactional
	public void trainSoonIfNoModel() {
		if (registry.active(CustomerAnalytics.CHURN_MODEL) != null) {
			return;
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtext('churn_training_runs'))").query().singleRow();
		boolean recent = jdbc.sql("select exists (select 1 from churn_training_runs where status in ('queued','running')"
				+ " or created_at > ?)")
			.param(Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
			.query(Boolean.class)
			.single();
		if (recent) {
			return;
		}
		long id = jdbc.sql("insert into churn_training_runs (trigger, status, total, created_at)"
				+ " values ('startup', 'queued', ?, ?) returning id")
			.params(STEPS.size(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		schedule(id, STARTUP_DELAY);
	}

	/** How long after start-up the first training waits (the demo company's orders go in meanwhile). */
	static final Duration STARTUP_DELAY = Duration.ofMinutes(2);

	private void runNow(long id) {
		SchedulerClient client = scheduler.getIfAvailable();
		if (client != null) {
			TaskInstance<Void> instance = new TaskInstance<>(TASK, Long.toString(id));
			if (!client.getScheduledExecution(instance).isPresent()) {
				schedule(id, Duration.ZERO);
			}
			else if (client.getScheduledExecution(instance).get().getExecutionTime().isAfter(clock.instant())
					&& !client.getScheduledExecution(instance).get().isPicked()) {
				client.reschedule(instance, clock.instant());
			}
		}
	}

	private void schedule(long id, Duration delay) {
		SchedulerClient client = scheduler.getIfAvailable();
		if (client == null) {
			return;
		}
		Runnable schedule = () -> client.scheduleIfNotExists(new TaskInstance<>(TASK, Long.toString(id)),
				clock.instant().plus(delay));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// the task must find the committed run
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					schedule.run();
				}
			});
		}
		else {
			schedule.run();
		}
	}

	@Transactional(readOnly = true)
	public Run get(long id) {
		return jdbc.sql("select * from churn_training_runs where id = ?")
			.param(id)
			.query(this::run)
			.optional()
			.orElseThrow(() -> new RecordNotFound("churn training run", id));
	}

	/** The latest runs, newest first. */
	@Transactional(readOnly = true)
	public List<Run> recent(int limit) {
		return jdbc.sql("select * from churn_training_runs order by id desc limit ?").param(limit).query(this::run).list();
	}

	private Run run(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Run(rs.getLong("id"), rs.getString("trigger"), (Long) rs.getObject("requested_by", Long.class),
				rs.getString("status"), rs.getString("step"), rs.getInt("done"), rs.getInt("total"),
				(Integer) rs.getObject("customers", Integer.class), rs.getString("message"),
				(Integer) rs.getObject("model_version", Integer.class), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	/**
	 * Carries out a run (the scheduler's task calls it on the node that picked the run). A run revived
	 * after its node died starts again from the beginning.
	 */
	public void perform(long runId) {
		int updated = jdbc.sql("update churn_training_runs set status = 'running', step = ?, done = 0, started_at = ?,"
				+ " message = null where id = ? and status in ('queued','running')")
			.params(STEPS.get(0), Timestamp.from(clock.instant()), runId)
			.update();
		if (updated == 0) {
			return; // finished already
		}
		long started = System.nanoTime();
		try {
			String outcome = train(runId, started);
			jdbc.sql("update churn_training_runs set status = 'done', done = total, finished_at = ?, message = ? where id = ?")
				.params(Timestamp.from(clock.instant()), outcome, runId)
				.update();
			log.info("Churn training run {} done in {} s: {}", runId, seconds(started), outcome);
		}
		catch (RuntimeException ex) {
			log.warn("Churn training run {} failed", runId, ex);
			jdbc.sql("update churn_training_runs set status = 'failed', finished_at = ?, message = ? where id = ?")
				.params(Timestamp.from(clock.instant()), String.valueOf(ex.getMessage()), runId)
				.update();
		}
	}

	private String train(long runId, long started) {
		LocalDate asOf = LocalDate.now(clock);
		int horizon = preferences.lostAfterDays();
		History history = History.of(sales.fulfilledOrderLines(asOf.minusYears(CustomerAnalytics.HISTORY_YEARS), asOf));
		progress(runId, 1, "features", history.customers.size(), started);
		LocalDate validationCut = asOf.minusDays(horizon);
		LocalDate trainingCut = validationCut.minusDays(horizon);
		List<ChurnPipeline.Customer> training = List.copyOf(features(history, trainingCut, horizon, null).values());
		List<ChurnPipeline.Customer> validation = List.copyOf(features(history, validationCut, horizon, null).values());
		if (!enough(training) || !enough(validation)) {
			return "Too little history: " + training.size() + " customers " + horizon * 2
					+ " days ago and " + validation.size() + " " + horizon + " days ago (needs " + MIN_TRAINING + ", and "
					+ MIN_CLASS + " who stayed and " + MIN_CLASS + " who left)";
		}
		progress(runId, 2, "training", validation.size(), started);
		ChurnPipeline.Fitted checked = ChurnPipeline.defaults().fit(training);
		progress(runId, 3, "validation", validation.size(), started);
		double[] scores = new double[validation.size()];
		boolean[] churned = new boolean[validation.size()];
		for (int i = 0; i < scores.length; i++) {
			scores[i] = checked.probability(validation.get(i));
			churned[i] = validation.get(i).churned();
		}
		ChurnMetrics metrics = ChurnMetrics.of(scores, churned);
		ModelRegistry.Challenge challenge = challenge(validation, churned);
		progress(runId, 4, "final", validation.size(), started);
		ChurnPipeline.Fitted model = ChurnPipeline.defaults().fit(validation);
		progress(runId, 5, "saving", validation.size(), started);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("auc", CustomerAnalytics.round(metrics.auc()));
		figures.put("topDecilePrecision", CustomerAnalytics.round(metrics.topDecilePrecision()));
		figures.put("brier", CustomerAnalytics.round(metrics.brier()));
		figures.put("calibrationError", CustomerAnalytics.round(metrics.calibrationError()));
		if (challenge != null) {
			figures.put("activeAucOnThisHoldout", challenge.activeValue());
		}
		figures.put("holdoutCustomers", validation.size());
		figures.put("horizonDays", horizon);
		ModelRegistry.Entry entry = save(model, horizon, history.first, validationCut, training.size(), figures,
				CustomerAnalytics.round(metrics.auc()), challenge);
		jdbc.sql("update churn_training_runs set model_version = ? where id = ?").params(entry.version(), runId).update();
		return String.format(java.util.Locale.ROOT, "Trained on %d customers, checked on %d: AUC %.4f, top-decile precision %.4f%s",
				training.size(), validation.size(), metrics.auc(), metrics.topDecilePrecision(),
				entry.active() ? "" : "; kept the model in use, which did better");
	}

	/**
	 * The model in use scored on the new hold-out, so the new model replaces it only if it does not
	 * rank these same customers worse ({@code null} when no model is in use).
	 */
	private ModelRegistry.Challenge challenge(List<ChurnPipeline.Customer> holdout, boolean[] churned) {
		Active current = active();
		if (current == null) {
			return null;
		}
		double[] scores = new double[holdout.size()];
		for (int i = 0; i < scores.length; i++) {
			scores[i] = current.model().probability(holdout.get(i));
		}
		return new ModelRegistry.Challenge(current.entry().id(),
				CustomerAnalytics.round(ChurnMetrics.of(scores, churned).auc()));
	}

	@Transactional
	ModelRegistry.Entry save(ChurnPipeline.Fitted model, int horizon, LocalDate from, LocalDate to, int rows,
			Map<String, Object> figures, double auc, ModelRegistry.Challenge challenge) {
		ModelRegistry.Entry entry = registry.register(CustomerAnalytics.CHURN_MODEL, from, to, rows, figures, "auc", auc,
				challenge);
		jdbc.sql("insert into churn_models (registry_id, horizon_days, model) values (?, ?, cast(? as jsonb))"
				+ " on conflict (registry_id) do nothing")
			.params(entry.id(), horizon, json.writeValueAsString(model.parameters()))
			.update();
		return entry;
	}

	private void progress(long runId, int done, String step, int customers, long started) {
		jdbc.sql("update churn_training_runs set done = ?, step = ?, customers = ? where id = ?")
			.params(done, step, customers, runId)
			.update();
		log.info("Churn training run {}: step {} of {} ({}), {} customers, {} s", runId, done + 1, STEPS.size(), step,
				customers, seconds(started));
	}

	private static String seconds(long started) {
		return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9);
	}

	/** The model in use, or {@code null} before any training succeeded. */
	public Active active() {
		ModelRegistry.Entry entry = registry.active(CustomerAnalytics.CHURN_MODEL);
		if (entry == null) {
			return null;
		}
		Active current = loaded;
		if (current != null && current.entry().id() == entry.id()) {
			return current;
		}
		Active fresh = jdbc.sql("select horizon_days, model from churn_models where registry_id = ?")
			.param(entry.id())
			.query((rs, i) -> new Active(entry,
					ChurnPipeline.Fitted.restore(json.readValue(rs.getString(2), ChurnPipeline.Parameters.class)), rs.getInt(1)))
			.optional()
			.orElse(null);
		loaded = fresh;
		return fresh;
	}

	/**
	 * The churn features of customers as known at the end of {@code at}: recency, orders, spend,
	 * tenure and spend trend from their orders, days since their last activity, and what other modules
	 * know ({@link CustomerSignals}); {@code churned} says whether they placed no order in the
	 * {@code horizonDays} that follow.
	 * @param only these customers ({@code null}: everyone who had ordered by then)
	 */
	Map<Long, ChurnPipeline.Customer> features(History history, LocalDate at, int horizonDays, Collection<Long> only) {
		Map<Long, ChurnPipeline.Customer> out = new LinkedHashMap<>();
		Instant end = at.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Map<Long, Instant> lastActivity = only == null ? activities.lastActivityBefore(end)
				: activities.lastActivityAt(only);
		Map<Long, Map<String, Double>> other = new LinkedHashMap<>();
		Map<String, Double> absent = new LinkedHashMap<>();
		signals.orderedStream().forEach(s -> {
			s.asOf(at, only).forEach((id, f) -> other.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(f));
			absent.putAll(s.valuesWhenAbsent());
		});
		(only == null ? history.customers.keySet() : only).forEach(id -> {
			CustomerHistory c = history.customers.get(id);
			ChurnPipeline.Customer base = c == null ? null : orderFeatures(id, c, at, horizonDays);
			if (base == null) {
				return;
			}
			Map<String, Double> numbers = new LinkedHashMap<>(base.numbers());
			Instant activity = lastActivity.get(id);
			if (activity != null && activity.isBefore(end)) {
				numbers.put("daysSinceActivity",
						(double) Math.max(0, ChronoUnit.DAYS.between(activity.atZone(ZoneOffset.UTC).toLocalDate(), at)));
			}
			numbers.putAll(absent);
			numbers.putAll(other.getOrDefault(id, Map.of()));
			out.put(id, new ChurnPipeline.Customer(base.id(), numbers, base.categories(), base.churned()));
		});
		return out;
	}

	/** Recency, orders, spend, tenure and spend trend from one customer's orders up to {@code at}. */
	static ChurnPipeline.Customer orderFeatures(long id, CustomerHistory c, LocalDate at, int horizonDays) {
		LocalDate first = null;
		LocalDate last = null;
		int orders = 0;
		BigDecimal spent = BigDecimal.ZERO;
		BigDecimal recent = BigDecimal.ZERO;
		BigDecimal before = BigDecimal.ZERO;
		boolean later = false;
		for (Map.Entry<LocalDate, BigDecimal> e : c.byDay.entrySet()) {
			LocalDate day = e.getKey();
			if (!day.isAfter(at)) {
				first = first == null ? day : first;
				last = day;
				orders += c.ordersByDay.get(day);
				spent = spent.add(e.getValue());
				if (day.isAfter(at.minusDays(90))) {
					recent = recent.add(e.getValue());
				}
				else if (day.isAfter(at.minusDays(180))) {
					before = before.add(e.getValue());
				}
			}
			else if (!day.isAfter(at.plusDays(horizonDays))) {
				later = true;
			}
		}
		if (first == null) {
			return null;
		}
		Map<String, Double> numbers = new LinkedHashMap<>();
		numbers.put("recencyDays", (double) ChronoUnit.DAYS.between(last, at));
		numbers.put("orders", (double) orders);
		numbers.put("spent", spent.doubleValue());
		numbers.put("tenureDays", (double) ChronoUnit.DAYS.between(first, at));
		numbers.put("spendTrend", recent.subtract(before).doubleValue());
		return new ChurnPipeline.Customer(Long.toString(id), numbers, Map.of(), !later);
	}

	private static boolean enough(List<ChurnPipeline.Customer> customers) {
		long churned = customers.stream().filter(ChurnPipeline.Customer::churned).count();
		return customers.size() >= MIN_TRAINING && churned >= MIN_CLASS && customers.size() - churned >= MIN_CLASS;
	}

}
