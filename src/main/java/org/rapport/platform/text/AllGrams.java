package org.rapport.platform.text;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the grams of every row of a table again from its search text ({@link SearchText#grams}), for the
 * migrations that add a kind of gram: a collection finds a term through the grams, a walk through the text, and both
 * must find the same rows, those written before the migration included. In batches of {@value #BATCH} rows in id
 * order, each read once and written only if its grams change, with the progress in the log (a million contacts take
 * minutes).
 */
public final class AllGrams {

	private static final Logger log = LoggerFactory.getLogger(AllGrams.class);

	static final int BATCH = 5_000;

	private AllGrams() {
	}

	/**
	 * Recomputes the grams of each row of the table, and returns how many changed.
	 *
	 * @param table a table with {@code id}, {@code search_text} and {@code search_grams}, named by the caller
	 */
	public static long recompute(Connection connection, String table) throws SQLException {
		return recompute(connection, table, "true");
	}

	/**
	 * As {@link #recompute(Connection, String)}, for the rows that match {@code where} only.
	 *
	 * @param where a condition over the table's columns, written by the caller
	 */
	static long recompute(Connection connection, String table, String where) throws SQLException {
		long total;
		try (PreparedStatement count = connection
			.prepareStatement("select count(*) from " + table + " where " + where);
				ResultSet rs = count.executeQuery()) {
			rs.next();
			total = rs.getLong(1);
		}
		long after = Long.MIN_VALUE;
		long read = 0;
		long changed = 0;
		long nextReport = 100_000;
		try (PreparedStatement select = connection.prepareStatement("select id, search_text, search_grams from " + table
				+ " where (" + where + ") and id > ? order by id limit " + BATCH);
				PreparedStatement update = connection
					.prepareStatement("update " + table + " set search_grams = ? where id = ?")) {
			while (true) {
				select.setLong(1, after);
				int rows = 0;
				int batched = 0;
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						rows++;
						after = rs.getLong(1);
						String text = rs.getString(2);
						Array had = rs.getArray(3);
						String[] grams = SearchText.grams(text == null ? "" : text).toArray(String[]::new);
						if (had == null || !Arrays.equals((String[]) had.getArray(), grams)) {
							update.setArray(1, connection.createArrayOf("text", grams));
							update.setLong(2, after);
							update.addBatch();
							batched++;
						}
					}
				}
				if (batched > 0) {
					update.executeBatch();
					changed += batched;
				}
				read += rows;
				if (read >= nextReport) {
					log.info("Grams of {}: {} of {} rows read ({}%), {} changed", table, read, total,
							total == 0 ? 100 : read * 100 / total, changed);
					nextReport += 100_000;
				}
				if (rows < BATCH) {
					break;
				}
			}
		}
		log.info("Grams of {}: {} rows read, {} changed", table, read, changed);
		return changed;
	}

}
