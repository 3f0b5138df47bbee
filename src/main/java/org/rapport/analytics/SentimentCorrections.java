package org.rapport.analytics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.platform.Actor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' corrections of the sentiment of a customer's text: the label an agent chose replaces the
 * model's on the page and in the trends, and the company sentiment model learns from it. The module
 * that owns the text checks that the agent may see it and audits the correction; texts are named by
 * a source ({@code ticket}: a ticket's subject and description, {@code reply}: a customer's message
 * on a ticket) and the record's id.
 */
@Service
public class SentimentCorrections {

	public static final List<String> LABELS = List.of("positive", "neutral", "negative");

	public static final List<String> SOURCES = List.of("ticket", "reply");

	private final JdbcClient jdbc;

	private final SentimentAnalysis sentiment;

	private final Clock clock;

	SentimentCorrections(JdbcClient jdbc, SentimentAnalysis sentiment, Clock clock) {
		this.jdbc = jdbc;
		this.sentiment = sentiment;
		this.clock = clock;
	}

	/**
	 * The sentiment shown for a text: the model's verdict, or an agent's correction of it.
	 *
	 * @param label the label shown (the agent's when corrected)
	 * @param score the model's score, or the label's value (+0.5, 0, −0.5) when the correction
	 *     contradicts it
	 * @param modelLabel what the model says
	 * @param corrected whether an agent set the label
	 * @param correctedBy the agent's user id
	 * @param correctedAt when
	 */
	public record Shown(String label, double score, String language, List<String> evidence, String modelLabel,
			boolean corrected, Long correctedBy, Instant correctedAt) {
	}

	/**
	 * A correction made.
	 *
	 * @param from the label shown before
	 * @param shown what is shown now
	 */
	public record Correction(String from, Shown shown) {
	}

	/** A text with the label an agent gave it, for training. */
	public record Corrected(String text, String label, Instant correctedAt) {
	}

	/**
	 * Sets the label of a text (support agents, managers, administrators); the caller has checked that
	 * the agent may see the text and records the correction in the audit log.
	 * @throws InvalidInput (field {@code label}) for a label other than positive, neutral or negative
	 */
	@Transactional
	public Correction correct(String source, long sourceId, String text, String label) {
		Role role = Actor.current().role();
		if (role != Role.SUPPORT_AGENT && role != Role.MANAGER && role != Role.ADMIN) {
			throw new NotPermitted("correct-sentiment");
		}
		if (label == null) {
			throw InvalidInput.of("label", "required", "positive, neutral or negative");
		}
		if (!LABELS.contains(label)) {
			throw InvalidInput.of("label", "not-allowed", "positive, neutral or negative");
		}
		Shown before = shown(source, Map.of(sourceId, text)).get(sourceId);
		if (before == null) {
			throw InvalidInput.of("text", "blank", "Nothing to judge");
		}
		Actor actor = Actor.current();
		jdbc.sql("""
				insert into analytics_sentiment_corrections (source, source_id, text, label, model_label, corrected_by, corrected_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (source, source_id) do update set text = excluded.text, label = excluded.label,
				  model_label = excluded.model_label, corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at""")
			.params(checked(source), sourceId, clip(text), label, before.modelLabel(), actor.isSystem() ? null : actor.id(),
					Timestamp.from(clock.instant()))
			.update();
		return new Correction(before.label(), shown(source, Map.of(sourceId, text)).get(sourceId));
	}

	/**
	 * What to show for texts of one source: each text's sentiment, corrected where an agent did so;
	 * texts without words are left out.
	 * @param texts record id → its text
	 */
	@Transactional(readOnly = true)
	public Map<Long, Shown> shown(String source, Map<Long, String> texts) {
		Map<Long, Stored> corrections = corrections(source, texts.keySet());
		Map<Long, Shown> out = new LinkedHashMap<>();
		texts.forEach((id, text) -> {
			Sentiment s = text == null ? null : sentiment.analyseRecord(null, text);
			if (s != null) {
				out.put(id, apply(s, corrections.get(id)));
			}
		});
		return out;
	}

	/**
	 * What to show for customers' texts from any source (corrected where an agent did so), in the
	 * order given; texts without words are left out.
	 */
	@Transactional(readOnly = true)
	public Map<CustomerTexts.Text, Shown> judge(List<CustomerTexts.Text> texts) {
		Map<String, Map<Long, String>> bySource = new LinkedHashMap<>();
		texts.forEach(t -> bySource.computeIfAbsent(t.source(), k -> new LinkedHashMap<>()).put(t.id(), t.text()));
		Map<String, Map<Long, Shown>> shown = new HashMap<>();
		bySource.forEach((source, byId) -> shown.put(source, shown(source, byId)));
		Map<CustomerTexts.Text, Shown> out = new LinkedHashMap<>();
		for (CustomerTexts.Text t : texts) {
			Shown s = shown.get(t.source()).get(t.id());
			if (s != null) {
				out.put(t, s);
			}
		}
		return out;
	}

	/** Every corrected text, oldest correction first (what the company model learns from). */
	@Transactional(readOnly = true)
	public List<Corrected> all() {
		return jdbc.sql("select text, label, corrected_at from analytics_sentiment_corrections order by corrected_at, source_id")
			.query((rs, i) -> new Corrected(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	private record Stored(String label, Long by, Instant at) {
	}

	private Map<Long, Stored> corrections(String source, Collection<Long> ids) {
		Map<Long, Stored> out = new HashMap<>();
		if (ids.isEmpty() || !SOURCES.contains(source)) {
			return out;
		}
		jdbc.sql("select source_id, label, corrected_by, corrected_at from analytics_sentiment_corrections"
				+ " where source = ? and source_id = any(?)")
			.params(checked(source), ids.toArray(Long[]::new))
			.query(rs -> {
				out.put(rs.getLong(1), new Stored(rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getTimestamp(4).toInstant()));
			});
		return out;
	}

	private static Shown apply(Sentiment s, Stored correction) {
		if (correction == null) {
			return new Shown(s.label(), s.score(), s.language(), s.evidence(), s.label(), false, null, null);
		}
		String label = correction.label();
		double score = label.equals(s.label()) ? s.score() : valueOf(label);
		return new Shown(label, score, s.language(), s.evidence(), s.label(), true, correction.by(), correction.at());
	}

	/** The score a corrected text counts at when the model's score contradicts the agent's label. */
	static double valueOf(String label) {
		return switch (label) {
			case "positive" -> 0.5;
			case "negative" -> -0.5;
			default -> 0.0;
		};
	}

	private static String checked(String source) {
		if (!SOURCES.contains(source)) {
			throw new IllegalArgumentException("Unknown sentiment source " + source);
		}
		return source;
	}

	private static String clip(String text) {
		return text.length() > SentimentAnalysis.MAX_LENGTH ? text.substring(0, SentimentAnalysis.MAX_LENGTH) : text;
	}

}
