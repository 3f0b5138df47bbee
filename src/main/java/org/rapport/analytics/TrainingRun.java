package org.rapport.analytics;

import java.time.Instant;
import java.util.Map;

/**
 * A training run of a model that trains as a db-scheduler task (lead scoring, company sentiment).
 *
 * @param id run id
 * @param trigger {@code request} (an admin), {@code schedule} (nightly) or {@code start-up}
 * @param state queued, running, done (a model was registered), skipped (too little data) or failed
 * @param step what it is doing: reading, training, registering
 * @param message in a few words: the outcome, or why it stopped
 * @param result figures: data read, hold-out metrics, the registered version and whether it is active
 */
public record TrainingRun(long id, String trigger, String state, String step, String message, Map<String, Object> result,
		Instant requestedAt, Instant startedAt, Instant finishedAt) {

	public boolean finished() {
		return !"queued".equals(state) && !"running".equals(state);
	}

}
