package org.rapport.analytics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model registry: every trained version of an analytics model with its training window, data
 * size, metrics and when it was trained. A new version becomes the active one only if it is not worse
 * than the active version on the primary hold-out metric (higher is better); otherwise it is kept
 * for the record and the old one stays in use. A fair comparison scores both on the same rows: the
 * trainer passes the active version's figure on the new version's hold-out as a {@link Challenge};
 * without one the new figure is compared with the one the active version had on its own (older)
 * hold-out.
 */
@Service
public class ModelRegistry {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	ModelRegistry(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** One registered version. */
	public record Entry(long id, String name, int version, LocalDate trainingFrom, LocalDate trainingTo, int rows,
			Map<String, Object> metrics, String primaryMetric, Double primaryValue, boolean active, Instant trainedAt) {
	}

	/**
	 * The active version scored on the new version's hold-out.
	 * @param activeId the registry id of the version that was scored (ignored if another became active meanwhile)
	 * @param activeValue its primary metric on the new hold-out
	 */
	public record Challenge(long activeId, double activeValue) {
	}

	/** Registers without a {@link Challenge}: the new figure is compared with the active one's stored figure. */
	@Transactional
	public Entry register(String name, LocalDate from, LocalDate to, int rows, Map<String, Object> metrics,
			String primaryMetric, Double primaryValue) {
		return register(name, from, to, rows, metrics, primaryMetric, primaryValue, null);
	}

	/**
	 * Registers a trained version unless the active one has the same window, size and metrics (the
	 * same model trained again; metrics named {@code active…}, which describe the model that was in use
	 * when this one was trained, are left out of that comparison); it becomes active when no version is active or its primary metric
	 * is not below the active one's: the active one's on the same hold-out when {@code challenge}
	 * scored the version still active, else its stored figure.
	 * @return the registered (or unchanged active) entry
	 */
	@Transactional
	public Entry register(String name, LocalDate from, LocalDate to, int rows, Map<String, Object> metrics,
			String primaryMetric, Double primaryValue, Challenge challenge) {
		// one registration at a time per model: the advisory lock serialises racing trainings
		jdbc.sql("select pg_advisory_xact_lock(hashtext('analytics_models:' || ?))").param(name).query().singleRow();
		Entry active = active(name);
		Map<String, Object> ordered = new LinkedHashMap<>(metrics);
		if (active != null && Objects.equals(active.trainingFrom(), from) && Objects.equals(active.trainingTo(), to)
				&& active.rows() == rows && sameNumbers(active.metrics(), ordered)) {
			return active;
		}
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from analytics_models where name = ?")
			.param(name)
			.query(Integer.class)
			.single();
		Double bar = active == null ? null
				: challenge != null && challenge.activeId() == active.id() ? Double.valueOf(challenge.activeValue())
						: active.primaryValue();
		boolean better = active == null || primaryValue == null || bar == null || primaryValue >= bar;
		if (better && active != null) {
			jdbc.sql("update analytics_models set active = false where id = ?").param(active.id()).update();
		}
		jdbc.sql("insert into analytics_models (name, version, training_from, training_to, rows, metrics, primary_metric,"
				+ " primary_value, active, trained_at) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)")
			.params(name, version, from == null ? null : Date.valueOf(from), to == null ? null : Date.valueOf(to), rows,
					json.writeValueAsString(ordered), primaryMetric, primaryValue, better, Timestamp.from(clock.instant()))
			.update();
		return list().stream().filter(e -> e.name().equals(name) && e.version() == version).findFirst().orElseThrow();
	}

	private static boolean sameNumbers(Map<String, Object> a, Map<String, Object> b) {
		Set<String> keys = ownKeys(a.keySet());
		if (!keys.equals(ownKeys(b.keySet()))) {
			return false;
		}
		for (String k : keys) {
			Object x = a.get(k);
			Object y = b.get(k);
			if (x instanceof Number nx && y instanceof Number ny) {
				if (Math.abs(nx.doubleValue() - ny.doubleValue()) > 1e-9) {
					return false;
				}
			}
			else if (!Objects.equals(String.valueOf(x), String.valueOf(y))) {
				return false;
			}
		}
		return true;
	}

	/** The metrics of the model itself, without those of the model in use when it was trained ({@code active…}). */
	private static Set<String> ownKeys(Set<String> keys) {
		Set<String> own = new HashSet<>();
		for (String k : keys) {
			if (!k.startsWith("active")) {
				own.add(k);
			}
		}
		return own;
	}

	@Transactional(readOnly = true)
	public Entry active(String name) {
		return list().stream().filter(e -> e.name().equals(name) && e.active()).findFirst().orElse(null);
	}

	/** All versions, by model and newest first. */
	@Transactional(readOnly = true)
	public List<Entry> list() {
		return jdbc.sql("select * from analytics_models order by name, version desc")
			.query((rs, i) -> new Entry(rs.getLong("id"), rs.getString("name"), rs.getInt("version"),
					rs.getDate("training_from") == null ? null : rs.getDate("training_from").toLocalDate(),
					rs.getDate("training_to") == null ? null : rs.getDate("training_to").toLocalDate(), rs.getInt("rows"),
					json.readValue(rs.getString("metrics"), new TypeReference<LinkedHashMap<String, Object>>() {
					}), rs.getString("primary_metric"),
					rs.getObject("primary_value") == null ? null : rs.getDouble("primary_value"), rs.getBoolean("active"),
					rs.getTimestamp("trained_at").toInstant()))
			.list();
	}

}
