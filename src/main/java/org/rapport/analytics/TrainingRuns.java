package org.rapport.analytics;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.rapport.platform.Actor;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RecordNotFound;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@link TrainingRun}s of each model in {@code analytics_training_runs}: queued, their progress, their outcome. */
@Component
class TrainingRuns {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TrainingRuns.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ObjectProvider<SchedulerClient> scheduler;

	TrainingRuns(JdbcClient jdbc, JsonMapper json, Clock clock, ObjectProvider<SchedulerClient> scheduler) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.scheduler = scheduler;
	}

	/**
	 * An administrator's request for a training of {@code model}: the run already queued or running, or a
	 * new one queued now for the db-scheduler {@code task} (its instance id is the run's id), which one
	 * node of the cluster carries out within seconds.
	 * @param action named in the refusal to anyone else
	 */
	TrainingRun request(String model, String task, String action) {
		Actor actor = Actor.current();
		if (!actor.isAdmin()) {
			throw new NotPermitted(action);
		}
		Optional<TrainingRun> pending = last(model).filter(r -> !r.finished());
		if (pending.isPresent()) {
			// a run is already waiting or going: asking again does not queue a second one
			return pending.get();
		}
		TrainingRun run = queue(model, "request", actor.isSystem() ? null : actor.id());
		SchedulerClient client = scheduler.getIfAvailable();
		if (client != null) {
			client.scheduleIfNotExists(new TaskInstance<>(task, Long.toString(run.id())), clock.instant());
		}
		log.info("{}: training run {} requested by {}", model, run.id(), actor.username());
		return run;
	}

	TrainingRun run(String model, long id) {
		return jdbc.sql("select * from analytics_training_runs where id = ? and model = ?")
			.params(id, model)
			.query((rs, i) -> map(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFound("training-run", id));
	}

	Optional<TrainingRun> last(String model) {
		return jdbc.sql("select * from analytics_training_runs where model = ? order by id desc limit 1")
			.param(model)
			.query((rs, i) -> map(rs))
			.optional();
	}

	TrainingRun queue(String model, String trigger, Long requestedBy) {
		long id = jdbc.sql("insert into analytics_training_runs (model, trigger, state, requested_by, requested_at) "
				+ "values (?, ?, 'queued', ?, ?) returning id")
			.params(model, trigger, requestedBy, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		return run(model, id);
	}

	TrainingRun progress(String model, long id, String state, String step, String message, Map<String, Object> result) {
		jdbc.sql("""
				update analytics_training_runs set state = ?, step = ?, message = ?, result = cast(? as jsonb),
				  started_at = coalesce(started_at, cast(? as timestamptz)),
				  finished_at = case when cast(? as boolean) then cast(? as timestamptz) end
				where id = ?""")
			.params(state, step, message, json.writeValueAsString(result), Timestamp.from(clock.instant()),
					!"running".equals(state), Timestamp.from(clock.instant()), id)
			.update();
		return run(model, id);
	}

	private TrainingRun map(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp started = rs.getTimestamp("started_at");
		Timestamp finished = rs.getTimestamp("finished_at");
		return new TrainingRun(rs.getLong("id"), rs.getString("trigger"), rs.getString("state"), rs.getString("step"),
				rs.getString("message"), json.readValue(rs.getString("result"), new TypeReference<LinkedHashMap<String, Object>>() {
				}), rs.getTimestamp("requested_at").toInstant(), started == null ? null : started.toInstant(),
				finished == null ? null : finished.toInstant());
	}

}
