package org.rapport.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rapport.analytics.sentiment.CompanySentimentModel;
import org.rapport.analytics.sentiment.CompanySentimentTrainer;
import org.rapport.analytics.sentiment.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The company sentiment model's training: learns from this installation's rated texts — survey
 * comments labelled by their score ({@link #labelOf}) and agents' corrections — through
 * {@link CompanySentimentTrainer}, checks it on the newest texts held out, and registers it in the
 * {@link ModelRegistry} as {@value CompanySentiment#NAME} with its accuracy, the shipped default's and
 * the model in use's on the same texts; its parameters are stored for every node. Runs every night and
 * on an admin's request as a db-scheduler task (one node at a time), recorded in
 * {@code analytics_training_runs}.
 */
@Service
public class SentimentTraining {

	private static final Logger log = LoggerFactory.getLogger(SentimentTraining.class);

	public static final String MODEL = CompanySentiment.NAME;

	/** The db-scheduler task that trains on request; its instance id is the run's id. */
	public static final String TRAIN_TASK = "analytics-sentiment-train";

	private final ObjectProvider<CustomerTexts> texts;

	private final SentimentCorrections corrections;

	private final SentimentAnalysis sentiment;

	private final CompanySentiment company;

	private final ModelRegistry registry;

	private final TrainingRuns runs;

	SentimentTraining(ObjectProvider<CustomerTexts> texts, SentimentCorrections corrections, SentimentAnalysis sentiment,
			CompanySentiment company, ModelRegistry registry, TrainingRuns runs) {
		this.texts = texts;
		this.corrections = corrections;
		this.sentiment = sentiment;
		this.company = company;
		this.registry = registry;
		this.runs = runs;
	}

	/**
	 * The label a survey score gives its comment: CSAT 1–2 negative, 3 neutral, 4–5 positive; NPS 0–6
	 * (detractors) negative, 7–8 (passives) neutral, 9–10 (promoters) positive; {@code null} for other texts.
	 */
	public static String labelOf(String source, Integer score) {
		if (score == null) {
			return null;
		}
		return switch (source) {
			case "csat" -> score <= 2 ? "negative" : score == 3 ? "neutral" : "positive";
			case "nps" -> score <= 6 ? "negative" : score <= 8 ? "neutral" : "positive";
			default -> null;
		};
	}

	/** Asks for a training run (admins): queued now, run by one node of the cluster within seconds. */
	public TrainingRun requestTraining() {
		return runs.request(MODEL, TRAIN_TASK, "train-sentiment");
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
			List<CompanySentimentTrainer.Rated> rated = new ArrayList<>();
			int comments = 0;
			for (CustomerTexts source : texts.orderedStream().toList()) {
				for (CustomerTexts.Text t : source.rated()) {
					String label = labelOf(t.source(), t.score());
					if (label != null && t.text() != null && !t.text().isBlank()) {
						rated.add(new CompanySentimentTrainer.Rated(t.text(), label, t.at()));
						comments++;
					}
				}
			}
			List<SentimentCorrections.Corrected> corrected = corrections.all();
			corrected.forEach(c -> rated.add(new CompanySentimentTrainer.Rated(c.text(), c.label(), c.correctedAt())));
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("surveyComments", comments);
			figures.put("corrections", corrected.size());
			log.info("Company sentiment run {}: {} rated survey comments and {} agents' corrections read", runId, comments,
					corrected.size());
			progress(runId, "running", "training", rated.size() + " rated texts", figures);
			// the version in use while the hold-out is analysed, so that its figure is compared only while it stays in use
			ModelRegistry.Entry inUse = registry.active(MODEL);
			CompanySentimentTrainer.Result result = new CompanySentimentTrainer().train(rated, t -> sentiment.analyse(t).label());
			result.skipped().forEach((language, why) -> figures.put(language.code() + ".skipped", why));
			if (result.model() == null) {
				String message = "Too few rated texts: the shipped default keeps analysing (" + figures + ")";
				log.info("Company sentiment run {}: {}", runId, message);
				return progress(runId, "skipped", null, message, figures);
			}
			Map<String, Object> metrics = metrics(result, comments, corrected.size());
			log.info("Company sentiment run {}: {}", runId, metrics);
			progress(runId, "running", "registering", null, figures);
			LocalDate from = rated.stream().map(r -> day(r.at())).min(LocalDate::compareTo).orElse(null);
			LocalDate to = rated.stream().map(r -> day(r.at())).max(LocalDate::compareTo).orElse(null);
			// compared with the model in use on the same hold-out, not with its figure on an older one
			Double activeAccuracy = (Double) metrics.get("activeAccuracy");
			ModelRegistry.Challenge challenge = inUse == null || activeAccuracy == null ? null
					: new ModelRegistry.Challenge(inUse.id(), activeAccuracy);
			ModelRegistry.Entry entry = registry.register(MODEL, from, to, rated.size(), metrics, "accuracy",
					(Double) metrics.get("accuracy"), challenge);
			company.save(entry, result.model());
			figures.putAll(metrics);
			figures.put("version", entry.version());
			figures.put("active", entry.active());
			figures.put("millis", (System.nanoTime() - started) / 1_000_000);
			String message = "Version " + entry.version() + (entry.active() ? " in use" : " kept; the model in use does better on the same texts")
					+ String.format(java.util.Locale.ROOT, ": accuracy %.4f, shipped default %.4f on the same %d texts",
							metrics.get("accuracy"), metrics.get("defaultAccuracy"), metrics.get("holdoutTexts"));
			log.info("Company sentiment run {}: {} ({} ms)", runId, message, figures.get("millis"));
			return progress(runId, "done", null, message, figures);
		}
		catch (RuntimeException ex) {
			log.warn("Company sentiment run {} failed", runId, ex);
			return progress(runId, "failed", null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), Map.of());
		}
	}

	/** Hold-out figures over the languages trained, each weighted by its hold-out texts, and per language. */
	private static Map<String, Object> metrics(CompanySentimentTrainer.Result result, int comments, int corrected) {
		double right = 0;
		double byDefault = 0;
		double byCurrent = 0;
		int holdout = 0;
		int training = 0;
		Map<String, Object> perLanguage = new LinkedHashMap<>();
		for (Map.Entry<Language, CompanySentimentModel.Part> e : result.model().parts().entrySet()) {
			CompanySentimentModel.Part p = e.getValue();
			right += p.accuracy() * p.holdoutTexts();
			byDefault += p.defaultAccuracy() * p.holdoutTexts();
			byCurrent += result.currentAccuracy().get(e.getKey()) * p.holdoutTexts();
			holdout += p.holdoutTexts();
			training += p.trainingTexts();
			String code = e.getKey().code();
			perLanguage.put(code + ".accuracy", LeadScoring.round(p.accuracy()));
			perLanguage.put(code + ".defaultAccuracy", LeadScoring.round(p.defaultAccuracy()));
			perLanguage.put(code + ".holdoutTexts", p.holdoutTexts());
		}
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("accuracy", LeadScoring.round(right / holdout));
		metrics.put("defaultAccuracy", LeadScoring.round(byDefault / holdout));
		metrics.put("activeAccuracy", LeadScoring.round(byCurrent / holdout));
		metrics.put("trainingTexts", training);
		metrics.put("holdoutTexts", holdout);
		metrics.put("surveyComments", comments);
		metrics.put("corrections", corrected);
		metrics.putAll(perLanguage);
		return metrics;
	}

	private static LocalDate day(Instant at) {
		return at.atZone(ZoneOffset.UTC).toLocalDate();
	}

	public TrainingRun run(long id) {
		return runs.run(MODEL, id);
	}

	public Optional<TrainingRun> lastRun() {
		return runs.last(MODEL);
	}

	private TrainingRun queue(String trigger, Long requestedBy) {
		return runs.queue(MODEL, trigger, requestedBy);
	}

	private TrainingRun progress(long id, String state, String step, String message, Map<String, Object> result) {
		return runs.progress(MODEL, id, state, step, message, result);
	}

}
