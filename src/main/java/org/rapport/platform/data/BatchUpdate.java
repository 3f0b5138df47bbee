package org.rapport.platform.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.rapport.platform.BatchWritten;
import org.rapport.platform.RapportException;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.StaleVersion;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The steps a facade's batch update shares with every other: the records the changes name read once,
 * each change checked as the single update checks it (a refused one kept at its position with the
 * exception that update would throw), the valid rows updated by one JDBC batch of the single update's
 * {@code update … where id = :id and version = :version}, and a row someone else changed since it was
 * read refused as stale, as the single update would refuse it.
 *
 * @param <C> the changes
 * @param <B> the records as read before the change
 * @param <T> the checked changes
 */
public final class BatchUpdate<C extends BatchUpdate.Change, B, T> {

	/** One change of a batch update: which record, at the version the caller read. */
	public interface Change {

		long id();

		long expectedVersion();

	}

	/**
	 * A facade's checks of one change, exactly as its single update makes them of the record it read:
	 * returns the checked change or throws what that update would throw.
	 */
	@FunctionalInterface
	public interface Check<C, B, T> {

		T check(C change, B before);

	}

	/** What the facade does for each record written (its audit entry, its event). */
	@FunctionalInterface
	public interface Written<C, B, T> {

		void written(C change, B before, T after);

	}

	private final String type;

	private final List<C> all;

	private final Map<Long, B> before;

	private final List<Integer> positions = new ArrayList<>();

	private final List<T> valid = new ArrayList<>();

	private final Map<Integer, RapportException> refused = new LinkedHashMap<>();

	private BatchUpdate(String type, List<C> all, Map<Long, B> before) {
		this.type = type;
		this.all = all;
		this.before = before;
	}

	/**
	 * Reads the records once and checks each change; a record that is not there is not found, as for the
	 * single update.
	 *
	 * @param type the records' type, as their exceptions name it
	 * @param read the records of these ids that exist, in one query
	 * @param id a record's id
	 * @throws IllegalArgumentException if a record is changed more than once
	 */
	public static <C extends Change, B, T> BatchUpdate<C, B, T> check(String type, List<C> all,
			Function<Long[], List<B>> read, ToLongFunction<B> id, Check<C, B, T> check) {
		if (all.stream().map(Change::id).distinct().count() < all.size()) {
			throw new IllegalArgumentException("A " + type + " is changed at most once in one batch");
		}
		Map<Long, B> before = new HashMap<>();
		if (!all.isEmpty()) {
			read.apply(all.stream().map(Change::id).toArray(Long[]::new)).forEach(b -> before.put(id.applyAsLong(b), b));
		}
		BatchUpdate<C, B, T> batch = new BatchUpdate<>(type, all, before);
		for (int i = 0; i < all.size(); i++) {
			C change = all.get(i);
			try {
				B b = before.get(change.id());
				if (b == null) {
					throw new RecordNotFound(type, change.id());
				}
				T checked = check.check(change, b);
				batch.positions.add(i);
				batch.valid.add(checked);
			}
			catch (RapportException ex) {
				batch.refused.put(i, ex);
			}
		}
		return batch;
	}

	/**
	 * Updates the valid rows by one JDBC batch; a row whose version moved since it was read (no row
	 * updated) is refused as stale.
	 *
	 * @param sql the single update's statement, with {@code :id} and {@code :version} (the expected one)
	 * @param columns the other parameters of a checked change
	 */
	public BatchUpdate<C, B, T> update(NamedParameterJdbcTemplate jdbc, String sql, Function<T, Map<String, Object>> columns) {
		SqlParameterSource[] rows = new SqlParameterSource[valid.size()];
		for (int k = 0; k < valid.size(); k++) {
			C change = all.get(positions.get(k));
			rows[k] = new MapSqlParameterSource(columns.apply(valid.get(k))).addValue("id", change.id())
				.addValue("version", change.expectedVersion());
		}
		int[] counts = rows.length == 0 ? new int[0] : jdbc.batchUpdate(sql, rows);
		for (int k = counts.length - 1; k >= 0; k--) {
			if (counts[k] == 0) {
				// changed by someone else since it was read
				C change = all.get(positions.get(k));
				refused.put(positions.get(k), new StaleVersion(type, change.id(), change.expectedVersion(), -1L));
				positions.remove(k);
				valid.remove(k);
			}
		}
		return this;
	}

	/** Calls {@code each} for the records written, in input order; then what the batch did, position by position. */
	public BatchWritten written(Written<C, B, T> each) {
		List<Long> ids = new ArrayList<>(Collections.nCopies(all.size(), (Long) null));
		for (int k = 0; k < valid.size(); k++) {
			C change = all.get(positions.get(k));
			each.written(change, before.get(change.id()), valid.get(k));
			ids.set(positions.get(k), change.id());
		}
		return new BatchWritten(ids, refused);
	}

}
