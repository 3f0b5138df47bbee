package org.rapport.analytics;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.rapport.analytics.churn.ChurnMetrics;
import org.rapport.analytics.churn.ChurnPipeline;
import org.rapport.analytics.leads.LeadFeatures;
import org.rapport.analytics.leads.LeadRules;
import org.rapport.analytics.leads.LeadScoringPipeline;
import org.rapport.platform.Actor;
import org.rapport.platform.RecordNotFound;
import org.rapport.sales.LeadManagement;
import org.rapport.sales.LeadScores;
import org.rapport.sales.LeadView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Lead scoring: how likely an open lead is to convert, 0 to 100, with its reasons. Learnt from this
 * installation's converted and disqualified leads ({@link LeadScoringPipeline}: logistic regression,
 * time-based hold-out) and registered in the {@link ModelRegistry} as {@value #MODEL}, where a new
 * version replaces the active one only if its hold-out AUC is not lower; with too few closed leads,
 * fixed rules score ({@link LeadRules}). Training runs every night and on an admin's request as a
 * db-scheduler task (one node at a time), and records its progress in {@code analytics_training_runs}.
 * The active model's parameters live in the database, so every node scores with the same model.
 */
@Service
public class LeadScoring implements LeadScores {

	private static final Logger log = LoggerFactory.getLogger(LeadScoring.class);

	public static final String MODEL = "lead-scoring";

	/** The db-scheduler task that trains on request; its instance id is the run's id. */
	public static final String TRAIN_TASK = "analytics-lead-scoring-train";

	/** Reasons given per score. */
	static final int REASONS = 5;

	private final LeadManagement leads;

	private final ModelRegistry registry;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final LeadScoringPipeline pipeline;

	private final TrainingRuns runs;

	/** The active model as last loaded on this node (derived from the database). */
	private volatile Loaded loaded;

	private record Loaded(int version, ChurnPipeline.Fitted model) {
	}

	LeadScoring(LeadManagement leads, ModelRegistry registry, JdbcClient jdbc, JsonMapper json, Clock clock,
			ObjectProvider<SchedulerClient> scheduler, TrainingRuns runs) {
		this.runs = runs;
		this.leads = leads;
		this.registry = registry;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.scheduler = scheduler;
		this.pipeline = LeadScoringPipeline.defaults();
	}

	/** The score of an open lead (empty for a converted or disqualified one). */
	@Override
	public Optional<LeadScore> score(LeadView lead) {
		return LeadFeatures.isClosed(lead) ? Optional.empty() : Optional.of(scoreWith(activeModel(), lead));
	}

	@Override
	public Map<Long, LeadScore> scores(List<LeadView> leads) {
		Loaded model = activeModel();
		Map<Long, LeadScore> out = new LinkedHashMap<>();
		for (LeadView lead : leads) {
			if (!LeadFeatures.isClosed(lead)) {
				out.put(lead.id(), scoreWith(model, lead));
			}
		}
		return out;
	}

	/**
	 * The score of a lead the actor may see (a closed lead is scored as it stood when it closed).
	 * @throws RecordNotFound when there is no such lead or the actor may not see it
	 */
	public LeadScore forLead(long leadId) {
		return scoreWith(activeModel(), leads.get(leadId));
	}

	LeadScore scoreWith(Loaded model, LeadView lead) {
		if (model == null) {
			return LeadRules.score(lead, clock.instant());
		}
		ChurnPipeline.Customer features = LeadFeatures.of(lead, clock.instant());
		double p = model.model().probability(features);
		List<Reason> reasons = model.model()
			.reasons(features)
			.stream()
			.filter(r -> Math.abs(r.contribution()) >= 0.005)
			.sorted(Comparator.comparingDouble((ChurnPipeline.Reason r) -> -Math.abs(r.contribution())))
			.limit(REASONS)
			.map(r -> new Reason(r.feature(), r.value(), Math.round(r.contribution() * 1000) / 1000.0,
					LeadFeatures.messageKey(r.feature(), r.value())))
			.toList();
		return new LeadScore((int) Math.round(100 * p), "model", reasons, model.version());
	}

	private Loaded activeModel() {
		Integer version = jdbc.sql("select version from analytics_models where name = ? and active")
			.param(MODEL)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (version == null) {
			return null;
		}
		Loaded current = loaded;
		if (current != null && current.version() == version) {
			return current;
		}
		Optional<String> stored = jdbc.sql("select parameters from analytics_lead_models where version = ?")
			.param(version)
			.query(String.class)
			.optional();
		if (stored.isEmpty()) {
			return null;
		}
		Loaded fresh = new Loaded(version,
				ChurnPipeline.Fitted.restore(json.readValue(stored.get(), ChurnPipeline.Parameters.class)));
		loaded = fresh;
		return fresh;
	}

	/**
	 * What scores leads now.
	 *
	 * @param basis {@code model} or {@code rules}
	 * @param active the active model version ({@code null} at cold start)
	 * @param versions every version of the model, newest first
	 * @param lastRun the latest training run
	 * @param rules the cold-start rules
	 */
	public record Status(String basis, ModelRegistry.Entry active, List<ModelRegistry.Entry> versions, TrainingRun lastRun,
			int basePoints, List<LeadRules.Rule> rules) {
	}

	public Status status() {
		ModelRegistry.Entry active = activeModel() == null ? null : registry.active(MODEL);
		List<ModelRegistry.Entry> versions = registry.list().stream().filter(e -> e.name().equals(MODEL)).toList();
		return new Status(active == null ? "rules" : "model", active, versions, lastRun().orElse(null), LeadRules.BASE,
				LeadRules.TABLE);
	}

	/** Asks for a training run (admins): queued now, run by one node of the cluster within seconds. */
	public TrainingRun requestTraining() {
		return runs.request(MODEL, TRAIN_TASK, "train-lead-scoring");
	}

	/** Trains now, in this thread (the nightly schedule, tests): a run from queue to finish. */
	public TrainingRun train(String trigger) {
		return execute(queue(trigger, null).id());
	}

	/** Carries out a queued run (the db-scheduler task); a run already finished is left as it is. */
	public TrainingRun execute(long runId) {
		TrainingRun run = run(runId);
		if (run.finished()) {
			return run;
		}
		long started = System.nanoTime();
		try {
			progress(runId, "running", "reading", null, Map.of());
			List<LeadView> closed = leads.closedLeads();
			log.info("Lead scoring run {}: {} closed leads read", runId, closed.size());
			progress(runId, "running", "training", closed.size() + " closed leads", Map.of("closed", closed.size()));
			LeadScoringPipeline.Result result = pipeline.train(closed);
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("closed", result.closed());
			figures.put("converted", result.converted());
			if (!result.trained()) {
				figures.put("why", result.why());
				String message = "Cold start (" + result.why() + "): rules score leads";
				log.info("Lead scoring run {}: {} — {} closed leads, {} converted; the rules score", runId, result.why(),
						result.closed(), result.converted());
				return progress(runId, "skipped", null, message, figures);
			}
			ChurnMetrics m = result.metrics();
			Map<String, Object> metrics = new LinkedHashMap<>();
			metrics.put("auc", round(m.auc()));
			metrics.put("topDecilePrecision", round(m.topDecilePrecision()));
			metrics.put("baseRate", round(m.baseRate()));
			metrics.put("brier", round(m.brier()));
			metrics.put("calibrationError", round(m.calibrationError()));
			metrics.put("trainingLeads", result.trainingRows());
			metrics.put("holdoutLeads", result.holdoutRows());
			metrics.put("holdoutFrom", result.holdoutFrom().toString());
			log.info("Lead scoring run {}: trained on {} older leads, hold-out of {} from {}: AUC {}, top-decile precision {}",
					runId, result.trainingRows(), result.holdoutRows(), result.holdoutFrom(), metrics.get("auc"),
					metrics.get("topDecilePrecision"));
			progress(runId, "running", "registering", null, figures);
			ModelRegistry.Entry entry = registry.register(MODEL, result.from(), result.to(), result.closed(), metrics, "auc",
					round(m.auc()));
			jdbc.sql("insert into analytics_lead_models (version, parameters) values (?, cast(? as jsonb)) "
					+ "on conflict (version) do nothing")
				.params(entry.version(), json.writeValueAsString(result.model().parameters()))
				.update();
			figures.putAll(metrics);
			figures.put("version", entry.version());
			figures.put("active", entry.active());
			figures.put("millis", (System.nanoTime() - started) / 1_000_000);
			String message = "Version " + entry.version() + (entry.active() ? " in use" : " kept; the active version is not worse");
			log.info("Lead scoring run {}: {} ({} ms)", runId, message, figures.get("millis"));
			return progress(runId, "done", null, message, figures);
		}
		catch (RuntimeException ex) {
			log.warn("Lead scoring run {} failed", runId, ex);
			return progress(runId, "failed", null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), Map.of());
		}
	}

	public TrainingRun run(long id) {
		return runs.run(MODEL, id);
	}

	public Optional<TrainingRun> lastRun() {
		return runs.last(MODEL);
	}

	/** After start-up (and after demo data), trains once if there is no model yet but enough closed leads. */
	@EventListener(ApplicationReadyEvent.class)
	void trainWhenMissing() {
		if (activeModel() != null) {
			return;
		}
		Actor.runAs(Actor.SYSTEM, () -> {
			List<LeadView> closed = leads.closedLeads();
			long converted = closed.stream().filter(l -> "converted".equals(l.status())).count();
			if (closed.size() >= pipeline.minClosed() && converted >= pipeline.minPerOutcome()
					&& closed.size() - converted >= pipeline.minPerOutcome()) {
				TrainingRun run = queue("start-up", null);
				SchedulerClient client = scheduler.getIfAvailable();
				if (client != null) {
					client.scheduleIfNotExists(new TaskInstance<>(TRAIN_TASK, Long.toString(run.id())), clock.instant());
				}
			}
		});
	}

	private TrainingRun queue(String trigger, Long requestedBy) {
		return runs.queue(MODEL, trigger, requestedBy);
	}

	private TrainingRun progress(long id, String state, String step, String message, Map<String, Object> result) {
		return runs.progress(MODEL, id, state, step, message, result);
	}

	static double round(double v) {
		return Math.round(v * 10_000) / 10_000.0;
	}

}
