package org.rapport.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.rapport.analytics.sentiment.CompanySentimentModel;
import org.rapport.analytics.sentiment.Language;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The active company sentiment model as stored in the database, loaded by each node: it looks at the
 * registry at most every {@link #RECHECK} (so a model another node trained is picked up within that
 * time) and reloads the model when the active version changed.
 */
@Component
class CompanySentiment {

	static final String NAME = "sentiment-company";

	static final Duration RECHECK = Duration.ofSeconds(30);

	private final ModelRegistry registry;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private volatile Loaded loaded;

	private record Loaded(Long registryId, CompanySentimentModel model, Instant checkedAt) {
	}

	CompanySentiment(ModelRegistry registry, JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** The part of the active model that analyses this language, or {@code null} for the default. */
	CompanySentimentModel.Part inUse(Language language) {
		CompanySentimentModel model = active();
		return model == null ? null : model.inUse(language);
	}

	CompanySentimentModel active() {
		Loaded current = loaded;
		Instant now = clock.instant();
		if (current != null && current.checkedAt().plus(RECHECK).isAfter(now) && !current.checkedAt().isAfter(now)) {
			return current.model();
		}
		ModelRegistry.Entry entry = registry.active(NAME);
		Long id = entry == null ? null : entry.id();
		CompanySentimentModel model = current != null && java.util.Objects.equals(current.registryId(), id) ? current.model()
				: id == null ? null
						: jdbc.sql("select model from analytics_sentiment_models where registry_id = ?")
							.param(id)
							.query(String.class)
							.optional()
							.map(m -> json.readValue(m, CompanySentimentModel.class))
							.orElse(null);
		loaded = new Loaded(id, model, now);
		return model;
	}

	/** Stores a registered version's model (once per version). */
	void save(ModelRegistry.Entry entry, CompanySentimentModel model) {
		jdbc.sql("insert into analytics_sentiment_models (registry_id, model) values (?, cast(? as jsonb))"
				+ " on conflict (registry_id) do nothing")
			.params(entry.id(), json.writeValueAsString(model))
			.update();
		reload();
	}

	/** Looks at the registry again on the next analysis (after a training on this node). */
	void reload() {
		loaded = null;
	}

}
