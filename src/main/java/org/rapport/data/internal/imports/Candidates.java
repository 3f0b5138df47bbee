package org.rapport.data.internal.imports;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The existing records a batch's rows were compared with, as read: what a waiting update of one of them
 * starts from, so that the batch's updates read nothing again. A record updated since is read again.
 *
 * @param <V> the records
 */
final class Candidates<V> {

	private final ToLongFunction<V> id;

	private final Map<Long, V> byId = new HashMap<>();

	Candidates(ToLongFunction<V> id) {
		this.id = id;
	}

	/** A new batch: what was read for the last one is forgotten. */
	void clear() {
		byId.clear();
	}

	/** A row was compared with these records, as just read. */
	void compared(Collection<V> records) {
		records.forEach(r -> byId.put(id.applyAsLong(r), r));
	}

	/** The record as the batch read it, else as {@code read} reads it now. */
	V get(long recordId, LongFunction<V> read) {
		return byId.computeIfAbsent(recordId, read::apply);
	}

	/** The record was updated: what the batch read of it is out of date, a later update of it reads it again. */
	void updated(long recordId) {
		byId.remove(recordId);
	}

}
